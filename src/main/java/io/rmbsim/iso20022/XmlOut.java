package io.rmbsim.iso20022;

import io.rmbsim.money.Money;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A tiny indented XML writer. Used instead of {@code XMLStreamWriter} because that one neither drops
 * characters XML 1.0 forbids (a control character in free text would make the output unparsable)
 * nor lets us bound free text; values here come from clients, so both matter.
 */
final class XmlOut {

    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("\\d+(\\.\\d{1,5})?");

    private final StringBuilder out = new StringBuilder(1024);
    private final Deque<String> open = new ArrayDeque<>();

    /** Starts a document whose root is {@code <Document xmlns=namespace>}. */
    XmlOut(String namespace) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<Document xmlns=\"").append(escape(namespace)).append("\">");
        open.push("Document");
    }

    XmlOut open(String name) {
        indent();
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    XmlOut close() {
        String name = open.pop();
        indent();
        out.append("</").append(name).append('>');
        return this;
    }

    /** A leaf element; nothing is written when {@code text} is null. */
    XmlOut leaf(String name, String text) {
        if (text != null) {
            indent();
            out.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append('>');
        }
        return this;
    }

    XmlOut leaf(String name, OffsetDateTime time) {
        return leaf(name, time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
    }

    /** An amount leaf with its currency attribute, e.g. {@code <Amt Ccy="CNY">1.00</Amt>}. */
    XmlOut amount(String name, String currency, long fen) {
        indent();
        out.append('<').append(name).append(" Ccy=\"").append(escape(currency)).append("\">")
                .append(Money.format(fen)).append("</").append(name).append('>');
        return this;
    }

    /**
     * An amount leaf given as decimal text, e.g. {@code <Amt Ccy="CNY">400.00</Amt>}. The text must be
     * what the schema's amount types allow (digits, at most 5 decimals, at most 18 digits in all).
     */
    XmlOut amount(String name, String currency, String decimal) {
        if (decimal == null || !DECIMAL.matcher(decimal).matches() || decimal.replace(".", "").length() > 18) {
            throw new IllegalArgumentException("not an ISO 20022 amount: " + decimal);
        }
        indent();
        out.append('<').append(name).append(" Ccy=\"").append(escape(currency)).append("\">")
                .append(decimal).append("</").append(name).append('>');
        return this;
    }

    /** A financial institution by its BIC: {@code <name><FinInstnId><BICFI>bic</BICFI></FinInstnId></name>}. */
    XmlOut agent(String name, String bic) {
        return open(name).open("FinInstnId").leaf("BICFI", bic).close().close();
    }

    /** Closes everything still open and returns the document. */
    String finish() {
        while (!open.isEmpty()) {
            close();
        }
        return out.append('\n').toString();
    }

    private void indent() {
        out.append('\n');
        for (int i = 0; i < open.size(); i++) {
            out.append("  ");
        }
    }

    /** At most {@code max} characters of {@code text}, never splitting a surrogate pair. */
    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /** Escapes markup characters and drops what XML 1.0 does not allow (controls, lone surrogates, U+FFFE/F). */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                sb.append(c).append(text.charAt(++i));
                continue;
            }
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                case '\r' -> sb.append("&#13;");
                default -> {
                    boolean allowed = c == '\t' || c == '\n'
                            || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD);
                    if (allowed) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
