package io.rmbsim.settlement;

import java.math.BigDecimal;

/**
 * When a return (pacs.004) may be taken: its original must be known and settled, the return must go
 * back the way the original came (from its creditor agent to its debtor agent) in its currency, and
 * all returns of one original that count (queued or settled, and those taken just before) add up to
 * at most the original's amount. The live driver asks it on the single writer, so returns sent at
 * once cannot together pass their original.
 */
public final class ReturnRule {

    /** ISO 20022 NOOR: the original transaction was never received here (or not by the caller). */
    public static final String UNKNOWN_ORIGINAL = "NOOR";
    /** ISO 20022 NARR: the original is not settled; the text says what it is. */
    public static final String NOT_RETURNABLE = "NARR";
    /** ISO 20022 AM09, WrongAmount: beyond what is left of the original. */
    public static final String BEYOND_ORIGINAL = "AM09";

    private ReturnRule() {
    }

    /** A return refused: how (not found, or the state does not allow it) and why. */
    public record Refused(SettlementRefused.Kind kind, Refusal refusal) {
    }

    /**
     * Why {@code ret} may not be taken, or null.
     *
     * @param original       the payment it returns; null when it is not known
     * @param originalStatus where the original stands
     * @param returned       what the returns of the original that count add up to already, fen
     */
    public static Refused check(PaymentOrder ret, PaymentOrder original, PaymentStatus originalStatus, long returned) {
        if (!ret.isReturn()) {
            throw new IllegalArgumentException("only a return is checked as one");
        }
        if (original == null) {
            return new Refused(SettlementRefused.Kind.NOT_FOUND, new Refusal(UNKNOWN_ORIGINAL,
                    "payment " + ret.returnOf() + " is not known here; only a settled payment can be returned"));
        }
        if (originalStatus != PaymentStatus.SETTLED) {
            return conflict(NOT_RETURNABLE, "payment " + ret.returnOf() + " is " + originalStatus
                    + "; only a settled payment can be returned"
                    + (originalStatus == PaymentStatus.QUEUED ? " (a queued one can be cancelled)" : ""));
        }
        if (!ret.debtorAgent().equals(original.creditorAgent()) || !ret.creditorAgent().equals(original.debtorAgent())) {
            return conflict(Admission.INCORRECT_AGENT, "a return of payment " + ret.returnOf() + " goes from "
                    + original.creditorAgent() + " back to " + original.debtorAgent());
        }
        if (!ret.currency().equals(original.currency())) {
            return conflict(Admission.NOT_ALLOWED_CURRENCY, "a return of payment " + ret.returnOf() + " is in "
                    + original.currency());
        }
        if (ret.amount() > original.amount() - returned) {
            return conflict(BEYOND_ORIGINAL, "returns of payment " + ret.returnOf() + " may add up to at most its amount "
                    + amount(original.amount()) + " " + original.currency() + "; " + amount(returned)
                    + " is returned or being returned already");
        }
        return null;
    }

    private static Refused conflict(String code, String text) {
        return new Refused(SettlementRefused.Kind.CONFLICT, new Refusal(code, text));
    }

    private static String amount(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
