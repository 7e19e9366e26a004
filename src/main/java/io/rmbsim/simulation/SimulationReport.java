package io.rmbsim.simulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A simulation's report: per mode what settled, the delays, the liquidity used and the offsets; per
 * participant the liquidity bounds. Amounts are decimal strings in CNY, delays in seconds. Everything
 * but {@code timings} is a function of the request alone.
 */
@Schema(name = "SimulationReport")
@RegisterForReflection // read back from the store as well as written (its nested records too)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimulationReport(
        String scenario,
        long seed,
        long payments,
        @Schema(example = "2750000000.00") String paymentsValue,
        Map<String, ModeReport> modes,
        @Schema(description = "Per mode, value settled by corridor: debtor agent's country - creditor agent's country (from the BICs)",
                example = "{\"RTGS\": {\"RU-CN\": \"150000000.00\"}}") Map<String, Map<String, String>> corridors,
        Map<String, Bounds> bounds,
        @Schema(description = "The opening liquidity each account was given") Map<String, String> liquidity,
        @Schema(description = "The delay-versus-liquidity curve, when a sweep was asked for") List<SweepPoint> sweep,
        @Schema(description = "Wall-clock figures: the only part that differs between identical runs") Map<String, Timing> timings,
        @Schema(description = "Every option the run used: liquidity as asked, offset and cycle intervals, timetable, "
                + "sweep, seeds") Map<String, Object> options,
        @Schema(description = "With seeds: per mode, each measure's mean and 95 % confidence interval over the seeds")
        SeedStatistics seedStatistics,
        @Schema(description = "With events: the run without them, and what changed per participant") StressReport stress,
        @Schema(description = "A replay of a live business day: the live outcome, and per mode how the replay's differs")
        Replay replay,
        @Schema(description = "How to read the report: the bounds, the measures, head-of-line blocking") Map<String, String> notes) {

    /**
     * A replayed live business day: what it held, what became of its payments live, and per mode how the
     * replay's outcome compares with that, payment by payment.
     */
    @Schema(name = "Replay")
    public record Replay(@Schema(example = "2026-12-02") String businessDate,
            @Schema(description = "Payments that reached the engine that day (refused at admission: not counted)") long payments,
            @Schema(description = "How the live day ended for them") LiveOutcome live,
            @Schema(description = "How often the live engine was read back from the store during the day (restart, "
                    + "takeover): from then on offsetting may break ties in another order than a day without") int restores,
            Map<String, ReplayMode> modes) {
    }

    @Schema(name = "LiveOutcome")
    public record LiveOutcome(long settledCount, String settledValue, long unsettledCount, String unsettledValue,
            long cancelledCount, @Schema(description = "Settled payments by method") Map<String, Long> methods) {
    }

    /**
     * One mode's replay against the live day: {@code sameAsLive} when every payment ended the same way
     * (settled by the same method in the same live settlement run, or on arrival or release as live;
     * rejected with the same reason; cancelled); the counts of those that did not; and the first of them.
     */
    @Schema(name = "ReplayMode")
    public record ReplayMode(boolean sameAsLive, long differences, long settledLiveOnly, long settledReplayOnly,
            long otherMethod, @Schema(description = "Settled payments by method") Map<String, Long> methods,
            @Schema(description = "The first payments (at most 20) that ended otherwise than live") List<Difference> firstDifferences) {
    }

    /**
     * A payment that ended otherwise in the replay: live and replayed, each as SETTLED/method or
     * REJECTED/reason (with " in run N" when a live offset, netting cycle or close did it) or CANCELLED.
     */
    @Schema(name = "ReplayDifference")
    public record Difference(String uetr, String live, String replay) {
    }

    /**
     * A stressed run beside its baseline: per mode the baseline's report; per mode and participant (as
     * the paying bank) the measures with and without the events where they differ; per mode and
     * measure the participant that fared worst, as BoF-PSS2's stress tester reports it.
     */
    @Schema(name = "StressReport")
    public record StressReport(Map<String, ModeReport> baseline,
            Map<String, List<ParticipantChange>> participants,
            Map<String, Map<String, Deterioration>> largestDeterioration) {
    }

    @Schema(name = "ParticipantChange")
    public record ParticipantChange(String bic, Change settledValue, Change delayIndicator, Change liquidityUsed) {
    }

    /** A measure without the events, with them, and the difference (stressed minus baseline). */
    @Schema(name = "Change")
    public record Change(String baseline, String stressed, String change) {
    }

    /** The participant whose measure got worst, and by how much (null bic: nobody got worse). */
    @Schema(name = "Deterioration")
    public record Deterioration(String bic, String change) {
    }

    /** Each measure over the seeds, per mode. */
    @Schema(name = "SeedStatistics")
    public record SeedStatistics(List<Long> seeds, Map<String, Map<String, Estimate>> modes) {
    }

    /** A measure's mean over the seeds and the 95 % confidence interval of the mean (Student's t). */
    @Schema(name = "Estimate")
    public record Estimate(@Schema(example = "0.412000") String mean, String low, String high,
            @Schema(description = "Sample standard deviation") String sd, int n) {
    }

    @Schema(name = "ModeReport")
    public record ModeReport(long settledCount, String settledValue, long unsettledCount, String unsettledValue,
            @Schema(description = "Settled over all payments, by count and by value (6 decimals)") SettlementRatio settlementRatio,
            @Schema(example = "0.125000", description = "Leinonen-Soramäki delay indicator: the value-weighted delay over the "
                    + "value-weighted delay the end of the day would give; 0 no delay, 1 nothing settled before the end of "
                    + "its day (an unsettled payment counts with its delay to the end of its day)") String delayIndicator,
            @Schema(description = "Every payment's delay: a settled one's to its settlement, an unsettled one's to the end "
                    + "of its business day") Delay delay,
            @Schema(description = "Settled payments only, arrival to settlement (what 'delay' was before contract 1.1)")
            Delay delaySettled,
            LiquidityUsed liquidityUsed, Offsets offsets) {
    }

    @Schema(name = "SettlementRatio")
    public record SettlementRatio(@Schema(example = "0.950000") String count, @Schema(example = "0.990000") String value) {
    }

    /** Delays in seconds over a set of payments, and how they are distributed. */
    @Schema(name = "Delay")
    public record Delay(@Schema(example = "12.5") String mean, long p95, long max,
            @Schema(description = "Payments by delay class: 0 s (on arrival), up to 60 s, 300 s, 900 s, 3,600 s, "
                    + "10,800 s, and longer (upToSeconds null)") List<DelayClass> distribution) {
    }

    /** Payments whose delay is at most {@code upToSeconds} and more than the class before's; null: the rest. */
    @Schema(name = "DelayClass")
    public record DelayClass(@Schema(example = "300") Long upToSeconds, long count) {
    }

    @Schema(name = "LiquidityUsed")
    public record LiquidityUsed(String total, Map<String, String> byParticipant) {
    }

    @Schema(name = "Offsets")
    public record Offsets(long bilateral, long multilateral) {
    }

    @Schema(name = "LiquidityBound")
    public record Bounds(@Schema(example = "1500000.00") String upper, @Schema(example = "200000.00") String lower) {
    }

    /** One level of a sweep: the liquidity given (as a fraction between the bounds and in total) and what each mode made of it. */
    @Schema(name = "SweepPoint")
    public record SweepPoint(@Schema(example = "0.5") String fraction, String liquidityTotal, Map<String, SweepMode> modes) {
    }

    @Schema(name = "SweepMode")
    public record SweepMode(@Schema(description = "Mean delay of every payment (unsettled ones to the end of their day)")
            String meanDelay, long p95Delay, @Schema(description = "Mean delay of the settled payments") String meanDelaySettled,
            String delayIndicator, SettlementRatio settlementRatio, String unsettledValue, long unsettledCount,
            String liquidityUsed) {
    }

    @Schema(name = "Timing")
    public record Timing(long millis, long paymentsPerSecond) {
    }
}
