package io.rmbsim.simulation;

import io.rmbsim.settlement.BusinessCalendar;
import java.util.Arrays;
import java.util.List;

/**
 * A stream of payments to simulate, held column by column in primitives so that millions fit in
 * little memory: arrival time (seconds after the first payment, an {@code int}), debtor and creditor
 * agent (indices into {@link #participants()}: a {@code char} each while there are at most 65,536
 * participants, an {@code int} beyond), amount in fen, priority (one bit). About 16 bytes a payment:
 * {@link #BYTES_PER_PAYMENT}. Ordered by time; equal times keep input order.
 *
 * <p>The total value is summed exactly as payments are added, and refused beyond
 * {@link #MAX_TOTAL_FEN}: every sum a simulation takes of the stream (settled and unsettled value,
 * net positions, bounds, balances) is then bounded by a few times the total and cannot overflow.
 */
public final class PaymentStream {

    /** A participant of a simulated network; {@code agent} is the index of its settlement agent, or its own. */
    public record Participant(String bic, boolean direct, int agent) {
    }

    /**
     * The largest total a stream may have: an eighth of what the settlement engine holds at most
     * ({@link io.rmbsim.settlement.SettlementEngine#CAPACITY}, 2^59 fen, about 5.8 quadrillion CNY), so
     * that no run reaches that capacity whatever its mode: under deferred net settlement a whole day
     * waits in the queue (each payment counted on up to four accounts) beside opening liquidity of up
     * to twice the total (each payment debits at most two accounts), and every balance and sum of
     * bounds still fits a {@code long}.
     */
    public static final long MAX_TOTAL_FEN = io.rmbsim.settlement.SettlementEngine.CAPACITY / 8;
    /** Memory per payment held, with narrow indices: time 4, debtor 2, creditor 2, amount 8, priority 1/8. */
    public static final int BYTES_PER_PAYMENT = 17;
    private static final int NARROW_LIMIT = 1 << 16;

    private final List<Participant> participants;
    private final boolean narrow;
    private long base;
    private int[] time;
    private char[] debtorNarrow;
    private char[] creditorNarrow;
    private int[] debtorWide;
    private int[] creditorWide;
    private long[] amount;
    private long[] high;
    private int size;
    private long total;
    /** Seconds each payment was held back by a stress event; null when none was. */
    private int[] heldBack;

    public PaymentStream(List<Participant> participants) {
        this(participants, 1024);
    }

    /** A stream that will hold about {@code capacity} payments (it grows if need be). */
    public PaymentStream(List<Participant> participants, int capacity) {
        this.participants = List.copyOf(participants);
        for (int i = 0; i < participants.size(); i++) {
            Participant p = participants.get(i);
            if (p.direct() != (p.agent() == i) || !participants.get(p.agent()).direct()) {
                throw new IllegalArgumentException(p.bic() + ": a DIRECT participant is its own agent; an INDIRECT one settles through a DIRECT one");
            }
        }
        this.narrow = participants.size() <= NARROW_LIMIT;
        allocate(Math.max(1, capacity));
    }

    private void allocate(int n) {
        time = time == null ? new int[n] : Arrays.copyOf(time, n);
        amount = amount == null ? new long[n] : Arrays.copyOf(amount, n);
        high = high == null ? new long[(n + 63) >>> 6] : Arrays.copyOf(high, (n + 63) >>> 6);
        if (narrow) {
            debtorNarrow = debtorNarrow == null ? new char[n] : Arrays.copyOf(debtorNarrow, n);
            creditorNarrow = creditorNarrow == null ? new char[n] : Arrays.copyOf(creditorNarrow, n);
        } else {
            debtorWide = debtorWide == null ? new int[n] : Arrays.copyOf(debtorWide, n);
            creditorWide = creditorWide == null ? new int[n] : Arrays.copyOf(creditorWide, n);
        }
    }

    public void add(long epochSecond, int debtorIndex, int creditorIndex, long fen, boolean highPriority) {
        if (debtorIndex == creditorIndex) {
            throw new IllegalArgumentException("a payment needs two institutions");
        }
        if (debtorIndex < 0 || creditorIndex < 0 || debtorIndex >= participants.size() || creditorIndex >= participants.size()) {
            throw new IllegalArgumentException("a payment is between participants of the stream");
        }
        if (fen <= 0) {
            throw new IllegalArgumentException("a payment moves a positive amount");
        }
        if (size > 0 && epochSecond < time(size - 1)) {
            throw new IllegalArgumentException("payments must come in time order");
        }
        if (size == 0) {
            base = epochSecond;
        } else if (epochSecond - base > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the payments span more than 68 years");
        }
        if (fen > MAX_TOTAL_FEN - total) {
            throw new TotalTooLarge();
        }
        if (size == time.length) {
            allocate(size * 2);
        }
        set(size, (int) (epochSecond - base), debtorIndex, creditorIndex, fen, highPriority);
        total += fen;
        size++;
    }

