package io.rmbsim.iso20022;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class Pacs004WriterTest {

    static final ReturnedPayment PARTIAL = new ReturnedPayment("RTR-1", "HCCB-20261130-0001", null, "E1",
            "eb6305c9-1f7f-49de-aed0-16487c27b42d", "1000.00", "400.00", "CNY", LocalDate.of(2026, 11, 30),
            "VHSBRUV0XXX", "HCCBCNBHXXX", "AC04", "account closed & <gone>");
    static final ReturnedPayment BARE = new ReturnedPayment("RTR-2", null, null, null,
            "5f7b8c62-3d1e-4a0f-9b2c-7e1d2a3b4c5d", null, "98.7", "CNY", null, "HCCBCNBHXXX", "VHSBRUV0XXX", null, null);

    static String write(List<ReturnedPayment> returns) {
        return Pacs004Writer.write("CIPS-004-1", Camt029WriterTest.AT, returns);
    }

    @Test
    void writesTheXsdOrder() {
        Document doc = SecureDom.parse(write(List.of(PARTIAL, BARE)));

        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("urn:iso:std:iso:20022:tech:xsd:pacs.004.001.09");
        assertThat(Camt029WriterTest.children(SecureDom.all(doc, "PmtRtr").get(0))).isEqualTo("GrpHdr,TxInf,TxInf");
        assertThat(Camt029WriterTest.children(SecureDom.all(doc, "GrpHdr").get(0))).isEqualTo("MsgId,CreDtTm,NbOfTxs,SttlmInf");
        assertThat(Camt029WriterTest.children(SecureDom.all(doc, "SttlmInf").get(0))).isEqualTo("SttlmMtd,ClrSys");
        List<Element> txs = SecureDom.all(doc, "TxInf");
        assertThat(Camt029WriterTest.children(txs.get(0))).isEqualTo("RtrId,OrgnlGrpInf,OrgnlEndToEndId,OrgnlUETR,"
                + "OrgnlIntrBkSttlmAmt,RtrdIntrBkSttlmAmt,IntrBkSttlmDt,InstgAgt,InstdAgt,RtrRsnInf");
        assertThat(Camt029WriterTest.children(txs.get(1))).isEqualTo("RtrId,OrgnlUETR,RtrdIntrBkSttlmAmt,InstgAgt,InstdAgt");
    }

    @Test
    void writesEachReturn() {
        Document doc = SecureDom.parse(write(List.of(PARTIAL, BARE)));

        assertThat(SecureDom.text(doc, "MsgId")).isEqualTo("CIPS-004-1");
        assertThat(SecureDom.text(doc, "NbOfTxs")).isEqualTo("2");
        assertThat(SecureDom.text(doc, "SttlmMtd")).isEqualTo("CLRG");
        assertThat(SecureDom.text(SecureDom.all(doc, "ClrSys").get(0), "Prtry")).isEqualTo("CIPS");
        Element tx = SecureDom.all(doc, "TxInf").get(0);
        assertThat(SecureDom.text(tx, "OrgnlMsgId")).isEqualTo("HCCB-20261130-0001");
        assertThat(SecureDom.text(tx, "OrgnlMsgNmId")).isEqualTo("pacs.008.001.08");
        Element original = SecureDom.all(doc, "OrgnlIntrBkSttlmAmt").get(0);
        assertThat(original.getTextContent()).isEqualTo("1000.00");
        assertThat(original.getAttribute("Ccy")).isEqualTo("CNY");
        assertThat(SecureDom.all(doc, "RtrdIntrBkSttlmAmt")).extracting(Element::getTextContent).containsExactly("400.00", "98.7");
        assertThat(SecureDom.text(tx, "IntrBkSttlmDt")).isEqualTo("2026-11-30");
        assertThat(SecureDom.text((Element) tx.getElementsByTagNameNS("*", "InstgAgt").item(0), "BICFI")).isEqualTo("VHSBRUV0XXX");
        assertThat(SecureDom.text((Element) tx.getElementsByTagNameNS("*", "InstdAgt").item(0), "BICFI")).isEqualTo("HCCBCNBHXXX");
        assertThat(SecureDom.text(tx, "Cd")).isEqualTo("AC04");
        assertThat(SecureDom.text(tx, "AddtlInf")).isEqualTo("account closed & <gone>");
    }

    @Test
    void namesTheOriginalMessageVersionWhenGiven() {
        ReturnedPayment r = new ReturnedPayment("R", "M0", "pacs.009.001.08", null, "U", null, "1", "CNY", null, "A", "B", null, null);
        assertThat(SecureDom.text(SecureDom.parse(write(List.of(r))), "OrgnlMsgNmId")).isEqualTo("pacs.009.001.08");
    }

    @Test
    void truncatesTheReasonTextTo105Characters() {
        ReturnedPayment r = new ReturnedPayment("R", null, null, null, "U", null, "1", "CNY", null, "A", "B", null, "z".repeat(200));
        assertThat(SecureDom.text(SecureDom.parse(write(List.of(r))), "AddtlInf")).isEqualTo("z".repeat(105));
    }

    @Test
    void refusesWhatItCannotWrite() {
        assertThatThrownBy(() -> write(List.of())).isInstanceOf(IllegalArgumentException.class);
        ReturnedPayment badAmount = new ReturnedPayment("R", null, null, null, "U", null, "-1", "CNY", null, "A", "B", null, null);
        assertThatThrownBy(() -> write(List.of(badAmount))).isInstanceOf(IllegalArgumentException.class);
        ReturnedPayment markup = new ReturnedPayment("R", null, null, null, "U", "1<x/>", "1", "CNY", null, "A", "B", null, null);
        assertThatThrownBy(() -> write(List.of(markup))).isInstanceOf(IllegalArgumentException.class);
        ReturnedPayment noUetr = new ReturnedPayment("R", null, null, null, null, null, "1", "CNY", null, "A", "B", null, null);
        assertThatThrownBy(() -> write(List.of(noUetr))).isInstanceOf(NullPointerException.class);
    }

    @Test
    void isReadBackByOurOwnReader() {
        PaymentReturnMessage read = Pacs004Reader.read(write(List.of(PARTIAL, BARE)).getBytes(java.nio.charset.StandardCharsets.UTF_8), 10);
        assertThat(read.messageId()).isEqualTo("CIPS-004-1");
        assertThat(read.items()).containsExactly(
                new PaymentReturnMessage.Item("RTR-1", "HCCB-20261130-0001", null, "E1", "eb6305c9-1f7f-49de-aed0-16487c27b42d",
                        "400.00", "CNY", "AC04", "account closed & <gone>"),
                new PaymentReturnMessage.Item("RTR-2", null, null, null, "5f7b8c62-3d1e-4a0f-9b2c-7e1d2a3b4c5d",
                        "98.7", "CNY", null, null));
    }
}
