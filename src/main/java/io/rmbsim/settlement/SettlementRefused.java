package io.rmbsim.settlement;

/**
 * A command settlement refuses, with the ISO 20022 reason that refused it; nothing changed. The edge
 * answers a {@link Kind#CONFLICT} as a 409 and a {@link Kind#BEYOND_CAPACITY} as a 422.
 */
public final class SettlementRefused extends RuntimeException {

    /** What kind of refusal: the state does not allow it, or the engine could not hold it. */
    public enum Kind {
        CONFLICT, BEYOND_CAPACITY
    }

    private final Kind kind;
    private final Refusal refusal;

    public SettlementRefused(Kind kind, Refusal refusal) {
        super(refusal.text(), null, false, false);
        this.kind = kind;
        this.refusal = refusal;
    }

    public Kind kind() {
        return kind;
    }

    public Refusal refusal() {
        return refusal;
    }
}
