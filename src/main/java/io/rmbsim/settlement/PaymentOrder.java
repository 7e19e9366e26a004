package io.rmbsim.settlement;

import java.util.UUID;

/**
 * A customer credit transfer checked for form and normalised (BIC11, fen, upper-case currency,
 * default priority, default settlement RTGS): what settlement is asked to do, and what idempotency
 * compares.
 */
public record PaymentOrder(UUID uetr, String endToEndId, String debtorAgent, String creditorAgent, long amount,
        String currency, Priority priority, String debtorName, String debtorAccount, String creditorName,
        String creditorAccount, String purpose, String remittanceInformation, SettlementType settlement) {

    public PaymentOrder {
        if (settlement == null) {
            settlement = SettlementType.RTGS;
        }
    }

    /** A payment settled gross (RTGS). */
    public PaymentOrder(UUID uetr, String endToEndId, String debtorAgent, String creditorAgent, long amount,
            String currency, Priority priority, String debtorName, String debtorAccount, String creditorName,
            String creditorAccount, String purpose, String remittanceInformation) {
        this(uetr, endToEndId, debtorAgent, creditorAgent, amount, currency, priority, debtorName, debtorAccount,
                creditorName, creditorAccount, purpose, remittanceInformation, SettlementType.RTGS);
    }

    public boolean deferred() {
        return settlement == SettlementType.DNS;
    }
}
