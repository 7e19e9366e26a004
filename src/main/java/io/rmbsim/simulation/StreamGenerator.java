package io.rmbsim.simulation;

import io.rmbsim.settlement.BusinessCalendar;
import java.time.LocalDate;
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

    private final long seed;
    private final BusinessCalendar calendar;

    public StreamGenerator(long seed, BusinessCalendar calendar) {
        this.seed = seed;
        this.calendar = calendar;
    }

    /** A flow: {@code count} payments worth exactly {@code totalFen}, between pairs the picker draws. */
    public record Flow(int count, long totalFen, PairPicker pairs) {
    }

    /** Draws a (debtor, creditor) pair of participant indices, packed as {@code debtor << 32 | creditor}. */
    @FunctionalInterface
    public interface PairPicker {
        long pick(SplittableRandom random);
    }

    /**
     * Spreads the flows over the days and merges them into one stream in time order (equal times in
     * draw order). The draws are those of one random sequence from the seed: per flow, every
     * payment's weight, then per payment its day, second, pair and priority. Nothing is held per
     * payment but the stream itself: a first pass over the sequence counts the payments of each day
     * and sums each flow's weights; a second pass, with one cursor on the weights and another on the
     * rest of the same sequence, writes each payment straight into its day; each day is then put in
     * time order on its own.
     */
    public PaymentStream generate(List<PaymentStream.Participant> participants, List<LocalDate> days, List<Flow> flows) {
        int total = 0;
        for (Flow flow : flows) {
            if (flow.count() > 0 && flow.totalFen() < flow.count()) {
                throw new IllegalArgumentException("a flow needs at least one fen per payment");
            }
            total = Math.addExact(total, flow.count());
        }
        long[] dayStart = new long[days.size()];
        for (int d = 0; d < dayStart.length; d++) {
            dayStart[d] = days.get(d).atStartOfDay(calendar.zone()).toEpochSecond();
            if (!calendar.isBusinessDay(days.get(d))) {
                throw new IllegalArgumentException(days.get(d) + " is not a business day");
            }
            if (d > 0 && dayStart[d] <= dayStart[d - 1]) {
                throw new IllegalArgumentException("business days come in order, each once");
            }
        }
        // pass 1: payments per day, and each flow's amounts
        SplittableRandom random = new SplittableRandom(seed);
        int[] perDay = new int[dayStart.length];
        AmountRule[] rules = new AmountRule[flows.size()];
        for (int f = 0; f < flows.size(); f++) {
            Flow flow = flows.get(f);
            rules[f] = AmountRule.draw(random, flow.count(), flow.totalFen());
            for (int i = 0; i < flow.count(); i++) {
                perDay[random.nextInt(dayStart.length)]++;
                arrivalSecond(random);
                flow.pairs().pick(random);
                random.nextInt(20);
            }
        }
        int[] next = new int[dayStart.length + 1];
        for (int d = 0; d < dayStart.length; d++) {
            next[d + 1] = next[d] + perDay[d];
        }
        int[] dayFrom = next.clone();
        // pass 2: each payment into its day, in draw order
        PaymentStream stream = PaymentStream.sized(participants, total, dayStart.length == 0 ? 0 : dayStart[0]);
        SplittableRandom weights = new SplittableRandom(seed);
        SplittableRandom draws = new SplittableRandom(seed);
        for (int f = 0; f < flows.size(); f++) {
            Flow flow = flows.get(f);
            for (int i = 0; i < flow.count(); i++) {
                weight(draws);
            }
            for (int i = 0; i < flow.count(); i++) {
                long w = weight(weights);
                int d = draws.nextInt(dayStart.length);
                long offset = dayStart[d] - dayStart[0] + arrivalSecond(draws);
                long pair = flow.pairs().pick(draws);
                boolean high = draws.nextInt(20) == 0;
                stream.set(next[d]++, Math.toIntExact(offset), (int) (pair >>> 32), (int) pair, rules[f].amount(i, w), high);
            }
            // the weights' cursor passes this flow's payments, to stand where the next flow's weights begin
            for (int i = 0; i < flow.count(); i++) {
                weights.nextInt(dayStart.length);
                arrivalSecond(weights);
                flow.pairs().pick(weights);
                weights.nextInt(20);
            }
        }
        for (int d = 0; d < dayStart.length; d++) {
            inTimeOrder(stream, dayFrom[d], dayFrom[d + 1]);
        }
        stream.seal();
        return stream;
    }

    /** Sorts one day's payments by time, equal times keeping their order. */
    private static void inTimeOrder(PaymentStream s, int from, int to) {
        int n = to - from;
        long[] key = new long[n];
        boolean sorted = true;
        for (int j = 0; j < n; j++) {
            key[j] = ((long) s.secondsAfterBase(from + j) << 32) | j;
            sorted &= j == 0 || key[j] > key[j - 1];
        }
        if (sorted) {
            return;
        }
        java.util.Arrays.sort(key);
        int[] time = new int[n];
        int[] debtor = new int[n];
        int[] creditor = new int[n];
        long[] amount = new long[n];
        boolean[] high = new boolean[n];
        for (int j = 0; j < n; j++) {
            int i = from + (int) (key[j] & 0xFFFF_FFFFL);
            time[j] = s.secondsAfterBase(i);
            debtor[j] = s.debtor(i);
            creditor[j] = s.creditor(i);
            amount[j] = s.amount(i);
            high[j] = s.high(i);
        }
        for (int j = 0; j < n; j++) {
            s.set(from + j, time[j], debtor[j], creditor[j], amount[j], high[j]);
        }
    }

    /** An integer Pareto-like weight: a uniform mantissa times a power of two with geometric exponent. */
    private static long weight(SplittableRandom random) {
        int exponent = 0;
        while (exponent < 10 && random.nextInt(3) == 0) {
            exponent++;
        }
        return (1 + random.nextInt(1000)) << exponent;
    }

    /**
     * Heavy-tailed amounts that add up to exactly the flow's total: each payment's weight scaled to
     * fen by one factor; what the rounding leaves goes to the (first) largest payment.
     */
    private record AmountRule(long factor, int largest, long remainder) {

        /** Draws the flow's weights (as the payments will draw them again) and fixes the rule. */
        static AmountRule draw(SplittableRandom random, int count, long totalFen) {
            if (count == 0) {
                return new AmountRule(0, -1, 0);
            }
            long sum = 0;
            long largestWeight = 0;
            int largest = 0;
            for (int i = 0; i < count; i++) {
                long w = weight(random);
                sum += w;
                if (w > largestWeight) {
                    largestWeight = w;
                    largest = i;
                }
            }
            long unit = Math.max(1, totalFen / sum);
            long left = totalFen - sum * unit;
            if (left > 0) {
                // whole units first, in proportion; the rest to the largest
                long perWeight = left / sum;
                return new AmountRule(unit + perWeight, largest, left - sum * perWeight);
            }
            if (left < 0 && largestWeight * unit + left < 1) {
                throw new IllegalArgumentException("total too small for the number of payments");
            }
            return new AmountRule(unit, largest, left);
        }

        long amount(int i, long weight) {
            return weight * factor + (i == largest ? remainder : 0);
        }
    }

    private static int arrivalSecond(SplittableRandom random) {
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
