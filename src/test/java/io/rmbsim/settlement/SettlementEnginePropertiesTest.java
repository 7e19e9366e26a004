package io.rmbsim.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmbsim.settlement.PostingsRule.Party;
import io.rmbsim.settlement.SettlementEngine.Mode;
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
 * and the same stream giving the same events.
 */
class SettlementEnginePropertiesTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 400);
    }

    @ParameterizedTest(name = "stream {0}")
    @MethodSource("seeds")
    void randomStreamKeepsEveryInvariant(long seed) {
        List<String> first = run(seed);
        List<String> second = run(seed);
        assertThat(second).as("same stream, same events (seed %d)", seed).isEqualTo(first);
    }

    /** Runs the stream of {@code seed}, checking the model at every step; answers the event lines. */
    private static List<String> run(long seed) {
        Random random = new Random(seed);
        Mode mode = Mode.values()[random.nextInt(Mode.values().length)];
        Model model = new Model();
        SettlementEngine engine = new SettlementEngine(mode, model);
        model.engine = engine;

        int directs = 2 + random.nextInt(4);
        List<Party> parties = new ArrayList<>();
        for (int i = 0; i < directs; i++) {
            long opening = random.nextInt(3) == 0 ? 0 : random.nextInt(1000);
            Party p = Party.direct(engine.openAccount(opening));
            model.open(p.account(), opening, true);
            parties.add(p);
        }
        int indirects = random.nextInt(7);
        for (int i = 0; i < indirects; i++) {
            long opening = random.nextInt(500);
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
                long amount = 1 + random.nextInt(random.nextBoolean() ? 100 : 600);
                Priority priority = random.nextInt(5) == 0 ? Priority.HIGH : Priority.NORM;
                model.submitting(nextRef, legs, amount, priority);
                engine.submit(nextRef++, legs, amount, priority);
            } else if (kind < 80) {
                int account = random.nextInt(engine.accountCount());
                long amount = 1 + random.nextInt(400);
                model.liquidity(account, amount);
                engine.credit(account, amount);
            } else if (kind < 85) {
                int account = random.nextInt(engine.accountCount());
                long amount = 1 + random.nextInt(400);
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
        public void settled(long ref, SettlementMethod method) {
            String before = status.get(ref);
            assertThat(before).as("payment %d settles once, from the queue or on arrival", ref)
                    .isIn("SUBMITTED", "QUEUED");
            Legs l = legs.get(ref);
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
        public void queued(long ref) {
            assertThat(status.get(ref)).isEqualTo("SUBMITTED");
            status.put(ref, "QUEUED");
            lines.add("queued " + ref);
        }

        @Override
        public void rejected(long ref, String reasonCode) {
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
            assertThat(status.values()).as("seed %d: nothing left half-submitted", seed).doesNotContain("SUBMITTED");
        }
    }
}
