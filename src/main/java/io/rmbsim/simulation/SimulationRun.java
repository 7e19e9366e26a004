package io.rmbsim.simulation;

import io.rmbsim.settlement.BusinessCalendar;
import io.rmbsim.settlement.SettlementMode;
import io.rmbsim.money.Money;
import io.rmbsim.simulation.SimulationReport.Bounds;
import io.rmbsim.simulation.SimulationReport.Delay;
import io.rmbsim.simulation.SimulationReport.DelayClass;
import io.rmbsim.simulation.SimulationReport.LiquidityUsed;
import io.rmbsim.simulation.SimulationReport.ModeReport;
import io.rmbsim.simulation.SimulationReport.Offsets;
import io.rmbsim.simulation.SimulationReport.SweepMode;
import io.rmbsim.simulation.SimulationReport.SweepPoint;
import io.rmbsim.simulation.SimulationReport.Timing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleConsumer;
import org.jboss.logging.Logger;

/** Runs a simulation: the stream under each mode (and each sweep level), and the report. */
public final class SimulationRun {

    private static final Logger LOG = Logger.getLogger(SimulationRun.class);

    /**
     * What to simulate. {@code size} is what the memory estimate needs to know before the stream
     * exists; null when unknown (the run is then not estimated). {@code calendar} places the payments
     * on business days: the live service's. {@code replay}, when not null, reads the closed live day to
     * replay, whose payments are then the stream.
     */
    public record Spec(String scenario, long seed, java.util.function.Supplier<PaymentStream> stream,
            List<SettlementMode> modes, LiquidityChoice liquidity, ModeRunner.Options options, List<BigDecimal> sweep,
            Size size, BusinessCalendar calendar, Seeds seeds, Stress stress,
            java.util.function.Supplier<RecordedDay> replay) {

        public Spec(String scenario, long seed, java.util.function.Supplier<PaymentStream> stream,
                List<SettlementMode> modes, LiquidityChoice liquidity, ModeRunner.Options options, List<BigDecimal> sweep,
                Size size, BusinessCalendar calendar, Seeds seeds, Stress stress) {
            this(scenario, seed, stream, modes, liquidity, options, sweep, size, calendar, seeds, stress, null);
        }

        public Spec(String scenario, long seed, java.util.function.Supplier<PaymentStream> stream,
                List<SettlementMode> modes, LiquidityChoice liquidity, ModeRunner.Options options, List<BigDecimal> sweep,
                Size size, BusinessCalendar calendar) {
            this(scenario, seed, stream, modes, liquidity, options, sweep, size, calendar, Seeds.NONE, Stress.NONE);
        }

        public Spec(String scenario, long seed, java.util.function.Supplier<PaymentStream> stream, List<SettlementMode> modes,
                LiquidityChoice liquidity, ModeRunner.Options options, List<BigDecimal> sweep) {
            this(scenario, seed, stream, modes, liquidity, options, sweep, null, BusinessCalendar.PHASE_II);
        }

        /** The same run under another calendar. */
        public Spec on(BusinessCalendar other) {
            return new Spec(scenario, seed, stream, modes, liquidity, options, sweep, size, other, seeds, stress, replay);
        }

    }

    /**
     * Seeds to run the same scenario under, one after another, for each measure's mean and 95 %
     * confidence interval; {@code stream} generates the scenario's stream for a seed.
     */
    public record Seeds(List<Long> values, java.util.function.LongFunction<PaymentStream> stream) {
        public static final Seeds NONE = new Seeds(List.of(), null);

        public Seeds {
            values = List.copyOf(values);
        }
    }

    /** How big a run's stream is: payments, participants, and at most how many payments fall on one business day. */
    public record Size(long payments, int participants, long largestDay) {

        static Size of(PaymentStream stream, BusinessCalendar calendar) {
            long largest = 0;
            int i = 0;
            while (i < stream.size()) {
                int from = i;
                i = stream.dayEnd(i, stream.businessDay(i, calendar), calendar);
                largest = Math.max(largest, i - from);
            }
            return new Size(stream.size(), stream.participants().size(), largest);
        }
    }

