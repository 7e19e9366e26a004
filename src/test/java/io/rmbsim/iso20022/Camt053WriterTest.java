package io.rmbsim.iso20022;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class Camt053WriterTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-30");
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-30T17:30:00+08:00");

    private static StatementEntry credit(long fen, String ref) {
        return new StatementEntry(fen, true, DAY, AT.minusHours(2), ref, "eb6305c9-1f7f-49de-aed0-16487c27b42d",
                "INV-1", "VHSBRUV0XXX", "PAYMENT");
    }

    private static StatementEntry debit(long fen, String ref) {
        return new StatementEntry(fen, false, DAY, AT.minusHours(1), ref, null, null, null, "LIQUIDITY OUT");
    }

    private static Statement statement(long opening, long closing, boolean fin, List<StatementEntry> entries) {
        return new Statement("STMT-CIPS-HCCBCNBHXXX-20261130", AT, "CIPS/HCCBCNBHXXX", "HCCBCNBHXXX", null,
                DAY, opening, closing, fin, entries);
    }

    private static Element balance(Document doc, String type) {
        return SecureDom.all(doc, "Bal").stream().filter(b -> type.equals(SecureDom.text(b, "Cd"))).findFirst().orElseThrow();
    }

    @Test
    void writesAWellFormedFinalStatementWithBalances() {
        String xml = Camt053Writer.write(statement(100_000_00L, 112_500_00L, true,
                List.of(credit(125_000_00L, "P1"), debit(112_500_00L, "P2"))));
        Document doc = SecureDom.parse(xml);

        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08");
        assertThat(SecureDom.text(balance(doc, "OPBD"), "Amt")).isEqualTo("100000.00");
        assertThat(SecureDom.text(balance(doc, "CLBD"), "Amt")).isEqualTo("112500.00");
        assertThat(SecureDom.text(balance(doc, "CLBD"), "CdtDbtInd")).isEqualTo("CRDT");
        assertThat(SecureDom.text(balance(doc, "CLBD"), "Dt")).isEqualTo("2026-11-30");
        assertThat(SecureDom.all(doc, "Amt")).allSatisfy(a ->
                assertThat(a.getAttribute("Ccy")).isIn("CNY", ""));
        assertThat(SecureDom.text(doc, "AnyBIC")).isEqualTo("HCCBCNBHXXX");
        assertThat(SecureDom.all(doc, "Svcr")).isEmpty();
    }

    @Test
    void countsAndSumsEntries() {
        Document doc = SecureDom.parse(Camt053Writer.write(statement(0, 12_345L, true,
                List.of(credit(10_000L, "P1"), credit(5_000L, "P2"), debit(2_655L, "P3")))));

        Element summary = SecureDom.all(doc, "TxsSummry").get(0);
        assertThat(SecureDom.text(summary, "NbOfNtries")).isEqualTo("3");
        assertThat(SecureDom.text(summary, "Sum")).isEqualTo("176.55");
        Element credits = SecureDom.all(doc, "TtlCdtNtries").get(0);
        assertThat(SecureDom.text(credits, "NbOfNtries")).isEqualTo("2");
        assertThat(SecureDom.text(credits, "Sum")).isEqualTo("150.00");
        Element debits = SecureDom.all(doc, "TtlDbtNtries").get(0);
        assertThat(SecureDom.text(debits, "NbOfNtries")).isEqualTo("1");
        assertThat(SecureDom.text(debits, "Sum")).isEqualTo("26.55");
        assertThat(SecureDom.all(doc, "Ntry")).hasSize(3)
                .extracting(n -> SecureDom.text(n, "NtryRef")).containsExactly("P1", "P2", "P3");
    }

    @Test
    void writesEntryDetails() {
        Document doc = SecureDom.parse(Camt053Writer.write(statement(0, 100L, true, List.of(credit(100L, "P1")))));
        Element entry = SecureDom.all(doc, "Ntry").get(0);

        assertThat(SecureDom.text(entry, "Amt")).isEqualTo("1.00");
        assertThat(SecureDom.text(entry, "CdtDbtInd")).isEqualTo("CRDT");
        assertThat(SecureDom.text(SecureDom.all(doc, "Sts").get(0), "Cd")).isEqualTo("BOOK");
        assertThat(SecureDom.text(entry, "DtTm")).isEqualTo("2026-11-30T15:30:00+08:00");
        assertThat(SecureDom.text(entry, "UETR")).isEqualTo("eb6305c9-1f7f-49de-aed0-16487c27b42d");
        assertThat(SecureDom.text(entry, "EndToEndId")).isEqualTo("INV-1");
        assertThat(SecureDom.text(entry, "BICFI")).isEqualTo("VHSBRUV0XXX");
        assertThat(SecureDom.text(entry, "AddtlNtryInf")).isEqualTo("PAYMENT");
    }

    @Test
    void negativeClosingBalanceBecomesDebit() {
        Document doc = SecureDom.parse(Camt053Writer.write(statement(0, -150L, false, List.of(debit(150L, "P1")))));

        assertThat(SecureDom.text(balance(doc, "ITBD"), "Amt")).isEqualTo("1.50");
        assertThat(SecureDom.text(balance(doc, "ITBD"), "CdtDbtInd")).isEqualTo("DBIT");
        assertThat(SecureDom.all(doc, "Bal")).extracting(b -> SecureDom.text(b, "Cd")).containsExactly("OPBD", "ITBD");
    }

    @Test
    void writesTheServicerOfAnIndirectParticipantsAccount() {
        Statement indirect = new Statement("S1", AT, "HCCBCNBHXXX/VHSBRUV0XXX", "VHSBRUV0XXX", "HCCBCNBHXXX",
                DAY, 0, 0, true, List.of());
        Document doc = SecureDom.parse(Camt053Writer.write(indirect));

        assertThat(SecureDom.text(SecureDom.all(doc, "Acct").get(0), "Id")).isEqualTo("HCCBCNBHXXX/VHSBRUV0XXX");
        assertThat(SecureDom.text(SecureDom.all(doc, "Svcr").get(0), "BICFI")).isEqualTo("HCCBCNBHXXX");
        assertThat(SecureDom.text(doc, "NbOfNtries")).isEqualTo("0");
    }

    @Test
    void refusesEntriesThatAreNotPositive() {
        assertThatThrownBy(() -> Camt053Writer.write(statement(0, 0, true, List.of(credit(0, "P1")))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
