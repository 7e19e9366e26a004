package io.rmbsim.simulation;

import io.rmbsim.settlement.BusinessCalendar;
import io.rmbsim.settlement.SettlementMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rmbsim.web.ProblemException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a run needs in memory, and sums that would not fit in a {@code long}, without the service. */
class SimulationMemoryTest {

    static final SimulationSpecs SPECS = ScenariosTest.SPECS;

    static SimulationRun.Spec year(List<SettlementMode> modes) {
        return SPECS.from(new SimulationRequest("cips-2023-year", 1L, modes, null, null, null, null, null, null, null, null, null, null));
    }

    @Test
    void aYearOfCipsThatCannotFitIsRefusedUpFrontWithA413NamingEstimateAndBudget() {
        long estimate = SimulationRun.estimate(year(List.of(SettlementMode.values())));
        // 6.61 M payments of 17 bytes, and the working memory of one mode at a time
        assertThat(estimate).isBetween(100L << 20, 160L << 20);
        MemoryBudget small = new MemoryBudget(256L << 20, 160L << 20);
        assertThatThrownBy(() -> small.admit(estimate)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(413);
            assertThat(e.problem().detail()).contains((estimate + (1 << 20) - 1 >> 20) + " MiB", "96 MiB");
        });
        // the shipped container: a 384 MiB heap (512 MiB at 75 %) less the default reserve
        new MemoryBudget(384L << 20, 160L << 20).admit(estimate);
    }

    @Test
    void aRunThatFitsWaitsForRoomRatherThanRunningOutOfMemory() throws Exception {
        MemoryBudget budget = new MemoryBudget(100, 0);
        budget.acquire(70, () -> false);
        Thread second = new Thread(() -> {
            try {
                budget.acquire(70, () -> false);
                budget.release(70);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        second.start();
        org.awaitility.Awaitility.await().until(() -> second.getState() == Thread.State.TIMED_WAITING);
        assertThat(budget.held()).isEqualTo(70);
        budget.release(70);
        second.join();
        assertThat(budget.held()).isZero();
    }

    @Test
    void aRunCancelledWhileItWaitsForRoomGivesUpHoldingNothing() throws Exception {
        MemoryBudget budget = new MemoryBudget(100, 0);
        budget.acquire(70, () -> false);
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CompletableFuture<Boolean> second = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return budget.acquire(70, cancelled::get);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        cancelled.set(true);
        assertThat(second.get()).as("the cancelled run did not get its room").isFalse();
        assertThat(budget.held()).isEqualTo(70);
    }

    @Test
    void aStreamWhosePaymentsCannotBeSummedExactlyIsRefused() {
        PaymentStream s = new PaymentStream(List.of(new PaymentStream.Participant("A", true, 0),
                new PaymentStream.Participant("B", true, 1)));
        long big = PaymentStream.MAX_TOTAL_FEN / 2 + 1;
        s.add(0, 0, 1, big, false);
        assertThatThrownBy(() -> s.add(1, 1, 0, big, false)).isInstanceOf(PaymentStream.TotalTooLarge.class);
        assertThat(s.totalValue()).isEqualTo(big);
    }

    @Test
    void reportSumsAtTheLargestTotalAreExact() {
        // two banks paying each other the largest amounts a stream may hold: every sum is exact
        PaymentStream s = new PaymentStream(List.of(new PaymentStream.Participant("A", true, 0),
                new PaymentStream.Participant("B", true, 1)));
        long half = PaymentStream.MAX_TOTAL_FEN / 2;
        long day = java.time.LocalDate.of(2021, 3, 1).atTime(9, 0).atZone(BusinessCalendar.BEIJING).toEpochSecond();
        s.add(day, 0, 1, half, false);
        s.add(day + 60, 1, 0, half, false);
        SimulationReport r = SimulationRun.run(new SimulationRun.Spec("inline", 1, () -> s, List.of(SettlementMode.values()),
                new LiquidityChoice(BigDecimal.ONE, null, null), ModeRunner.Options.DEFAULT, List.of(BigDecimal.ZERO)), p -> { });
        String total = io.rmbsim.money.Money.format(2 * half);
        assertThat(r.paymentsValue()).isEqualTo(total);
        for (SettlementMode mode : SettlementMode.values()) {
            assertThat(r.modes().get(mode.name()).settledValue()).as(mode.name()).isEqualTo(total);
        }
        assertThat(r.bounds().get("A").upper()).isEqualTo(io.rmbsim.money.Money.format(half));
    }

    @Test
    void aCsvWhosePaymentsAddUpBeyondWhatCanBeSummedIsRefusedNamingTheLine() {
        StringBuilder csv = new StringBuilder("time,debtorAgent,creditorAgent,amount\n");
        int rows = (int) (PaymentStream.MAX_TOTAL_FEN / 99_999_999_999_999L) + 2;
        for (int i = 0; i < rows; i++) {
            csv.append("2021-03-01T09:00:00+08:00,HCCBCNBH,ICBKCNBJ,999999999999.99\n");
        }
        assertThatThrownBy(() -> SPECS.fromCsv(csv.toString(), 1, List.of(SettlementMode.RTGS), null, null, null, null, List.of(), null))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().errors().get(0).field()).isEqualTo("line " + rows + ", column 4 (amount)");
                    assertThat(e.problem().detail()).contains("'999999999999.99'", "more than the simulator sums exactly");
                });
    }
}
