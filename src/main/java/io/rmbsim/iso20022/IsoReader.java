package io.rmbsim.iso20022;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamReader;

/**
 * The reader the message readers share. It walks the input with {@link SecureWalk} (so every defence
 * there applies), finds exactly one {@code Document} of the expected message family, given bare or
 * inside an envelope such as {@code <message>} with an AppHdr, and collects:
 * <ul>
 *   <li>the header: every value outside the repeated items, by path relative to the message's root
 *   element (e.g. {@code GrpHdr/MsgId} under {@code FICdtTrf});</li>
 *   <li>one {@link Fields} per repeated item (e.g. {@code Undrlyg/TxInf}), by path relative to the
 *   item element (e.g. {@code OrgnlGrpInf/OrgnlMsgId}); attributes as {@code path/@name}.</li>
 * </ul>
 * Inside the Document only elements of its own namespace count; a foreign element hides its whole
 * subtree. Nothing is returned unless the whole input was read and accepted.
 */
final class IsoReader {

    private static final String ISO_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";
    private static final Pattern ANY_ISO = Pattern.compile(Pattern.quote(ISO_PREFIX) + "([a-z]{4}\\.\\d{3})\\.(\\d{3}\\.\\d{2})");

    /**
     * What to read.
     *
     * @param family   e.g. {@code camt.056}; the Document's namespace must be {@code ...:camt.056.001.NN}
     * @param root     the message element under Document, e.g. {@code FIToFIPmtCxlReq}
     * @param itemPath the repeated item relative to the root, e.g. {@code Undrlyg/TxInf}
     * @param itemNoun how a refusal names the items, e.g. "transactions"
     */
    record Spec(String family, String root, String itemPath, String itemNoun) {

        Pattern namespace() {
            return Pattern.compile(Pattern.quote(ISO_PREFIX + family + ".") + "(\\d{3}\\.\\d{2})");
        }
    }

    /** The values found at paths, repeated values kept in document order; blank values are left out. */
    static final class Fields {

        private final Map<String, List<String>> values = new LinkedHashMap<>();

        void add(String path, String value) {
            if (value != null) {
                values.computeIfAbsent(path, p -> new ArrayList<>(1)).add(value);
            }
        }

        /** The first value at {@code path}, or null. */
        String first(String path) {
            List<String> found = values.get(path);
            return found == null ? null : found.get(0);
        }

        /** The first value at the first of {@code paths} that has one, or null. */
        String firstOf(String... paths) {
            for (String path : paths) {
                String value = first(path);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }

        /** Every value in the order of first appearance of its path, repeated values in document order. */
        void forEach(java.util.function.BiConsumer<String, String> action) {
            values.forEach((path, found) -> found.forEach(value -> action.accept(path, value)));
        }

        /** All values at {@code path} joined with a space, or null. */
        String joined(String path) {
            List<String> found = values.get(path);
            return found == null ? null : String.join(" ", found);
        }
    }

    /**
     * A document as read.
     *
     * @param version the namespace's version suffix, e.g. "001.08"
     * @param header  values outside the items, relative to the root element
     * @param items   the items in document order, never empty
     */
    record Result(String version, Fields header, List<Fields> items) {
    }

    private final Spec spec;
    private final Pattern namespacePattern;
    private final int maxItems;
    private final String[] itemSteps;
    private final List<String> path = new ArrayList<>();
    private final Fields header = new Fields();
    private final List<Fields> items = new ArrayList<>();
    private String namespace;
    private String version;
    private String otherIsoDocument;
    private int documentDepth = -1;
    private boolean documentSeen;
    private Fields current;

    private IsoReader(Spec spec, int maxItems) {
        this.spec = spec;
        this.namespacePattern = spec.namespace();
        this.maxItems = maxItems;
        this.itemSteps = spec.itemPath().split("/");
    }

    /**
     * Reads {@code xml} as described by {@code spec}.
     *
     * @throws IllegalArgumentException if {@code maxItems} is not positive
     * @throws Iso20022Exception        for anything {@link SecureWalk} refuses, a document not of the
     *                                  family, more than one such Document, no item or more than
     *                                  {@code maxItems} items
     */
    static Result read(byte[] xml, Spec spec, int maxItems) {
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be positive");
        }
        IsoReader reader = new IsoReader(spec, maxItems);
        SecureWalk.walk(xml, new SecureWalk.Handler() {
            @Override
            public void start(XMLStreamReader r, String uri, String local, int depth) {
                reader.start(r, uri, local);
            }

            @Override
            public void end(String text, int depth) {
                reader.end(text);
            }
        });
        return reader.result();
    }

