package io.rmbsim.simulation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The opening liquidity asked for: a named bound, a fraction between the bounds, or amounts per
 * participant (fen) with the rest at the upper bound; a participant's own amount always wins. Or, in a
 * replay of a live day, {@link #LIVE}: the day's own balances and liquidity movements.
 */
public record LiquidityChoice(BigDecimal fraction, Map<String, Long> explicit, Map<String, Long> own, boolean live) {

    public static final BigDecimal UPPER = BigDecimal.ONE;
    public static final BigDecimal LOWER = BigDecimal.ZERO;
    /** A replayed day's own liquidity: its accounts' balances as it started, and its movements as they came. */
    public static final LiquidityChoice LIVE = new LiquidityChoice(null, null, null, true);

    public LiquidityChoice(BigDecimal fraction, Map<String, Long> explicit, Map<String, Long> own) {
        this(fraction, explicit, own, false);
    }

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

    /** As the request gave it: a bound's name, a fraction, or the amounts per participant (CNY). */
    public Object describe() {
        if (live) {
            return "LIVE";
        }
        if (explicit != null && !explicit.isEmpty()) {
            Map<String, String> amounts = new java.util.TreeMap<>();
            explicit.forEach((bic, fen) -> amounts.put(bic, io.rmbsim.money.Money.format(fen)));
            return amounts;
        }
        if (fraction == null || fraction.compareTo(UPPER) == 0) {
            return "UPPER_BOUND";
        }
        return fraction.signum() == 0 ? "LOWER_BOUND" : fraction.toPlainString();
    }

    public LiquidityChoice atFraction(BigDecimal f) {
        return new LiquidityChoice(f, null, own);
    }
}
