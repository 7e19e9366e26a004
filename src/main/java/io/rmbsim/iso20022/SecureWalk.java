package io.rmbsim.iso20022;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walks a whole untrusted XML document with StAX and refuses, as a whole, anything that can be used
 * against an XML parser: any DTD or entity event (so nothing declared in one is ever resolved),
 * XInclude, nesting deeper than {@value #MAX_DEPTH} levels and text runs over {@value #MAX_TEXT}
 * characters. Every event up to the end of the document is read before the walk returns, so a
 * document that breaks late is refused even if what came before was fine. No reflection, no binding:
 * native-image friendly.
 */
final class SecureWalk {

    static final int MAX_DEPTH = 64;
    static final int MAX_TEXT = 10_000;
    private static final String XINCLUDE = "http://www.w3.org/2001/XInclude";

    /** What a walk reports; depth is the element's depth, the outermost element being 1. */
    interface Handler {

        void start(XMLStreamReader reader, String namespace, String localName, int depth);

        /** The element at {@code depth} ends; {@code text} is its trimmed own text since the last tag, or null. */
        void end(String text, int depth);

        /** Whether the handler has what it wants: the walk stops after the element that started. */
        default boolean enough() {
            return false;
        }
    }

    private SecureWalk() {
    }

    static void walk(byte[] xml, Handler handler) {
        if (xml == null || xml.length == 0) {
            throw new Iso20022Exception("Unparsable XML: the document is empty");
        }
        XMLStreamReader reader = null;
        StringBuilder text = new StringBuilder();
        int depth = 0;
        try {
            reader = SecureStax.factory().createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION,
                            XMLStreamConstants.NOTATION_DECLARATION -> throw new Iso20022Exception("DTDs and entities are not accepted");
                    case XMLStreamConstants.START_ELEMENT -> {
                        text.setLength(0);
                        if (depth >= MAX_DEPTH) {
                            throw new Iso20022Exception("Elements nested deeper than " + MAX_DEPTH + " levels are not accepted");
                        }
                        String uri = reader.getNamespaceURI();
                        if (XINCLUDE.equals(uri)) {
                            throw new Iso20022Exception("XInclude is not accepted");
                        }
                        depth++;
                        handler.start(reader, uri == null ? "" : uri, reader.getLocalName(), depth);
                        if (handler.enough()) {
                            return;
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        String value = trimmed(text);
                        text.setLength(0);
                        handler.end(value, depth);
                        depth--;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (text.length() + reader.getTextLength() > MAX_TEXT) {
                            throw new Iso20022Exception("Text longer than " + MAX_TEXT + " characters is not accepted");
                        }
                        text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    }
                    default -> {
                        // comments, processing instructions, document start and end carry nothing for us
                    }
                }
            }
        } catch (Iso20022Exception refused) {
            throw refused;
        } catch (XMLStreamException | RuntimeException e) {
            // Any parser failure, including runtime ones some implementations throw, is the input's fault.
            throw new Iso20022Exception("Unparsable XML: " + SecureStax.describe(e));
        } finally {
            SecureStax.close(reader);
        }
    }

    static String trimmed(CharSequence s) {
        if (s == null) {
            return null;
        }
        String t = s.toString().strip();
        return t.isEmpty() ? null : t;
    }
}
