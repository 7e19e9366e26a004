package io.rmbsim.identifier;

import java.util.Locale;
import java.util.Set;

/**
 * ISO 3166-1 alpha-2 country codes as the JDK knows them. Like BICs, they are accepted in any letter
 * case and kept upper case, as ISO 20022 writes them.
 */
public final class CountryCode {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private CountryCode() {
    }

    public static boolean isValid(String raw) {
        return raw != null && raw.length() == 2 && CODES.contains(raw.toUpperCase(Locale.ROOT));
    }

    /** The upper-case code; throws {@link IllegalArgumentException} for anything that is not one. */
    public static String normalise(String raw) {
        if (!isValid(raw)) {
            throw new IllegalArgumentException("'" + raw + "' is not an ISO 3166-1 alpha-2 country code");
        }
        return raw.toUpperCase(Locale.ROOT);
    }
}
