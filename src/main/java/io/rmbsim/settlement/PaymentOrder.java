package io.rmbsim.settlement;

import java.util.UUID;

/**
 * A credit transfer checked for form and normalised (BIC11, fen, upper-case currency, default
 * priority, default settlement RTGS): what settlement is asked to do, and what idempotency compares.
 * A customer transfer (pacs.008) by default; an institution's own transfer (pacs.009) or a return
 * (pacs.004, naming the payment it returns in {@code returnOf}) settle under the same rules.
 */
public record PaymentOrder(UUID uetr, String endToEndId, String debtorAgent, String creditorAgent, long amount,
        String currency, Priority priority, String debtorName, String debtorAccount, String creditorName,
        String creditorAccount, String purpose, String remittanceInformation, SettlementType settlement,
        TransferKind kind, UUID returnOf) {

    public PaymentOrder {
        if (settlement == null) {
            settlement = SettlementType.RTGS;
        }
        if (kind == null) {
            kind = TransferKind.CUSTOMER;
        }
        if ((kind == TransferKind.RETURN) != (returnOf != null)) {
            throw new IllegalArgumentException("a return, and only a return, names the payment it returns");
        }
    }

    /** A customer transfer settled as asked. */
    public PaymentOrder(UUID uetr, String endToEndId, String debtorAgent, String creditorAgent, long amount,
            String currency, Priority priority, String debtorName, String debtorAccount, String creditorName,
            String creditorAccount, String purpose, String remittanceInformation, SettlementType settlement) {
        this(uetr, endToEndId, debtorAgent, creditorAgent, amount, currency, priority, debtorName, debtorAccount,
                creditorName, creditorAccount, purpose, remittanceInformation, settlement, TransferKind.CUSTOMER, null);
    }

    /** A payment settled gross (RTGS). */
    public PaymentOrder(UUID uetr, String endToEndId, String debtorAgent, String creditorAgent, long amount,
            String currency, Priority priority, String debtorName, String debtorAccount, String creditorName,
            String creditorAccount, String purpose, String remittanceInformation) {
        this(uetr, endToEndId, debtorAgent, creditorAgent, amount, currency, priority, debtorName, debtorAccount,
                creditorName, creditorAccount, purpose, remittanceInformation, SettlementType.RTGS);
    }

    public boolean isReturn() {
        return kind == TransferKind.RETURN;
    }

    public boolean deferred() {
        return settlement == SettlementType.DNS;
    }
}
