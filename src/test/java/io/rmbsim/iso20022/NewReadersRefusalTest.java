package io.rmbsim.iso20022;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every new reader refuses hostile and wrong documents as a whole, with the same words. */
class NewReadersRefusalTest {

    /**
     * One reader under test.
     *
     * @param family  what refusals call it
     * @param read    the reader
     * @param one     a valid document with one item whose first leaf holds {@code %s} (markup allowed)
     * @param noItems a valid document of the family without items
     */
    record Case(String family, BiFunction<byte[], Integer, Object> read, String one, String noItems) {

        String with(String content) {
            return one.replace("%s", content);
        }

        void refused(String xml, int max, String messagePart) {
            assertThatThrownBy(() -> read.apply(xml.getBytes(StandardCharsets.UTF_8), max))
                    .isInstanceOf(Iso20022Exception.class)
                    .hasMessageContaining(messagePart);
        }

        @Override
        public String toString() {
            return family;
        }
    }

    private static final String NS = "urn:iso:std:iso:20022:tech:xsd:";

    static Stream<Case> readers() {
        return Stream.of(
                new Case("pacs.009", Pacs009Reader::read,
                        "<Document xmlns=\"" + NS + "pacs.009.001.08\"><FICdtTrf><GrpHdr><MsgId>M</MsgId></GrpHdr>"
                                + "<CdtTrfTxInf><PmtId><EndToEndId>%s</EndToEndId></PmtId></CdtTrfTxInf></FICdtTrf></Document>",
                        "<Document xmlns=\"" + NS + "pacs.009.001.08\"><FICdtTrf><GrpHdr><MsgId>M</MsgId></GrpHdr></FICdtTrf></Document>"),
                new Case("camt.056", Camt056Reader::read,
                        "<Document xmlns=\"" + NS + "camt.056.001.08\"><FIToFIPmtCxlReq><Assgnmt><Id>A</Id></Assgnmt>"
                                + "<Undrlyg><TxInf><CxlId>%s</CxlId></TxInf></Undrlyg></FIToFIPmtCxlReq></Document>",
                        "<Document xmlns=\"" + NS + "camt.056.001.08\"><FIToFIPmtCxlReq><Assgnmt><Id>A</Id></Assgnmt>"
                                + "<Undrlyg><OrgnlGrpInfAndCxl><OrgnlMsgId>X</OrgnlMsgId></OrgnlGrpInfAndCxl></Undrlyg></FIToFIPmtCxlReq></Document>"),
                new Case("pacs.004", Pacs004Reader::read,
                        "<Document xmlns=\"" + NS + "pacs.004.001.09\"><PmtRtr><GrpHdr><MsgId>M</MsgId></GrpHdr>"
                                + "<TxInf><RtrId>%s</RtrId></TxInf></PmtRtr></Document>",
                        "<Document xmlns=\"" + NS + "pacs.004.001.09\"><PmtRtr><GrpHdr><MsgId>M</MsgId></GrpHdr></PmtRtr></Document>"),
                new Case("pacs.028", Pacs028Reader::read,
                        "<Document xmlns=\"" + NS + "pacs.028.001.03\"><FIToFIPmtStsReq><GrpHdr><MsgId>M</MsgId></GrpHdr>"
                                + "<TxInf><StsReqId>%s</StsReqId></TxInf></FIToFIPmtStsReq></Document>",
                        "<Document xmlns=\"" + NS + "pacs.028.001.03\"><FIToFIPmtStsReq><GrpHdr><MsgId>M</MsgId></GrpHdr></FIToFIPmtStsReq></Document>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void acceptsTheBaseDocument(Case c) {
        org.assertj.core.api.Assertions.assertThat(c.read().apply(c.with("X").getBytes(StandardCharsets.UTF_8), 1)).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void refusesBillionLaughs(Case c) {
        String dtd = "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>";
        c.refused(dtd + c.with("&lol3;"), 10, "DTDs and entities are not accepted");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void refusesExternalEntities(Case c) {
        c.refused("<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + c.with("&xxe;"), 10,
                "DTDs and entities are not accepted");
        c.refused("<!DOCTYPE Document [<!ENTITY % remote SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %remote;]>" + c.with("X"), 10,
                "DTDs and entities are not accepted");
        c.refused("<!DOCTYPE Document>" + c.with("X"), 10, "DTDs and entities are not accepted");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void refusesXInclude(Case c) {
        c.refused(c.with("<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" parse=\"text\"/>"),
                10, "XInclude is not accepted");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void refusesAnotherMessageType(Case c) {
        String pacs008 = "<Document xmlns=\"" + NS + "pacs.008.001.08\"><FIToFICstmrCdtTrf><GrpHdr><MsgId>M</MsgId></GrpHdr>"
                + "<CdtTrfTxInf><PmtId><EndToEndId>E</EndToEndId></PmtId></CdtTrfTxInf></FIToFICstmrCdtTrf></Document>";
        c.refused(pacs008, 10, "Not a " + c.family() + ": the Document is a pacs.008.001.08");
        c.refused("<message>" + NewReadersTest.APP_HDR + pacs008 + "</message>", 10,
                "Not a " + c.family() + ": the Document is a pacs.008.001.08");
        c.refused(c.with("X").replace(" xmlns=\"" + NS, " xmlns=\"urn:x:"), 10, "Not a " + c.family());
        c.refused("<Document><A/></Document>", 10, "Not a " + c.family() + ": the Document's namespace is none");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void refusesTheRightNamespaceWithAnotherMessageInside(Case c) {
        String ns = c.with("X").replaceFirst("^<Document xmlns=\"([^\"]+)\".*$", "$1");
        c.refused("<Document xmlns=\"" + ns + "\"><BkToCstmrStmt/></Document>", 10,
                "Not a " + c.family() + ": the Document holds BkToCstmrStmt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void refusesTwoDocuments(Case c) {
        c.refused("<message>" + c.with("A") + c.with("B") + "</message>", 10, "More than one " + c.family() + " Document");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void refusesNoItems(Case c) {
        c.refused(c.noItems(), 10, "The " + c.family() + " has no ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void refusesTooManyItems(Case c) {
        String one = c.with("X");
        // The item is the element right after the header (GrpHdr or Assgnmt): repeat it three times.
        int start = one.indexOf(c.family().equals("camt.056") ? "<Undrlyg>" : c.family().equals("pacs.009") ? "<CdtTrfTxInf>" : "<TxInf>");
        int end = one.indexOf('>', one.lastIndexOf(c.family().equals("camt.056") ? "</Undrlyg>" : c.family().equals("pacs.009") ? "</CdtTrfTxInf>" : "</TxInf>")) + 1;
        String item = one.substring(start, end);
        String three = one.substring(0, start) + item + item + item + one.substring(end);
        org.assertj.core.api.Assertions.assertThat(c.read().apply(three.getBytes(StandardCharsets.UTF_8), 3)).isNotNull();
        c.refused(three, 2, "More than 2 ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void refusesNestingTooDeep(Case c) {
        c.refused(c.with("<X>".repeat(70) + "</X>".repeat(70)), 10, "nested deeper than 64");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void refusesTooLongText(Case c) {
        c.refused(c.with("A".repeat(10_001)), 10, "longer than 10000");
        c.refused(c.with("ab&amp;".repeat(3_400)), 10, "longer than 10000");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void refusesEmptyAndUnparsableInput(Case c) {
        c.refused("", 10, "Unparsable XML: the document is empty");
        c.refused("not xml at all", 10, "Unparsable XML");
        c.refused(c.with("X").replace("</Document>", ""), 10, "Unparsable XML");
        c.refused(c.with("X").replace("</Document>", "</Documnt>"), 10, "not well-formed XML (line 1, column");
        c.refused(c.with("&undeclared;"), 10, "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readers")
    void refusesAZeroLimit(Case c) {
        assertThatThrownBy(() -> c.read().apply(c.with("X").getBytes(StandardCharsets.UTF_8), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
