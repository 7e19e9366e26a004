package io.rmbsim.settlement;

import static io.rmbsim.settlement.QueueDiscipline.FIFO_BYPASS;
import static io.rmbsim.settlement.QueueDiscipline.STRICT_FIFO;
import static io.rmbsim.settlement.SettlementMethod.RTGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.rmbsim.settlement.PostingsRule.Party;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The queue discipline: {@link QueueDiscipline#STRICT_FIFO} (a payment goes only from the head of its
 * queue) against {@link QueueDiscipline#FIFO_BYPASS} (TARGET2's rule for normal payments: a NORM
 * payment with cover passes over the uncovered NORM payments ahead of it, never a HIGH one), at a
 * CIPS account and on an agent's books. Amounts in fen, worked out by hand in the comments.
 */
class QueueDisciplineTest {

    /** One engine and what it said. */
    static final class Run {
        final EventLog log = new EventLog();
        final SettlementEngine engine;

        Run(QueueDiscipline discipline) {
            engine = new SettlementEngine(SettlementMode.RTGS_LSM, log, discipline);
        }

        Party direct(long balance) {
            return Party.direct(engine.openAccount(balance));
        }

        Party indirect(Party agent, long balance) {
            return Party.indirect(engine.openAccount(balance, agent.cipsAccount()), agent.cipsAccount());
        }

        void norm(long ref, Party from, Party to, long amount) {
            engine.submit(ref, from, to, amount, Priority.NORM);
            engine.checkInvariants();
        }

        void high(long ref, Party from, Party to, long amount) {
            engine.submit(ref, from, to, amount, Priority.HIGH);
            engine.checkInvariants();
        }

        void credit(Party p, long amount) {
            engine.credit(p.account(), amount);
            engine.checkInvariants();
        }

        long balance(Party p) {
            return engine.balance(p.account());
        }
    }

    @Test
    void theTwoConstructorsAndTheDefault() {
        EventLog log = new EventLog();
        assertThat(new SettlementEngine(SettlementMode.RTGS_LSM, log).discipline()).isEqualTo(STRICT_FIFO);
        assertThat(new SettlementEngine(SettlementMode.RTGS, log, FIFO_BYPASS).discipline()).isEqualTo(FIFO_BYPASS);
    }

    @Test
    void aCoveredNormPaymentGoesPastAnUncoveredOneOnArrivalOnlyUnderBypass() {
        // A holds 100; NORM 150 cannot settle and queues; then NORM 50 arrives
        Run strict = new Run(STRICT_FIFO);
        Party a = strict.direct(100);
        Party b = strict.direct(0);
        strict.norm(1, a, b, 150);
        strict.norm(2, a, b, 50);
        // strict: the 50 queues behind the 150 although 100 covers it
        assertThat(strict.log.queued).containsExactly(1L, 2L);
        assertThat(strict.log.settled).isEmpty();
        assertThat(strict.balance(a)).isEqualTo(100);

        Run bypass = new Run(FIFO_BYPASS);
        a = bypass.direct(100);
        b = bypass.direct(0);
        bypass.norm(1, a, b, 150);
        bypass.norm(2, a, b, 50);
        // bypass: the 50 settles at once (100 - 50 = 50 left), the 150 waits
        assertThat(bypass.log.settled).containsExactly(entry(2L, RTGS));
        assertThat(bypass.log.queued).containsExactly(1L);
        assertThat(bypass.balance(a)).isEqualTo(50);
        assertThat(bypass.balance(b)).isEqualTo(50);
        assertThat(bypass.engine.queuedOutgoing(a.account())).isEqualTo(150);
    }