    /** The family ({@code pacs.008}) of an ISO 20022 message namespace, or null if it is not one. */
    static String family(String namespace) {
        Matcher m = ANY_ISO.matcher(namespace == null ? "" : namespace);
        return m.matches() ? m.group(1) : null;
    }

    private Result result() {
        String name = spec.family();
        if (!documentSeen) {
            throw new Iso20022Exception(otherIsoDocument != null
                    ? "Not a " + name + ": the Document is a " + otherIsoDocument
                    : "Not a " + name + ": no Document in a " + name + ".001 namespace");
        }
        if (items.isEmpty()) {
            throw new Iso20022Exception("The " + name + " has no " + spec.itemPath());
        }
        return new Result(version, header, List.copyOf(items));
    }

    private void start(XMLStreamReader reader, String uri, String local) {
        if (documentDepth < 0) {
            enterOutsideDocument(uri, local);
            return;
        }
        String name = namespace.equals(uri) ? local : "#foreign";
        path.add(name);
        int level = path.size() - documentDepth - 1;
        if (level == 1 && !spec.root().equals(name)) {
            throw new Iso20022Exception("Not a " + spec.family() + ": the Document holds " + local + ", not " + spec.root());
        }
        if (current == null && level == itemSteps.length + 1 && isItem()) {
            if (items.size() >= maxItems) {
                throw new Iso20022Exception("More than " + maxItems + " " + spec.itemNoun() + " are not accepted");
            }
            current = new Fields();
            return;
        }
        int count = reader.getAttributeCount();
        if (count > 0 && level >= 2) {
            String at = relative();
            Fields target = current != null ? current : header;
            for (int i = 0; i < count; i++) {
                String attributeNs = reader.getAttributeNamespace(i);
                if (attributeNs == null || attributeNs.isEmpty()) {
                    target.add(at + "/@" + reader.getAttributeLocalName(i), SecureWalk.trimmed(reader.getAttributeValue(i)));
                }
            }
        }
    }

    /** Whether the current path, below the root, is exactly the item path. */
    private boolean isItem() {
        int base = documentDepth + 2;
        for (int i = 0; i < itemSteps.length; i++) {
            if (!itemSteps[i].equals(path.get(base + i))) {
                return false;
            }
        }
        return true;
    }

    /** The current path relative to the item when inside one, else relative to the root. */
    private String relative() {
        int from = documentDepth + 2 + (current != null ? itemSteps.length : 0);
        return String.join("/", path.subList(from, path.size()));
    }

    private void enterOutsideDocument(String uri, String local) {
        path.add(local);
        if (!"Document".equals(local)) {
            return;
        }
        Matcher m = namespacePattern.matcher(uri);
        if (!m.matches()) {
            Matcher other = ANY_ISO.matcher(uri);
            if (other.matches() && otherIsoDocument == null) {
                otherIsoDocument = other.group(1) + "." + other.group(2);
            }
            if (path.size() == 1) {
                throw new Iso20022Exception("Not a " + spec.family() + ": " + (otherIsoDocument != null
                        ? "the Document is a " + otherIsoDocument
                        : "the Document's namespace is " + (uri.isEmpty() ? "none" : uri)));
            }
            return;
        }
        if (documentSeen) {
            throw new Iso20022Exception("More than one " + spec.family() + " Document is not accepted");
        }
        documentSeen = true;
        documentDepth = path.size() - 1;
        namespace = m.group(0);
        version = m.group(1);
    }

    private void end(String text) {
        if (documentDepth >= 0) {
            int level = path.size() - documentDepth - 1;
            if (current != null && level == itemSteps.length + 1 && isItem()) {
                items.add(current);
                current = null;
            } else if (level >= 2) {
                (current != null ? current : header).add(relative(), text);
            }
            if (level == 0) {
                documentDepth = -1;
            }
        }
        path.remove(path.size() - 1);
    }
}
