package io.rmbsim.iso20022;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Hostile and wrong documents are refused as a whole, before anything in them is resolved or returned. */
class Pacs008ReaderRefusalTest {

    private static final String NS = "urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08";

    /** A valid one-transaction pacs.008 whose EndToEndId content is {@code e2e} (markup allowed). */
    private static String pacs008(String e2e) {
        return "<Document xmlns=\"" + NS + "\"><FIToFICstmrCdtTrf><GrpHdr><MsgId>M1</MsgId></GrpHdr>"
                + "<CdtTrfTxInf><PmtId><EndToEndId>" + e2e + "</EndToEndId></PmtId>"
                + "<IntrBkSttlmAmt Ccy=\"CNY\">1.00</IntrBkSttlmAmt></CdtTrfTxInf></FIToFICstmrCdtTrf></Document>";
    }

    private static void assertRefused(String xml, String messagePart) {
        assertThatThrownBy(() -> Pacs008Reader.read(xml.getBytes(StandardCharsets.UTF_8), 10))
                .isInstanceOf(Iso20022Exception.class)
                .hasMessageContaining(messagePart);
    }

    @Test
    void acceptsTheBaseDocumentTheRefusalsAreBuiltOn() {
        org.assertj.core.api.Assertions.assertThat(
                Pacs008Reader.read(pacs008("E2E").getBytes(StandardCharsets.UTF_8), 1).transactions()).hasSize(1);
    }

    @Test
    void refusesBillionLaughs() {
        String dtd = """
                <?xml version="1.0"?>
                <!DOCTYPE Document [
                  <!ENTITY lol "lol">
                  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                ]>
                """;
        assertRefused(dtd + pacs008("&lol9;"), "DTDs and entities are not accepted");
    }

    @Test
    void refusesExternalEntities() {
        String dtd = "<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
        assertRefused(dtd + pacs008("&xxe;"), "DTDs and entities are not accepted");
    }

    @Test
    void refusesExternalEntitiesOverHttp() {
        String dtd = "<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"http://127.0.0.1:9/secret\">]>";
        assertRefused(dtd + pacs008("&xxe;"), "DTDs and entities are not accepted");
    }

    @Test
    void refusesParameterEntities() {
        String dtd = "<!DOCTYPE Document [<!ENTITY % remote SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %remote;]>";
        assertRefused(dtd + pacs008("E2E"), "DTDs and entities are not accepted");
    }

    @Test
    void refusesAPlainDoctype() {
        assertRefused("<!DOCTYPE Document>" + pacs008("E2E"), "DTDs and entities are not accepted");
    }

    @Test
    void refusesAnExternalDtd() {
        assertRefused("<!DOCTYPE Document SYSTEM \"http://127.0.0.1:9/pacs.dtd\">" + pacs008("E2E"),
                "DTDs and entities are not accepted");
    }

    @Test
    void refusesUndeclaredEntityReferences() {
        assertRefused(pacs008("&xxe;"), "");
    }

    @Test
    void refusesXInclude() {
        String include = "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" parse=\"text\"/>";
        assertRefused(pacs008("E2E" + include), "XInclude is not accepted");
    }

    @Test
    void anUnparsableDocumentIsDescribedInTheServicesOwnWordsWithItsPosition() {
        String broken = "<Document xmlns=\"" + NS + "\"><FIToFICstmrCdtTrf></Wrong></Document>";
        assertThatThrownBy(() -> Pacs008Reader.read(broken.getBytes(StandardCharsets.UTF_8), 10))
                .isInstanceOf(Iso20022Exception.class)
                .hasMessageContaining("not well-formed XML (line 1, column")
                .hasMessageNotContaining("ParseError").hasMessageNotContaining("end-tag").hasMessageNotContaining("Exception");
    }

    @Test
    void refusesUnparsableXml() {
        assertRefused("<Document xmlns=\"" + NS + "\"><FIToFICstmrCdtTrf>", "Unparsable XML");
        assertRefused("not xml at all", "Unparsable XML");
        assertRefused("", "Unparsable XML");
    }

    @Test
    void refusesADocumentThatBreaksAfterItsTransactions() {
        String broken = pacs008("E2E").replace("</Document>", "</Documnt>");
        assertRefused(broken, "Unparsable XML");
    }

    @Test
    void refusesACamt053GivenAsPacs008() {
        String camt = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>"
                + "<GrpHdr><MsgId>S1</MsgId></GrpHdr></BkToCstmrStmt></Document>";
        assertRefused(camt, "Not a pacs.008");
        assertRefused("<message>" + camt + "</message>", "Not a pacs.008");
    }

    @Test
    void refusesAPacs008NamespaceWithAnotherMessageInside() {
        assertRefused("<Document xmlns=\"" + NS + "\"><BkToCstmrStmt/></Document>", "Not a pacs.008");
    }

    @Test
    void refusesADocumentWithoutNamespace() {
        assertRefused(pacs008("E2E").replace(" xmlns=\"" + NS + "\"", ""), "Not a pacs.008");
    }

    @Test
    void refusesZeroTransactions() {
        String empty = "<Document xmlns=\"" + NS + "\"><FIToFICstmrCdtTrf><GrpHdr><MsgId>M1</MsgId>"
                + "<NbOfTxs>0</NbOfTxs></GrpHdr></FIToFICstmrCdtTrf></Document>";
        assertRefused(empty, "no CdtTrfTxInf");
    }

    @Test
    void refusesMoreThanMaxTransactions() {
        byte[] three = Pacs008ReaderTest.resource("pacs.008.001.08-three-cny.xml");
        assertThatThrownBy(() -> Pacs008Reader.read(three, 2))
                .isInstanceOf(Iso20022Exception.class)
                .hasMessageContaining("More than 2 transactions");
    }

    @Test
    void refusesNestingTooDeep() {
        String deep = "<X>".repeat(70) + "</X>".repeat(70);
        assertRefused(pacs008(deep), "nested deeper than 64");
    }

    @Test
    void refusesHugeText() {
        assertRefused(pacs008("A".repeat(10_001)), "longer than 10000");
    }

    @Test
    void refusesHugeTextSplitAcrossEscapes() {
        assertRefused(pacs008("ab&amp;".repeat(3_400)), "longer than 10000");
    }
}