    @Test
    void onReleaseTheCoveredNormPaymentsGoInQueueOrderPassingOverTheOthers() {
        // A holds 0; NORM 150, 60, 30 queue in that order; 100 arrives, later 140
        Run strict = new Run(STRICT_FIFO);
        Party a = strict.direct(0);
        Party b = strict.direct(0);
        strict.norm(1, a, b, 150);
        strict.norm(2, a, b, 60);
        strict.norm(3, a, b, 30);
        strict.credit(a, 100);
        // strict: the head 150 > 100 blocks the queue
        assertThat(strict.log.settled).isEmpty();
        strict.credit(a, 140);
        // 240: 150 (90 left), 60 (30 left), 30 (0 left)
        assertThat(strict.log.settled.keySet()).containsExactly(1L, 2L, 3L);
        assertThat(strict.balance(a)).isZero();

        Run bypass = new Run(FIFO_BYPASS);
        a = bypass.direct(0);
        b = bypass.direct(0);
        bypass.norm(1, a, b, 150);
        bypass.norm(2, a, b, 60);
        bypass.norm(3, a, b, 30);
        bypass.credit(a, 100);
        // bypass: 150 > 100 passed over; 60 settles (40 left); 30 settles (10 left)
        assertThat(bypass.log.settled.keySet()).containsExactly(2L, 3L);
        assertThat(bypass.balance(a)).isEqualTo(10);
        assertThat(bypass.balance(b)).isEqualTo(90);
        assertThat(bypass.engine.queuedInReleaseOrder()).containsExactly(1L);
        bypass.credit(a, 140);
        // 10 + 140 = 150: the 150 settles, nothing left
        assertThat(bypass.log.settled.keySet()).containsExactly(2L, 3L, 1L);
        assertThat(bypass.balance(a)).isZero();
        assertThat(bypass.balance(b)).isEqualTo(240);
        assertThat(bypass.engine.queueSize()).isZero();
    }

    @Test
    void aPassedOverPaymentKeepsItsPlace() {
        // A holds 0; NORM 150, 60, 70 queue; 65 arrives: 150 and 70 passed over, 60 settles (5 left);
        // 215 more arrive (220): the 150 settles first (70 left), then the 70 (0 left)
        Run bypass = new Run(FIFO_BYPASS);
        Party a = bypass.direct(0);
        Party b = bypass.direct(0);
        bypass.norm(1, a, b, 150);
        bypass.norm(2, a, b, 60);
        bypass.norm(3, a, b, 70);
        bypass.credit(a, 65);
        assertThat(bypass.log.settled.keySet()).containsExactly(2L);
        assertThat(bypass.balance(a)).isEqualTo(5);
        bypass.credit(a, 215);
        assertThat(bypass.log.settled.keySet()).containsExactly(2L, 1L, 3L);
        assertThat(bypass.balance(a)).isZero();
    }

    @ParameterizedTest
    @EnumSource(QueueDiscipline.class)
    void aWaitingHighPaymentHoldsEveryNormPaymentBack(QueueDiscipline discipline) {
        // A holds 100; HIGH 200 queues; NORM 50 arrives: 100 would cover it, but the HIGH goes first
        Run run = new Run(discipline);
        Party a = run.direct(100);
        Party b = run.direct(0);
        run.high(1, a, b, 200);
        run.norm(2, a, b, 50);
        assertThat(run.log.queued).containsExactly(1L, 2L);
        assertThat(run.log.settled).isEmpty();
        // 50 arrive (150): still short of the HIGH 200, so the NORM 50 still waits
        run.credit(a, 50);
        assertThat(run.log.settled).isEmpty();
        // 50 more (200): the HIGH settles (0 left), the NORM waits for cover
        run.credit(a, 50);
        assertThat(run.log.settled.keySet()).containsExactly(1L);
        assertThat(run.balance(a)).isZero();
        // 50 more: the NORM settles
        run.credit(a, 50);
        assertThat(run.log.settled.keySet()).containsExactly(1L, 2L);
        assertThat(run.balance(a)).isZero();
    }

    @Test
    void aHeldHighPaymentIsPassedOverAsUnderStrictFifo() {
        // A holds 100; HIGH 200 to C, whose account is then held; NORM 150 queued, then NORM 50:
        // the held HIGH blocks nothing, so the 50 goes past the 150 (50 left)
        Run bypass = new Run(FIFO_BYPASS);
        Party a = bypass.direct(100);
        Party b = bypass.direct(0);
        Party c = bypass.direct(0);
        bypass.high(1, a, c, 200);
        bypass.engine.hold(c.account(), true);
        bypass.norm(2, a, b, 150);
        bypass.norm(3, a, b, 50);
        assertThat(bypass.log.settled.keySet()).containsExactly(3L);
        assertThat(bypass.balance(a)).isEqualTo(50);
        // C freed: the HIGH 200 waits again at the front; 150 arrive (200): the HIGH settles, 0 left
        bypass.engine.hold(c.account(), false);
        bypass.credit(a, 150);
        assertThat(bypass.log.settled.keySet()).containsExactly(3L, 1L);
        assertThat(bypass.balance(a)).isZero();
        assertThat(bypass.engine.queuedInReleaseOrder()).containsExactly(2L);
    }

