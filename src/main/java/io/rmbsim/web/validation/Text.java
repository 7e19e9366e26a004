package io.rmbsim.web.validation;

/** Patterns that several request types share, as constants that annotations can name. */
public final class Text {

    /** Free text without control characters (names, references, reasons). */
    public static final String PRINTABLE = "[^\\p{Cntrl}]*";

    public static final String PRINTABLE_MESSAGE = "must not contain control characters";

    private Text() {
    }
}
