package io.rmbsim.settlement;

import static io.rmbsim.settlement.SettlementMethod.BILATERAL_OFFSET;
import static io.rmbsim.settlement.SettlementMethod.BOOK_TRANSFER;
import static io.rmbsim.settlement.SettlementMethod.MULTILATERAL_OFFSET;
import static io.rmbsim.settlement.SettlementMethod.RTGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.rmbsim.settlement.PostingsRule.Party;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettlementEngineTest {

    final EventLog log = new EventLog();
    SettlementEngine engine = new SettlementEngine(SettlementMode.RTGS_LSM, log);

    @AfterEach
    void invariantsHold() {
        engine.checkInvariants();
    }

    Party direct(long balance) {
        return Party.direct(engine.openAccount(balance));
    }

    void pay(long ref, Party from, Party to, long amount) {
        engine.submit(ref, from, to, amount, Priority.NORM);
    }

    void payHigh(long ref, Party from, Party to, long amount) {
        engine.submit(ref, from, to, amount, Priority.HIGH);
    }

    @Test
    void coveredPaymentSettlesAtOnceAndMovesOnlyCipsAccounts() {
        Party x = direct(500);
        Party y = direct(0);
        pay(1, x, y, 200);
        assertThat(log.settled).containsExactly(entry(1L, RTGS));
        assertThat(engine.balance(x.account())).isEqualTo(300);
        assertThat(engine.balance(y.account())).isEqualTo(200);
    }

    @Test
    void queuedPaymentIsReleasedWhenLiquidityArrives() {
        Party x = direct(50);
        Party y = direct(0);
        pay(1, x, y, 100);
        assertThat(log.queued).containsExactly(1L);
        assertThat(engine.queuedOutgoing(x.account())).isEqualTo(100);
        assertThat(engine.queuedIncoming(y.account())).isEqualTo(100);
        engine.credit(x.account(), 50);
        assertThat(log.settled).containsExactly(entry(1L, RTGS));
        assertThat(engine.balance(x.account())).isZero();
        assertThat(engine.queuedOutgoing(x.account())).isZero();
    }

    @Test
    void queuedPaymentIsReleasedByAnIncomingPayment() {
        Party x = direct(0);
        Party y = direct(100);
        Party z = direct(0);
        pay(1, x, z, 100);
        pay(2, y, x, 100);
        assertThat(log.settled.keySet()).containsExactly(2L, 1L);
        assertThat(engine.balance(z.account())).isEqualTo(100);
    }

    @Test
    void firstInFirstOutWithinAPriority() {
        Party x = direct(0);
        Party y = direct(0);
        pay(1, x, y, 100);
        pay(2, x, y, 10);
        engine.credit(x.account(), 50);
        assertThat(log.settled).as("the small payment may not overtake the big one").isEmpty();
        engine.credit(x.account(), 60);
        assertThat(log.settled.keySet()).containsExactly(1L, 2L);
    }

    @Test
    void newPaymentWaitsBehindTheQueueEvenWithCover() {
        Party x = direct(20);
        Party y = direct(0);
        Party z = direct(0);
        pay(1, x, y, 100);
        pay(2, x, z, 10);
        assertThat(log.queued).containsExactly(1L, 2L);
        assertThat(engine.balance(x.account())).isEqualTo(20);
    }

    @Test
    void highPriorityOvertakesQueuedNormalPayments() {
        Party x = direct(20);
        Party y = direct(0);
        pay(1, x, y, 100);
        payHigh(2, x, y, 20);
        assertThat(log.settled).containsExactly(entry(2L, RTGS));
        assertThat(log.queued).containsExactly(1L);
    }

    @Test
    void highPriorityIsReleasedBeforeNormal() {
        Party x = direct(0);
        Party y = direct(0);
        pay(1, x, y, 30);
        payHigh(2, x, y, 30);
        assertThat(engine.queuedInReleaseOrder()).containsExactly(2L, 1L);
        engine.credit(x.account(), 30);
        assertThat(log.settled.keySet()).containsExactly(2L);
        engine.credit(x.account(), 30);
        assertThat(log.settled.keySet()).containsExactly(2L, 1L);
    }

    @Test
    void bilateralOffsetSettlesBothDirectionsAtOnce() {
        // the contract's example: X->Y 100 queued while X holds 20; Y->X 80 arrives with Y empty
        Party x = direct(20);
        Party y = direct(0);
        pay(1, x, y, 100);
        assertThat(log.queued).containsExactly(1L);
        pay(2, y, x, 80);
        assertThat(log.settled).containsExactly(entry(1L, BILATERAL_OFFSET), entry(2L, BILATERAL_OFFSET));
        assertThat(engine.balance(x.account())).isZero();
        assertThat(engine.balance(y.account())).isEqualTo(20);
        assertThat(engine.queueSize()).isZero();
    }

    @Test
    void bilateralOffsetNeedsPaymentsInBothDirections() {
        Party x = direct(0);
        Party y = direct(0);
        Party z = direct(0);
        pay(1, x, y, 100);
        pay(2, y, z, 100);
        pay(3, z, x, 100);
        assertThat(log.settled).isEmpty();
        assertThat(engine.offset().bilateralSets()).isZero();
    }

    @Test
    void gridlockIsResolvedByMultilateralOffsetting() {
        Party x = direct(0);
        Party y = direct(0);
        Party z = direct(0);
        pay(1, x, y, 100);
        pay(2, y, z, 100);
        pay(3, z, x, 100);
        assertThat(log.queued).containsExactly(1L, 2L, 3L);
        SettlementEngine.OffsetResult result = engine.offset();
        assertThat(result.multilateralPayments()).isEqualTo(3);
        assertThat(log.settled).containsOnly(entry(1L, MULTILATERAL_OFFSET), entry(2L, MULTILATERAL_OFFSET),
                entry(3L, MULTILATERAL_OFFSET));
        assertThat(engine.balance(x.account()) + engine.balance(y.account()) + engine.balance(z.account())).isZero();
    }

    @Test
    void multilateralOffsettingTakesOutTheShortAccountsLatestPaymentsFirst() {
        engine = new SettlementEngine(SettlementMode.RTGS, log);
        Party x = direct(0);
        Party y = direct(0);
        Party z = direct(0);
        pay(1, x, y, 100);
        pay(2, y, z, 100);
        pay(3, x, z, 30); // the back of X's queue: X is 30 short with it in the set
        pay(4, z, x, 100);
        assertThat(engine.multilateralOffset()).isEqualTo(3);
        assertThat(log.settled.keySet()).containsExactlyInAnyOrder(1L, 2L, 4L);
        assertThat(engine.queuedInReleaseOrder()).containsExactly(3L);
    }

    @Test
    void cancellingTheQueueHeadReleasesThePaymentsBehindIt() {
        Party x = direct(50);
        Party y = direct(0);
        pay(1, x, y, 100);
        pay(2, x, y, 10);
        assertThat(engine.cancel(1)).isTrue();
        assertThat(log.settled).containsExactly(entry(2L, RTGS));
        assertThat(engine.cancel(1)).isFalse();
        assertThat(engine.cancel(2)).as("settled payments cannot be cancelled").isFalse();
    }

    @Test
    void paymentsOfAHeldAccountStayQueuedWithoutBlockingOthers() {
        Party x = direct(0);
        Party y = direct(0);
        Party z = direct(0);
        pay(1, x, y, 100);
        pay(2, x, z, 50);
        engine.hold(y.account(), true);
        engine.credit(x.account(), 60);
        assertThat(log.settled.keySet()).containsExactly(2L);
        engine.credit(x.account(), 100);
        assertThat(log.settled.keySet()).containsExactly(2L);
        engine.hold(y.account(), false);
        assertThat(log.settled.keySet()).containsExactly(2L, 1L);
    }

    @Test
    void endOfDayRejectsWhatIsStillQueuedAndMovesNoMoney() {
        Party x = direct(10);
        Party y = direct(0);
        pay(1, x, y, 100);
        payHigh(2, x, y, 50);
        assertThat(engine.rejectAllQueued("AM04")).isEqualTo(2);
        assertThat(log.rejected).containsExactly(entry(2L, "AM04"), entry(1L, "AM04"));
        assertThat(engine.balance(x.account())).isEqualTo(10);
        assertThat(engine.queueSize()).isZero();
    }

    @Test
    void indirectDebtorNeedsCoverOnItsOwnAccountAndOnItsAgentsCipsAccount() {
        Party harbin = direct(0);
        Party icbc = direct(0);
        Party russian = Party.indirect(engine.openAccount(500, harbin.cipsAccount()), harbin.cipsAccount());
        pay(1, russian, icbc, 200);
        assertThat(log.queued).containsExactly(1L);
        engine.credit(harbin.account(), 200);
        assertThat(log.settled).containsExactly(entry(1L, RTGS));
        assertThat(engine.balance(russian.account())).isEqualTo(300);
        assertThat(engine.balance(harbin.account())).isZero();
        assertThat(engine.balance(icbc.account())).isEqualTo(200);
    }

    @Test
    void paymentBetweenTwoIndirectsOfOneAgentIsABookTransfer() {
        Party harbin = direct(0);
        Party a = Party.indirect(engine.openAccount(100, harbin.cipsAccount()), harbin.cipsAccount());
        Party b = Party.indirect(engine.openAccount(0, harbin.cipsAccount()), harbin.cipsAccount());
        pay(1, a, b, 60);
        assertThat(log.settled).containsExactly(entry(1L, BOOK_TRANSFER));
        assertThat(engine.balance(harbin.account())).isZero();
        assertThat(engine.balance(b.account())).isEqualTo(60);
    }

    @Test
    void agentPayingItsOwnIndirectMovesOnlyTheIndirectAccount() {
        Party harbin = direct(0);
        Party russian = Party.indirect(engine.openAccount(0, harbin.cipsAccount()), harbin.cipsAccount());
        pay(1, harbin, russian, 70);
        assertThat(log.settled).containsExactly(entry(1L, BOOK_TRANSFER));
        assertThat(engine.balance(russian.account())).isEqualTo(70);
        assertThat(engine.balance(harbin.account())).isZero();
        pay(2, russian, harbin, 20);
        assertThat(engine.balance(russian.account())).isEqualTo(50);
        assertThat(engine.balance(harbin.account())).isZero();
    }

    @Test
    void liquidityCannotLeaveBeyondTheBalance() {
        Party x = direct(100);
        assertThat(engine.debit(x.account(), 101)).isFalse();
        assertThat(engine.debit(x.account(), 100)).isTrue();
        assertThat(engine.balance(x.account())).isZero();
    }

    @Test
    void deferredNetSettlesNothingUntilTheNetting() {
        engine = new SettlementEngine(SettlementMode.DNS, log);
        Party x = direct(10);
        Party y = direct(10);
        pay(1, x, y, 100);
        pay(2, y, x, 90);
        assertThat(log.settled).isEmpty();
        assertThat(engine.offset().multilateralPayments()).isEqualTo(2);
        assertThat(engine.balance(x.account())).isZero();
        assertThat(engine.balance(y.account())).isEqualTo(20);
    }
}
