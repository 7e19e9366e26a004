package io.rmbsim.settlement;

import static io.rmbsim.settlement.SettlementMethod.DNS;
import static io.rmbsim.settlement.SettlementMethod.RTGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.rmbsim.settlement.PostingsRule.Party;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deferred net settlement beside RTGS (contract 1.1): a payment that asks for it waits for the next
 * netting cycle, where each account's multilateral net position over the cycle's batch settles at
 * once; where a net debit is not covered, that account's payments are taken out, latest first, and
 * carried over; what is left at the end of the day is rejected with AM04.
 */
class DeferredNetSettlementTest {

    final EventLog log = new EventLog();
    final SettlementEngine engine = new SettlementEngine(SettlementMode.RTGS_LSM, log);
    final Party a = Party.direct(engine.openAccount(10));
    final Party b = Party.direct(engine.openAccount(0));
    final Party c = Party.direct(engine.openAccount(0));

    @AfterEach
    void invariantsHold() {
        engine.checkInvariants();
    }

    void net(long ref, Party from, Party to, long amount) {
        engine.submit(ref, from, to, amount, Priority.NORM, true);
    }

    @Test
    void threeBanksNetAtACycleAndOnlyTheirNetPositionsMove() {
        net(1, a, b, 100);
        net(2, b, c, 90);
        net(3, c, a, 90);
        assertThat(log.settled).as("nothing settles gross, even with cover").isEmpty();
        assertThat(log.atCips).containsKeys(1L, 2L, 3L);
        SettlementEngine.NetCycle cycle = engine.netCycle();
        assertThat(cycle.settled()).isEqualTo(3);
        assertThat(cycle.carriedOver()).isZero();
        assertThat(log.settled).containsOnly(entry(1L, DNS), entry(2L, DNS), entry(3L, DNS));
        // net positions a -10, b +10, c 0: 280 of payments moved with 10 of liquidity
        assertThat(engine.balance(a.account())).isZero();
        assertThat(engine.balance(b.account())).isEqualTo(10);
        assertThat(engine.balance(c.account())).isZero();
    }

    @Test
    void aShortParticipantsLatestPaymentsAreCarriedOverThenRejectedAtTheEndOfTheDay() {
        net(1, a, b, 8);
        net(2, b, a, 3);
        net(3, a, c, 6);  // a: -8 +3 -6 = -11 with 10: short; its latest (3) is taken out
        SettlementEngine.NetCycle cycle = engine.netCycle();
        assertThat(cycle.settled()).isEqualTo(2);
        assertThat(cycle.carriedOver()).isEqualTo(1);
        assertThat(log.settled).containsOnlyKeys(1L, 2L);
        assertThat(engine.balance(a.account())).isEqualTo(5);
        // still short at the next cycle, and at the end of the day
        assertThat(engine.netCycle().settled()).isZero();
        SettlementEngine.DayClose close = engine.closeDay();
        assertThat(close.rejected()).isEqualTo(1);
        assertThat(log.rejected).containsExactly(entry(3L, SettlementEngine.NOT_COVERED_BY_END_OF_DAY));
    }

    @Test
    void grossAndNetPaymentsLiveSideBySide() {
        net(1, a, b, 10);
        engine.submit(2, a, c, 10, Priority.NORM, false);
        assertThat(log.settled).as("the gross one uses the cover the deferred one has not").containsExactly(entry(2L, RTGS));
        assertThat(engine.netCycle().settled()).as("a is short now: carried over").isZero();
        engine.credit(a.account(), 10);
        assertThat(log.settled).as("incoming funds do not release a deferred payment").doesNotContainKey(1L);
        assertThat(engine.offset().payments()).as("the liquidity-saving mechanism leaves deferred payments alone").isZero();
        assertThat(engine.netCycle().settled()).isEqualTo(1);
        assertThat(log.settled).containsEntry(1L, DNS);
    }

    @Test
    void theDaysCloseRunsALastCycle() {
        net(1, a, b, 10);
        SettlementEngine.DayClose close = engine.closeDay();
        assertThat(close.lastCycle().settled()).isEqualTo(1);
        assertThat(close.settled()).isEqualTo(1);
        assertThat(close.rejected()).isZero();
    }

    @Test
    void anIndirectsDeferredPaymentIsCoveredAtItsAgentFirst() {
        Party russian = Party.indirect(engine.openAccount(0, a.cipsAccount()), a.cipsAccount());
        net(1, russian, b, 50);
        assertThat(log.atCips).doesNotContainKey(1L);
        assertThat(engine.netCycle().settled()).as("it has no cover at its agent, which the cycle needs too").isZero();
        engine.credit(russian.account(), 50);
        assertThat(log.atCips).containsKey(1L);
        assertThat(engine.earmarked(russian.account())).isEqualTo(50);
        engine.credit(a.account(), 40);
        assertThat(engine.netCycle().settled()).isEqualTo(1);
        assertThat(engine.earmarked(russian.account())).isZero();
        assertThat(engine.balance(russian.account())).isZero();
    }
}
