package io.rmbsim.simulation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds synthetic payment streams from a seed: heavy-tailed values, an intraday arrival pattern,
 * exact totals. Everything is integer arithmetic: weights are drawn as integers and scaled to fen
 * so that a flow's payments add up to exactly the total asked for.
 */
public final class StreamGenerator {

    /** Seconds after midnight: the CIPS day session 08:30-17:30, busiest mid-morning and mid-afternoon. */
    private static final int[][] ARRIVAL_PROFILE = {
            // from, to (seconds of day), weight
            {8 * 3600 + 1800, 9 * 3600 + 1800, 2}, {9 * 3600 + 1800, 11 * 3600 + 1800, 6},
            {11 * 3600 + 1800, 13 * 3600 + 1800, 2}, {13 * 3600 + 1800, 16 * 3600, 5},
            {16 * 3600, 17 * 3600 + 1800, 2}};

    private final SplittableRandom random;
    private final SimulationCalendar calendar;

    public StreamGenerator(long seed, SimulationCalendar calendar) {
        this.random = new SplittableRandom(seed);
        this.calendar = calendar;
    }

    /** Monday to Friday from {@code from} to {@code to}, inclusive. */
    public static List<LocalDate> businessDays(LocalDate from, LocalDate to, int max) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to) && days.size() < max; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    /** A flow: {@code count} payments worth exactly {@code totalFen}, between pairs the picker draws. */
    public record Flow(int count, long totalFen, PairPicker pairs) {
    }

    /** Draws a (debtor, creditor) pair of participant indices, packed as {@code debtor << 32 | creditor}. */
    @FunctionalInterface
    public interface PairPicker {
        long pick(SplittableRandom random);
    }

    /** Spreads the flows over the days and merges them into one stream in time order. */
    public PaymentStream generate(List<PaymentStream.Participant> participants, List<LocalDate> days, List<Flow> flows) {
        int total = flows.stream().mapToInt(Flow::count).sum();
        long[] dayStart = new long[days.size()];
        for (int d = 0; d < dayStart.length; d++) {
            dayStart[d] = days.get(d).atStartOfDay(calendar.zone()).toEpochSecond();
        }
        // sort key: seconds since the first day's midnight (< 2^26 for a few years), then draw order
        long[] key = new long[total];
        int[] debtor = new int[total];
        int[] creditor = new int[total];
        long[] amount = new long[total];
        boolean[] high = new boolean[total];
        int k = 0;
        for (Flow flow : flows) {
            long[] values = amounts(flow.count(), flow.totalFen());
            for (int i = 0; i < flow.count(); i++, k++) {
                long offset = dayStart[random.nextInt(dayStart.length)] - dayStart[0] + arrivalSecond();
                key[k] = (offset << 37) | k;
                long pair = flow.pairs().pick(random);
                debtor[k] = (int) (pair >>> 32);
                creditor[k] = (int) pair;
                amount[k] = values[i];
                high[k] = random.nextInt(20) == 0;
            }
        }
        java.util.Arrays.sort(key);
        PaymentStream stream = new PaymentStream(participants);
        long mask = (1L << 37) - 1;
        for (long kk : key) {
            int i = (int) (kk & mask);
            stream.add(dayStart[0] + (kk >>> 37), debtor[i], creditor[i], amount[i], high[i]);
        }
        return stream;
    }

    /**
     * Heavy-tailed amounts that add up to exactly {@code totalFen}: integer Pareto-like weights (a
     * uniform mantissa times a power of two with geometric exponent), scaled down to fen; what the
     * rounding leaves goes to the largest payment.
     */
    long[] amounts(int count, long totalFen) {
        if (count == 0) {
            return new long[0];
        }
        if (totalFen < count) {
            throw new IllegalArgumentException("a flow needs at least one fen per payment");
        }
        long[] weight = new long[count];
        long sum = 0;
        for (int i = 0; i < count; i++) {
            int exponent = 0;
            while (exponent < 10 && random.nextInt(3) == 0) {
                exponent++;
            }
            weight[i] = (1 + random.nextInt(1000)) << exponent;
            sum += weight[i];
        }
        long[] fen = new long[count];
        long unit = Math.max(1, totalFen / sum);
        long assigned = 0;
        int largest = 0;
        for (int i = 0; i < count; i++) {
            fen[i] = Math.max(1, weight[i] * unit);
            assigned += fen[i];
            if (fen[i] > fen[largest]) {
                largest = i;
            }
        }
        long left = totalFen - assigned;
        // spread the remainder in proportion, a fen at a time would be too slow: whole units first
        if (left > 0) {
            long perWeight = left / sum;
            if (perWeight > 0) {
                for (int i = 0; i < count; i++) {
                    fen[i] += weight[i] * perWeight;
                    left -= weight[i] * perWeight;
                }
            }
            fen[largest] += left;
        } else if (left < 0) {
            fen[largest] += left;
            if (fen[largest] < 1) {
                throw new IllegalArgumentException("total too small for the number of payments");
            }
        }
        return fen;
    }

    private int arrivalSecond() {
        int totalWeight = 0;
        for (int[] slot : ARRIVAL_PROFILE) {
            totalWeight += slot[2] * (slot[1] - slot[0]);
        }
        int draw = random.nextInt(totalWeight);
        for (int[] slot : ARRIVAL_PROFILE) {
            int mass = slot[2] * (slot[1] - slot[0]);
            if (draw < mass) {
                return slot[0] + draw / slot[2];
            }
            draw -= mass;
        }
        return ARRIVAL_PROFILE[0][0];
    }
}
