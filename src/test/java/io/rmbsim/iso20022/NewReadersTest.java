package io.rmbsim.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the pacs.009, camt.056, pacs.004 and pacs.028 readers read; refusals are in {@link NewReadersRefusalTest}. */
class NewReadersTest {

    static final String APP_HDR = """
            <AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.02">
              <Fr><FIId><FinInstnId><BICFI>HCCBCNBHXXX</BICFI></FinInstnId></FIId></Fr>
              <To><FIId><FinInstnId><BICFI>CIPSCNSHXXX</BICFI></FinInstnId></FIId></To>
              <BizMsgIdr>B1</BizMsgIdr><MsgDefIdr>x</MsgDefIdr><CreDt>2026-11-30T10:00:00Z</CreDt>
            </AppHdr>
            """;

    static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    static String envelope(String document) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<message>\n" + APP_HDR + document.replaceFirst("<\\?xml[^>]*>", "") + "</message>";
    }

    static final String PACS009 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.009.001.08">
              <FICdtTrf>
                <GrpHdr>
                  <MsgId>HCCB-FI-0001</MsgId><CreDtTm>2026-11-30T10:00:00+08:00</CreDtTm><NbOfTxs>2</NbOfTxs>
                  <SttlmInf><SttlmMtd>CLRG</SttlmMtd><ClrSys><Prtry>CIPS</Prtry></ClrSys></SttlmInf>
                  <PmtTpInf><InstrPrty>NORM</InstrPrty></PmtTpInf>
                </GrpHdr>
                <CdtTrfTxInf>
                  <PmtId><InstrId>I1</InstrId><EndToEndId>E1</EndToEndId><UETR>eb6305c9-1f7f-49de-aed0-16487c27b42d</UETR></PmtId>
                  <PmtTpInf><InstrPrty>HIGH</InstrPrty></PmtTpInf>
                  <IntrBkSttlmAmt Ccy="CNY">1000000.00</IntrBkSttlmAmt>
                  <IntrBkSttlmDt>2026-11-30</IntrBkSttlmDt>
                  <Dbtr><FinInstnId><BICFI>HCCBCNBHXXX</BICFI></FinInstnId></Dbtr>
                  <Cdtr><FinInstnId><BICFI>VHSBRUV0XXX</BICFI></FinInstnId></Cdtr>
                  <Purp><Cd>INTC</Cd></Purp>
                  <RmtInf><Ustrd>liquidity</Ustrd><Ustrd>top-up &amp; more</Ustrd></RmtInf>
                  <UndrlygCstmrCdtTrf>
                    <Dbtr><Nm>Not read</Nm></Dbtr>
                    <DbtrAgt><FinInstnId><BICFI>AAAACNBJXXX</BICFI></FinInstnId></DbtrAgt>
                    <RmtInf><Ustrd>not read either</Ustrd></RmtInf>
                  </UndrlygCstmrCdtTrf>
                </CdtTrfTxInf>
                <CdtTrfTxInf>
                  <PmtId><EndToEndId>E2</EndToEndId><UETR>5f7b8c62-3d1e-4a0f-9b2c-7e1d2a3b4c5d</UETR></PmtId>
                  <IntrBkSttlmAmt Ccy="CNY">98.7</IntrBkSttlmAmt>
                  <Dbtr><FinInstnId><BICFI>VHSBRUV0XXX</BICFI></FinInstnId></Dbtr>
                  <Cdtr><FinInstnId><BICFI>HCCBCNBHXXX</BICFI></FinInstnId></Cdtr>
                </CdtTrfTxInf>
              </FICdtTrf>
            </Document>
            """;

    static final String CAMT056 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.056.001.08">
              <FIToFIPmtCxlReq>
                <Assgnmt>
                  <Id>CXL-0001</Id>
                  <Assgnr><Agt><FinInstnId><BICFI>HCCBCNBHXXX</BICFI></FinInstnId></Agt></Assgnr>
                  <Assgne><Agt><FinInstnId><BICFI>CIPSCNSHXXX</BICFI></FinInstnId></Agt></Assgne>
                  <CreDtTm>2026-11-30T11:00:00+08:00</CreDtTm>
                </Assgnmt>
                <Undrlyg>
                  <OrgnlGrpInfAndCxl><OrgnlMsgId>NOT-AN-ITEM</OrgnlMsgId><OrgnlMsgNmId>pacs.008.001.08</OrgnlMsgNmId></OrgnlGrpInfAndCxl>
                  <TxInf>
                    <CxlId>C1</CxlId>
                    <OrgnlGrpInf><OrgnlMsgId>HCCB-20261130-0001</OrgnlMsgId><OrgnlMsgNmId>pacs.008.001.08</OrgnlMsgNmId></OrgnlGrpInf>
                    <OrgnlInstrId>I1</OrgnlInstrId><OrgnlEndToEndId>E1</OrgnlEndToEndId>
                    <OrgnlUETR>eb6305c9-1f7f-49de-aed0-16487c27b42d</OrgnlUETR>
                    <CxlRsnInf><Rsn><Cd>DUPL</Cd></Rsn><AddtlInf>sent twice</AddtlInf><AddtlInf>by the batch job</AddtlInf></CxlRsnInf>
                  </TxInf>
                  <TxInf>
                    <CxlId>C2</CxlId><OrgnlUETR>5f7b8c62-3d1e-4a0f-9b2c-7e1d2a3b4c5d</OrgnlUETR>
                    <CxlRsnInf><Rsn><Cd>CUST</Cd></Rsn></CxlRsnInf>
                  </TxInf>
                </Undrlyg>
                <Undrlyg>
                  <TxInf><CxlId>C3</CxlId><OrgnlEndToEndId>E3</OrgnlEndToEndId><CxlRsnInf><Rsn><Cd>FRAD</Cd></Rsn></CxlRsnInf></TxInf>
                </Undrlyg>
              </FIToFIPmtCxlReq>
            </Document>
            """;

    static final String PACS004 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.004.001.09">
              <PmtRtr>
                <GrpHdr><MsgId>RTR-0001</MsgId><CreDtTm>2026-11-30T12:00:00+08:00</CreDtTm><NbOfTxs>1</NbOfTxs>
                  <SttlmInf><SttlmMtd>CLRG</SttlmMtd></SttlmInf></GrpHdr>
                <TxInf>
                  <RtrId>R1</RtrId>
                  <OrgnlGrpInf><OrgnlMsgId>HCCB-20261130-0001</OrgnlMsgId><OrgnlMsgNmId>pacs.008.001.08</OrgnlMsgNmId></OrgnlGrpInf>
                  <OrgnlInstrId>I1</OrgnlInstrId><OrgnlEndToEndId>E1</OrgnlEndToEndId>
                  <OrgnlUETR>eb6305c9-1f7f-49de-aed0-16487c27b42d</OrgnlUETR>
                  <OrgnlIntrBkSttlmAmt Ccy="CNY">1000.00</OrgnlIntrBkSttlmAmt>
                  <RtrdIntrBkSttlmAmt Ccy="CNY">400.00</RtrdIntrBkSttlmAmt>
                  <InstgAgt><FinInstnId><BICFI>VHSBRUV0XXX</BICFI></FinInstnId></InstgAgt>
                  <InstdAgt><FinInstnId><BICFI>HCCBCNBHXXX</BICFI></FinInstnId></InstdAgt>
                  <RtrRsnInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>account closed</AddtlInf></RtrRsnInf>
                </TxInf>
              </PmtRtr>
            </Document>
            """;

    static final String PACS028 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.028.001.03">
              <FIToFIPmtStsReq>
                <GrpHdr><MsgId>STS-0001</MsgId><CreDtTm>2026-11-30T13:00:00+08:00</CreDtTm></GrpHdr>
                <TxInf>
                  <StsReqId>S1</StsReqId>
                  <OrgnlGrpInf><OrgnlMsgId>HCCB-20261130-0001</OrgnlMsgId><OrgnlMsgNmId>pacs.008.001.08</OrgnlMsgNmId></OrgnlGrpInf>
                  <OrgnlInstrId>I1</OrgnlInstrId><OrgnlEndToEndId>E1</OrgnlEndToEndId>
                  <OrgnlUETR>eb6305c9-1f7f-49de-aed0-16487c27b42d</OrgnlUETR>
                </TxInf>
                <TxInf><StsReqId>S2</StsReqId><OrgnlUETR>5f7b8c62-3d1e-4a0f-9b2c-7e1d2a3b4c5d</OrgnlUETR></TxInf>
              </FIToFIPmtStsReq>
            </Document>
            """;

    @Test
    void readsAPacs009() {
        Pacs009 doc = Pacs009Reader.read(bytes(PACS009), 10);

        assertThat(doc.messageId()).isEqualTo("HCCB-FI-0001");
        assertThat(doc.version()).isEqualTo("001.08");
        assertThat(doc.transactions()).hasSize(2);
        CreditTransfer first = doc.transactions().get(0);
        assertThat(first).isEqualTo(new CreditTransfer("eb6305c9-1f7f-49de-aed0-16487c27b42d", "E1", "I1",
                "HCCBCNBHXXX", "VHSBRUV0XXX", "1000000.00", "CNY", "HIGH", null, null, null, null,
                "INTC", "liquidity top-up & more", "CIPS"));
        CreditTransfer second = doc.transactions().get(1);
        assertThat(second.priority()).as("the group header's priority").isEqualTo("NORM");
        assertThat(second.instructionId()).isNull();
        assertThat(second.amount()).isEqualTo("98.7");
        assertThat(second.debtorAgent()).isEqualTo("VHSBRUV0XXX");
        assertThat(second.clearingSystem()).isEqualTo("CIPS");
    }

    @Test
    void readsACamt056WithSeveralUnderlyingsAndTransactions() {
        CancellationRequest doc = Camt056Reader.read(bytes(CAMT056), 10);

        assertThat(doc.assignmentId()).isEqualTo("CXL-0001");
        assertThat(doc.assigner()).isEqualTo("HCCBCNBHXXX");
        assertThat(doc.version()).isEqualTo("001.08");
        assertThat(doc.items()).containsExactly(
                new CancellationRequest.Item("C1", "HCCB-20261130-0001", "I1", "E1",
                        "eb6305c9-1f7f-49de-aed0-16487c27b42d", "DUPL", "sent twice by the batch job"),
                new CancellationRequest.Item("C2", null, null, null, "5f7b8c62-3d1e-4a0f-9b2c-7e1d2a3b4c5d", "CUST", null),
                new CancellationRequest.Item("C3", null, null, "E3", null, "FRAD", null));
    }

    @Test
    void readsAPacs004() {
        PaymentReturnMessage doc = Pacs004Reader.read(bytes(PACS004), 10);

        assertThat(doc.messageId()).isEqualTo("RTR-0001");
        assertThat(doc.version()).isEqualTo("001.09");
        assertThat(doc.items()).containsExactly(new PaymentReturnMessage.Item("R1", "HCCB-20261130-0001", "I1", "E1",
                "eb6305c9-1f7f-49de-aed0-16487c27b42d", "400.00", "CNY", "AC04", "account closed"));
    }

    @Test
    void readsAPacs028() {
        StatusRequest doc = Pacs028Reader.read(bytes(PACS028), 10);

        assertThat(doc.messageId()).isEqualTo("STS-0001");
        assertThat(doc.version()).isEqualTo("001.03");
        assertThat(doc.items()).containsExactly(
                new StatusRequest.Item("S1", "HCCB-20261130-0001", "I1", "E1", "eb6305c9-1f7f-49de-aed0-16487c27b42d"),
                new StatusRequest.Item("S2", null, null, null, "5f7b8c62-3d1e-4a0f-9b2c-7e1d2a3b4c5d"));
    }

    @Test
    void readsEachInsideAnEnvelopeWithAnAppHdr() {
        assertThat(Pacs009Reader.read(bytes(envelope(PACS009)), 10).transactions()).hasSize(2);
        assertThat(Camt056Reader.read(bytes(envelope(CAMT056)), 10).items()).hasSize(3);
        assertThat(Pacs004Reader.read(bytes(envelope(PACS004)), 10).items()).hasSize(1);
        assertThat(Pacs028Reader.read(bytes(envelope(PACS028)), 10).items()).hasSize(2);
        assertThat(Camt056Reader.read(bytes(envelope(CAMT056)), 10))
                .isEqualTo(Camt056Reader.read(bytes(CAMT056), 10));
    }

    @Test
    void readsAnyVersionOfTheFamily() {
        assertThat(Pacs009Reader.read(bytes(PACS009.replace("pacs.009.001.08", "pacs.009.001.10")), 10).version())
                .isEqualTo("001.10");
        assertThat(Camt056Reader.read(bytes(CAMT056.replace("camt.056.001.08", "camt.056.001.11")), 10).version())
                .isEqualTo("001.11");
    }

    @Test
    void readsPrefixedDocumentsAndIgnoresForeignElements() {
        String prefixed = """
                <p:Document xmlns:p="urn:iso:std:iso:20022:tech:xsd:pacs.028.001.03" xmlns:x="urn:other">
                  <p:FIToFIPmtStsReq><p:GrpHdr><p:MsgId>M</p:MsgId></p:GrpHdr>
                    <p:TxInf><x:StsReqId>FOREIGN</x:StsReqId><p:OrgnlUETR>U1</p:OrgnlUETR></p:TxInf>
                  </p:FIToFIPmtStsReq>
                </p:Document>
                """;
        assertThat(Pacs028Reader.read(bytes(prefixed), 1).items())
                .containsExactly(new StatusRequest.Item(null, null, null, null, "U1"));
    }
}