    @Test
    void atACipsAccountTheBypassUsesOnlyWhatIsAboveTheReservation() {
        // A holds 100 with 80 reserved for HIGH payments: a NORM payment may use 20
        Run strict = new Run(STRICT_FIFO);
        Party a = strict.direct(100);
        Party b = strict.direct(0);
        strict.engine.setReservation(a.account(), 80);
        strict.norm(1, a, b, 150);
        strict.norm(2, a, b, 30);
        strict.norm(3, a, b, 20);
        // strict: all three wait behind the 150
        assertThat(strict.log.settled).isEmpty();
        strict.engine.setReservation(a.account(), 0);
        // 100 usable: the head 150 still blocks
        assertThat(strict.log.settled).isEmpty();

        Run bypass = new Run(FIFO_BYPASS);
        a = bypass.direct(100);
        b = bypass.direct(0);
        bypass.engine.setReservation(a.account(), 80);
        bypass.norm(1, a, b, 150);
        bypass.norm(2, a, b, 30);
        bypass.norm(3, a, b, 20);
        // bypass: 30 > 20 usable waits; 20 <= 20 settles (80 left, all of it reserved)
        assertThat(bypass.log.settled.keySet()).containsExactly(3L);
        assertThat(bypass.balance(a)).isEqualTo(80);
        // a HIGH payment may use the reservation, a NORM one not: NORM 10 waits, HIGH 10 settles (70 left)
        bypass.norm(4, a, b, 10);
        bypass.high(5, a, b, 10);
        assertThat(bypass.log.settled.keySet()).containsExactly(3L, 5L);
        assertThat(bypass.balance(a)).isEqualTo(70);
        // the reservation lowered to 30: 40 usable; 150 passed over, 30 settles (40 left, 10 usable), 10 settles (30 left)
        bypass.engine.setReservation(a.account(), 30);
        bypass.engine.checkInvariants();
        assertThat(bypass.log.settled.keySet()).containsExactly(3L, 5L, 2L, 4L);
        assertThat(bypass.balance(a)).isEqualTo(30);
        assertThat(bypass.engine.queuedInReleaseOrder()).containsExactly(1L);
    }

    @Test
    void onTheAgentsBooksACoveredNormPaymentGoesPastAnUncoveredOneAndOnToCips() {
        // VTB holds 100 at Harbin Bank (whose CIPS account holds 0): NORM 500 waits at the agent;
        // NORM 40 arrives
        Run strict = new Run(STRICT_FIFO);
        Party harbin = strict.direct(0);
        Party icbc = strict.direct(0);
        Party vtb = strict.indirect(harbin, 100);
        strict.norm(1, vtb, icbc, 500);
        strict.norm(2, vtb, icbc, 40);
        // strict: the 40 waits behind the 500 at the agent, nothing earmarked, nothing at CIPS
        assertThat(strict.log.queued).containsExactly(1L, 2L);
        assertThat(strict.log.atCips).isEmpty();
        assertThat(strict.engine.earmarked(vtb.account())).isZero();

        Run bypass = new Run(FIFO_BYPASS);
        harbin = bypass.direct(0);
        icbc = bypass.direct(0);
        vtb = bypass.indirect(harbin, 100);
        bypass.norm(1, vtb, icbc, 500);
        bypass.norm(2, vtb, icbc, 40);
        // bypass: the 40 is covered at the agent (100 - 40 = 60 available), earmarked, and goes on to
        // CIPS, where Harbin Bank's 0 does not cover it: it waits there
        assertThat(bypass.log.atCips).containsOnlyKeys(2L);
        assertThat(bypass.engine.earmarked(vtb.account())).isEqualTo(40);
        assertThat(bypass.engine.available(vtb.account())).isEqualTo(60);
        assertThat(bypass.engine.queuedOutgoing(harbin.account())).isEqualTo(40);
        assertThat(bypass.log.settled).isEmpty();
        // Harbin Bank receives 40: the 40 settles, VTB 100 - 40 = 60, ICBC 40, the earmark gone
        bypass.credit(harbin, 40);
        assertThat(bypass.log.settled).containsExactly(entry(2L, RTGS));
        assertThat(bypass.balance(vtb)).isEqualTo(60);
        assertThat(bypass.balance(harbin)).isZero();
        assertThat(bypass.balance(icbc)).isEqualTo(40);
        assertThat(bypass.engine.earmarked(vtb.account())).isZero();
        assertThat(bypass.engine.queuedInReleaseOrder()).containsExactly(1L);
    }

