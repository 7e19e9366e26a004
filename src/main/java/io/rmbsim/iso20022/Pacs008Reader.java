package io.rmbsim.iso20022;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads pacs.008 documents from untrusted clients. It streams with StAX (no reflection, no binding,
 * native-image friendly) and refuses rather than tolerates anything that can be used against an XML
 * parser: any DTD (so no entity expansion, external entity or parameter entity can ever be
 * resolved), XInclude, deep nesting and huge text. It reads the whole input before answering, so a
 * document that breaks late is refused as a whole and nothing is partially returned.
 */
public final class Pacs008Reader {

    static final int MAX_DEPTH = 64;
    static final int MAX_TEXT = 10_000;
    private static final Pattern NAMESPACE = Pattern.compile("urn:iso:std:iso:20022:tech:xsd:pacs\\.008\\.(\\d{3}\\.\\d{2})");
    private static final String XINCLUDE = "http://www.w3.org/2001/XInclude";
    private static final String ROOT = "FIToFICstmrCdtTrf";
    private static final String TX = "CdtTrfTxInf";

    private final int maxTransactions;
    private final List<String> path = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final List<CreditTransfer> transactions = new ArrayList<>();
    private String namespace;
    private String version;
    private int documentDepth = -1;
    private boolean documentSeen;
    private String messageId;
    private String groupPriority;
    private String groupClearingSystem;
    private TransferFields current;

    private Pacs008Reader(int maxTransactions) {
        this.maxTransactions = maxTransactions;
    }

    /**
     * Reads a pacs.008 (any pacs.008.001.NN namespace) given as a bare {@code Document} or inside a
     * wrapper such as {@code <message>} with an AppHdr.
     *
     * @throws Iso20022Exception for a DTD or entity, XInclude, unparsable XML, a document that is not
     *                           a pacs.008, no transaction, more than {@code maxTransactions}
     *                           transactions, nesting deeper than 64 levels or text over 10,000 characters
     */
    public static Pacs008 read(byte[] xml, int maxTransactions) {
        if (maxTransactions < 1) {
            throw new IllegalArgumentException("maxTransactions must be positive");
        }
        if (xml == null || xml.length == 0) {
            throw new Iso20022Exception("Unparsable XML: the document is empty");
        }
        return new Pacs008Reader(maxTransactions).parse(xml);
    }

    private Pacs008 parse(byte[] xml) {
        XMLStreamReader reader = null;
        try {
            reader = SecureStax.factory().createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                handle(reader, reader.next());
            }
        } catch (Iso20022Exception refused) {
            throw refused;
        } catch (XMLStreamException | RuntimeException e) {
            // Any parser failure, including runtime ones some implementations throw, is the input's fault.
            throw new Iso20022Exception("Unparsable XML: " + SecureStax.describe(e));
        } finally {
            SecureStax.close(reader);
        }
        if (!documentSeen) {
            throw new Iso20022Exception("Not a pacs.008: no Document in a pacs.008.001 namespace");
        }
        if (transactions.isEmpty()) {
            throw new Iso20022Exception("The pacs.008 has no CdtTrfTxInf");
        }
        return new Pacs008(messageId, version, transactions);
    }

    private void handle(XMLStreamReader reader, int event) {
        switch (event) {
            case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION,
                    XMLStreamConstants.NOTATION_DECLARATION -> throw new Iso20022Exception("DTDs and entities are not accepted");
            case XMLStreamConstants.START_ELEMENT -> start(reader);
            case XMLStreamConstants.END_ELEMENT -> end();
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

    private void start(XMLStreamReader reader) {
        text.setLength(0);
        String uri = reader.getNamespaceURI();
        String local = reader.getLocalName();
        if (path.size() >= MAX_DEPTH) {
            throw new Iso20022Exception("Elements nested deeper than " + MAX_DEPTH + " levels are not accepted");
        }
        if (XINCLUDE.equals(uri)) {
            throw new Iso20022Exception("XInclude is not accepted");
        }
        if (documentDepth < 0) {
            enterOutsideDocument(uri, local);
            return;
        }
        // Inside the Document only its own namespace counts; a foreign element hides its whole subtree.
        String name = namespace.equals(uri) ? local : "#foreign";
        path.add(name);
        int level = path.size() - documentDepth - 1;
        if (level == 1 && !ROOT.equals(name)) {
            throw new Iso20022Exception("Not a pacs.008: the Document holds " + local + ", not " + ROOT);
        }
        if (level == 2 && TX.equals(name)) {
            if (transactions.size() >= maxTransactions) {
                throw new Iso20022Exception("More than " + maxTransactions + " transactions are not accepted");
            }
            current = new TransferFields();
        } else if (current != null && level == 3 && "IntrBkSttlmAmt".equals(name)) {
            current.currency = trimmed(reader.getAttributeValue(null, "Ccy"));
        }
    }

    private void enterOutsideDocument(String uri, String local) {
        path.add(local);
        if (!"Document".equals(local)) {
            return;
        }
        Matcher m = NAMESPACE.matcher(uri == null ? "" : uri);
        if (!m.matches()) {
            if (path.size() == 1) {
                throw new Iso20022Exception("Not a pacs.008: the Document's namespace is " + (uri == null ? "none" : uri));
            }
            return;
        }
        if (documentSeen) {
            throw new Iso20022Exception("More than one pacs.008 Document is not accepted");
        }
        documentSeen = true;
        documentDepth = path.size() - 1;
        namespace = m.group(0);
        version = m.group(1);
    }

    private void end() {
        String value = trimmed(text.toString());
        text.setLength(0);
        if (documentDepth >= 0) {
            List<String> relative = path.subList(documentDepth + 1, path.size());
            if (relative.size() >= 2 && ROOT.equals(relative.get(0))) {
                assign(relative.subList(1, relative.size()), value);
            }
            if (path.size() - 1 == documentDepth) {
                documentDepth = -1;
            }
        }
        path.remove(path.size() - 1);
    }

    /** Stores {@code value} if {@code at} (relative to FIToFICstmrCdtTrf) is a field we read. */
    private void assign(List<String> at, String value) {
        String where = String.join("/", at);
        if (where.equals("GrpHdr/MsgId")) {
            messageId = value;
        } else if (where.equals("GrpHdr/PmtTpInf/InstrPrty")) {
            groupPriority = value;
        } else if (where.equals("GrpHdr/SttlmInf/ClrSys/Prtry")) {
            groupClearingSystem = value;
        } else if (where.equals(TX)) {
            transactions.add(current.toTransfer(groupPriority, groupClearingSystem));
            current = null;
        } else if (current != null && where.startsWith(TX + "/")) {
            current.assign(where.substring(TX.length() + 1), value);
        }
    }

    private static String trimmed(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
