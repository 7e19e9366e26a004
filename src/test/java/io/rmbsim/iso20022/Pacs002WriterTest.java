package io.rmbsim.iso20022;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class Pacs002WriterTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-11-30T10:00:00+08:00");

    private static String threeStatuses() {
        return Pacs002Writer.write("STS-1", CREATED, "HCCB-20261130-0001", List.of(
                new TransactionStatus("INSTR-1", "INV-1", "eb6305c9-1f7f-49de-aed0-16487c27b42d", "ACSC", null, null),
                new TransactionStatus(null, "INV-2", "5f7b8c62-3d1e-4a0f-9b2c-7e1d2a3b4c5d", "PDNG", null, null),
                new TransactionStatus("INSTR-3", "INV-3", null, "RJCT", "AM03", "Currency USD is not settled here")));
    }

    @Test
    void writesAWellFormedPacs002WithOneStatusPerTransaction() {
        String xml = threeStatuses();
        Document doc = SecureDom.parse(xml);

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("Document");
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10");
        assertThat(SecureDom.all(doc, "TxInfAndSts")).extracting(tx -> SecureDom.text(tx, "TxSts"))
                .containsExactly("ACSC", "PDNG", "RJCT");
    }

    @Test
    void writesGroupHeaderAndOriginalGroup() {
        Document doc = SecureDom.parse(threeStatuses());

        assertThat(SecureDom.text(doc, "MsgId")).isEqualTo("STS-1");
        assertThat(SecureDom.text(doc, "CreDtTm")).isEqualTo("2026-11-30T10:00:00+08:00");
        assertThat(SecureDom.text(doc, "OrgnlMsgId")).isEqualTo("HCCB-20261130-0001");
        assertThat(SecureDom.text(doc, "OrgnlMsgNmId")).isEqualTo("pacs.008.001.08");
    }

    @Test
    void writesReasonOnlyWhereThereIsOneAndOriginalIdsOnlyWhereKnown() {
        List<Element> txs = SecureDom.all(SecureDom.parse(threeStatuses()), "TxInfAndSts");

        assertThat(txs).extracting(tx -> SecureDom.text(tx, "Cd")).containsExactly(null, null, "AM03");
        assertThat(txs).extracting(tx -> SecureDom.text(tx, "OrgnlInstrId")).containsExactly("INSTR-1", null, "INSTR-3");
        assertThat(txs).extracting(tx -> SecureDom.text(tx, "OrgnlUETR"))
                .containsExactly("eb6305c9-1f7f-49de-aed0-16487c27b42d", "5f7b8c62-3d1e-4a0f-9b2c-7e1d2a3b4c5d", null);
        assertThat(SecureDom.text(txs.get(2), "AddtlInf")).isEqualTo("Currency USD is not settled here");
    }

    @Test
    void escapesSpecialCharactersAndDropsControlCharacters() {
        String nasty = "<b>\"Tom & Jerry's\"</b>\u0000\u0007 ]]> end";
        String xml = Pacs002Writer.write("S&1", CREATED, "<orig>", List.of(
                new TransactionStatus(null, "E2E", null, "RJCT", "RR04", nasty)));
        Document doc = SecureDom.parse(xml);

        assertThat(SecureDom.text(doc, "AddtlInf")).isEqualTo("<b>\"Tom & Jerry's\"</b> ]]> end");
        assertThat(SecureDom.text(doc, "MsgId")).isEqualTo("S&1");
        assertThat(SecureDom.text(doc, "OrgnlMsgId")).isEqualTo("<orig>");
        assertThat(xml).doesNotContain("<b>").contains("&amp;").contains("&quot;").contains("&apos;");
    }

    @Test
    void limitsAdditionalInformationTo105Characters() {
        String xml = Pacs002Writer.write("S1", CREATED, "O1", List.of(
                new TransactionStatus(null, "E2E", null, "RJCT", "AM04", "x".repeat(300))));

        assertThat(SecureDom.text(SecureDom.parse(xml), "AddtlInf")).hasSize(105);
    }

    @Test
    void writesAdditionalInformationWithoutReasonCode() {
        String xml = Pacs002Writer.write("S1", CREATED, "O1", List.of(
                new TransactionStatus(null, "E2E", null, "PDNG", null, "waiting for liquidity")));
        Document doc = SecureDom.parse(xml);

        assertThat(SecureDom.all(doc, "Rsn")).isEmpty();
        assertThat(SecureDom.text(doc, "AddtlInf")).isEqualTo("waiting for liquidity");
    }
}