    @Test
    void onTheAgentsBooksTheReleasePassesOverTooAndACoveredPaymentSettlesAtCips() {
        // VTB holds 0 at Harbin Bank (whose CIPS account holds 1,000): NORM 500, then NORM 40, wait at
        // the agent; 100 arrive on VTB's account
        Run bypass = new Run(FIFO_BYPASS);
        Party harbin = bypass.direct(1_000);
        Party icbc = bypass.direct(0);
        Party vtb = bypass.indirect(harbin, 0);
        bypass.norm(1, vtb, icbc, 500);
        bypass.norm(2, vtb, icbc, 40);
        assertThat(bypass.log.atCips).isEmpty();
        bypass.credit(vtb, 100);
        // 500 > 100 passed over; the 40 covered, goes on to CIPS and settles there at once:
        // VTB 100 - 40 = 60, Harbin Bank 1,000 - 40 = 960, ICBC 40
        assertThat(bypass.log.atCips).containsOnlyKeys(2L);
        assertThat(bypass.log.settled).containsExactly(entry(2L, RTGS));
        assertThat(bypass.balance(vtb)).isEqualTo(60);
        assertThat(bypass.balance(harbin)).isEqualTo(960);
        assertThat(bypass.balance(icbc)).isEqualTo(40);
        // a credit line of 440 makes 500 available: the 500 goes (VTB 60 - 500 = -440), Harbin 460
        assertThat(bypass.engine.setCreditLine(vtb.account(), 440)).isEqualTo(SettlementEngine.CreditLineChange.SET);
        bypass.engine.checkInvariants();
        assertThat(bypass.log.settled.keySet()).containsExactly(2L, 1L);
        assertThat(bypass.balance(vtb)).isEqualTo(-440);
        assertThat(bypass.balance(harbin)).isEqualTo(460);
        assertThat(bypass.engine.queueSize()).isZero();
    }

    // --- over random streams --------------------------------------------------------------------------

    @Test
    void withOnlyHighPaymentsBothDisciplinesSayTheSame() {
        List<String> strict = stream(STRICT_FIFO, 1, true, false);
        List<String> bypass = stream(FIFO_BYPASS, 1, true, false);
        assertThat(strict).as("the stream queues and releases something").anyMatch(l -> l.startsWith("queued"))
                .anyMatch(l -> l.startsWith("settled"));
        assertThat(bypass).isEqualTo(strict);
    }

    @Test
    void withEveryPaymentCoveredOnArrivalBothDisciplinesSayTheSame() {
        List<String> strict = stream(STRICT_FIFO, 2, false, true);
        List<String> bypass = stream(FIFO_BYPASS, 2, false, true);
        assertThat(strict).as("nothing queues").noneMatch(l -> l.startsWith("queued"))
                .filteredOn(l -> l.startsWith("settled")).hasSize(2_000);
        assertThat(bypass).isEqualTo(strict);
    }

