package io.rmbsim.iso20022;

/**
 * An ISO 20022 document that is refused: hostile, malformed or not what was asked for. The message
 * is meant for the client (a problem's {@code detail}), so it never carries parser internals beyond
 * a short reason; no stack trace is captured because the cause is the input, not the code.
 */
public final class Iso20022Exception extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Iso20022Exception(String message) {
        super(message, null, false, false);
    }
}