    /**
     * Bytes of engine state per payment queued in one business day: the queue's columns and links
     * (3 longs, 13 ints, 2 booleans), twice over for the doubling of its arrays, and the offsetting
     * pair index.
     */
    static final long ENGINE_BYTES_PER_QUEUED = 256;
    /** Bytes per payment of a day while the generator puts the day in time order (a sort key and a copy). */
    static final long DAY_ORDER_BYTES = 32;
    /**
     * Bytes per payment of a replayed day besides its stream: its columns in {@code LiveDays} (sequence
     * number, the UETR object and its reference, live outcome, method, reason and run: about 75) and
     * what the comparison of one mode with it holds (about 25), with room for the copy that trims the
     * columns to the payments read.
     */
    static final long RECORDED_BYTES_PER_PAYMENT = 128;
    /** Bytes per participant for the accounts' arrays and its lines in the report (objects, then JSON text). */
    static final long PARTICIPANT_BYTES = 1_024;
    static final long PARTICIPANT_BYTES_PER_MODE = 512;
    /** The delay histogram, offsetting work arrays and what else a run holds whatever its size. */
    static final long FIXED_BYTES = 8L << 20;

    /**
     * The heap a run needs at most: its stream (held through every mode), and the working memory of
     * one mode at a time (modes and sweep levels run one after another over the same stream) for its
     * largest day, the accounts and the report.
     */
    public static long estimate(Spec spec) {
        Size s = spec.size();
        if (s == null) {
            return FIXED_BYTES;
        }
        long modes = spec.modes().size();
        long levels = 1 + spec.sweep().size();
        // with seeds, a seed's stream is generated while the run's own is still held
        // and with outages or extra payments, the stressed stream beside the unstressed one
        long streams = 1 + (spec.seeds().values().isEmpty() ? 0 : 1)
                + (spec.stress().outages().isEmpty() && spec.stress().extras().isEmpty() ? 0 : 1);
        long recorded = spec.replay() == null ? 0 : s.payments() * RECORDED_BYTES_PER_PAYMENT;
        return recorded + streams * PaymentStream.bytesFor(s.payments(), s.participants())
                + s.largestDay() * Math.max(ENGINE_BYTES_PER_QUEUED, DAY_ORDER_BYTES)
                + s.participants() * (PARTICIPANT_BYTES + PARTICIPANT_BYTES_PER_MODE * modes)
                + levels * modes * 1_024 + FIXED_BYTES;
    }

    private SimulationRun() {
    }