    /**
     * 2,000 payments over 10 accounts (7 CIPS accounts, 3 indirect ones at the first three of them),
     * with liquidity, reservations, credit lines, cancels, offsets and holds between them; the events
     * as lines. {@code onlyHigh}: every payment HIGH. {@code rich}: balances far above every payment, so
     * that each settles on arrival (and nothing else happens but liquidity).
     */
    private static List<String> stream(QueueDiscipline discipline, long seed, boolean onlyHigh, boolean rich) {
        Random random = new Random(seed);
        EventLog log = new EventLog();
        SettlementEngine engine = new SettlementEngine(SettlementMode.RTGS_LSM, log, discipline);
        List<Party> parties = new ArrayList<>();
        long opening = rich ? 1_000_000_000L : 0;
        for (int i = 0; i < 7; i++) {
            parties.add(Party.direct(engine.openAccount(opening + (rich ? 0 : random.nextInt(500)))));
        }
        for (int i = 0; i < 3; i++) {
            parties.add(Party.indirect(engine.openAccount(opening + (rich ? 0 : random.nextInt(300)), i), i));
        }
        long ref = 1;
        while (ref <= 2_000) {
            int kind = random.nextInt(100);
            if (kind < 75 || rich) {
                Party from = parties.get(random.nextInt(parties.size()));
                Party to = parties.get(random.nextInt(parties.size()));
                if (from.account() == to.account()) {
                    continue;
                }
                Priority p = onlyHigh || random.nextBoolean() ? Priority.HIGH : Priority.NORM;
                engine.submit(ref++, from, to, 1 + random.nextInt(400), p);
            } else if (kind < 88) {
                engine.credit(random.nextInt(10), 1 + random.nextInt(300));
            } else if (kind < 91) {
                engine.setReservation(random.nextInt(7), random.nextInt(3) == 0 ? 0 : random.nextInt(200));
            } else if (kind < 94) {
                engine.setCreditLine(7 + random.nextInt(3), random.nextInt(300));
            } else if (kind < 96) {
                engine.cancel(1 + random.nextInt((int) ref));
            } else if (kind < 98) {
                engine.offset();
            } else {
                int a = random.nextInt(10);
                engine.hold(a, !engine.isHeld(a));
            }
            engine.checkInvariants();
        }
        for (int a = 0; a < 10; a++) {
            engine.hold(a, false);
        }
        engine.closeDay();
        engine.checkInvariants();
        List<String> lines = new ArrayList<>(log.lines);
        for (int a = 0; a < 10; a++) {
            lines.add("balance " + a + " " + engine.balance(a));
        }
        return lines;
    }

