package io.rmbsim.simulation;

import io.rmbsim.settlement.BusinessCalendar;
import io.rmbsim.settlement.SettlementMode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenariosTest {

    static final SimulationSpecs SPECS = new SimulationSpecs(new ObjectMapper());

    static SimulationRun.Spec harbin(long seed, List<SettlementMode> modes) {
        PaymentStream stream = Scenarios.harbin(seed, SPECS.harbinNetwork());
        return new SimulationRun.Spec("harbin-ftz-2021h1", seed, () -> stream, modes,
                new LiquidityChoice(LiquidityChoice.UPPER, null, null), ModeRunner.Options.DEFAULT, List.of());
    }

    static BigDecimal russian(Map<String, String> corridors) {
        return corridors.entrySet().stream().filter(e -> e.getKey().contains("RU"))
                .map(e -> new BigDecimal(e.getValue())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void harbinScenarioSettles275BnOfWhich294MWithRussianAgents() {
        SimulationReport report = SimulationRun.run(harbin(7, List.of(SettlementMode.values())), p -> { });
        for (SettlementMode mode : SettlementMode.values()) {
            BigDecimal settled = new BigDecimal(report.modes().get(mode.name()).settledValue());
            assertThat(settled).as(mode.name()).isBetween(new BigDecimal("2736250000.00"), new BigDecimal("2763750000.00"));
            assertThat(russian(report.corridors().get(mode.name()))).as(mode.name())
                    .isBetween(new BigDecimal("292530000.00"), new BigDecimal("295470000.00"));
        }
        assertThat(report.payments()).isEqualTo(6_000);
        assertThat(report.paymentsValue()).isEqualTo("2750000000.00");
    }

    @Test
    void harbinScenarioRunsOverTheBusinessDaysOfTheFirstHalfOf2021ThroughHarbinBank() {
        PaymentStream s = Scenarios.harbin(3, SPECS.harbinNetwork());
        BusinessCalendar cal = BusinessCalendar.PHASE_II;
        java.time.LocalDate first = cal.openAt(java.time.Instant.ofEpochSecond(s.time(0)));
        java.time.LocalDate last = cal.openAt(java.time.Instant.ofEpochSecond(s.time(s.size() - 1)));
        assertThat(first).isAfterOrEqualTo(java.time.LocalDate.of(2021, 1, 1));
        assertThat(last).isBeforeOrEqualTo(java.time.LocalDate.of(2021, 6, 30));
        int viaHarbin = 0;
        for (int i = 0; i < s.size(); i++) {
            for (int p : new int[] {s.debtor(i), s.creditor(i)}) {
                PaymentStream.Participant x = s.participants().get(p);
                if (!x.direct() && s.participants().get(x.agent()).bic().equals("HCCBCNBHXXX")) {
                    viaHarbin++;
                }
            }
        }
        assertThat(viaHarbin).as("Russian payments routed through Harbin Bank").isGreaterThan(1_000);
        // heavy tail: the largest payment is many times the median
        long[] amounts = new long[s.size()];
        for (int i = 0; i < s.size(); i++) {
            amounts[i] = s.amount(i);
        }
        java.util.Arrays.sort(amounts);
        assertThat(amounts[amounts.length - 1]).isGreaterThan(50 * amounts[amounts.length / 2]);
    }

    @Test
    void theSameSeedGivesTheSameReportAndAnotherSeedAnother() throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        List<SettlementMode> modes = List.of(SettlementMode.RTGS, SettlementMode.RTGS_LSM, SettlementMode.DNS);
        SimulationReport a = SimulationRun.run(withLiquidity(harbin(11, modes), "0.2"), p -> { });
        SimulationReport b = SimulationRun.run(withLiquidity(harbin(11, modes), "0.2"), p -> { });
        SimulationReport c = SimulationRun.run(withLiquidity(harbin(12, modes), "0.2"), p -> { });
        assertThat(json.writeValueAsString(withoutTimings(b))).isEqualTo(json.writeValueAsString(withoutTimings(a)));
        assertThat(json.writeValueAsString(withoutTimings(c))).isNotEqualTo(json.writeValueAsString(withoutTimings(a)));
    }

    @Test
    void cipsDayHasThe2023Scale() {
        PaymentStream s = Scenarios.cipsDay(1);
        assertThat(s.size()).isEqualTo(25_900);
        assertThat(s.totalValue()).isEqualTo(48_260_000_000_000L);
        assertThat(s.participants()).hasSize(139 + 1_345);
        assertThat(s.participants().stream().filter(PaymentStream.Participant::direct).count()).isEqualTo(139);
    }

    @Test
    void aSweepDrawsTheDelayVersusLiquidityCurve() {
        SimulationRun.Spec base = harbin(5, List.of(SettlementMode.RTGS, SettlementMode.RTGS_LSM));
        SimulationRun.Spec sweep = new SimulationRun.Spec(base.scenario(), base.seed(), base.stream(), base.modes(),
                base.liquidity(), base.options(), List.of(BigDecimal.ZERO, new BigDecimal("0.5"), BigDecimal.ONE));
        SimulationReport r = SimulationRun.run(sweep, p -> { });
        assertThat(r.sweep()).hasSize(3);
        assertThat(new BigDecimal(r.sweep().get(0).liquidityTotal())).isLessThan(new BigDecimal(r.sweep().get(2).liquidityTotal()));
        assertThat(r.sweep().get(2).modes().get("RTGS").meanDelay()).isEqualTo("0.000");
        assertThat(new BigDecimal(r.sweep().get(0).modes().get("RTGS").meanDelay()))
                .isGreaterThanOrEqualTo(new BigDecimal(r.sweep().get(2).modes().get("RTGS").meanDelay()));
        assertThat(r.sweep().get(0).modes().get("RTGS_LSM").unsettledCount()).as("at the lower bound LSM settles all").isZero();
        String svg = SweepChart.svg("curve", r.sweep());
        assertThat(svg).startsWith("<svg").contains("RTGS_LSM", "<path", "delay indicator", "settled share").endsWith("</svg>\n");
    }

    static SimulationRun.Spec withLiquidity(SimulationRun.Spec s, String fraction) {
        return new SimulationRun.Spec(s.scenario(), s.seed(), s.stream(), s.modes(),
                new LiquidityChoice(new BigDecimal(fraction), null, null), s.options(), s.sweep());
    }

    static SimulationReport withoutTimings(SimulationReport r) {
        return new SimulationReport(r.scenario(), r.seed(), r.payments(), r.paymentsValue(), r.modes(), r.corridors(),
                r.bounds(), r.liquidity(), r.sweep(), null, r.options(), r.seedStatistics(), r.stress(), r.replay(), r.notes());
    }
}
