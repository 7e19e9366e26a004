package io.rmbsim.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.MxCamt02900109;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxCamt05600108;
import com.prowidesoftware.swift.model.mx.MxPacs00200110;
import com.prowidesoftware.swift.model.mx.MxPacs00400109;
import com.prowidesoftware.swift.model.mx.MxPacs00800108;
import com.prowidesoftware.swift.model.mx.MxPacs00900108;
import com.prowidesoftware.swift.model.mx.MxPacs02800103;
import com.prowidesoftware.swift.model.mx.dic.*;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Interoperability with Prowide ISO 20022 (a JAXB binding of the ISO XSDs, test scope only): Prowide
 * builds the messages the service reads and our readers read them; Prowide parses what the service
 * writes. Because JAXB parsing is lenient about order, each written message is also re-serialised by
 * Prowide (which writes in XSD order) and its element sequence compared with ours: equal sequences
 * mean we wrote the XSD's order and Prowide dropped nothing.
 */
class ProwideInteropTest {

    static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 30, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    static final String UETR1 = "eb6305c9-1f7f-49de-aed0-16487c27b42d";
    static final String UETR2 = "5f7b8c62-3d1e-4a0f-9b2c-7e1d2a3b4c5d";

    static BranchAndFinancialInstitutionIdentification6 agent(String bic) {
        return new BranchAndFinancialInstitutionIdentification6().setFinInstnId(new FinancialInstitutionIdentification18().setBICFI(bic));
    }

    static ActiveCurrencyAndAmount amount(String value) {
        return new ActiveCurrencyAndAmount().setValue(new BigDecimal(value)).setCcy("CNY");
    }

    static OriginalGroupInformation29 original(String msgId) {
        return new OriginalGroupInformation29().setOrgnlMsgId(msgId).setOrgnlMsgNmId("pacs.008.001.08");
    }

    static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** The local names of all elements in document order, each with its depth. */
    static List<String> shape(String xml) {
        List<String> out = new ArrayList<>();
        walk(SecureDom.parse(xml).getDocumentElement(), 0, out);
        return out;
    }

