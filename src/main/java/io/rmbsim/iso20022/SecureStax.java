package io.rmbsim.iso20022;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The StAX factory for untrusted input. DTD support is switched off so nothing declared in one is
 * ever resolved; the reader additionally refuses the DTD event itself, because implementations differ
 * in what "off" means (some still report the DOCTYPE, some fail on the first undeclared entity).
 */
final class SecureStax {

    private SecureStax() {
    }

    static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        set(factory, XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        set(factory, XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        set(factory, XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        set(factory, XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        set(factory, XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not accepted");
        });
        return factory;
    }

    /** Sets a property where the implementation knows it; an unknown property is no reason to fail. */
    private static void set(XMLInputFactory factory, String name, Object value) {
        if (factory.isPropertySupported(name)) {
            try {
                factory.setProperty(name, value);
            } catch (IllegalArgumentException ignored) {
                // an implementation that lists a property but refuses this value keeps its default
            }
        }
    }

    /** A short reason for a client, without the parser's class names. */
    /**
     * Where the document stops being well-formed XML, in the service's own words: the parser's own
     * message names its internals and is not passed on.
     */
    static String describe(Exception e) {
        javax.xml.stream.Location at = e instanceof XMLStreamException x ? x.getLocation() : null;
        return at == null || at.getLineNumber() < 0 ? "the document is not well-formed XML"
                : "the document is not well-formed XML (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
    }

    static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing to release beyond the in-memory stream
            }
        }
    }
}
