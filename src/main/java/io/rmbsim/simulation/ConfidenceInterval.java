package io.rmbsim.simulation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * A measure over several seeds: its mean and the 95 % confidence interval of the mean, by Student's
 * t distribution (the sample standard deviation over the square root of n, times the two-sided 95 %
 * quantile of t with n - 1 degrees of freedom). Exact decimal arithmetic to 34 digits, rounded to 6
 * decimals at the end.
 */
final class ConfidenceInterval {

    /** t(0.975, df) for df = 1..30 (standard tables); beyond 30 the normal quantile 1.96 is used. */
    private static final String[] T_975 = {"12.706", "4.303", "3.182", "2.776", "2.571", "2.447", "2.365", "2.306",
        "2.262", "2.228", "2.201", "2.179", "2.160", "2.145", "2.131", "2.120", "2.110", "2.101", "2.093", "2.086",
        "2.080", "2.074", "2.069", "2.064", "2.060", "2.056", "2.052", "2.048", "2.045", "2.042"};
    private static final MathContext MC = MathContext.DECIMAL128;

    private ConfidenceInterval() {
    }

    static BigDecimal t975(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("a confidence interval needs at least two samples");
        }
        return new BigDecimal(degreesOfFreedom <= T_975.length ? T_975[degreesOfFreedom - 1] : "1.960");
    }

    /** Mean and interval of the samples; a single sample has no interval (low = high = mean). */
    static SimulationReport.Estimate of(List<BigDecimal> samples) {
        int n = samples.size();
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal v : samples) {
            sum = sum.add(v);
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(n), MC);
        if (n < 2) {
            String m = round(mean);
            return new SimulationReport.Estimate(m, m, m, round(BigDecimal.ZERO), n);
        }
        BigDecimal squares = BigDecimal.ZERO;
        for (BigDecimal v : samples) {
            BigDecimal d = v.subtract(mean);
            squares = squares.add(d.multiply(d));
        }
        BigDecimal sd = squares.divide(BigDecimal.valueOf(n - 1), MC).sqrt(MC);
        BigDecimal half = t975(n - 1).multiply(sd).divide(BigDecimal.valueOf(n).sqrt(MC), MC);
        return new SimulationReport.Estimate(round(mean), round(mean.subtract(half)), round(mean.add(half)), round(sd), n);
    }

    private static String round(BigDecimal v) {
        return v.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }
}