    private static void walk(Element e, int depth, List<String> out) {
        out.add(depth + ":" + e.getLocalName());
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                walk(c, depth + 1, out);
            }
        }
    }

    /** Prowide re-serialises what it parsed in XSD order; ours must already be in that order. */
    static void assertXsdOrder(String ours, AbstractMX parsed) {
        assertThat(shape(parsed.document())).containsExactlyElementsOf(shape(ours));
    }

    // ---- Prowide builds, we read ----

    @Test
    void readsAPacs009BuiltByProwide() {
        GroupHeader93 header = new GroupHeader93().setMsgId("FI-1").setCreDtTm(AT).setNbOfTxs("2")
                .setSttlmInf(new SettlementInstruction7().setSttlmMtd(SettlementMethod1Code.CLRG)
                        .setClrSys(new ClearingSystemIdentification3Choice().setPrtry("CIPS")))
                .setPmtTpInf(new PaymentTypeInformation28().setInstrPrty(Priority2Code.NORM));
        FinancialInstitutionCreditTransferV08 body = new FinancialInstitutionCreditTransferV08().setGrpHdr(header)
                .addCdtTrfTxInf(new CreditTransferTransaction36()
                        .setPmtId(new PaymentIdentification7().setInstrId("I1").setEndToEndId("E1").setUETR(UETR1))
                        .setPmtTpInf(new PaymentTypeInformation28().setInstrPrty(Priority2Code.HIGH))
                        .setIntrBkSttlmAmt(amount("1000000.00")).setIntrBkSttlmDt(LocalDate.of(2026, 11, 30))
                        .setDbtr(agent("HCCBCNBHXXX")).setCdtr(agent("VHSBRUV0XXX"))
                        .setPurp(new Purpose2Choice().setCd("INTC"))
                        .setRmtInf(new RemittanceInformation2().addUstrd("liquidity").addUstrd("top-up")))
                .addCdtTrfTxInf(new CreditTransferTransaction36()
                        .setPmtId(new PaymentIdentification7().setEndToEndId("E2").setUETR(UETR2))
                        .setIntrBkSttlmAmt(amount("98.7")).setDbtr(agent("VHSBRUV0XXX")).setCdtr(agent("HCCBCNBHXXX")));
        MxPacs00900108 mx = new MxPacs00900108().setFICdtTrf(body);

        for (String xml : List.of(mx.document(), mx.message())) {
            Pacs009 doc = Pacs009Reader.read(bytes(xml), 10);
            assertThat(doc.messageId()).isEqualTo("FI-1");
            assertThat(doc.version()).isEqualTo("001.08");
            assertThat(doc.transactions().get(0)).isEqualTo(new CreditTransfer(UETR1, "E1", "I1", "HCCBCNBHXXX",
                    "VHSBRUV0XXX", "1000000.00", "CNY", "HIGH", null, null, null, null, "INTC", "liquidity top-up", "CIPS"));
            CreditTransfer second = doc.transactions().get(1);
            assertThat(second.uetr()).isEqualTo(UETR2);
            assertThat(new BigDecimal(second.amount())).isEqualByComparingTo("98.7");
            assertThat(second.priority()).isEqualTo("NORM");
            assertThat(second.debtorAgent()).isEqualTo("VHSBRUV0XXX");
            assertThat(IsoMessages.messageType(bytes(xml))).isEqualTo("pacs.009");
        }
    }

    @Test
    void readsAPacs008BuiltByProwide() {
        FIToFICustomerCreditTransferV08 body = new FIToFICustomerCreditTransferV08()
                .setGrpHdr(new GroupHeader93().setMsgId("C-1").setCreDtTm(AT).setNbOfTxs("1")
                        .setSttlmInf(new SettlementInstruction7().setSttlmMtd(SettlementMethod1Code.CLRG)
                                .setClrSys(new ClearingSystemIdentification3Choice().setPrtry("DNS"))))
                .addCdtTrfTxInf(new CreditTransferTransaction39()
                        .setPmtId(new PaymentIdentification7().setInstrId("I1").setEndToEndId("E1").setUETR(UETR1))
                        .setIntrBkSttlmAmt(amount("125000.00")).setChrgBr(ChargeBearerType1Code.SHAR)
                        .setDbtr(new PartyIdentification135().setNm("Debtor Co"))
                        .setDbtrAcct(new CashAccount38().setId(new AccountIdentification4Choice().setIBAN("CN0012345678")))
                        .setDbtrAgt(agent("HCCBCNBHXXX")).setCdtrAgt(agent("VHSBRUV0XXX"))
                        .setCdtr(new PartyIdentification135().setNm("Creditor LLC"))
                        .setCdtrAcct(new CashAccount38().setId(new AccountIdentification4Choice()
                                .setOthr(new GenericAccountIdentification1().setId("40702810"))))
                        .setPurp(new Purpose2Choice().setCd("GDDS"))
                        .setRmtInf(new RemittanceInformation16().addUstrd("invoice 7")));
        MxPacs00800108 mx = new MxPacs00800108().setFIToFICstmrCdtTrf(body);

        for (String xml : List.of(mx.document(), mx.message())) {
            Pacs008 doc = Pacs008Reader.read(bytes(xml), 10);
            assertThat(doc.messageId()).isEqualTo("C-1");
            assertThat(doc.transactions()).containsExactly(new CreditTransfer(UETR1, "E1", "I1", "HCCBCNBHXXX",
                    "VHSBRUV0XXX", "125000.00", "CNY", null, "Debtor Co", "CN0012345678", "Creditor LLC", "40702810",
                    "GDDS", "invoice 7", "DNS"));
            assertThat(IsoMessages.messageType(bytes(xml))).isEqualTo("pacs.008");
        }
    }

    @Test
    void readsACamt056BuiltByProwide() {
        FIToFIPaymentCancellationRequestV08 body = new FIToFIPaymentCancellationRequestV08()
                .setAssgnmt(new CaseAssignment5().setId("CXL-1").setCreDtTm(AT)
                        .setAssgnr(new Party40Choice().setAgt(agent("HCCBCNBHXXX")))
                        .setAssgne(new Party40Choice().setAgt(agent("CIPSCNSHXXX"))))
                .addUndrlyg(new UnderlyingTransaction23()
                        .addTxInf(new PaymentTransaction106().setCxlId("C1").setOrgnlGrpInf(original("M-0001"))
                                .setOrgnlInstrId("I1").setOrgnlEndToEndId("E1").setOrgnlUETR(UETR1)
                                .addCxlRsnInf(new PaymentCancellationReason5()
                                        .setRsn(new CancellationReason33Choice().setCd("DUPL"))
                                        .addAddtlInf("sent").addAddtlInf("twice")))
                        .addTxInf(new PaymentTransaction106().setCxlId("C2").setOrgnlUETR(UETR2)
                                .addCxlRsnInf(new PaymentCancellationReason5().setRsn(new CancellationReason33Choice().setCd("FRAD")))))
                .addUndrlyg(new UnderlyingTransaction23()
                        .addTxInf(new PaymentTransaction106().setCxlId("C3").setOrgnlEndToEndId("E3")));
        MxCamt05600108 mx = new MxCamt05600108().setFIToFIPmtCxlReq(body);

        for (String xml : List.of(mx.document(), mx.message())) {
            CancellationRequest doc = Camt056Reader.read(bytes(xml), 10);
            assertThat(doc.assignmentId()).isEqualTo("CXL-1");
            assertThat(doc.assigner()).isEqualTo("HCCBCNBHXXX");
            assertThat(doc.version()).isEqualTo("001.08");
            assertThat(doc.items()).containsExactly(
                    new CancellationRequest.Item("C1", "M-0001", "I1", "E1", UETR1, "DUPL", "sent twice"),
                    new CancellationRequest.Item("C2", null, null, null, UETR2, "FRAD", null),
                    new CancellationRequest.Item("C3", null, null, "E3", null, null, null));
        }
    }

    @Test
    void readsAPacs004BuiltByProwide() {
        PaymentReturnV09 body = new PaymentReturnV09()
                .setGrpHdr(new GroupHeader90().setMsgId("RTR-1").setCreDtTm(AT).setNbOfTxs("1")
                        .setSttlmInf(new SettlementInstruction7().setSttlmMtd(SettlementMethod1Code.CLRG)))
                .addTxInf(new PaymentTransaction112().setRtrId("R1").setOrgnlGrpInf(original("M-0001"))
                        .setOrgnlInstrId("I1").setOrgnlEndToEndId("E1").setOrgnlUETR(UETR1)
                        .setRtrdIntrBkSttlmAmt(amount("400.00"))
                        .addRtrRsnInf(new PaymentReturnReason6().setRsn(new ReturnReason5Choice().setCd("AC04"))
                                .addAddtlInf("account closed")));
        MxPacs00400109 mx = new MxPacs00400109().setPmtRtr(body);

        for (String xml : List.of(mx.document(), mx.message())) {
            PaymentReturnMessage doc = Pacs004Reader.read(bytes(xml), 10);
            assertThat(doc.messageId()).isEqualTo("RTR-1");
            assertThat(doc.version()).isEqualTo("001.09");
            assertThat(doc.items()).singleElement().satisfies(item -> {
                assertThat(item.returnId()).isEqualTo("R1");
                assertThat(item.originalMessageId()).isEqualTo("M-0001");
                assertThat(item.originalInstructionId()).isEqualTo("I1");
                assertThat(item.originalEndToEndId()).isEqualTo("E1");
                assertThat(item.originalUetr()).isEqualTo(UETR1);
                assertThat(new BigDecimal(item.amount())).isEqualByComparingTo("400");
                assertThat(item.currency()).isEqualTo("CNY");
                assertThat(item.reasonCode()).isEqualTo("AC04");
                assertThat(item.reasonText()).isEqualTo("account closed");
            });
        }
    }

    @Test
    void readsAPacs028BuiltByProwide() {
        FIToFIPaymentStatusRequestV03 body = new FIToFIPaymentStatusRequestV03()
                .setGrpHdr(new GroupHeader91().setMsgId("STS-1").setCreDtTm(AT))
                .addTxInf(new PaymentTransaction113().setStsReqId("S1").setOrgnlGrpInf(original("M-0001"))
                        .setOrgnlInstrId("I1").setOrgnlEndToEndId("E1").setOrgnlUETR(UETR1))
                .addTxInf(new PaymentTransaction113().setStsReqId("S2").setOrgnlUETR(UETR2));
        MxPacs02800103 mx = new MxPacs02800103().setFIToFIPmtStsReq(body);

        for (String xml : List.of(mx.document(), mx.message())) {
            StatusRequest doc = Pacs028Reader.read(bytes(xml), 10);
            assertThat(doc.messageId()).isEqualTo("STS-1");
            assertThat(doc.version()).isEqualTo("001.03");
            assertThat(doc.items()).containsExactly(
                    new StatusRequest.Item("S1", "M-0001", "I1", "E1", UETR1),
                    new StatusRequest.Item("S2", null, null, null, UETR2));
        }
    }

    // ---- we write, Prowide parses ----

    @Test
    void prowideParsesOurCamt029() {
        String xml = Camt029Writer.write("CIPS-029-1", AT, "CIPSCNSHXXX", "HCCBCNBHXXX", "CXL-1", List.of(
                Camt029WriterTest.CANCELLED, Camt029WriterTest.REFUSED));
        MxCamt02900109 mx = MxCamt02900109.parse(xml);
        ResolutionOfInvestigationV09 r = mx.getRsltnOfInvstgtn();

        assertThat(r.getAssgnmt().getId()).isEqualTo("CIPS-029-1");
        assertThat(r.getAssgnmt().getAssgnr().getAgt().getFinInstnId().getBICFI()).isEqualTo("CIPSCNSHXXX");
        assertThat(r.getAssgnmt().getAssgne().getAgt().getFinInstnId().getBICFI()).isEqualTo("HCCBCNBHXXX");
        assertThat(r.getAssgnmt().getCreDtTm()).isEqualTo(AT);
        assertThat(r.getRslvdCase().getId()).isEqualTo("CXL-1");
        assertThat(r.getRslvdCase().getCretr().getAgt().getFinInstnId().getBICFI()).isEqualTo("HCCBCNBHXXX");
        assertThat(r.getSts().getConf()).isEqualTo("PECR");
        List<PaymentTransaction102> txs = r.getCxlDtls().get(0).getTxInfAndSts();
        assertThat(txs).extracting(PaymentTransaction102::getCxlStsId).containsExactly("C1", "C2");
        assertThat(txs).extracting(PaymentTransaction102::getOrgnlUETR).containsExactly(UETR1, UETR2);
        assertThat(txs).extracting(t -> t.getTxCxlSts().value()).containsExactly("ACCR", "RJCR");
        assertThat(txs.get(0).getOrgnlInstrId()).isEqualTo("I1");
        assertThat(txs.get(1).getOrgnlEndToEndId()).isEqualTo("E2");
        assertThat(txs.get(1).getCxlStsRsnInf().get(0).getRsn().getCd()).isEqualTo("ARDT");
        assertThat(txs.get(1).getCxlStsRsnInf().get(0).getAddtlInf()).containsExactly("already settled <at> 10:02 & booked");
        assertXsdOrder(xml, mx);
    }

    @Test
    void prowideParsesOurPacs004() {
        String xml = Pacs004Writer.write("CIPS-004-1", AT, List.of(Pacs004WriterTest.PARTIAL, Pacs004WriterTest.BARE));
        MxPacs00400109 mx = MxPacs00400109.parse(xml);
        PaymentReturnV09 r = mx.getPmtRtr();

        assertThat(r.getGrpHdr().getMsgId()).isEqualTo("CIPS-004-1");
        assertThat(r.getGrpHdr().getNbOfTxs()).isEqualTo("2");
        assertThat(r.getGrpHdr().getSttlmInf().getSttlmMtd()).isEqualTo(SettlementMethod1Code.CLRG);
        assertThat(r.getGrpHdr().getSttlmInf().getClrSys().getPrtry()).isEqualTo("CIPS");
        PaymentTransaction112 tx = r.getTxInf().get(0);
        assertThat(tx.getRtrId()).isEqualTo("RTR-1");
        assertThat(tx.getOrgnlGrpInf().getOrgnlMsgId()).isEqualTo("HCCB-20261130-0001");
        assertThat(tx.getOrgnlEndToEndId()).isEqualTo("E1");
        assertThat(tx.getOrgnlUETR()).isEqualTo(UETR1);
        assertThat(tx.getOrgnlIntrBkSttlmAmt().getValue()).isEqualByComparingTo("1000.00");
        assertThat(tx.getRtrdIntrBkSttlmAmt().getValue()).isEqualByComparingTo("400.00");
        assertThat(tx.getRtrdIntrBkSttlmAmt().getCcy()).isEqualTo("CNY");
        assertThat(tx.getIntrBkSttlmDt()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(tx.getInstgAgt().getFinInstnId().getBICFI()).isEqualTo("VHSBRUV0XXX");
        assertThat(tx.getInstdAgt().getFinInstnId().getBICFI()).isEqualTo("HCCBCNBHXXX");
        assertThat(tx.getRtrRsnInf().get(0).getRsn().getCd()).isEqualTo("AC04");
        assertThat(tx.getRtrRsnInf().get(0).getAddtlInf()).containsExactly("account closed & <gone>");
        assertThat(r.getTxInf().get(1).getOrgnlUETR()).isEqualTo(UETR2);
        assertThat(r.getTxInf().get(1).getRtrdIntrBkSttlmAmt().getValue()).isEqualByComparingTo("98.7");
        assertXsdOrder(xml, mx);
    }

    @Test
    void prowideParsesOurPacs002() {
        String xml = Pacs002Writer.write("CIPS-002-1", AT, "HCCB-20261130-0001", List.of(
                new TransactionStatus("I1", "E1", UETR1, "ACSC", null, null),
                new TransactionStatus(null, "E2", UETR2, "RJCT", "AM03", "not CNY")));
        MxPacs00200110 mx = MxPacs00200110.parse(xml);
        FIToFIPaymentStatusReportV10 r = mx.getFIToFIPmtStsRpt();

        assertThat(r.getGrpHdr().getMsgId()).isEqualTo("CIPS-002-1");
        assertThat(r.getOrgnlGrpInfAndSts().get(0).getOrgnlMsgId()).isEqualTo("HCCB-20261130-0001");
        assertThat(r.getOrgnlGrpInfAndSts().get(0).getOrgnlMsgNmId()).isEqualTo("pacs.008.001.08");
        assertThat(r.getTxInfAndSts()).extracting(PaymentTransaction110::getOrgnlUETR).containsExactly(UETR1, UETR2);
        assertThat(r.getTxInfAndSts()).extracting(PaymentTransaction110::getTxSts).containsExactly("ACSC", "RJCT");
        assertThat(r.getTxInfAndSts().get(1).getStsRsnInf().get(0).getRsn().getCd()).isEqualTo("AM03");
        assertThat(r.getTxInfAndSts().get(1).getStsRsnInf().get(0).getAddtlInf()).containsExactly("not CNY");
        assertXsdOrder(xml, mx);
    }

    @Test
    void prowideParsesOurCamt053() {
        LocalDate day = LocalDate.of(2026, 11, 30);
        Statement statement = new Statement("STMT-1", AT, "CIPS/HCCBCNBHXXX", "HCCBCNBHXXX", null, day, 100_000_00L,
                100_500_00L, true, List.of(
                new StatementEntry(1_000_00L, true, day, AT, "P1", UETR1, "E1", "VHSBRUV0XXX", "PAYMENT"),
                new StatementEntry(500_00L, false, day, null, "P2", UETR2, null, "VHSBRUV0XXX", "PAYMENT")));
        String xml = Camt053Writer.write(statement);
        MxCamt05300108 mx = MxCamt05300108.parse(xml);
        AccountStatement9 s = mx.getBkToCstmrStmt().getStmt().get(0);

        assertThat(mx.getBkToCstmrStmt().getGrpHdr().getMsgId()).isEqualTo("STMT-1");
        assertThat(s.getAcct().getId().getOthr().getId()).isEqualTo("CIPS/HCCBCNBHXXX");
        assertThat(s.getBal()).extracting(b -> b.getTp().getCdOrPrtry().getCd()).containsExactly("OPBD", "CLBD");
        assertThat(s.getBal()).extracting(b -> b.getAmt().getValue()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("100000.00"), new BigDecimal("100500.00"));
        assertThat(s.getTxsSummry().getTtlNtries().getNbOfNtries()).isEqualTo("2");
        assertThat(s.getTxsSummry().getTtlNtries().getSum()).isEqualByComparingTo("1500.00");
        assertThat(s.getTxsSummry().getTtlNtries().getTtlNetNtry().getAmt()).isEqualByComparingTo("500.00");
        assertThat(s.getTxsSummry().getTtlCdtNtries().getSum()).isEqualByComparingTo("1000.00");
        assertThat(s.getTxsSummry().getTtlDbtNtries().getSum()).isEqualByComparingTo("500.00");
        assertThat(s.getNtry()).extracting(n -> n.getAmt().getValue()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1000.00"), new BigDecimal("500.00"));
        assertThat(s.getNtry()).extracting(n -> n.getCdtDbtInd().value()).containsExactly("CRDT", "DBIT");
        assertThat(s.getNtry().get(0).getNtryDtls().get(0).getTxDtls().get(0).getRefs().getUETR()).isEqualTo(UETR1);
        assertXsdOrder(xml, mx);
    }
}
