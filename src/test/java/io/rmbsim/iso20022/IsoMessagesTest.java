package io.rmbsim.iso20022;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IsoMessagesTest {

    private static String type(String xml) {
        return IsoMessages.messageType(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void namesTheMessageTypeOfTheFirstIsoDocument() {
        assertThat(type(NewReadersTest.PACS009)).isEqualTo("pacs.009");
        assertThat(type(NewReadersTest.CAMT056)).isEqualTo("camt.056");
        assertThat(type(NewReadersTest.PACS004)).isEqualTo("pacs.004");
        assertThat(type(NewReadersTest.PACS028)).isEqualTo("pacs.028");
        assertThat(IsoMessages.messageType(Pacs008ReaderTest.resource("pacs.008.001.08-three-cny.xml"))).isEqualTo("pacs.008");
    }

    @Test
    void looksPastTheAppHdrOfAnEnvelope() {
        assertThat(type(NewReadersTest.envelope(NewReadersTest.PACS009))).isEqualTo("pacs.009");
        assertThat(IsoMessages.messageType(Pacs008ReaderTest.resource("pacs.008.001.07-with-apphdr.xml"))).isEqualTo("pacs.008");
    }

    @Test
    void answersNullWithoutAnIsoDocument() {
        assertThat(type("<Document><FIToFICstmrCdtTrf/></Document>")).isNull();
        assertThat(type("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008\"/>")).isNull();
        assertThat(type("<message><AppHdr xmlns=\"urn:iso:std:iso:20022:tech:xsd:head.001.001.02\"/></message>")).isNull();
    }

    @Test
    void refusesWhatTheReadersRefuseBeforeTheDocument() {
        assertThatThrownBy(() -> type("<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + NewReadersTest.PACS009
                .replaceFirst("<\\?xml[^>]*>", "").replace("E1", "&xxe;")))
                .isInstanceOf(Iso20022Exception.class).hasMessageContaining("DTDs and entities are not accepted");
        // what comes after the Document's start is left to the reader the type picks, which walks it all
        String brokenEnd = NewReadersTest.PACS009.replace("</Document>", "</Documnt>");
        assertThat(type(brokenEnd)).isEqualTo("pacs.009");
        assertThatThrownBy(() -> Pacs009Reader.read(brokenEnd.getBytes(StandardCharsets.UTF_8), 10))
                .isInstanceOf(Iso20022Exception.class).hasMessageContaining("Unparsable XML");
        assertThatThrownBy(() -> type("<Envelope><AppHdr>" + "</Envelop>"))
                .isInstanceOf(Iso20022Exception.class).hasMessageContaining("Unparsable XML");
        assertThatThrownBy(() -> type(""))
                .isInstanceOf(Iso20022Exception.class).hasMessageContaining("Unparsable XML");
        assertThatThrownBy(() -> type("<a>" + "<b>".repeat(70) + "</b>".repeat(70) + "</a>"))
                .isInstanceOf(Iso20022Exception.class).hasMessageContaining("nested deeper than 64");
    }
}