    /** The payments add up to more than {@link #MAX_TOTAL_FEN}. */
    public static final class TotalTooLarge extends IllegalArgumentException {
        TotalTooLarge() {
            super("the payments add up to more than " + io.rmbsim.money.Money.format(MAX_TOTAL_FEN)
                    + " CNY, more than the simulator sums exactly");
        }
    }

    // --- filled in bulk by the generator, which knows its size and keeps time order itself ---------

    /** A stream of exactly {@code n} payments from {@code baseSecond} on, to be filled by {@link #set}. */
    static PaymentStream sized(List<Participant> participants, int n, long baseSecond) {
        PaymentStream s = new PaymentStream(participants, n);
        s.base = baseSecond;
        s.size = n;
        return s;
    }

    void set(int i, int secondsAfterBase, int debtorIndex, int creditorIndex, long fen, boolean highPriority) {
        time[i] = secondsAfterBase;
        if (narrow) {
            debtorNarrow[i] = (char) debtorIndex;
            creditorNarrow[i] = (char) creditorIndex;
        } else {
            debtorWide[i] = debtorIndex;
            creditorWide[i] = creditorIndex;
        }
        amount[i] = fen;
        if (highPriority) {
            high[i >>> 6] |= 1L << i;
        } else {
            high[i >>> 6] &= ~(1L << i);
        }
    }

    int secondsAfterBase(int i) {
        return time[i];
    }

    /** Checks what {@link #add} checks of a stream filled by {@link #set}, and sums its value. */
    void seal() {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            if (debtor(i) == creditor(i) || amount[i] <= 0 || i > 0 && time[i] < time[i - 1] || time[i] < 0) {
                throw new IllegalStateException("payment " + i + " of a generated stream is out of order or malformed");
            }
            if (amount[i] > MAX_TOTAL_FEN - sum) {
                throw new TotalTooLarge();
            }
            sum += amount[i];
        }
        total = sum;
    }

    public List<Participant> participants() {
        return participants;
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return base + time[i];
    }

    public int debtor(int i) {
        return narrow ? debtorNarrow[i] : debtorWide[i];
    }

    public int creditor(int i) {
        return narrow ? creditorNarrow[i] : creditorWide[i];
    }

    public long amount(int i) {
        return amount[i];
    }

    public boolean high(int i) {
        return (high[i >>> 6] & (1L << i)) != 0;
    }

    /**
     * The business day payment {@code from} belongs to ({@link BusinessCalendar#openAt}, as an epoch
     * day), as the live service places a payment: after the cut-off or on a weekend, the next
     * business day.
     */
    public long businessDay(int from, BusinessCalendar calendar) {
        return calendar.openAt(time(from));
    }

    /**
     * The index after the last payment of {@code from}'s business day {@code day}: the stream is in
     * time order, and a business day holds exactly the payments before its cut-off from the one that
     * opened it on, so one look at the calendar per day is enough.
     */
    public int dayEnd(int from, long day, BusinessCalendar calendar) {
        long cutOff = calendar.takesPaymentsUntil(day);
        int i = from;
        while (i < size && time(i) < cutOff) {
            i++;
        }
        return i;
    }

    /** The sum of every amount, exact (at most {@link #MAX_TOTAL_FEN}). */
    /**
     * When the payment was meant to be sent: its time, less what a stress event held it back (an
     * outage sends a bank's payments when it is back). Delays are counted from here.
     */
    public long intended(int i) {
        return heldBack == null ? time(i) : time(i) - heldBack[i];
    }

    /** Records that payment {@code i} was held back {@code seconds} before it was sent. */
    void heldBack(int i, long seconds) {
        if (seconds == 0) {
            return;
        }
        if (heldBack == null) {
            heldBack = new int[Math.max(time.length, size)];
        } else if (heldBack.length < time.length) {
            heldBack = Arrays.copyOf(heldBack, time.length);
        }
        heldBack[i] = Math.toIntExact(seconds);
    }

    public long totalValue() {
        return total;
    }

    /** Bytes a stream of {@code payments} among {@code participants} holds. */
    static long bytesFor(long payments, int participants) {
        return payments * (participants <= NARROW_LIMIT ? BYTES_PER_PAYMENT : BYTES_PER_PAYMENT + 4);
    }
}
