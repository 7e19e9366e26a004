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
 * settled postings; the CIPS accounts together move only with liquidity), no CIPS account below
 * zero and no indirect one below its credit line or its earmarks, the agent's books first (an
 * indirect's payment goes on to CIPS only with cover there, its amount earmarked until it settles,
 * is cancelled or rejected), reservations kept for HIGH payments, nothing settled twice, each
 * queue's order respected except by offsetting, every offset set feasible, and the same stream
 * giving the same events. The same streams run again with amounts at the
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
            Party p = Party.indirect(engine.openAccount(opening, agent.cipsAccount()), agent.cipsAccount());
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
                // deferred net settlement beside RTGS (the hybrid); everything in DNS mode
                boolean deferred = mode == SettlementMode.DNS || random.nextInt(7) == 0;
                boolean fits = model.fits(legs, amount);
                model.submitting(nextRef, legs, amount, priority, deferred);
                engine.submit(nextRef, from, to, amount, priority, deferred);
                assertThat(model.status.get(nextRef).equals("REFUSED")).as("seed %d: payment %d refused at capacity", seed, nextRef)
                        .isEqualTo(!fits);
                nextRef++;
            } else if (kind < 80) {
                int account = random.nextInt(engine.accountCount());
                long amount = amount(random, atMaximum, 400);
                boolean fits = model.exposure() + amount <= SettlementEngine.CAPACITY;
                if (fits) {
                    model.liquidity(account, amount); // before the call: what it releases settles on it
                }
                boolean done = engine.credit(account, amount);
                assertThat(done).as("seed %d: liquidity refused exactly at capacity", seed).isEqualTo(fits);
            } else if (kind < 85) {
                int account = random.nextInt(engine.accountCount());
                long amount = amount(random, atMaximum, 400);
                boolean allowed = model.withdrawable(account) >= amount;
                boolean done = engine.debit(account, amount);
                assertThat(done).as("seed %d: liquidity out of %d refused beyond what it can give", seed, account)
                        .isEqualTo(allowed);
                if (done) {
                    model.liquidity(account, -amount);
                }
            } else if (kind < 88) {
                Party p = parties.get(random.nextInt(parties.size()));
                if (p.isDirect()) {
                    long reservation = random.nextInt(3) == 0 ? 0 : amount(random, atMaximum, 300);
                    model.reserved.put(p.account(), reservation);
                    engine.setReservation(p.account(), reservation);
                } else {
                    long line = random.nextInt(3) == 0 ? 0 : amount(random, atMaximum, 300);
                    long used = model.earmarked(p.account()) - model.balance.get(p.account());
                    boolean fits = model.exposure() - model.creditLine.get(p.account()) + line <= SettlementEngine.CAPACITY;
                    var expected = line < used ? SettlementEngine.CreditLineChange.BELOW_USE
                            : fits ? SettlementEngine.CreditLineChange.SET : SettlementEngine.CreditLineChange.EXCEEDS_CAPACITY;
                    long before = model.creditLine.get(p.account());
                    if (expected == SettlementEngine.CreditLineChange.SET) {
                        model.creditLine.put(p.account(), line); // before the call: what it releases goes on with it
                    }
                    var change = engine.setCreditLine(p.account(), line);
                    assertThat(change).as("seed %d: credit line %d on %d (was %d, used %d)", seed, line, p.account(),
                            before, used).isEqualTo(expected);
                }
            } else if (kind < 92 && nextRef > 1) {
                long ref = 1 + random.nextInt((int) nextRef - 1);
                boolean wasQueued = "QUEUED".equals(model.status.get(ref));
                if (wasQueued) {
                    model.leave(ref, "CANCELLED"); // before the call: cancelling may release others
                }
                assertThat(engine.cancel(ref)).isEqualTo(wasQueued);
            } else if (kind < 94) {
                engine.offset();
            } else if (kind < 96) {
                var cycle = engine.netCycle();
                assertThat(cycle.carriedOver()).as("seed %d: what a cycle carries over waits still", seed)
                        .isEqualTo(model.deferredQueued());
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
        engine.netCycle();
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
        final Map<Integer, Long> creditLine = new HashMap<>();
        final Map<Integer, Long> reserved = new HashMap<>();
        final Map<Integer, Boolean> cips = new HashMap<>();
        final Map<Integer, Boolean> held = new HashMap<>();
        final Map<Long, String> status = new HashMap<>();
        final Map<Long, Legs> legs = new HashMap<>();
        final Map<Long, Long> amount = new HashMap<>();
        final Map<Long, Priority> priority = new HashMap<>();
        final Map<Long, Boolean> deferred = new HashMap<>();
        /** Where a queued payment waits: its agent debit's account (AGENT) or its CIPS debit's (CIPS). */
        final Map<Long, String> where = new HashMap<>();
        /** Its arrival where it waits now. */
        final Map<Long, Long> order = new HashMap<>();
        long cipsLiquidity;
        long cipsOpening;
        long arrivals;

        void open(int account, long opening, boolean isCips) {
            balance.put(account, opening);
            creditLine.put(account, 0L);
            reserved.put(account, 0L);
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

        void submitting(long ref, Legs l, long value, Priority p, boolean net) {
            deferred.put(ref, net);
            status.put(ref, "SUBMITTED");
            legs.put(ref, l);
            amount.put(ref, value);
            priority.put(ref, p);
            order.put(ref, arrivals++);
        }

        /** The indirect debtor's account, which covers the payment first, or NONE: by the model's own reading of the accounts. */
        int agentDebit(Legs l) {
            for (int d : new int[] {l.debit1(), l.debit2()}) {
                if (d != Legs.NONE && !cips.get(d)) {
                    return d;
                }
            }
            return Legs.NONE;
        }

        /** The paying agent's CIPS account, or NONE (a book transfer). */
        int cipsDebit(Legs l) {
            for (int d : new int[] {l.debit1(), l.debit2()}) {
                if (d != Legs.NONE && cips.get(d)) {
                    return d;
                }
            }
            return Legs.NONE;
        }

        long deferredQueued() {
            return status.entrySet().stream().filter(e -> e.getValue().equals("QUEUED") && deferred.get(e.getKey())).count();
        }

        /** What payments waiting at CIPS will debit the indirect account: its earmarks. */
        long earmarked(int account) {
            long sum = 0;
            for (Map.Entry<Long, String> e : status.entrySet()) {
                if (e.getValue().equals("QUEUED") && "CIPS".equals(where.get(e.getKey()))
                        && agentDebit(legs.get(e.getKey())) == account) {
                    sum += amount.get(e.getKey());
                }
            }
            return sum;
        }

        long available(int account) {
            return balance.get(account) + creditLine.get(account) - earmarked(account);
        }

        long withdrawable(int account) {
            long b = balance.get(account);
            return Math.max(0, cips.get(account) ? b - reserved.get(account) : Math.min(b, available(account)));
        }

        /** A queued payment leaves the queue with this status (before the engine is told, where it matters). */
        void leave(long ref, String newStatus) {
            status.put(ref, newStatus);
            where.remove(ref);
        }

        @Override
        public void settled(long ref, SettlementMethod method, Postings postings) {
            String before = status.get(ref);
            assertThat(before).as("payment %d settles once, from the queue or on arrival", ref)
                    .isIn("SUBMITTED", "QUEUED");
            Legs l = legs.get(ref);
            long v = amount.get(ref);
            assertThat(describe(postings)).as("payment %d: the postings its settlement carries", ref)
                    .isEqualTo(expectedPostings(l, v));
            int agent = agentDebit(l);
            int cipsAccount = cipsDebit(l);
            boolean onArrival = before.equals("SUBMITTED");
            if (method == SettlementMethod.RTGS) {
                assertThat(deferred.get(ref)).as("payment %d for deferred net settlement settled gross", ref).isFalse();
            }
            if (method == SettlementMethod.RTGS || method == SettlementMethod.BOOK_TRANSFER) {
                if (agent != Legs.NONE && (onArrival || "AGENT".equals(where.get(ref)))) {
                    assertThat(available(agent)).as("payment %d covered at its agent", ref).isGreaterThanOrEqualTo(v);
                    assertThat(overtaken(ref, "AGENT", agent, onArrival)).as("payment %d jumped its agent's queue", ref).isEmpty();
                }
                if (cipsAccount != Legs.NONE) {
                    long floor = priority.get(ref) == Priority.HIGH ? 0 : reserved.get(cipsAccount);
                    assertThat(balance.get(cipsAccount) - floor).as("payment %d covered at CIPS above the reservation", ref)
                            .isGreaterThanOrEqualTo(v);
                    assertThat(overtaken(ref, "CIPS", cipsAccount, onArrival || "AGENT".equals(where.get(ref))))
                            .as("payment %d settled gross ahead of the CIPS queue of account %d", ref, cipsAccount).isEmpty();
                }
            } else {
                assertThat(method == SettlementMethod.DNS).as("payment %d settled by %s: netted only if deferred", ref, method)
                        .isEqualTo(deferred.get(ref));
                assertThat(where.get(ref)).as("payment %d: only a queued payment is offset or netted", ref).isNotNull();
                if (method == SettlementMethod.BILATERAL_OFFSET) {
                    assertThat(where.get(ref)).as("payment %d: bilateral offsetting pairs CIPS queues", ref).isEqualTo("CIPS");
                }

            }
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
            leave(ref, "SETTLED");
            lines.add("settled " + ref + " " + method);
        }

        /**
         * Queued payments, not held, that this one jumped in the queue at {@code place} of account
         * {@code a}: on arrival (there), one of its priority or higher; else one ahead of it there.
         */
        private List<Long> overtaken(long ref, String place, int a, boolean arriving) {
            List<Long> jumped = new ArrayList<>();
            status.forEach((other, st) -> {
                if (other == ref || !st.equals("QUEUED") || !place.equals(where.get(other)) || isHeld(legs.get(other))) {
                    return;
                }
                if (place.equals("CIPS") && deferred.get(other)) {
                    return; // it waits for a netting cycle, not in the CIPS queue
                }
                Legs ol = legs.get(other);
                if ((place.equals("AGENT") ? agentDebit(ol) : cipsDebit(ol)) != a) {
                    return;
                }
                int mine = priority.get(ref).ordinal();
                int theirs = priority.get(other).ordinal();
                boolean ahead = arriving ? theirs <= mine
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
            Legs l = legs.get(ref);
            assertThat(describe(postings)).as("payment %d: the postings it will make", ref)
                    .isEqualTo(expectedPostings(l, amount.get(ref)));
            status.put(ref, "QUEUED");
            // an indirect's payment waits at its agent first; the engine says when it goes on to CIPS
            where.put(ref, agentDebit(l) != Legs.NONE ? "AGENT" : "CIPS");
            lines.add("queued " + ref);
        }

        @Override
        public void waitsAtCips(long ref, long position) {
            Legs l = legs.get(ref);
            long v = amount.get(ref);
            int agent = agentDebit(l);
            assertThat(cipsDebit(l)).as("payment %d: a book transfer never reaches CIPS", ref).isNotEqualTo(Legs.NONE);
            if (agent != Legs.NONE) {
                boolean arriving = status.get(ref).equals("SUBMITTED") || !"AGENT".equals(where.get(ref));
                if (!arriving) {
                    assertThat(where.get(ref)).isEqualTo("AGENT");
                }
                assertThat(available(agent)).as("payment %d covered at its agent before it goes on", ref)
                        .isGreaterThanOrEqualTo(v);
                assertThat(overtaken(ref, "AGENT", agent, status.get(ref).equals("SUBMITTED")))
                        .as("payment %d jumped its agent's queue", ref).isEmpty();
            }
            where.put(ref, "CIPS");
            order.put(ref, arrivals++);
            lines.add("at CIPS " + ref + " " + position);
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

        /** What the engine holds by the model's own count: balances, credit lines, and each queued payment once per leg. */
        long exposure() {
            long held = balance.values().stream().mapToLong(Long::longValue).sum()
                    + creditLine.values().stream().mapToLong(Long::longValue).sum();
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
            leave(ref, "REJECTED");
            lines.add("rejected " + ref + " " + reasonCode);
        }

        void check(long seed) {
            engine.checkInvariants();
            long cipsTotal = 0;
            for (Map.Entry<Integer, Long> e : balance.entrySet()) {
                int a = e.getKey();
                assertThat(engine.balance(a)).as("seed %d: balance of account %d against its postings", seed, a)
                        .isEqualTo(e.getValue());
                assertThat(engine.creditLine(a)).isEqualTo(creditLine.get(a));
                assertThat(engine.reserved(a)).isEqualTo(reserved.get(a));
                if (cips.get(a)) {
                    assertThat(e.getValue()).as("seed %d: CIPS account %d never below zero", seed, a).isNotNegative();
                    cipsTotal += e.getValue();
                } else {
                    assertThat(engine.earmarked(a)).as("seed %d: earmarks of %d: what waits at CIPS from it", seed, a)
                            .isEqualTo(earmarked(a));
                    assertThat(available(a)).as("seed %d: indirect account %d covers its earmarks within its credit line",
                            seed, a).isNotNegative();
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
