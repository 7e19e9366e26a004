package io.rmbsim.simulation;

import io.rmbsim.settlement.DayLog;
import io.rmbsim.settlement.QueueDiscipline;
import io.rmbsim.settlement.SettlementMethod;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A closed live business day as the engine was given it: its accounts as the day started (in the live
 * engine's order), the payments that reached the engine (in the order it took them, with their
 * acceptance times) and every other command of the day in order ({@link DayLog}); and, to compare a
 * replay with, what became of each payment live. Account {@code a} is participant {@code a} of the
 * stream.
 *
 * @param stream the payments, in the order the engine took them
 * @param seq each payment's live sequence number (what the log's entries are placed after)
 * @param deferred whether each payment asked for deferred net settlement
 * @param uetr each payment's UETR
 * @param live each payment's live outcome: {@link #SETTLED}, {@link #REJECTED} or {@link #CANCELLED}
 * @param liveMethod a settled payment's method, else null
 * @param liveReason a rejected payment's reason code, else null
 * @param liveRun the live settlement run (offset, netting cycle, close) that settled or rejected each payment, or 0
 * @param balance each account's balance as the day started (an INDIRECT one may be below zero, within its credit line)
 * @param startsOpen whether settlement was open as the day started (else it opened at its {@link DayLog.Kind#OPEN})
 * @param entries the day's log after its start, in order
 * @param closedAt when the day closed, epoch seconds
 * @param restores how often the live engine was read back from the store during the day
 */
public record RecordedDay(LocalDate businessDate, QueueDiscipline discipline, PaymentStream stream, long[] seq,
        boolean[] deferred, UUID[] uetr, byte[] live, SettlementMethod[] liveMethod, String[] liveReason, long[] liveRun,
        long[] balance,
        long[] creditLine, long[] reserved, boolean[] held, boolean startsOpen, List<Entry> entries, long closedAt,
        int restores) {

    public static final byte SETTLED = 1;
    public static final byte REJECTED = 2;
    public static final byte CANCELLED = 3;

    /**
     * One command of the day's log: after payment {@code afterSeq}, at {@code at} (epoch seconds); the
     * account it concerns (an index, or -1), an amount (liquidity: positive in, negative out; a credit
     * line; a reservation), whether an account is held, the payment it cancels (an index into the
     * stream, or -1); for an offset, a netting cycle or the close, the live settlement run it was (else 0).
     */
    public record Entry(DayLog.Kind kind, long afterSeq, long at, int account, long amount, boolean flag, int payment,
            long run) {
    }

    public int accounts() {
        return balance.length;
    }
}
