package io.rmbsim.iso20022;

import javax.xml.stream.XMLStreamReader;

/** Questions about an ISO 20022 document asked before choosing its reader. */
public final class IsoMessages {

    private IsoMessages() {
    }

    /**
     * The message type of the first ISO 20022 {@code Document} element, e.g. {@code "pacs.008"} for a
     * Document in {@code urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08}, bare or inside an envelope;
     * null if there is none. The whole input is walked with the readers' defences, so hostile or
     * unparsable input is refused here exactly as a reader would refuse it.
     *
     * @throws Iso20022Exception for a DTD or entity, XInclude, unparsable or empty XML, nesting deeper
     *                           than 64 levels or text over 10,000 characters
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
        });
        return found[0];
    }
}
