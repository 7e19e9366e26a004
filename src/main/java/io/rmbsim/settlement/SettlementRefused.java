package io.rmbsim.settlement;

/**
 * A command settlement refuses, with the ISO 20022 reason that refused it; nothing changed. The edge
 * answers a {@link Kind#CONFLICT} as a 409, a {@link Kind#BEYOND_CAPACITY} as a 422 and a
 * {@link Kind#NOT_FOUND} (a return of a payment settlement does not know) as a 404.
 */
public final class SettlementRefused extends RuntimeException {

    /** What kind of refusal: the state does not allow it, or the engine could not hold it. */
    public enum Kind {
        CONFLICT, BEYOND_CAPACITY, NOT_FOUND
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
