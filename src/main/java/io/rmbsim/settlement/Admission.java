package io.rmbsim.settlement;

import java.util.Optional;

/**
 * Which payments settlement takes at all, before the engine sees them: CNY only, between agents that
 * are participants in good standing and whose settlement agents are too. Answers the first rule a
 * payment breaks, with the ISO 20022 reason code that rule gives; what passes goes to the engine,
 * which decides only when it settles. The currency is checked first, then the debtor's side, then
 * the creditor's.
 */
public final class Admission {

    /** The one currency settled here. */
    public static final String SETTLEMENT_CURRENCY = "CNY";

    /** ISO 20022 AM03, NotAllowedCurrency: not the settlement currency. */
    public static final String NOT_ALLOWED_CURRENCY = "AM03";

    /** ISO 20022 AGNT, IncorrectAgent: the agent is not, or no longer, a participant (or both sides are one agent). */
    public static final String INCORRECT_AGENT = "AGNT";

    /** ISO 20022 AC06, BlockedAccount: the agent, or its settlement agent, is suspended. */
    public static final String BLOCKED_ACCOUNT = "AC06";

    /**
     * Whether {@code reasonCode} is one admission refuses with: a payment rejected so never reached the
     * engine (one the engine rejected has its own codes, AM04 at the close and AM13 at its capacity).
     */
    public static boolean refuses(String reasonCode) {
        return NOT_ALLOWED_CURRENCY.equals(reasonCode) || INCORRECT_AGENT.equals(reasonCode) || BLOCKED_ACCOUNT.equals(reasonCode);
    }

    /** A participant's standing in the directory. */
    public enum Standing {
        ACTIVE, SUSPENDED, TERMINATED
    }

    /**
     * One side's agent as admission sees it.
     *
     * @param agentBic the BIC of the direct participant it settles through (itself when DIRECT)
     * @param agentStanding that settlement agent's standing
     */
    public record Party(String bic, Standing standing, String agentBic, Standing agentStanding) {
    }

    private Admission() {
    }

    /**
     * Why a payment in {@code currency} from {@code debtorBic} to {@code creditorBic} cannot be
     * settled here, or empty when it can; a side that is not in the directory is {@code null}.
     */
    public static Optional<Refusal> refusal(String currency, String debtorBic, Party debtor, String creditorBic,
            Party creditor) {
        if (!SETTLEMENT_CURRENCY.equals(currency)) {
            return Optional.of(new Refusal(NOT_ALLOWED_CURRENCY,
                    "only " + SETTLEMENT_CURRENCY + " is settled here; currency " + currency + " is not"));
        }
        Optional<Refusal> debtorSide = refusal("debtor", debtorBic, debtor);
        return debtorSide.isPresent() ? debtorSide : refusal("creditor", creditorBic, creditor);
    }

    /** Why one side's agent cannot take part: unknown or terminated (AGNT), it or its settlement agent suspended (AC06). */
    private static Optional<Refusal> refusal(String side, String bic, Party p) {
        if (p == null) {
            return Optional.of(new Refusal(INCORRECT_AGENT, side + " agent " + bic + " is not a CIPS participant"));
        }
        if (p.standing() == Standing.TERMINATED) {
            return Optional.of(new Refusal(INCORRECT_AGENT,
                    side + " agent " + bic + " is no longer a participant (terminated)"));
        }
        if (p.standing() == Standing.SUSPENDED) {
            return Optional.of(new Refusal(BLOCKED_ACCOUNT, side + " agent " + bic + " is suspended"));
        }
        if (p.agentStanding() != Standing.ACTIVE) {
            return Optional.of(new Refusal(BLOCKED_ACCOUNT,
                    "settlement agent " + p.agentBic() + " of " + bic + " is " + p.agentStanding()));
        }
        return Optional.empty();
    }
}
