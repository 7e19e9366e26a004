package io.rmbsim.simulation;

import io.rmbsim.settlement.SettlementMode;

/**
 * What one settlement mode made of a stream. Values in fen, delays in seconds.
 *
 * @param delaySum sum of the delays of settled payments (for the mean)
 * @param liquidityUsed per account, the largest drop below its opening balance on any day
 */
public record ModeResult(SettlementMode mode, long settledCount, long settledValue, long unsettledCount,
        long unsettledValue, long delaySum, long delayP95, long delayMax, long[] liquidityUsed, long bilateralOffsets,
        long multilateralOffsets, java.util.Map<String, Long> corridors, long[] delayDistribution, long nanos) {

    /**
     * Upper edges, in seconds, of the delay distribution's classes: settled on arrival, within a
     * minute, 5 minutes, 15 minutes, an hour, 3 hours; the last class holds everything longer.
     */
    public static final long[] DELAY_CLASS_EDGES = {0, 60, 300, 900, 3_600, 10_800};

    /** The class a settled payment's delay falls in: the first edge it does not exceed, or the last class. */
    static int delayClass(long seconds) {
        for (int c = 0; c < DELAY_CLASS_EDGES.length; c++) {
            if (seconds <= DELAY_CLASS_EDGES[c]) {
                return c;
            }
        }
        return DELAY_CLASS_EDGES.length;
    }

    public long liquidityUsedTotal() {
        long total = 0;
        for (long v : liquidityUsed) {
            total = Math.addExact(total, v);
        }
        return total;
    }
}
