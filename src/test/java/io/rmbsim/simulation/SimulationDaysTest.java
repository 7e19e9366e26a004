package io.rmbsim.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rmbsim.settlement.BusinessCalendar;
import io.rmbsim.settlement.SettlementMethod;
import io.rmbsim.settlement.SettlementMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Simulated payments are placed on business days as live ones are. In the short day (the test
 * profile's timetable): after the cut-off, or at a weekend, the next one. In phase II: the night
 * session belongs to the day, and what arrives while settlement is closed waits for the opening.
 */
class SimulationDaysTest {

    static final SimulationSpecs SPECS = new SimulationSpecs(new ObjectMapper(), BusinessCalendar.DAY_SESSION);
    static final LocalDate FRIDAY = LocalDate.of(2021, 3, 5);
    static final LocalDate MONDAY = LocalDate.of(2021, 3, 8);

    /** Two direct participants; AAA starts the day without liquidity, BBB with 100. */
    static SimulationRun.Spec csv(String rows, SettlementMode mode) throws Exception {
        List<SimulationRequest.InlineParticipant> participants = List.of(
                new SimulationRequest.InlineParticipant("AAAACNBJXXX", "DIRECT", null, "0.00"),
                new SimulationRequest.InlineParticipant("BBBBCNBJXXX", "DIRECT", null, "100.00"));
        return SPECS.fromCsv("time,debtorAgent,creditorAgent,amount\n" + rows, 1, List.of(mode), null, 0, null, null, List.of(),
                participants);
    }

    static Map<Integer, String> outcomes(SimulationRun.Spec spec, SettlementMode mode) {
        return outcomes(spec, mode, BusinessCalendar.DAY_SESSION);
    }

    static Map<Integer, String> outcomes(SimulationRun.Spec spec, SettlementMode mode, BusinessCalendar calendar) {
        PaymentStream stream = spec.stream().get();
        long[] opening = spec.liquidity().levels(stream, LiquidityBounds.of(stream, calendar));
        Map<Integer, String> seen = new TreeMap<>();
        new ModeRunner(stream, mode, opening, spec.options(), calendar).reporting(new ModeRunner.Outcomes() {
            @Override
            public void settled(int payment, LocalDate businessDay, SettlementMethod method) {
                seen.put(payment, businessDay + " " + method);
            }

            @Override
            public void rejected(int payment, LocalDate businessDay, String reasonCode) {
                seen.put(payment, businessDay + " " + reasonCode);
            }
        }).run(n -> { });
        return seen;
    }

    @Test
    void aPaymentAfterTheCutOffBelongsToTheNextBusinessDay() throws Exception {
        // Friday 10:00 AAA pays 100 it does not have; BBB's 100 to AAA comes at 17:45, after the cut-off
        SimulationRun.Spec spec = csv("""
                2021-03-05T10:00:00+08:00,AAAACNBJXXX,BBBBCNBJXXX,100.00
                2021-03-05T17:45:00+08:00,BBBBCNBJXXX,AAAACNBJXXX,100.00
                """, SettlementMode.RTGS);
        assertThat(outcomes(spec, SettlementMode.RTGS)).isEqualTo(Map.of(
                0, FRIDAY + " AM04",
                1, MONDAY + " RTGS"));
        ModeResult r = new ModeRunner(spec.stream().get(), SettlementMode.RTGS,
                spec.liquidity().levels(spec.stream().get(), LiquidityBounds.of(spec.stream().get(), BusinessCalendar.DAY_SESSION)),
                spec.options(), BusinessCalendar.DAY_SESSION).run(n -> { });
        assertThat(r.settledCount()).isEqualTo(1);
        assertThat(r.unsettledCount()).as("Friday closed at 17:30 with the first payment still queued").isEqualTo(1);
    }

    @Test
    void aPaymentOnASaturdayWaitsInMondaysQueueAndSettlesThere() throws Exception {
        // Saturday AAA pays 100 it does not have; Monday 09:00 BBB pays AAA 100, whose funds release it
        // (a Saturday of its own would have closed with the payment unsettled)
        SimulationRun.Spec spec = csv("""
                2021-03-06T10:00:00+08:00,AAAACNBJXXX,BBBBCNBJXXX,100.00
                2021-03-08T09:00:00+08:00,BBBBCNBJXXX,AAAACNBJXXX,100.00
                """, SettlementMode.RTGS_LSM);
        assertThat(outcomes(spec, SettlementMode.RTGS_LSM)).isEqualTo(Map.of(
                0, MONDAY + " RTGS",
                1, MONDAY + " RTGS"));
        SimulationReport report = SimulationRun.run(spec, p -> { });
        SimulationReport.ModeReport m = report.modes().get("RTGS_LSM");
        assertThat(m.settledCount()).isEqualTo(2);
        assertThat(m.unsettledCount()).isZero();
        // waiting from Saturday 10:00 to Monday 09:00
        assertThat(m.delay().max()).isEqualTo(47 * 3600);
    }

    @Test
    void theLiquidityBoundsCountALatePaymentInTheNextBusinessDay() throws Exception {
        // AAA pays 100 on Friday before the cut-off and receives 100 after it: Friday's net debit is 100
        SimulationRun.Spec spec = csv("""
                2021-03-05T10:00:00+08:00,AAAACNBJXXX,BBBBCNBJXXX,100.00
                2021-03-05T18:00:00+08:00,BBBBCNBJXXX,AAAACNBJXXX,100.00
                """, SettlementMode.RTGS);
        LiquidityBounds b = LiquidityBounds.of(spec.stream().get(), BusinessCalendar.DAY_SESSION);
        assertThat(b.lower()).containsExactly(10_000L, 10_000L);
        assertThat(b.upper()).containsExactly(10_000L, 10_000L);
    }

    @Test
    void inPhaseTwoAPaymentAt2200BelongsToItsDayAndSettlesInTheNightSession() throws Exception {
        // Friday 10:00 AAA pays 100 it does not have; BBB's 100 to AAA at 22:00 releases it, the same business day
        SimulationRun.Spec spec = csv("""
                2021-03-05T10:00:00+08:00,AAAACNBJXXX,BBBBCNBJXXX,100.00
                2021-03-05T22:00:00+08:00,BBBBCNBJXXX,AAAACNBJXXX,100.00
                """, SettlementMode.RTGS).on(BusinessCalendar.PHASE_II);
        assertThat(outcomes(spec, SettlementMode.RTGS, BusinessCalendar.PHASE_II)).isEqualTo(Map.of(
                0, FRIDAY + " RTGS",
                1, FRIDAY + " RTGS"));
        SimulationReport.ModeReport m = SimulationRun.run(spec, p -> { }).modes().get("RTGS");
        assertThat(m.delay().max()).as("released at 22:00, twelve hours after it came").isEqualTo(12 * 3600);
    }

    @Test
    void inPhaseTwoASaturdayPaymentWaitsForMondaysOpeningAt0430() throws Exception {
        // BBB pays AAA 100 on Saturday: settlement is closed, it settles when Monday opens at 04:30
        SimulationRun.Spec spec = csv("""
                2021-03-06T10:00:00+08:00,BBBBCNBJXXX,AAAACNBJXXX,100.00
                """, SettlementMode.RTGS).on(BusinessCalendar.PHASE_II);
        assertThat(outcomes(spec, SettlementMode.RTGS, BusinessCalendar.PHASE_II)).isEqualTo(Map.of(0, MONDAY + " RTGS"));
        SimulationReport.ModeReport m = SimulationRun.run(spec, p -> { }).modes().get("RTGS");
        // Saturday 10:00 to Monday 04:30
        assertThat(m.delay().max()).isEqualTo(42 * 3600 + 30 * 60);
    }
}
