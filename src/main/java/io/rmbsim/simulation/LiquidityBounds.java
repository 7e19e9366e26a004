package io.rmbsim.simulation;

import io.rmbsim.settlement.BusinessCalendar;
import io.rmbsim.settlement.Legs;
import io.rmbsim.settlement.PostingsRule;

/**
 * Leinonen and Soramäki's liquidity bounds (Bank of Finland discussion paper 16/1999), per settlement
 * account and business day, under the contract's postings rule. The upper bound is the largest
 * cumulative net outflow over the day when every payment settles on arrival: with it, nothing ever
 * waits. The lower bound is the end-of-day net debit, or zero: with it, multilateral netting at the
 * end of the day settles everything. Over several days, each bound is the largest daily one.
 */
public record LiquidityBounds(long[] upper, long[] lower) {

    public static LiquidityBounds of(PaymentStream stream, BusinessCalendar calendar) {
        return of(stream, i -> stream.dayEnd(i, stream.businessDay(i, calendar), calendar));
    }

    /** The bounds of a stream that is one business day whatever its times (a replayed live day). */
    public static LiquidityBounds ofOneDay(PaymentStream stream) {
        return of(stream, i -> stream.size());
    }

    /** Over the business days {@code dayEnd} cuts the stream into: it answers the index after the day that starts at its argument. */
    private static LiquidityBounds of(PaymentStream stream, java.util.function.IntUnaryOperator dayEnd) {
        Network network = new Network(stream);
        int n = network.accounts();
        long[] upper = new long[n];
        long[] lower = new long[n];
        long[] position = new long[n];
        long[] lowest = new long[n];
        int i = 0;
        while (i < stream.size()) {
            int end = dayEnd.applyAsInt(i);
            java.util.Arrays.fill(position, 0);
            java.util.Arrays.fill(lowest, 0);
            for (; i < end; i++) {
                // the bounds settle nothing: they apply the engine's postings rule to every payment as it comes
                Legs legs = PostingsRule.legs(network.party(stream.debtor(i)), network.party(stream.creditor(i)));
                long v = stream.amount(i);
                move(position, lowest, legs.debit1(), -v);
                move(position, lowest, legs.debit2(), -v);
                move(position, lowest, legs.credit1(), v);
                move(position, lowest, legs.credit2(), v);
            }
            for (int a = 0; a < n; a++) {
                upper[a] = Math.max(upper[a], -lowest[a]);
                lower[a] = Math.max(lower[a], -Math.min(0, position[a]));
            }
        }
        return new LiquidityBounds(upper, lower);
    }

    private static void move(long[] position, long[] lowest, int account, long amount) {
        if (account != Legs.NONE) {
            position[account] = Math.addExact(position[account], amount);
            if (position[account] < lowest[account]) {
                lowest[account] = position[account];
            }
        }
    }

    /** {@code lower + f × (upper − lower)}, rounded up to the fen, per account. */
    public long[] between(java.math.BigDecimal f) {
        if (f.signum() < 0 || f.compareTo(java.math.BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a fraction between the bounds lies in 0.0..1.0");
        }
        long[] level = new long[upper.length];
        for (int a = 0; a < level.length; a++) {
            java.math.BigDecimal span = java.math.BigDecimal.valueOf(Math.subtractExact(upper[a], lower[a]));
            level[a] = Math.addExact(lower[a], span.multiply(f).setScale(0, java.math.RoundingMode.CEILING).longValueExact());
        }
        return level;
    }
}
