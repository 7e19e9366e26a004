package io.rmbsim.settlement;

import static io.rmbsim.settlement.SettlementMethod.BOOK_TRANSFER;
import static io.rmbsim.settlement.SettlementMethod.MULTILATERAL_OFFSET;
import static io.rmbsim.settlement.SettlementMethod.RTGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.rmbsim.settlement.PostingsRule.Party;
import io.rmbsim.settlement.SettlementEngine.CreditLineChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's books come first (contract 1.1): an indirect participant's payment is covered on its
 * own account at its agent (balance + credit line - earmarks) before it reaches CIPS, credit lines
 * let it go below zero within the line, and a reservation keeps part of a CIPS account for HIGH
 * payments. Harbin Bank (HCCB) with two Russian banks behind it, ICBC and BOC as other agents.
 */
class TwoTierSettlementTest {

    final EventLog log = new EventLog();
    final SettlementEngine engine = new SettlementEngine(SettlementMode.RTGS_LSM, log);
    Party harbin;
    Party icbc;
    Party boc;
    Party vtb;
    Party sber;

    @BeforeEach
    void network() {
        harbin = Party.direct(engine.openAccount(0));
        icbc = Party.direct(engine.openAccount(0));
        boc = Party.direct(engine.openAccount(0));
        vtb = indirect(harbin, 0);
        sber = indirect(harbin, 0);
    }

    @AfterEach
    void invariantsHold() {
        engine.checkInvariants();
    }

    Party indirect(Party agent, long opening) {
        return Party.indirect(engine.openAccount(opening, agent.cipsAccount()), agent.cipsAccount());
    }

    void pay(long ref, Party from, Party to, long amount, Priority priority) {
        engine.submit(ref, from, to, amount, priority);
    }

    @Test
    void anUnfundedIndirectsHugeHighPaymentHoldsNobodyHostage() {
        engine.credit(vtb.account(), 100_000_00);
        engine.credit(harbin.account(), 500_000_00);
        engine.credit(sber.account(), 50_000_00);
        // VTB holds 100k and sends 999,999,999,999.99 HIGH: it waits at Harbin Bank, not at CIPS
        pay(1, vtb, icbc, 99_999_999_999_999L, Priority.HIGH);
        assertThat(log.queued).containsExactly(1L);
        assertThat(log.atCips).doesNotContainKey(1L);
        assertThat(engine.earmarked(vtb.account())).isZero();
        // Harbin Bank's own covered HIGH payment and Sberbank's covered payment settle at once
        pay(2, harbin, boc, 200_000_00, Priority.HIGH);
        pay(3, sber, icbc, 30_000_00, Priority.NORM);
        assertThat(log.settled).containsExactly(entry(2L, RTGS), entry(3L, RTGS));
        assertThat(engine.balance(harbin.account())).isEqualTo(500_000_00 - 200_000_00 - 30_000_00);
        assertThat(engine.balance(vtb.account())).isEqualTo(100_000_00);
        // and VTB's own smaller payments wait behind its HIGH one, in its own queue only
        pay(4, vtb, boc, 10_00, Priority.NORM);
        assertThat(log.settled).doesNotContainKey(4L);
        assertThat(engine.queuedOutgoing(harbin.account())).as("nothing waits in Harbin Bank's CIPS queue").isZero();
        assertThat(engine.queuedOutgoing(vtb.account())).isEqualTo(99_999_999_999_999L + 10_00);
    }

