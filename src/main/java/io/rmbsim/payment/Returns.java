package io.rmbsim.payment;

import io.rmbsim.money.Money;
import io.rmbsim.settlement.PaymentOrder;
import io.rmbsim.settlement.Priority;
import io.rmbsim.settlement.SettlementType;
import io.rmbsim.settlement.TransferKind;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * How a return becomes a payment: it goes back the way its original came, from the original's
 * creditor agent to its debtor agent, with the customers swapped; its end-to-end id is the return's id
 * (RtrId), its purpose the return reason code and its remittance information the reason's text. The
 * single writer then checks that the original is settled and that the returns add up to at most it.
 */
final class Returns {

    private Returns() {
    }

    /** The order of a return of {@code original}; amount in fen, currency as given or the original's. */
    static PaymentOrder order(UUID uetr, Payment original, String returnId, long amount, String currency,
            String reasonCode, String reasonText) {
        return new PaymentOrder(uetr, returnId, original.creditorAgent, original.debtorAgent, amount,
                currency == null ? original.currency : currency.toUpperCase(Locale.ROOT), Priority.NORM,
                original.creditorName, original.creditorAccount, original.debtorName, original.debtorAccount,
                reasonCode, reasonText == null || reasonText.isBlank() ? null : reasonText, SettlementType.RTGS,
                TransferKind.RETURN, original.uetr);
    }

    static PaymentOrder order(SubmitReturn r, Payment original) {
        long amount = Money.parseFen(r.amount());
        if (amount <= 0) {
            throw io.rmbsim.web.ProblemException.invalid("amount", "must be positive");
        }
        UUID uetr = UUID.fromString(r.uetr());
        return order(uetr, original, r.returnId() == null ? defaultReturnId(uetr) : r.returnId(), amount, r.currency(),
                r.reasonCode(), r.reasonText());
    }

    /** A return id for a return sent without one: 35 characters from its UETR, the same every time. */
    static String defaultReturnId(UUID uetr) {
        return "RTN" + uetr.toString().replace("-", "");
    }

    /**
     * The UETR of a return read from a pacs.004.001.09, which has no slot for it: derived from the
     * original's UETR and the return id, so that the same message sent again is the same return.
     */
    static UUID uetrOf(String originalUetr, String returnId) {
        return UUID.nameUUIDFromBytes(("pacs.004/" + originalUetr.toLowerCase(Locale.ROOT) + "/" + returnId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
