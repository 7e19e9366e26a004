package io.rmbsim.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import com.prowidesoftware.swift.model.mx.MxCamt02900109;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction102;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Fedwire's published samples (see resources iso20022/public/SOURCES.md) read by our readers. */
class PublicSamplesTest {

    static byte[] sample(String name) {
        return Pacs008ReaderTest.resource("public/" + name);
    }

    @Test
    void readsThePacs009() {
        Pacs009 doc = Pacs009Reader.read(sample("pacs.009.001.08-fedwire-FICreditTransfer_Scenario1_Step1.xml"), 10);
        assertThat(doc.messageId()).isEqualTo("20250310B1QDRCQR000501");
        assertThat(doc.version()).isEqualTo("001.08");
        assertThat(doc.transactions()).singleElement().satisfies(tx -> {
            assertThat(tx.instructionId()).isEqualTo("Scenario01FIInstrId001");
            assertThat(tx.endToEndId()).isEqualTo("BANC338754BAND33");
            assertThat(tx.uetr()).isEqualTo("8a562c67-ca16-48ba-b074-65581be6f055");
            assertThat(tx.amount()).isEqualTo("500000000.00");
            assertThat(tx.currency()).isEqualTo("USD");
            assertThat(tx.debtorAgent()).as("Fedwire names banks by ABA, not BIC").isNull();
            assertThat(tx.clearingSystem()).as("ClrSys/Cd, not Prtry").isNull();
        });
    }

    @Test
    void readsTheCamt056() {
        CancellationRequest doc = Camt056Reader.read(sample("camt.056.001.08-fedwire-PaymentReturn_Scenario1_Step2.xml"), 10);
        assertThat(doc.assignmentId()).isEqualTo("20250310B1QDRCQR000401");
        assertThat(doc.assigner()).isNull();
        assertThat(doc.items()).containsExactly(new CancellationRequest.Item(null, "20250310B1QDRCQR000400",
                "Scenario01InstrId001", "Scenario01EtoEId001", "8a562c67-ca16-48ba-b074-65581be6f011", "DUPL",
                "Order cancelled. Ref:20250310B1QDRCQR000400"));
    }

    @Test
    void readsThePacs004() {
        PaymentReturnMessage doc = Pacs004Reader.read(sample("pacs.004.001.10-fedwire-PaymentReturn_Scenario1_Step4.xml"), 10);
        assertThat(doc.messageId()).isEqualTo("20250310ISOTEST1000912");
        assertThat(doc.version()).isEqualTo("001.10");
        assertThat(doc.items()).containsExactly(new PaymentReturnMessage.Item(null, "20250310B1QDRCQR000902",
                "Scenario01InstrId001", "Scenario01EtoEId001", "8a562c67-ca16-48ba-b074-65581be6f011",
                "1510000.74", "USD", "DUPL", "Payment deiplicate. Ref:20250310B1QDRCQR000902."));
    }

    @Test
    void readsThePacs028() {
        StatusRequest doc = Pacs028Reader.read(sample("pacs.028.001.03-fedwire-Drawdowns_Scenario5_Step3.xml"), 10);
        assertThat(doc.messageId()).isEqualTo("20250310Scenario04Step3MsgId001");
        assertThat(doc.items()).containsExactly(new StatusRequest.Item(null, "20250310B1QDRCQR000631",
                "Scenario04Step1InstrId001", "Scenario4EndToEndId001", "8a562c67-ca16-48ba-b074-65581be6f258"));
    }

    @Test
    void routesEverySampleByItsType() {
        assertThat(IsoMessages.messageType(sample("pacs.009.001.08-fedwire-FICreditTransfer_Scenario1_Step1.xml"))).isEqualTo("pacs.009");
        assertThat(IsoMessages.messageType(sample("camt.056.001.08-fedwire-PaymentReturn_Scenario1_Step2.xml"))).isEqualTo("camt.056");
        assertThat(IsoMessages.messageType(sample("pacs.004.001.10-fedwire-PaymentReturn_Scenario1_Step4.xml"))).isEqualTo("pacs.004");
        assertThat(IsoMessages.messageType(sample("pacs.028.001.03-fedwire-Drawdowns_Scenario5_Step3.xml"))).isEqualTo("pacs.028");
        assertThat(IsoMessages.messageType(sample("camt.029.001.09-fedwire-Paymentreturn_Scenario1_Step3.xml"))).isEqualTo("camt.029");
    }

    @Test
    void prowideReadsThePublishedCamt029WhereItReadsOurs() {
        String xml = new String(sample("camt.029.001.09-fedwire-Paymentreturn_Scenario1_Step3.xml"), StandardCharsets.UTF_8);
        var r = MxCamt02900109.parse(xml).getRsltnOfInvstgtn();
        assertThat(r.getAssgnmt().getId()).isEqualTo("20250310B1QDRCQR000402");
        assertThat(r.getRslvdCase().getId()).isEqualTo("20250310011104238Sc01Step1MsgIdDUPL");
        assertThat(r.getSts().getConf()).isEqualTo("CNCL");
        PaymentTransaction102 tx = r.getCxlDtls().get(0).getTxInfAndSts().get(0);
        assertThat(tx.getOrgnlUETR()).isEqualTo("8a562c67-ca16-48ba-b074-65581be6f011");
        assertThat(tx.getOrgnlEndToEndId()).isEqualTo("Scenario01EtoEId001");
        // The published answer and ours have the same top-level shape.
        String ours = Camt029Writer.write("M", ProwideInteropTest.AT, "CIPSCNSHXXX", "HCCBCNBHXXX", "CASE",
                java.util.List.of(Camt029WriterTest.CANCELLED));
        assertThat(Camt029WriterTest.children(SecureDom.all(SecureDom.parse(ours), "RsltnOfInvstgtn").get(0)))
                .isEqualTo(Camt029WriterTest.children(SecureDom.all(SecureDom.parse(xml), "RsltnOfInvstgtn").get(0)));
    }
}
