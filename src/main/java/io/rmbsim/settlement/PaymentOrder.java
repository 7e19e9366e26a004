package io.rmbsim.settlement;

import java.util.UUID;

/**
 * A customer credit transfer checked for form and normalised (BIC11, fen, upper-case currency,
 * default priority): what settlement is asked to do, and what idempotency compares.
 */
public record PaymentOrder(UUID uetr, String endToEndId, String debtorAgent, String creditorAgent, long amount,
        String currency, Priority priority, String debtorName, String debtorAccount, String creditorName,
        String creditorAccount, String purpose, String remittanceInformation) {
}