    /** Runs it; {@code progress} hears 0.0..1.0 as modes advance. Throws if interrupted. */
    public static SimulationReport run(Spec spec, DoubleConsumer progress) {
        RecordedDay recorded = spec.replay() == null ? null : spec.replay().get();
        PaymentStream unstressed = recorded != null ? recorded.stream() : spec.stream().get();
        BusinessCalendar calendar = spec.calendar();
        // bounds and liquidity are those of the stream as it would have been: the stressed run and its
        // baseline start from the same balances
        LiquidityBounds bounds = recorded != null ? LiquidityBounds.ofOneDay(unstressed) : LiquidityBounds.of(unstressed, calendar);
        long[] opening = spec.liquidity().live() ? recorded.balance().clone() : spec.liquidity().levels(unstressed, bounds);
        PaymentStream stream = spec.stress().apply(unstressed);
        boolean stressed = !spec.stress().isEmpty();
        int runs = spec.modes().size() * (1 + spec.sweep().size() + spec.seeds().values().size() + (stressed ? 1 : 0));
        long perRun = Math.max(1, stream.size());
        int[] done = {0};

        Map<String, ModeReport> modes = new LinkedHashMap<>();
        Map<String, Timing> timings = new LinkedHashMap<>();
        Map<String, Map<String, String>> corridors = new LinkedHashMap<>();
        Map<String, ModeResult> stressedResults = new LinkedHashMap<>();
        Map<String, SimulationReport.ReplayMode> replayed = new LinkedHashMap<>();
        for (SettlementMode mode : spec.modes()) {
            ModeResult r;
            if (recorded != null) {
                ReplayComparison comparison = new ReplayComparison(recorded);
                r = replayOne(recorded, mode, opening, spec.liquidity().live(), spec, progress, done, runs, perRun, comparison);
                replayed.put(mode.name(), comparison.compare());
            } else {
                r = runOne(stream, mode, opening, spec, calendar, progress, done, runs, perRun, spec.stress().shocks());
            }
            stressedResults.put(mode.name(), r);
            modes.put(mode.name(), report(stream, r));
            corridors.put(mode.name(), corridorValues(r));
            long pps = r.nanos() == 0 ? 0 : stream.size() * 1_000_000_000L / Math.max(1, r.nanos());
            timings.put(mode.name(), new Timing(r.nanos() / 1_000_000, pps));
            LOG.infof("simulation %s seed %d: %s settled %d of %d payments in %d ms (%d payments/s)",
                    spec.scenario(), spec.seed(), mode, r.settledCount(), stream.size(), r.nanos() / 1_000_000, pps);
        }
        List<SweepPoint> sweep = null;
        if (!spec.sweep().isEmpty()) {
            sweep = new ArrayList<>();
            for (BigDecimal f : spec.sweep()) {
                long[] level = spec.liquidity().atFraction(f).levels(stream, bounds);
                Map<String, SweepMode> byMode = new LinkedHashMap<>();
                for (SettlementMode mode : spec.modes()) {
                    ModeResult r = recorded != null
                            ? replayOne(recorded, mode, level, false, spec, progress, done, runs, perRun, null)
                            : runOne(stream, mode, level, spec, calendar, progress, done, runs, perRun, spec.stress().shocks());
                    byMode.put(mode.name(), new SweepMode(r.delay().mean().toPlainString(), r.delay().p95(),
                            r.delaySettled().mean().toPlainString(), r.delayIndicator().toPlainString(), ratio(r),
                            Money.format(r.unsettledValue()), r.unsettledCount(), Money.format(r.liquidityUsedTotal())));
                }
                sweep.add(new SweepPoint(f.toPlainString(), Money.format(sum(level)), byMode));
            }
        }
        Map<String, Bounds> boundsByBic = new TreeMap<>();
        Map<String, String> liquidity = new TreeMap<>();
        for (int a = 0; a < opening.length; a++) {
            String bic = stream.participants().get(a).bic();
            boundsByBic.put(bic, new Bounds(Money.format(bounds.upper()[a]), Money.format(bounds.lower()[a])));
            liquidity.put(bic, Money.format(opening[a]));
        }
        SimulationReport.StressReport stress = null;
        if (stressed) {
            Map<String, ModeReport> baseline = new LinkedHashMap<>();
            Map<String, ModeResult> baseResults = new LinkedHashMap<>();
            for (SettlementMode mode : spec.modes()) {
                ModeResult r = runOne(unstressed, mode, opening, spec, calendar, progress, done, runs, perRun, List.of());
                baseline.put(mode.name(), report(unstressed, r));
                baseResults.put(mode.name(), r);
            }
            stress = StressComparison.of(stream, baseline, baseResults, stressedResults);
        }
        SimulationReport.SeedStatistics statistics = null;
        if (!spec.seeds().values().isEmpty()) {
            statistics = seedStatistics(spec, calendar, progress, done, runs, perRun);
        }
        progress.accept(1.0);
        return new SimulationReport(spec.scenario(), spec.seed(), stream.size(), Money.format(stream.totalValue()),
                modes, corridors, boundsByBic, liquidity, sweep, timings, options(spec), statistics, stress,
                recorded == null ? null : new SimulationReport.Replay(recorded.businessDate().toString(), stream.size(),
                        ReplayComparison.live(recorded), recorded.restores(), replayed),
                recorded == null ? Notes.NOTES : Notes.REPLAY_NOTES);
    }

    /**
     * The scenario under each seed (its own stream, bounds and liquidity as asked), every mode: each
     * measure's mean and 95 % confidence interval over the seeds. One stream at a time is held.
     */
    private static SimulationReport.SeedStatistics seedStatistics(Spec spec, BusinessCalendar calendar,
            DoubleConsumer progress, int[] done, int runs, long perRun) {
        Map<String, Map<String, List<BigDecimal>>> samples = new LinkedHashMap<>();
        for (long seed : spec.seeds().values()) {
            PaymentStream stream = spec.seeds().stream().apply(seed);
            long[] opening = spec.liquidity().levels(stream, LiquidityBounds.of(stream, calendar));
            for (SettlementMode mode : spec.modes()) {
                ModeResult r = runOne(stream, mode, opening, spec, calendar, progress, done, runs, perRun, List.of());
                Map<String, List<BigDecimal>> m = samples.computeIfAbsent(mode.name(), k -> new LinkedHashMap<>());
                m.computeIfAbsent("settlementRatioCount", k -> new ArrayList<>()).add(r.settlementRatioByCount());
                m.computeIfAbsent("settlementRatioValue", k -> new ArrayList<>()).add(r.settlementRatioByValue());
                m.computeIfAbsent("delayIndicator", k -> new ArrayList<>()).add(r.delayIndicator());
                m.computeIfAbsent("meanDelay", k -> new ArrayList<>()).add(r.delay().mean());
                m.computeIfAbsent("meanDelaySettled", k -> new ArrayList<>()).add(r.delaySettled().mean());
                m.computeIfAbsent("liquidityUsed", k -> new ArrayList<>()).add(new BigDecimal(Money.format(r.liquidityUsedTotal())));
                m.computeIfAbsent("unsettledValue", k -> new ArrayList<>()).add(new BigDecimal(Money.format(r.unsettledValue())));
            }
        }
        Map<String, Map<String, SimulationReport.Estimate>> byMode = new LinkedHashMap<>();
        samples.forEach((mode, measures) -> {
            Map<String, SimulationReport.Estimate> e = new LinkedHashMap<>();
            measures.forEach((measure, values) -> e.put(measure, ConfidenceInterval.of(values)));
            byMode.put(mode, e);
        });
        return new SimulationReport.SeedStatistics(spec.seeds().values(), byMode);
    }

