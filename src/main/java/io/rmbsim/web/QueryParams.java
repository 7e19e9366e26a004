package io.rmbsim.web;

import io.rmbsim.identifier.Bic;
import io.rmbsim.identifier.CountryCode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Query parameters are taken as strings and parsed here, so that a bad filter is a 400 naming the
 * parameter (JAX-RS would otherwise answer 404 for a query parameter it cannot convert).
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static String bic(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return pathBic(name, raw);
    }

    /** A BIC where one is required (a path segment): RC01 when it fails ISO 9362. */
    public static String pathBic(String name, String raw) {
        try {
            return Bic.parse(raw).value();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, e.getMessage(), "RC01");
        }
    }

    /** An id in a path: a UUID, or nothing of that kind can have it (404). */
    public static java.util.UUID pathId(String what, String raw) {
        try {
            return java.util.UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(what, raw);
        }
    }

    public static String country(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return CountryCode.normalise(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, e.getMessage());
        }
    }

    public static LocalDate date(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be a date YYYY-MM-DD");
        }
    }

    /** An optional whole number within min..max; null when not given. */
    public static Integer optionalInteger(String name, String raw, int min, int max) {
        return raw == null || raw.isEmpty() ? null : integer(name, raw, min, min, max);
    }

    /** A whole number (a seed, say), or {@code defaultValue} when not given. */
    public static long longValue(String name, String raw, long defaultValue) {
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be an integer");
        }
    }

    static int integer(String name, String raw, int defaultValue, int min, int max) {
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(name, "must be an integer from " + min + " to " + max);
    }
}
