package io.rmbsim.simulation;

/**
 * What one settlement mode made of a stream. Values in fen, delays in seconds.
 *
 * @param delaySum sum of the delays of settled payments (for the mean)
 * @param liquidityUsed per account, the largest drop below its opening balance on any day
 */
public record ModeResult(SimulationMode mode, long settledCount, long settledValue, long unsettledCount,
        long unsettledValue, long delaySum, long delayP95, long delayMax, long[] liquidityUsed, long bilateralOffsets,
        long multilateralOffsets, java.util.Map<String, Long> corridors, long nanos) {

    public long liquidityUsedTotal() {
        long total = 0;
        for (long v : liquidityUsed) {
            total += v;
        }
        return total;
    }
}
