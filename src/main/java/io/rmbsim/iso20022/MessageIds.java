package io.rmbsim.iso20022;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Message ids for what the service writes (MsgId, Assgnmt/Id, RtrId: all Max35Text). An id is
 * {@code PREFIX-TTTTTTTTTNNNNNCCCCCC}: the prefix, the epoch milliseconds in 9 base-36 digits, a
 * random node part of 5 base-36 digits drawn once per process, and a per-process counter of 6
 * base-36 digits that starts at a random value. Fixed widths keep every id at most
 * 12 + 1 + 20 = 33 characters, so nothing is ever cut. Within a process ids are distinct because
 * (time, counter) never repeats before the counter wraps (2.1 billion ids, never within one
 * millisecond); across restarts and concurrent processes the time and the random node part
 * separate them.
 */
public final class MessageIds {

    static final int MAX_PREFIX = 12;
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");
    private static final long COUNTER_SPAN = pow36(6);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NODE = base36((RANDOM.nextLong() & Long.MAX_VALUE) % pow36(5), 5);
    private static final AtomicLong COUNTER = new AtomicLong(Math.floorMod(RANDOM.nextLong(), COUNTER_SPAN));

    private MessageIds() {
    }

    /**
     * A new id starting with {@code prefix} and a hyphen.
     *
     * @param prefix 1 to 12 letters, digits or inner hyphens, e.g. "RMBSIM" or "C029"
     * @throws IllegalArgumentException for a null, empty, too long or otherwise unusable prefix
     */
    public static String next(String prefix) {
        if (prefix == null || prefix.length() > MAX_PREFIX || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a message id prefix is 1 to " + MAX_PREFIX
                    + " letters, digits or inner hyphens: " + prefix);
        }
        long count = Math.floorMod(COUNTER.getAndIncrement(), COUNTER_SPAN);
        return prefix + "-" + base36(System.currentTimeMillis(), 9) + NODE + base36(count, 6);
    }

    private static String base36(long value, int width) {
        String digits = Long.toString(value, 36).toUpperCase(Locale.ROOT);
        if (digits.length() > width) {
            // Only the time could outgrow its width, in the year 5188; keep the lowest digits.
            return digits.substring(digits.length() - width);
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    private static long pow36(int n) {
        long v = 1;
        for (int i = 0; i < n; i++) {
            v *= 36;
        }
        return v;
    }
}
