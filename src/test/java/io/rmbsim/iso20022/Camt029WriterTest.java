package io.rmbsim.iso20022;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class Camt029WriterTest {

    static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 30, 11, 5, 0, 0, ZoneOffset.ofHours(8));
    static final CancellationResolution CANCELLED = new CancellationResolution("C1", "I1", "E1",
            "eb6305c9-1f7f-49de-aed0-16487c27b42d", "CNCL", null, null);
    static final CancellationResolution REFUSED = new CancellationResolution("C2", null, "E2",
            "5f7b8c62-3d1e-4a0f-9b2c-7e1d2a3b4c5d", "RJCR", "ARDT", "already settled <at> 10:02 & booked");

    static String write(List<CancellationResolution> resolutions) {
        return Camt029Writer.write("CIPS-029-1", AT, "CIPSCNSHXXX", "HCCBCNBHXXX", "CXL-0001", resolutions);
    }

    /** Local names of the element children, in order. */
    static String children(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                sb.append(sb.length() == 0 ? "" : ",").append(c.getLocalName());
            }
        }
        return sb.toString();
    }

    @Test
    void writesTheXsdOrder() {
        Document doc = SecureDom.parse(write(List.of(CANCELLED, REFUSED)));

        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("urn:iso:std:iso:20022:tech:xsd:camt.029.001.09");
        Element root = SecureDom.all(doc, "RsltnOfInvstgtn").get(0);
        assertThat(children(root)).isEqualTo("Assgnmt,RslvdCase,Sts,CxlDtls");
        assertThat(children(SecureDom.all(doc, "Assgnmt").get(0))).isEqualTo("Id,Assgnr,Assgne,CreDtTm");
        assertThat(children(SecureDom.all(doc, "RslvdCase").get(0))).isEqualTo("Id,Cretr");
        assertThat(children(SecureDom.all(doc, "TxInfAndSts").get(1)))
                .isEqualTo("CxlStsId,OrgnlEndToEndId,OrgnlUETR,TxCxlSts,CxlStsRsnInf");
        assertThat(children(SecureDom.all(doc, "CxlStsRsnInf").get(0))).isEqualTo("Rsn,AddtlInf");
    }

    @Test
    void writesTheAnswerToEachCancellation() {
        Document doc = SecureDom.parse(write(List.of(CANCELLED, REFUSED)));

        assertThat(SecureDom.text(SecureDom.all(doc, "Assgnmt").get(0), "Id")).isEqualTo("CIPS-029-1");
        assertThat(SecureDom.text(SecureDom.all(doc, "Assgnr").get(0), "BICFI")).isEqualTo("CIPSCNSHXXX");
        assertThat(SecureDom.text(SecureDom.all(doc, "Assgne").get(0), "BICFI")).isEqualTo("HCCBCNBHXXX");
        assertThat(SecureDom.text(SecureDom.all(doc, "Assgnmt").get(0), "CreDtTm")).isEqualTo("2026-11-30T11:05:00+08:00");
        assertThat(SecureDom.text(SecureDom.all(doc, "RslvdCase").get(0), "Id")).isEqualTo("CXL-0001");
        assertThat(SecureDom.text(SecureDom.all(doc, "Cretr").get(0), "BICFI")).isEqualTo("HCCBCNBHXXX");
        assertThat(SecureDom.text(doc, "Conf")).isEqualTo("PECR");
        List<Element> txs = SecureDom.all(doc, "TxInfAndSts");
        assertThat(txs).extracting(t -> SecureDom.text(t, "TxCxlSts")).containsExactly("ACCR", "RJCR");
        assertThat(txs).extracting(t -> SecureDom.text(t, "CxlStsId")).containsExactly("C1", "C2");
        assertThat(SecureDom.text(txs.get(0), "OrgnlInstrId")).isEqualTo("I1");
        assertThat(SecureDom.text(txs.get(0), "CxlStsRsnInf")).isNull();
        assertThat(SecureDom.text(txs.get(1), "Cd")).isEqualTo("ARDT");
        assertThat(SecureDom.text(txs.get(1), "AddtlInf")).isEqualTo("already settled <at> 10:02 & booked");
    }

    @Test
    void confirmsCnclWhenAllAreCancelledAndRjcrWhenNone() {
        assertThat(SecureDom.text(SecureDom.parse(write(List.of(CANCELLED, CANCELLED))), "Conf")).isEqualTo("CNCL");
        assertThat(SecureDom.text(SecureDom.parse(write(List.of(REFUSED))), "Conf")).isEqualTo("RJCR");
    }

    @Test
    void leavesOutTheResolvedCaseWithoutTheOriginalAssignment() {
        String xml = Camt029Writer.write("M", AT, "CIPSCNSHXXX", "HCCBCNBHXXX", null, List.of(CANCELLED));
        assertThat(SecureDom.all(SecureDom.parse(xml), "RslvdCase")).isEmpty();
    }

    @Test
    void truncatesAdditionalInformationTo105Characters() {
        String longText = "x".repeat(104) + "\uD83D\uDE00" + "tail";
        String xml = write(List.of(new CancellationResolution("C", null, null, "U", "RJCR", "NOOR", longText)));
        String info = SecureDom.text(SecureDom.parse(xml), "AddtlInf");
        assertThat(info).isEqualTo("x".repeat(104));
        String plain = write(List.of(new CancellationResolution("C", null, null, "U", "RJCR", null, "y".repeat(300))));
        assertThat(SecureDom.text(SecureDom.parse(plain), "AddtlInf")).hasSize(105);
    }

    @Test
    void dropsCharactersXmlCannotCarry() {
        String xml = write(List.of(new CancellationResolution("C\u0001", null, null, "U", "RJCR", null, "a\u0000b")));
        Document doc = SecureDom.parse(xml);
        assertThat(SecureDom.text(doc, "CxlStsId")).isEqualTo("C");
        assertThat(SecureDom.text(doc, "AddtlInf")).isEqualTo("ab");
    }

    @Test
    void refusesWhatItCannotWrite() {
        assertThatThrownBy(() -> write(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> write(List.of(new CancellationResolution("C", null, null, "U", "PDCR", null, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PDCR");
        assertThatThrownBy(() -> Camt029Writer.write("M", AT, null, "B", null, List.of(CANCELLED)))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void listsEveryResolutionInOrder() {
        List<CancellationResolution> many = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> new CancellationResolution("C" + i, null, null, "U" + i, "CNCL", null, null))
                .collect(Collectors.toList());
        assertThat(SecureDom.all(SecureDom.parse(write(many)), "OrgnlUETR"))
                .extracting(Node::getTextContent).containsExactly("U0", "U1", "U2", "U3", "U4");
    }
}
