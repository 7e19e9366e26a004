package io.rmbsim.money;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * RMB amounts: decimal strings at the edges ({@code "125000.00"}), {@code long} fen (minor units)
 * inside. Never a binary floating point: text is parsed by pattern and {@link BigDecimal} only.
 */
public final class Money {

    /** The contract's input form: up to 12 integer digits and up to 2 fraction digits (for annotations too). */
    public static final String AMOUNT_PATTERN = "[0-9]{1,12}(\\.[0-9]{1,2})?";

    public static final String AMOUNT_MESSAGE = "must be a decimal string with at most 12 integer and 2 fraction digits";

    private static final Pattern AMOUNT = Pattern.compile(AMOUNT_PATTERN);

    /** 999,999,999,999.99 yuan: the largest amount the contract accepts. */
    public static final long MAX_FEN = 99_999_999_999_999L;

    private Money() {
    }

    /** Whether {@code text} is an amount the contract accepts (zero included; callers decide about zero). */
    public static boolean isAmount(String text) {
        return text != null && AMOUNT.matcher(text).matches();
    }

    /** Fen of a contract amount; throws {@link IllegalArgumentException} for anything else. */
    public static long parseFen(String text) {
        if (!isAmount(text)) {
            throw new IllegalArgumentException("amount must be a decimal string with at most 12 integer and 2 fraction digits");
        }
        return new BigDecimal(text).movePointRight(2).longValueExact();
    }

    /** The decimal string with exactly two fraction digits, e.g. 12500000 gives "125000.00". */
    public static String format(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