    /**
     * A small random network through a day with liquidity arriving, under each discipline and several
     * seeds. Bypassing may settle more value than strict FIFO or less (it is no theorem either way),
     * so nothing is asserted about that; what must hold under both: no CIPS account ever below zero,
     * no indirect one below minus its credit line or its earmarks, the CIPS accounts together moving
     * only with liquidity, the engine's own invariants; and under {@link QueueDiscipline#FIFO_BYPASS},
     * after every command while no account is held, no NORM payment waits with cover in a queue where
     * no HIGH payment waits.
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void aRandomDayKeepsFloorsAndConservesUnderBoth(long seed) {
        for (QueueDiscipline discipline : QueueDiscipline.values()) {
            randomDay(discipline, seed);
        }
    }

    private static void randomDay(QueueDiscipline discipline, long seed) {
        Random random = new Random(seed);
        Tracker t = new Tracker();
        SettlementEngine engine = new SettlementEngine(SettlementMode.RTGS_LSM, t, discipline);
        List<Party> parties = new ArrayList<>();
        int directs = 6;
        long cipsTotal = 0;
        for (int i = 0; i < directs; i++) {
            long opening = random.nextInt(400);
            cipsTotal += opening;
            parties.add(Party.direct(engine.openAccount(opening)));
        }
        for (int i = 0; i < 4; i++) {
            int agent = random.nextInt(directs);
            parties.add(Party.indirect(engine.openAccount(random.nextInt(300), agent), agent));
        }
        for (int c = 0; c < 1_500; c++) {
            int kind = random.nextInt(100);
            if (kind < 70) {
                Party from = parties.get(random.nextInt(parties.size()));
                Party to = parties.get(random.nextInt(parties.size()));
                if (from.account() == to.account()) {
                    continue;
                }
                long ref = c + 1;
                Legs legs = PostingsRule.legs(from, to);
                t.submitting(ref, legs, 1 + random.nextInt(random.nextBoolean() ? 100 : 500),
                        random.nextInt(6) == 0 ? Priority.HIGH : Priority.NORM);
                engine.submit(ref, from, to, t.amount.get(ref), t.priority.get(ref));
            } else if (kind < 85) {
                int a = random.nextInt(parties.size());
                long amount = 1 + random.nextInt(200);
                engine.credit(a, amount);
                if (!engine.isIndirect(a)) {
                    cipsTotal += amount;
                }
            } else if (kind < 89) {
                int a = random.nextInt(parties.size());
                long amount = 1 + random.nextInt(100);
                if (engine.debit(a, amount) && !engine.isIndirect(a)) {
                    cipsTotal -= amount;
                }
            } else if (kind < 92) {
                engine.setReservation(random.nextInt(directs), random.nextInt(2) == 0 ? 0 : random.nextInt(150));
            } else if (kind < 95) {
                engine.setCreditLine(directs + random.nextInt(4), random.nextInt(200));
            } else if (kind < 97 && c > 0) {
                long ref = 1 + random.nextInt(c);
                if (engine.cancel(ref)) {
                    t.waitsAt.remove(ref); // a cancel says nothing through the events
                }
            } else if (kind < 98) {
                engine.offset();
            } else {
                int a = random.nextInt(parties.size());
                engine.hold(a, !engine.isHeld(a));
            }
            engine.checkInvariants();
            long sum = 0;
            for (int a = 0; a < engine.accountCount(); a++) {
                if (engine.isIndirect(a)) {
                    assertThat(engine.balance(a)).as("seed %d %s: indirect %d within its credit line", seed, discipline, a)
                            .isGreaterThanOrEqualTo(-engine.creditLine(a));
                    assertThat(engine.available(a)).as("seed %d %s: indirect %d covers its earmarks", seed, discipline, a)
                            .isNotNegative();
                } else {
                    assertThat(engine.balance(a)).as("seed %d %s: CIPS account %d", seed, discipline, a).isNotNegative();
                    sum += engine.balance(a);
                }
            }
            assertThat(sum).as("seed %d %s: the CIPS accounts move only with liquidity", seed, discipline)
                    .isEqualTo(cipsTotal);
            boolean anyHeld = false;
            for (int a = 0; a < engine.accountCount(); a++) {
                anyHeld |= engine.isHeld(a);
            }
            // holding an account releases nothing (under either discipline): checked while none is held
            if (discipline == FIFO_BYPASS && !anyHeld) {
                t.assertNoCoveredNormWaitsUnblocked(engine, seed);
            }
        }
        for (int a = 0; a < engine.accountCount(); a++) {
            engine.hold(a, false);
        }
        if (discipline == FIFO_BYPASS) {
            t.assertNoCoveredNormWaitsUnblocked(engine, seed);
        }
        engine.closeDay();
        engine.checkInvariants();
        assertThat(engine.queueSize()).isZero();
    }

    /** Where each queued payment waits, by the events: for the bypass property. */
    static final class Tracker implements SettlementEvents {
        final Map<Long, Legs> legs = new HashMap<>();
        final Map<Long, Long> amount = new HashMap<>();
        final Map<Long, Priority> priority = new HashMap<>();
        /** The account whose queue holds the payment. */
        final Map<Long, Integer> waitsAt = new HashMap<>();

        void submitting(long ref, Legs l, long value, Priority p) {
            legs.put(ref, l);
            amount.put(ref, value);
            priority.put(ref, p);
        }

        @Override
        public void settled(long ref, SettlementMethod method, Postings postings) {
            waitsAt.remove(ref);
        }

        @Override
        public void queued(long ref, Postings postings) {
            Legs l = legs.get(ref);
            // an indirect debtor's payment waits at its agent first (its first debit), else at CIPS
            boolean atAgent = l.debit1() != l.from();
            waitsAt.put(ref, atAgent ? l.debit1() : l.from());
        }

        @Override
        public void waitsAtCips(long ref, long position) {
            waitsAt.put(ref, legs.get(ref).from());
        }

        @Override
        public void rejected(long ref, String reasonCode) {
            waitsAt.remove(ref);
        }

        void assertNoCoveredNormWaitsUnblocked(SettlementEngine engine, long seed) {
            Map<Integer, Boolean> highWaits = new HashMap<>();
            waitsAt.forEach((ref, a) -> {
                if (priority.get(ref) == Priority.HIGH) {
                    highWaits.put(a, true);
                }
            });
            waitsAt.forEach((ref, a) -> {
                if (priority.get(ref) == Priority.NORM && !highWaits.containsKey(a)) {
                    long cover = engine.isIndirect(a) ? engine.available(a) : engine.balance(a) - engine.reserved(a);
                    assertThat(amount.get(ref)).as("seed %d: NORM payment %d waits at %d with cover %d", seed, ref, a, cover)
                            .isGreaterThan(cover);
                }
            });
        }
    }
}