    /** Every option the run used, as the report names them. */
    private static Map<String, Object> options(Spec spec) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("liquidity", spec.liquidity().describe());
        o.put("lsmIntervalMinutes", spec.options().lsmIntervalMinutes());
        o.put("dnsCycleMinutes", spec.options().dnsCycleMinutes());
        o.put("queueDiscipline", spec.options().queueDiscipline().name());
        if (spec.replay() == null) {
            o.put("timetable", spec.calendar().timetable().name());
        }
        if (!spec.sweep().isEmpty()) {
            o.put("sweep", spec.sweep().stream().map(BigDecimal::toPlainString).toList());
        }
        if (!spec.seeds().values().isEmpty()) {
            o.put("seeds", spec.seeds().values());
        }
        if (!spec.stress().isEmpty()) {
            o.put("events", spec.stress().outages().size() + spec.stress().shocks().size() + spec.stress().extras().size());
        }
        return o;
    }

    private static ModeResult runOne(PaymentStream stream, SettlementMode mode, long[] opening, Spec spec,
            BusinessCalendar calendar, DoubleConsumer progress, int[] done, int runs, long perRun, List<Stress.Shock> shocks) {
        int before = done[0];
        ModeResult r = new ModeRunner(stream, mode, opening, spec.options(), calendar).shocked(shocks).run(n -> {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("simulation cancelled");
            }
            progress.accept((before + (double) n / perRun) / runs);
        });
        done[0]++;
        return r;
    }

    /** One mode's replay of a live day, its outcomes heard by {@code outcomes} (or nobody). */
    private static ModeResult replayOne(RecordedDay day, SettlementMode mode, long[] opening, boolean liveLiquidity, Spec spec,
            DoubleConsumer progress, int[] done, int runs, long perRun, ModeRunner.Outcomes outcomes) {
        int before = done[0];
        ModeResult r = new ModeRunner(day.stream(), mode, opening, spec.options(), spec.calendar()).reporting(outcomes)
                .replay(day, liveLiquidity, n -> progress.accept((before + (double) n / perRun) / runs));
        done[0]++;
        return r;
    }

    static ModeReport report(PaymentStream stream, ModeResult r) {
        Map<String, String> used = new TreeMap<>();
        for (int a = 0; a < r.liquidityUsed().length; a++) {
            used.put(stream.participants().get(a).bic(), Money.format(r.liquidityUsed()[a]));
        }
        return new ModeReport(r.settledCount(), Money.format(r.settledValue()), r.unsettledCount(),
                Money.format(r.unsettledValue()), ratio(r), r.delayIndicator().toPlainString(), delay(r.delay()),
                delay(r.delaySettled()), new LiquidityUsed(Money.format(r.liquidityUsedTotal()), used),
                new Offsets(r.bilateralOffsets(), r.multilateralOffsets()));
    }

    private static SimulationReport.SettlementRatio ratio(ModeResult r) {
        return new SimulationReport.SettlementRatio(r.settlementRatioByCount().toPlainString(),
                r.settlementRatioByValue().toPlainString());
    }

    private static Delay delay(ModeResult.DelayStats d) {
        return new Delay(d.mean().toPlainString(), d.p95(), d.max(), distribution(d));
    }

    private static List<DelayClass> distribution(ModeResult.DelayStats d) {
        List<DelayClass> classes = new ArrayList<>();
        long[] counts = d.distribution();
        for (int c = 0; c < counts.length; c++) {
            Long upTo = c < ModeResult.DELAY_CLASS_EDGES.length ? ModeResult.DELAY_CLASS_EDGES[c] : null;
            classes.add(new DelayClass(upTo, counts[c]));
        }
        return classes;
    }

    private static Map<String, String> corridorValues(ModeResult r) {
        Map<String, String> m = new TreeMap<>();
        r.corridors().forEach((k, v) -> m.put(k, Money.format(v)));
        return m;
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s = Math.addExact(s, v);
        }
        return s;
    }
}
