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
}
