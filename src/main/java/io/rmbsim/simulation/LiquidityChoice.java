package io.rmbsim.simulation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The opening liquidity asked for: a named bound, a fraction between the bounds, or amounts per
 * participant (fen) with the rest at the upper bound; a participant's own amount always wins.
 */
public record LiquidityChoice(BigDecimal fraction, Map<String, Long> explicit, Map<String, Long> own) {

    public static final BigDecimal UPPER = BigDecimal.ONE;
    public static final BigDecimal LOWER = BigDecimal.ZERO;

    public long[] levels(PaymentStream stream, LiquidityBounds bounds) {
        long[] level = bounds.between(fraction == null ? UPPER : fraction);
        for (int a = 0; a < level.length; a++) {
            String bic = stream.participants().get(a).bic();
            if (explicit != null && explicit.containsKey(bic)) {
                level[a] = explicit.get(bic);
            }
            if (own != null && own.containsKey(bic)) {
                level[a] = own.get(bic);
            }
        }
        return level;
    }

    public LiquidityChoice atFraction(BigDecimal f) {
        return new LiquidityChoice(f, null, own);
    }
}
