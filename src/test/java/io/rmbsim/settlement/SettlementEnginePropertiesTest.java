package io.rmbsim.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmbsim.settlement.PostingsRule.Party;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the engine over random payment streams: each stream is made from a seed, so a
 * failure names the seed that replays it exactly. Every command is checked against an independent
 * model of the contract's rules: conservation (each balance is its opening balance, liquidity and
 * settled postings; the CIPS accounts together move only with liquidity), no negative account,
 * nothing settled twice, queue order respected except by offsetting, every offset set feasible,
 * and the same stream giving the same events. The same streams run again with amounts at the
 * largest the engine takes, where any unchecked sum would wrap: what would pass the engine's
 * capacity is refused (AM13) exactly when the model says so, and nothing else changes.
 */
class SettlementEnginePropertiesTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 400);
    }

    @ParameterizedTest(name = "stream {0}")
    @MethodSource("seeds")
    void randomStreamKeepsEveryInvariant(long seed) {
        List<String> first = run(seed, false);
        List<String> second = run(seed, false);
        assertThat(second).as("same stream, same events (seed %d)", seed).isEqualTo(first);
    }

    static LongStream seedsAtTheMaximum() {
        return LongStream.rangeClosed(1, 150);
    }

    @ParameterizedTest(name = "stream {0} at the maximum")
    @MethodSource("seedsAtTheMaximum")
    void amountsAtTheMaximumAreRefusedAtCapacityAndNeverWrap(long seed) {
        List<String> first = run(seed, true);
        assertThat(first).as("seed %d: some payment reached the capacity", seed)
                .anyMatch(line -> line.endsWith(SettlementEngine.EXCEEDS_CAPACITY));
        assertThat(run(seed, true)).as("same stream, same events (seed %d)", seed).isEqualTo(first);
    }

    /** A random amount: small, or at the maximum the engine takes (a quarter of its capacity, less a little). */
    private static long amount(Random random, boolean atMaximum, int small) {
        if (!atMaximum) {
            return 1 + random.nextInt(small);
        }
        long largest = random.nextBoolean() ? SettlementEngine.CAPACITY / 4 : SettlementEngine.CAPACITY / (16 + random.nextInt(48));
        return largest - random.nextInt(small);
    }

    /** Runs the stream of {@code seed}, checking the model at every step; answers the event lines. */
    private static List<String> run(long seed, boolean atMaximum) {
        Random random = new Random(seed);
        SettlementMode mode = SettlementMode.values()[random.nextInt(SettlementMode.values().length)];
        Model model = new Model();
        SettlementEngine engine = new SettlementEngine(mode, model);
        model.engine = engine;

        int directs = 2 + random.nextInt(4);
        List<Party> parties = new ArrayList<>();
        for (int i = 0; i < directs; i++) {
            long opening = random.nextInt(3) == 0 ? 0 : atMaximum ? SettlementEngine.CAPACITY / 64 : random.nextInt(1000);
            Party p = Party.direct(engine.openAccount(opening));
            model.open(p.account(), opening, true);
            parties.add(p);
        }
        int indirects = random.nextInt(7);
        for (int i = 0; i < indirects; i++) {
            long opening = atMaximum ? SettlementEngine.CAPACITY / 128 - random.nextInt(500) : random.nextInt(500);
            Party agent = parties.get(random.nextInt(directs));
            Party p = Party.indirect(engine.openAccount(opening), agent.cipsAccount());
            model.open(p.account(), opening, false);
            parties.add(p);
        }

        int commands = 100 + random.nextInt(400);
        long nextRef = 1;
        for (int c = 0; c < commands; c++) {
            int kind = random.nextInt(100);
            if (kind < 70) {
                Party from = parties.get(random.nextInt(parties.size()));
                Party to = parties.get(random.nextInt(parties.size()));
                if (from.account() == to.account()) {
                    continue;
                }
                Legs legs = PostingsRule.legs(from, to);
                long amount = amount(random, atMaximum, random.nextBoolean() ? 100 : 600);
                Priority priority = random.nextInt(5) == 0 ? Priority.HIGH : Priority.NORM;
                boolean fits = model.fits(legs, amount);
                model.submitting(nextRef, legs, amount, priority);
                engine.submit(nextRef, from, to, amount, priority);
                assertThat(model.status.get(nextRef).equals("REFUSED")).as("seed %d: payment %d refused at capacity", seed, nextRef)
                        .isEqualTo(!fits);
                nextRef++;
            } else if (kind < 80) {
                int account = random.nextInt(engine.accountCount());
                long amount = amount(random, atMaximum, 400);
                boolean fits = model.exposure() + amount <= SettlementEngine.CAPACITY;
                boolean done = engine.credit(account, amount);
                assertThat(done).as("seed %d: liquidity refused exactly at capacity", seed).isEqualTo(fits);
                if (done) {
                    model.liquidity(account, amount);
                }
            } else if (kind < 85) {
                int account = random.nextInt(engine.accountCount());
                long amount = amount(random, atMaximum, 400);
                boolean done = engine.debit(account, amount);
                assertThat(done).isEqualTo(model.balance.get(account) >= amount);
                if (done) {
                    model.liquidity(account, -amount);
                }
            } else if (kind < 92 && nextRef > 1) {
                long ref = 1 + random.nextInt((int) nextRef - 1);
                boolean wasQueued = "QUEUED".equals(model.status.get(ref));
                if (wasQueued) {
                    model.status.put(ref, "CANCELLED"); // before the call: cancelling may release others
                }
                assertThat(engine.cancel(ref)).isEqualTo(wasQueued);
            } else if (kind < 96) {
                engine.offset();
            } else {
                int account = random.nextInt(engine.accountCount());
                boolean hold = !engine.isHeld(account);
                model.held.put(account, hold);
                engine.hold(account, hold);
            }
            model.check(seed);
        }
        for (int a = 0; a < engine.accountCount(); a++) {
            model.held.put(a, false);
            engine.hold(a, false);
        }
        engine.offset();
        model.check(seed);
        engine.rejectAllQueued("AM04");
        model.check(seed);
        assertThat(engine.queueSize()).isZero();
        assertThat(model.status.values()).doesNotContain("QUEUED", "SUBMITTED");
        return model.lines;
    }

    /** What the contract says should have happened, kept apart from the engine's own state. */
    static final class Model implements SettlementEvents {
        SettlementEngine engine;
        final List<String> lines = new ArrayList<>();
        final Map<Integer, Long> balance = new HashMap<>();
        final Map<Integer, Boolean> cips = new HashMap<>();
        final Map<Integer, Boolean> held = new HashMap<>();
        final Map<Long, String> status = new HashMap<>();
        final Map<Long, Legs> legs = new HashMap<>();
        final Map<Long, Long> amount = new HashMap<>();
        final Map<Long, Priority> priority = new HashMap<>();
        final Map<Long, Long> order = new HashMap<>();
        long cipsLiquidity;
        long cipsOpening;
        long arrivals;

        void open(int account, long opening, boolean isCips) {
            balance.put(account, opening);
            cips.put(account, isCips);
            held.put(account, false);
            if (isCips) {
                cipsOpening += opening;
            }
        }

        void liquidity(int account, long signedAmount) {
            balance.merge(account, signedAmount, Long::sum);
            if (cips.get(account)) {
                cipsLiquidity += signedAmount;
            }
        }

        void submitting(long ref, Legs l, long value, Priority p) {
            status.put(ref, "SUBMITTED");
            legs.put(ref, l);
            amount.put(ref, value);
            priority.put(ref, p);
            order.put(ref, arrivals++);
        }

        @Override
        public void settled(long ref, SettlementMethod method, Postings postings) {
            String before = status.get(ref);
            assertThat(before).as("payment %d settles once, from the queue or on arrival", ref)
                    .isIn("SUBMITTED", "QUEUED");
            Legs l = legs.get(ref);
            assertThat(describe(postings)).as("payment %d: the postings its settlement carries", ref)
                    .isEqualTo(expectedPostings(l, amount.get(ref)));
            if (method == SettlementMethod.RTGS || method == SettlementMethod.BOOK_TRANSFER) {
                for (int d : new int[] {l.debit1(), l.debit2()}) {
                    if (d != Legs.NONE) {
                        assertThat(overtaken(ref, d, before.equals("SUBMITTED")))
                                .as("payment %d settled gross ahead of the queue of account %d", ref, d).isEmpty();
                    }
                }
            }
            long v = amount.get(ref);
            for (int d : new int[] {l.debit1(), l.debit2()}) {
                if (d != Legs.NONE) {
                    balance.merge(d, -v, Long::sum);
                }
            }
            for (int c : new int[] {l.credit1(), l.credit2()}) {
                if (c != Legs.NONE) {
                    balance.merge(c, v, Long::sum);
                }
            }
            status.put(ref, "SETTLED");
            lines.add("settled " + ref + " " + method);
        }

        /** Queued payments not held that this one jumped at account d. */
        private List<Long> overtaken(long ref, int d, boolean onArrival) {
            List<Long> jumped = new ArrayList<>();
            status.forEach((other, st) -> {
                if (other == ref || !st.equals("QUEUED") || isHeld(legs.get(other))) {
                    return;
                }
                Legs ol = legs.get(other);
                if (ol.debit1() != d && ol.debit2() != d) {
                    return;
                }
                int mine = priority.get(ref).ordinal();
                int theirs = priority.get(other).ordinal();
                boolean ahead = onArrival ? theirs <= mine
                        : theirs < mine || theirs == mine && order.get(other) < order.get(ref);
                if (ahead) {
                    jumped.add(other);
                }
            });
            return jumped;
        }

        private boolean isHeld(Legs l) {
            for (int a : new int[] {l.debit1(), l.debit2(), l.credit1(), l.credit2()}) {
                if (a != Legs.NONE && held.get(a)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void queued(long ref, Postings postings) {
            assertThat(status.get(ref)).isEqualTo("SUBMITTED");
            assertThat(describe(postings)).as("payment %d: the postings it will make", ref)
                    .isEqualTo(expectedPostings(legs.get(ref), amount.get(ref)));
            status.put(ref, "QUEUED");
            lines.add("queued " + ref);
        }

        /** The postings rule's legs of a payment, as postings: debits (negative) first, then credits. */
        private static List<String> expectedPostings(Legs l, long v) {
            List<String> out = new ArrayList<>();
            for (int d : new int[] {l.debit1(), l.debit2()}) {
                if (d != Legs.NONE) {
                    out.add(d + " " + -v);
                }
            }
            for (int c : new int[] {l.credit1(), l.credit2()}) {
                if (c != Legs.NONE) {
                    out.add(c + " " + v);
                }
            }
            return out;
        }

        private static List<String> describe(Postings postings) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < postings.size(); i++) {
                out.add(postings.account(i) + " " + postings.amount(i));
            }
            return out;
        }

        /** What the engine holds by the model's own count: balances, and each queued payment once per leg. */
        long exposure() {
            long held = balance.values().stream().mapToLong(Long::longValue).sum();
            for (Map.Entry<Long, String> e : status.entrySet()) {
                if (e.getValue().equals("QUEUED")) {
                    held += legCount(legs.get(e.getKey())) * amount.get(e.getKey());
                }
            }
            return held;
        }

        boolean fits(Legs l, long value) {
            return exposure() + legCount(l) * value <= SettlementEngine.CAPACITY;
        }

        private static long legCount(Legs l) {
            long n = 0;
            for (int a : new int[] {l.debit1(), l.debit2(), l.credit1(), l.credit2()}) {
                n += a != Legs.NONE ? 1 : 0;
            }
            return n;
        }

        @Override
        public void rejected(long ref, String reasonCode) {
            if (reasonCode.equals(SettlementEngine.EXCEEDS_CAPACITY)) {
                assertThat(status.get(ref)).as("only a payment being submitted is refused at capacity").isEqualTo("SUBMITTED");
                status.put(ref, "REFUSED");
                lines.add("refused " + ref + " " + reasonCode);
                return;
            }
            assertThat(status.get(ref)).isEqualTo("QUEUED");
            status.put(ref, "REJECTED");
            lines.add("rejected " + ref + " " + reasonCode);
        }

        void check(long seed) {
            engine.checkInvariants();
            long cipsTotal = 0;
            for (Map.Entry<Integer, Long> e : balance.entrySet()) {
                assertThat(engine.balance(e.getKey()))
                        .as("seed %d: balance of account %d against its postings", seed, e.getKey())
                        .isEqualTo(e.getValue())
                        .isNotNegative();
                if (cips.get(e.getKey())) {
                    cipsTotal += e.getValue();
                }
            }
            assertThat(cipsTotal).as("seed %d: CIPS accounts move only with liquidity", seed)
                    .isEqualTo(cipsOpening + cipsLiquidity);
            assertThat(engine.exposure()).as("seed %d: what the engine holds, by the model's count", seed)
                    .isEqualTo(exposure()).isLessThanOrEqualTo(SettlementEngine.CAPACITY);
            assertThat(status.values()).as("seed %d: nothing left half-submitted", seed).doesNotContain("SUBMITTED");
        }
    }
}
