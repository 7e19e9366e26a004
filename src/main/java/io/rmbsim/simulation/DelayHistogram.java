package io.rmbsim.simulation;

import java.util.Arrays;

/**
 * Delays in whole seconds, counted as they come: their sum, maximum, 95th percentile (nearest rank)
 * and classes ({@link ModeResult#DELAY_CLASS_EDGES}). One array of counts per second of delay (a
 * business day and the closure before it at most, grown when needed), so adding is constant time and
 * a run of millions of payments allocates nothing per payment.
 */
final class DelayHistogram {

    private long[] counts = new long[4_096];
    private long count;
    private long sum;
    private long max;

    void add(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("a delay is never negative: " + seconds);
        }
        int d = Math.toIntExact(seconds);
        if (d >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(d + 1, counts.length * 2));
        }
        counts[d]++;
        count++;
        sum = Math.addExact(sum, seconds);
        max = Math.max(max, seconds);
    }

    /** What it holds now. */
    ModeResult.DelayStats stats() {
        long[] classes = new long[ModeResult.DELAY_CLASS_EDGES.length + 1];
        for (int d = 0; d < counts.length; d++) {
            if (counts[d] != 0) {
                classes[ModeResult.delayClass(d)] += counts[d];
            }
        }
        return new ModeResult.DelayStats(count, sum, p95(), max, classes);
    }

    /** The 95th percentile (nearest rank: the smallest delay at or below which 95 % of them are). */
    private long p95() {
        if (count == 0) {
            return 0;
        }
        long rank = (95 * count + 99) / 100; // ceil(0.95 n), 1-based
        long seen = 0;
        for (int d = 0; d < counts.length; d++) {
            seen += counts[d];
            if (seen >= rank) {
                return d;
            }
        }
        throw new IllegalStateException("the delay histogram holds fewer delays than counted");
    }
}