    @Test
    void coveredAtTheAgentItsAmountIsEarmarkedUntilItSettlesAtCips() {
        engine.credit(vtb.account(), 300);
        pay(1, vtb, icbc, 200, Priority.NORM);
        assertThat(log.atCips).containsKey(1L);
        assertThat(engine.earmarked(vtb.account())).isEqualTo(200);
        assertThat(engine.available(vtb.account())).isEqualTo(100);
        // the earmarked part cannot leave, nor pay a second time
        assertThat(engine.debit(vtb.account(), 101)).isFalse();
        pay(2, vtb, boc, 150, Priority.NORM);
        assertThat(log.atCips).doesNotContainKey(2L);
        engine.credit(harbin.account(), 200);
        assertThat(log.settled).containsEntry(1L, RTGS);
        assertThat(engine.balance(vtb.account())).isEqualTo(100);
        assertThat(engine.earmarked(vtb.account())).isZero();
    }

    @Test
    void cancellingOrRejectingAtEndOfDayReleasesTheEarmark() {
        engine.credit(vtb.account(), 300);
        pay(1, vtb, icbc, 200, Priority.NORM);
        pay(2, vtb, boc, 100, Priority.NORM);
        pay(3, vtb, boc, 50, Priority.NORM);
        assertThat(engine.earmarked(vtb.account())).isEqualTo(300);
        assertThat(log.atCips).doesNotContainKey(3L);
        assertThat(engine.cancel(1)).isTrue();
        // 200 free again: the next in VTB's queue goes on to CIPS
        assertThat(log.atCips).containsKey(3L);
        assertThat(engine.earmarked(vtb.account())).isEqualTo(150);
        assertThat(engine.closeDay().rejected()).isEqualTo(2);
        assertThat(engine.earmarked(vtb.account())).isZero();
        assertThat(engine.available(vtb.account())).isEqualTo(300);
    }

    @Test
    void aCreditLineLetsAnIndirectPayUpToTheLineAndNotAFenMore() {
        engine.credit(harbin.account(), 1_000_000_00);
        assertThat(engine.setCreditLine(vtb.account(), 100_000_00)).isEqualTo(CreditLineChange.SET);
        pay(1, vtb, icbc, 100_000_01, Priority.NORM);
        assertThat(log.settled).isEmpty();
        assertThat(engine.cancel(1)).isTrue();
        pay(2, vtb, icbc, 100_000_00, Priority.NORM);
        assertThat(log.settled).containsExactly(entry(2L, RTGS));
        assertThat(engine.balance(vtb.account())).isEqualTo(-100_000_00);
        assertThat(engine.available(vtb.account())).isZero();
        pay(3, vtb, icbc, 1, Priority.HIGH);
        assertThat(log.settled).doesNotContainKey(3L);
        // repaid by an incoming payment, the line is free again and the queue moves
        engine.credit(icbc.account(), 10);
        pay(4, icbc, vtb, 10, Priority.NORM);
        assertThat(log.settled).containsKeys(4L, 3L);
    }

