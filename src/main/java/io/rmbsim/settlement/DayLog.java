package io.rmbsim.settlement;

/**
 * The live day's log, in the engine's own words: every command the live driver gave the engine in
 * a business day other than a payment (payments are numbered in the order the engine took them, and
 * each entry names the last payment taken before it). A closed day's log, its payments and its
 * opening accounts are exactly what the engine was given that day, so a replay through a fresh engine
 * in the same order reaches the same outcome, payment by payment.
 */
public final class DayLog {

    private DayLog() {
    }

    /** What an entry records. */
    public enum Kind {
        /** The day starts: whether settlement is open at once (else it opens later, {@link #OPEN}); the live queue discipline. */
        DAY_START,
        /** An account as the day starts, or as it joins during the day: its balance, credit line, reservation, hold, agent. */
        ACCOUNT,
        /** Liquidity in (a positive amount) or out (negative), moved. */
        LIQUIDITY,
        /** The credit line an agent grants an INDIRECT account, set. */
        CREDIT_LINE,
        /** The reservation for HIGH payments on a CIPS account, set. */
        RESERVATION,
        /** An account held (its participant suspended or terminated) or released. */
        HOLD,
        /** A queued payment cancelled in the engine. */
        CANCEL,
        /** A payment cancelled before it reached the engine (taken for this day during the previous one's end of day). */
        WITHDRAW,
        /** The liquidity-saving mechanism, run. */
        OFFSET,
        /** A netting cycle of deferred net settlement, run. */
        NET_CYCLE,
        /** Settlement opens: what waited for the opening is released. */
        OPEN,
        /** The day closes: the last offset, then AM04 for what is still queued. */
        CLOSE,
        /** The live engine was read back from the store (a restart, a takeover, a failed batch). */
        RESTORE
    }
}
