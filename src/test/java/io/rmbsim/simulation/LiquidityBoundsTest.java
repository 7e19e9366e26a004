package io.rmbsim.simulation;

import io.rmbsim.settlement.BusinessCalendar;
import io.rmbsim.settlement.SettlementMode;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bounds checked against their definitions on small generated streams (Leinonen and Soramäki):
 * at the upper bound RTGS settles everything at once; at the lower bound RTGS_LSM and DNS settle
 * everything by the end of the day; below a lower bound something stays unsettled.
 */
class LiquidityBoundsTest {

    static final BusinessCalendar CAL = BusinessCalendar.PHASE_II;
    static final long DAY_START = java.time.LocalDate.of(2021, 3, 1).atTime(8, 30)
            .atZone(CAL.zone()).toEpochSecond();

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 60);
    }

    /** A day or two of random payments among a few direct and indirect participants. */
    static PaymentStream stream(long seed) {
        Random random = new Random(seed);
        List<PaymentStream.Participant> participants = new ArrayList<>();
        int directs = 2 + random.nextInt(4);
        for (int i = 0; i < directs; i++) {
            participants.add(new PaymentStream.Participant("D" + i, true, i));
        }
        int indirects = random.nextInt(5);
        for (int i = 0; i < indirects; i++) {
            participants.add(new PaymentStream.Participant("I" + i, false, random.nextInt(directs)));
        }
        PaymentStream s = new PaymentStream(participants);
        int days = 1 + random.nextInt(2);
        for (int d = 0; d < days; d++) {
            long t = DAY_START + d * 86_400L;
            int n = 20 + random.nextInt(200);
            for (int k = 0; k < n; k++) {
                t += random.nextInt(120);
                int from = random.nextInt(participants.size());
                int to = random.nextInt(participants.size());
                if (from != to) {
                    s.add(t, from, to, 1 + random.nextInt(10_000), random.nextInt(8) == 0);
                }
            }
        }
        return s;
    }

    static ModeResult run(PaymentStream s, SettlementMode mode, long[] liquidity) {
        return new ModeRunner(s, mode, liquidity, ModeRunner.Options.DEFAULT, CAL).run(x -> { });
    }

    @ParameterizedTest(name = "stream {0}")
    @MethodSource("seeds")
    void atTheUpperBoundRtgsSettlesEverythingWithoutDelay(long seed) {
        PaymentStream s = stream(seed);
        LiquidityBounds bounds = LiquidityBounds.of(s, CAL);
        ModeResult r = run(s, SettlementMode.RTGS, bounds.upper());
        assertThat(r.unsettledCount()).isZero();
        assertThat(r.settledValue()).isEqualTo(s.totalValue());
        assertThat(r.delay().max()).isZero();
        assertThat(r.liquidityUsed()).as("the upper bound is all it takes, and it is all used").containsExactly(bounds.upper());
    }

    @ParameterizedTest(name = "stream {0}")
    @MethodSource("seeds")
    void atTheUpperBoundEveryModeSettlesEverythingAndOnlyDeferredNettingWaits(long seed) {
        PaymentStream s = stream(seed);
        LiquidityBounds bounds = LiquidityBounds.of(s, CAL);
        for (SettlementMode mode : SettlementMode.values()) {
            ModeResult r = run(s, mode, bounds.upper());
            assertThat(r.settlementRatioByCount()).as(mode.name()).isEqualByComparingTo("1");
            assertThat(r.settlementRatioByValue()).as(mode.name()).isEqualByComparingTo("1");
            // gross modes settle on arrival; DNS with one cycle settles at the close all but the book
            // transfers between two banks of one agent, so its indicator is above 0 and at most 1
            if (mode == SettlementMode.DNS) {
                assertThat(r.delayIndicator()).as(mode.name()).isPositive().isLessThanOrEqualTo(BigDecimal.ONE);
            } else {
                assertThat(r.delayIndicator()).as(mode.name()).isEqualByComparingTo("0");
            }
        }
    }

    @ParameterizedTest(name = "stream {0}")
    @MethodSource("seeds")
    void atTheLowerBoundRtgsWithLsmSettlesEverythingByTheEndOfTheDay(long seed) {
        PaymentStream s = stream(seed);
        LiquidityBounds bounds = LiquidityBounds.of(s, CAL);
        ModeResult r = run(s, SettlementMode.RTGS_LSM, bounds.lower());
        assertThat(r.unsettledCount()).isZero();
        assertThat(r.settledCount()).isEqualTo(s.size());
        assertThat(r.settlementRatioByValue()).isEqualByComparingTo("1");
        assertThat(r.delayIndicator()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
    }

    @ParameterizedTest(name = "stream {0}")
    @MethodSource("seeds")
    void deferredNetSettlementNeedsNoMoreThanTheLowerBound(long seed) {
        PaymentStream s = stream(seed);
        LiquidityBounds bounds = LiquidityBounds.of(s, CAL);
        ModeResult r = run(s, SettlementMode.DNS, bounds.lower());
        assertThat(r.unsettledCount()).isZero();
        for (int a = 0; a < bounds.lower().length; a++) {
            assertThat(r.liquidityUsed()[a]).isLessThanOrEqualTo(bounds.lower()[a]);
        }
    }

    @ParameterizedTest(name = "stream {0}")
    @MethodSource("seeds")
    void oneParticipantBelowItsLowerBoundLeavesSomethingUnsettled(long seed) {
        PaymentStream s = stream(seed);
        LiquidityBounds bounds = LiquidityBounds.of(s, CAL);
        int short_ = -1;
        for (int a = 0; a < bounds.lower().length && short_ < 0; a++) {
            if (bounds.lower()[a] > 0) {
                short_ = a;
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(short_ >= 0,
                "every position nets to a credit: nobody has a lower bound to fall below");
        long[] liquidity = bounds.lower().clone();
        liquidity[short_]--;
        for (SettlementMode mode : SettlementMode.values()) {
            ModeResult r = run(s, mode, liquidity);
            assertThat(r.unsettledCount()).as(mode.name()).isPositive();
            assertThat(r.settlementRatioByValue()).as(mode.name()).isLessThan(BigDecimal.ONE);
            assertThat(r.delayIndicator()).as(mode.name()).isPositive();
        }
    }

    @ParameterizedTest(name = "stream {0}")
    @MethodSource("seeds")
    void lessLiquidityNeverShortensTheDelayInRtgs(long seed) {
        PaymentStream s = stream(seed);
        LiquidityBounds bounds = LiquidityBounds.of(s, CAL);
        ModeResult high = run(s, SettlementMode.RTGS, bounds.upper());
        ModeResult mid = run(s, SettlementMode.RTGS, bounds.between(new BigDecimal("0.5")));
        assertThat(mid.unsettledValue()).isGreaterThanOrEqualTo(high.unsettledValue());
        long[] half = bounds.between(new BigDecimal("0.5"));
        for (int a = 0; a < half.length; a++) {
            assertThat(half[a]).isBetween(bounds.lower()[a], bounds.upper()[a]);
        }
    }

    @ParameterizedTest(name = "stream {0}")
    @MethodSource("seeds")
    void theSameStreamGivesTheSameResult(long seed) {
        PaymentStream s = stream(seed);
        long[] liquidity = LiquidityBounds.of(s, CAL).between(new BigDecimal("0.3"));
        ModeResult a = run(stream(seed), SettlementMode.RTGS_LSM, liquidity);
        ModeResult b = run(s, SettlementMode.RTGS_LSM, liquidity);
        assertThat(b).usingRecursiveComparison().ignoringFields("nanos").isEqualTo(a);
    }
}
