package io.rmbsim.settlement;

/** A payment's state, with the ISO 20022 transaction status it is reported as. */
public enum PaymentStatus {
    QUEUED("PDNG"), SETTLED("ACSC"), REJECTED("RJCT"), CANCELLED("CANC");

    private final String isoStatus;

    PaymentStatus(String isoStatus) {
        this.isoStatus = isoStatus;
    }

    public String isoStatus() {
        return isoStatus;
    }

    /** The ISO 20022 status of a payment in this status: a queued one for deferred net settlement is accepted (ACSP). */
    public String isoStatus(SettlementType settlement) {
        return this == QUEUED && settlement == SettlementType.DNS ? "ACSP" : isoStatus;
    }
}
