package io.rmbsim.iso20022;

import javax.xml.stream.XMLStreamReader;

/** Questions about an ISO 20022 document asked before choosing its reader. */
public final class IsoMessages {

    private IsoMessages() {
    }

    /**
     * The message type of the first ISO 20022 {@code Document} element, e.g. {@code "pacs.008"} for a
     * Document in {@code urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08}, bare or inside an envelope;
     * null if there is none. The input is walked with the readers' defences up to that element (a DTD,
     * which comes before it, is refused here); the rest is walked, under the same defences, by the
     * reader the type picks, so a large document is not parsed twice over.
     *
     * @throws Iso20022Exception for a DTD or entity, XInclude, unparsable or empty XML, nesting deeper
     *                           than 64 levels or text over 10,000 characters before the Document
     */
    public static String messageType(byte[] xml) {
        String[] found = new String[1];
        SecureWalk.walk(xml, new SecureWalk.Handler() {
            @Override
            public void start(XMLStreamReader reader, String namespace, String localName, int depth) {
                if (found[0] == null && "Document".equals(localName)) {
                    found[0] = IsoReader.family(namespace);
                }
            }

            @Override
            public void end(String text, int depth) {
                // only names matter here
            }

            @Override
            public boolean enough() {
                // the rest is walked, under the same checks, by the reader the type picks
                return found[0] != null;
            }
        });
        return found[0];
    }
}
