package io.rmbsim.simulation;

import io.rmbsim.settlement.SettlementMode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * What one settlement mode made of a stream. Values in fen, delays in seconds.
 *
 * @param delaySettled          delays of the settled payments, arrival to settlement
 * @param delay                 delays of every payment: settled ones to their settlement, unsettled ones to the
 *                              close of their business day (what they waited, at least)
 * @param weightedDelay         the sum over every payment of its value times its delay (as in {@code delay})
 * @param weightedEndOfDayDelay the sum over every payment of its value times the delay the close of its business
 *                              day would have given it
 * @param liquidityUsed         per account, the largest drop below its opening balance on any day
 */
public record ModeResult(SettlementMode mode, long settledCount, long settledValue, long unsettledCount,
        long unsettledValue, DelayStats delaySettled, DelayStats delay, BigInteger weightedDelay,
        BigInteger weightedEndOfDayDelay, long[] liquidityUsed, long bilateralOffsets, long multilateralOffsets,
        java.util.Map<String, Long> corridors, ByParticipant byParticipant, long nanos) {

    /**
     * Per participant, as the paying bank: the value it settled, and the value-weighted delays of its
     * payments (its own delay indicator is the first over the second).
     */
    public record ByParticipant(long[] settledValue, BigInteger[] weightedDelay, BigInteger[] weightedEndOfDayDelay) {

        public BigDecimal delayIndicator(int participant) {
            return ratio(weightedDelay[participant], weightedEndOfDayDelay[participant]);
        }
    }

    /**
     * Upper edges, in seconds, of the delay distribution's classes: on arrival, within a minute, 5
     * minutes, 15 minutes, an hour, 3 hours; the last class holds everything longer.
     */
    public static final long[] DELAY_CLASS_EDGES = {0, 60, 300, 900, 3_600, 10_800};

    /** Delays of a set of payments: how many, their sum, p95 (nearest rank), maximum and classes. */
    public record DelayStats(long count, long sum, long p95, long max, long[] distribution) {

        /** The mean in seconds, to the millisecond; 0 for no payment. */
        public BigDecimal mean() {
            return count == 0 ? BigDecimal.ZERO.setScale(3)
                    : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 3, RoundingMode.HALF_UP);
        }
    }

    /** The class a delay falls in: the first edge it does not exceed, or the last class. */
    static int delayClass(long seconds) {
        for (int c = 0; c < DELAY_CLASS_EDGES.length; c++) {
            if (seconds <= DELAY_CLASS_EDGES[c]) {
                return c;
            }
        }
        return DELAY_CLASS_EDGES.length;
    }

    /**
     * Leinonen and Soramäki's delay indicator: the value-weighted delay over the value-weighted delay
     * the end of the day would give, 0 when every payment settled on arrival, 1 when nothing settled
     * before the end of its day (6 decimals; 0 for an empty stream).
     */
    public BigDecimal delayIndicator() {
        return ratio(weightedDelay, weightedEndOfDayDelay);
    }

    /** Settled payments over all payments (6 decimals; 1 for an empty stream). */
    public BigDecimal settlementRatioByCount() {
        long all = settledCount + unsettledCount;
        return all == 0 ? BigDecimal.ONE.setScale(6) : ratio(BigInteger.valueOf(settledCount), BigInteger.valueOf(all));
    }

    /** Settled value over all value (6 decimals; 1 for an empty stream). */
    public BigDecimal settlementRatioByValue() {
        long all = Math.addExact(settledValue, unsettledValue);
        return all == 0 ? BigDecimal.ONE.setScale(6) : ratio(BigInteger.valueOf(settledValue), BigInteger.valueOf(all));
    }

    private static BigDecimal ratio(BigInteger over, BigInteger under) {
        return under.signum() == 0 ? BigDecimal.ZERO.setScale(6)
                : new BigDecimal(over).divide(new BigDecimal(under), 6, RoundingMode.HALF_UP);
    }

    public long liquidityUsedTotal() {
        long total = 0;
        for (long v : liquidityUsed) {
            total = Math.addExact(total, v);
        }
        return total;
    }
}
