package io.rmbsim.simulation;

import java.math.BigDecimal;
import java.util.List;

/**
 * Stress events applied to a run at their times, as BoF-PSS2's stress tester and SimCash's scenario
 * events do:
 * <ul>
 * <li>{@link Outage}: the bank sends nothing from {@code from} to {@code to}; what it would have sent
 * in that span is sent when it is back, at {@code to}, in its order;</li>
 * <li>{@link Shock}: at {@code at}, that fraction of the balance leaves the account (of one bank, or of
 * every bank); what an account cannot give (below its floor) stays;</li>
 * <li>{@link Extra}: one more payment.</li>
 * </ul>
 * Outages and extra payments change the stream ({@link #apply}); shocks happen during the run
 * ({@link ModeRunner}). A payment held back by an outage keeps the time it was meant for
 * ({@link PaymentStream#intended}): its delay, and the delay the end of its day would give it, count
 * from then, so an outage shows as delay of the bank that had it. Times in epoch seconds, accounts as indices into the stream's participants.
 */
public record Stress(List<Outage> outages, List<Shock> shocks, List<Extra> extras) {

    public static final Stress NONE = new Stress(List.of(), List.of(), List.of());

    public Stress {
        outages = List.copyOf(outages);
        shocks = List.copyOf(shocks);
        extras = List.copyOf(extras);
    }

    public record Outage(int account, long from, long to) {
    }

    /** {@code account} -1: every account. {@code fraction} 0..1. */
    public record Shock(int account, long at, BigDecimal fraction) {
    }

    public record Extra(long time, int debtor, int creditor, long amount, boolean high) {
    }

    public boolean isEmpty() {
        return outages.isEmpty() && shocks.isEmpty() && extras.isEmpty();
    }

    /**
     * The stream as the events make it: payments a bank would have sent during one of its outages are
     * sent at the outage's end, in their order; extra payments join at their times. Equal times keep
     * the original order, extra payments after the stream's own.
     */
    public PaymentStream apply(PaymentStream stream) {
        if (outages.isEmpty() && extras.isEmpty()) {
            return stream;
        }
        int n = stream.size();
        int total = n + extras.size();
        long[] time = new long[total];
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            time[i] = sentAt(stream.debtor(i), stream.time(i));
            earliest = Math.min(earliest, time[i]);
        }
        for (int k = 0; k < extras.size(); k++) {
            Extra e = extras.get(k);
            time[n + k] = sentAt(e.debtor(), e.time());
            earliest = Math.min(earliest, time[n + k]);
        }
        // in time order, equal times in input order: one primitive key per payment (seconds after the
        // earliest, then the index), no boxing of millions of indices
        long[] order = new long[total];
        for (int i = 0; i < total; i++) {
            if (time[i] - earliest > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the payments and events span more than 68 years");
            }
            order[i] = (time[i] - earliest) << 32 | i;
        }
        java.util.Arrays.sort(order);
        PaymentStream out = new PaymentStream(stream.participants(), total);
        for (long key : order) {
            int i = (int) key;
            if (i < n) {
                out.add(time[i], stream.debtor(i), stream.creditor(i), stream.amount(i), stream.high(i));
                out.heldBack(out.size() - 1, time[i] - stream.time(i));
            } else {
                Extra e = extras.get(i - n);
                out.add(time[i], e.debtor(), e.creditor(), e.amount(), e.high());
                out.heldBack(out.size() - 1, time[i] - e.time());
            }
        }
        return out;
    }

    /** When a payment of {@code debtor} meant for {@code t} is sent: at the end of the outage it falls in, if any. */
    private long sentAt(int debtor, long t) {
        long at = t;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Outage o : outages) {
                if (o.account() == debtor && at >= o.from() && at < o.to()) {
                    at = o.to();
                    moved = true;
                }
            }
        }
        return at;
    }
}
