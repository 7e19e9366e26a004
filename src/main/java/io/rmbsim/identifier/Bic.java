package io.rmbsim.identifier;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Business Identifier Code (ISO 9362). Accepts BIC8 or BIC11 in any letter case and is always
 * held as the upper-case BIC11 ({@code XXX} appended to a BIC8). ISO 9362 has no check digit, so
 * syntax is all that can be checked here; whether a BIC is a participant is the directory's business.
 */
public record Bic(String value) implements Comparable<Bic> {

    private static final Pattern BIC = Pattern.compile("[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

    public Bic {
        if (value == null || value.length() != 11 || !BIC.matcher(value).matches()) {
            throw new IllegalArgumentException("not a BIC11: " + value);
        }
    }

    /** True when {@code raw} is a BIC8 or BIC11 in any letter case. */
    public static boolean isValid(String raw) {
        return raw != null && BIC.matcher(raw.toUpperCase(Locale.ROOT)).matches();
    }

    /** Parses a BIC8 or BIC11 in any letter case; throws {@link IllegalArgumentException} otherwise. */
    public static Bic parse(String raw) {
        if (!isValid(raw)) {
            throw new IllegalArgumentException("'" + raw + "' is not a valid BIC (ISO 9362: 8 or 11 characters, "
                    + "4 bank code, 2 letter country, 2 location, optional 3 branch)");
        }
        String upper = raw.toUpperCase(Locale.ROOT);
        return new Bic(upper.length() == 8 ? upper + "XXX" : upper);
    }

    /** The ISO 3166 country code inside the BIC (characters 5 and 6). */
    public String country() {
        return value.substring(4, 6);
    }

    /** ISO 9362 marks a BIC whose location code ends in '0' as a test BIC. */
    public boolean isTestBic() {
        return value.charAt(7) == '0';
    }

    @Override
    public int compareTo(Bic other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
