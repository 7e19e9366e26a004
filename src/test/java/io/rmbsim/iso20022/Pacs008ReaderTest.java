package io.rmbsim.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading real and hand-written pacs.008 documents; hostile input lives in {@link Pacs008ReaderRefusalTest}. */
class Pacs008ReaderTest {

    static byte[] resource(String name) {
        try (InputStream in = Pacs008ReaderTest.class.getResourceAsStream("/iso20022/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readsTheProwideSampleInsideItsAppHdrWrapper() {
        // pacs.008.001.07-with-apphdr.xml: Prowide ISO 20022 test resources, Apache License 2.0.
        Pacs008 doc = Pacs008Reader.read(resource("pacs.008.001.07-with-apphdr.xml"), 10);

        assertThat(doc.messageId()).isEqualTo("823823423");
        assertThat(doc.version()).isEqualTo("001.07");
        assertThat(doc.transactions()).singleElement().satisfies(tx -> {
            assertThat(tx.instructionId()).isEqualTo("23423423");
            assertThat(tx.endToEndId()).isEqualTo("223423423");
            assertThat(tx.uetr()).isNull();
            assertThat(tx.amount()).isEqualTo("5000");
            assertThat(tx.currency()).isEqualTo("USD");
            assertThat(tx.debtorAgent()).isEqualTo("ITUSUSP1XXX");
            assertThat(tx.creditorAgent()).isEqualTo("USTBUS31XXX");
            assertThat(tx.debtorName()).isEqualTo("JOHN DOE");
            assertThat(tx.creditorName()).isEqualTo("Mike Smith");
            assertThat(tx.priority()).isNull();
            assertThat(tx.purpose()).isNull();
        });
    }

    @Test
    void readsThreeCnyTransfersInDocumentOrder() {
        Pacs008 doc = Pacs008Reader.read(resource("pacs.008.001.08-three-cny.xml"), 3);

        assertThat(doc.messageId()).isEqualTo("HCCB-20261130-0001");
        assertThat(doc.version()).isEqualTo("001.08");
        assertThat(doc.transactions()).extracting(CreditTransfer::uetr).containsExactly(
                "eb6305c9-1f7f-49de-aed0-16487c27b42d",
                "5f7b8c62-3d1e-4a0f-9b2c-7e1d2a3b4c5d",
                "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
        assertThat(doc.transactions()).extracting(CreditTransfer::amount).containsExactly("125000.00", "98.7", "1");
        assertThat(doc.transactions()).extracting(CreditTransfer::currency).containsOnly("CNY");
    }

    @Test
    void readsEveryFieldOfATransfer() {
        CreditTransfer first = Pacs008Reader.read(resource("pacs.008.001.08-three-cny.xml"), 3).transactions().get(0);

        assertThat(first).isEqualTo(new CreditTransfer("eb6305c9-1f7f-49de-aed0-16487c27b42d", "INV-2026-0001",
                "INSTR-1", "VHSBRUV0XXX", "ICBKCNBJXXX", "125000.00", "CNY", "NORM", "Amur Timber LLC",
                "40702156000000001234", "Heilongjiang Grain Co.", "6222020200112233445", "GDDS",
                "Invoice 0001 soybeans", null));
    }

    @Test
    void takesTransactionPriorityOverGroupPriority() {
        Pacs008 doc = Pacs008Reader.read(resource("pacs.008.001.08-three-cny.xml"), 3);

        assertThat(doc.transactions()).extracting(CreditTransfer::priority).containsExactly("NORM", "HIGH", "NORM");
    }

    @Test
    void trimsValuesDecodesEscapesAndReadsIbans() {
        CreditTransfer second = Pacs008Reader.read(resource("pacs.008.001.08-three-cny.xml"), 3).transactions().get(1);

        assertThat(second.endToEndId()).isEqualTo("INV-2026-0002");
        assertThat(second.debtorName()).isEqualTo("Harbin Machinery & Tools");
        assertThat(second.debtorAccount()).isEqualTo("CN12HCCB0000000000000001");
        assertThat(second.creditorAccount()).isNull();
        assertThat(second.remittanceInformation()).isNull();
    }

    @Test
    void keepsBicsAsWrittenAndIgnoresElementsOfOtherNamespaces() {
        CreditTransfer third = Pacs008Reader.read(resource("pacs.008.001.08-three-cny.xml"), 3).transactions().get(2);

        assertThat(third.debtorAgent()).isEqualTo("ICBKCNBJ");
        assertThat(third.endToEndId()).isEqualTo("INV-2026-0003");
        assertThat(third.instructionId()).isNull();
        assertThat(third.debtorName()).isNull();
    }

    @Test
    void acceptsOlderVersionsWithBicInsteadOfBicfi() {
        String xml = """
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.02"><FIToFICstmrCdtTrf>
                <GrpHdr><MsgId>OLD-1</MsgId></GrpHdr>
                <CdtTrfTxInf><PmtId><EndToEndId>E2E</EndToEndId></PmtId>
                <IntrBkSttlmAmt Ccy="CNY">10.00</IntrBkSttlmAmt>
                <DbtrAgt><FinInstnId><BIC>VHSBRUV0XXX</BIC></FinInstnId></DbtrAgt>
                <CdtrAgt><FinInstnId><BIC>ICBKCNBJXXX</BIC></FinInstnId></CdtrAgt>
                </CdtTrfTxInf></FIToFICstmrCdtTrf></Document>""";

        Pacs008 doc = Pacs008Reader.read(xml.getBytes(StandardCharsets.UTF_8), 1);

        assertThat(doc.version()).isEqualTo("001.02");
        assertThat(doc.transactions().get(0).debtorAgent()).isEqualTo("VHSBRUV0XXX");
        assertThat(doc.transactions().get(0).creditorAgent()).isEqualTo("ICBKCNBJXXX");
    }

    @Test
    void acceptsExactlyMaxTransactions() {
        assertThat(Pacs008Reader.read(resource("pacs.008.001.08-three-cny.xml"), 3).transactions()).hasSize(3);
    }
}
