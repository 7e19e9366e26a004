package io.rmbsim.iso20022;

import java.math.BigDecimal;

/** ISO 20022 amounts are decimals; ours are {@code long} fen, so the conversion is exact by construction. */
public final class IsoAmount {

    private IsoAmount() {
    }

    /** Fen to decimal text with exactly two fraction digits, e.g. 12500000 gives "125000.00", -150 gives "-1.50". */
    public static String format(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
