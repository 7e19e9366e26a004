package io.rmbsim.simulation;

import java.math.BigInteger;

/**
 * A sum of products of two non-negative longs (fen times seconds) kept exactly in 128 bits: a
 * value-weighted delay over millions of payments passes a long's range, and a double would round.
 * Constant time and no allocation per term.
 */
final class WideSum {

    private long high;
    private long low;

    /** Adds {@code a × b}; both at least zero. */
    void add(long a, long b) {
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException("terms are never negative");
        }
        long productLow = a * b;
        long productHigh = Math.multiplyHigh(a, b);
        long newLow = low + productLow;
        // unsigned carry out of the low word
        if (Long.compareUnsigned(newLow, low) < 0) {
            productHigh++;
        }
        low = newLow;
        high = Math.addExact(high, productHigh);
    }

    BigInteger value() {
        return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
    }
}