    @Test
    void aCreditLineCannotGoBelowWhatIsUsed() {
        engine.setCreditLine(vtb.account(), 500);
        engine.credit(harbin.account(), 1000);
        pay(1, vtb, icbc, 300, Priority.NORM);
        assertThat(engine.balance(vtb.account())).isEqualTo(-300);
        assertThat(engine.setCreditLine(vtb.account(), 299)).isEqualTo(CreditLineChange.BELOW_USE);
        assertThat(engine.creditLine(vtb.account())).isEqualTo(500);
        assertThat(engine.setCreditLine(vtb.account(), 300)).isEqualTo(CreditLineChange.SET);
        // an earmark uses the line too
        engine.setCreditLine(vtb.account(), 400);
        pay(2, vtb, boc, 100, Priority.NORM);
        engine.debit(harbin.account(), engine.balance(harbin.account()));
        pay(3, vtb, boc, 1, Priority.NORM);
        assertThat(engine.earmarked(vtb.account())).isEqualTo(0);
        assertThat(engine.setCreditLine(vtb.account(), 399)).isEqualTo(CreditLineChange.BELOW_USE);
        assertThatThrownBy(() -> engine.setCreditLine(harbin.account(), 100))
                .as("a CIPS account is never negative").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReservationKeepsPartOfTheBalanceForHighPayments() {
        engine.credit(harbin.account(), 1000);
        engine.setReservation(harbin.account(), 700);
        pay(1, harbin, icbc, 400, Priority.NORM);
        assertThat(log.queued).containsExactly(1L);
        pay(2, harbin, boc, 900, Priority.HIGH);
        assertThat(log.settled).containsExactly(entry(2L, RTGS));
        assertThat(engine.debit(harbin.account(), 1)).as("liquidity does not leave from the reservation").isFalse();
        engine.setReservation(harbin.account(), 0);
        engine.credit(harbin.account(), 300);
        assertThat(log.settled).containsEntry(1L, RTGS);
    }

    @Test
    void gridlockResolutionCountsTheIndirectsEarmarkAsCover() {
        engine.credit(vtb.account(), 500);
        pay(1, vtb, icbc, 500, Priority.NORM);
        assertThat(log.queued).containsExactly(1L);
        // ICBC's payment back meets VTB's, earmarked and waiting at Harbin Bank's CIPS account: offset on arrival
        pay(2, icbc, harbin, 500, Priority.NORM);
        assertThat(log.settled).containsOnly(entry(1L, SettlementMethod.BILATERAL_OFFSET),
                entry(2L, SettlementMethod.BILATERAL_OFFSET));
        assertThat(engine.balance(vtb.account())).isZero();
        assertThat(engine.balance(harbin.account())).isZero();
        assertThat(engine.earmarked(vtb.account())).isZero();
    }

    @Test
    void aThreeWayGridlockWithAnIndirectSettlesMultilaterally() {
        engine.credit(sber.account(), 100);
        pay(1, sber, icbc, 100, Priority.NORM);
        pay(2, icbc, boc, 100, Priority.NORM);
        pay(3, boc, harbin, 100, Priority.NORM);
        engine.offset();
        assertThat(log.settled).containsOnly(entry(1L, MULTILATERAL_OFFSET), entry(2L, MULTILATERAL_OFFSET),
                entry(3L, MULTILATERAL_OFFSET));
    }

    @Test
    void aBookTransferAtTheAgentSettlesThereOnCover() {
        engine.setCreditLine(vtb.account(), 100);
        pay(1, vtb, sber, 100, Priority.NORM);
        assertThat(log.settled).containsExactly(entry(1L, BOOK_TRANSFER));
        assertThat(log.atCips).isEmpty();
        assertThat(engine.balance(sber.account())).isEqualTo(100);
        pay(2, vtb, harbin, 1, Priority.NORM);
        assertThat(log.queued).containsExactly(2L);
        engine.credit(vtb.account(), 1);
        assertThat(log.settled).containsEntry(2L, BOOK_TRANSFER);
    }

    @Test
    void aRestartPutsEachPaymentBackWhereItWaitedWithItsEarmark() {
        SettlementEngine restored = new SettlementEngine(SettlementMode.RTGS_LSM, log);
        int h = restored.restoreAccount(0, 0, 0, -1);
        int i = restored.restoreAccount(0, 0, 0, -1);
        int v = restored.restoreAccount(-50, 300, 0, h);
        Party hp = Party.direct(h);
        Party vp = Party.indirect(v, h);
        Party ip = Party.direct(i);
        restored.restoreQueued(7, vp, ip, 200, Priority.NORM, 7, 12);
        restored.restoreQueued(8, vp, ip, 100, Priority.NORM, 8, -1);
        assertThat(restored.earmarked(v)).isEqualTo(200);
        assertThat(restored.available(v)).isEqualTo(50);
        restored.checkInvariants();
        restored.credit(h, 200);
        assertThat(log.settled).containsEntry(7L, RTGS).doesNotContainKey(8L);
        assertThat(restored.balance(v)).isEqualTo(-250);
        assertThat(restored.balance(hp.account())).isZero();
        restored.checkInvariants();
    }
}
