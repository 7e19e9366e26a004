// Simulator benchmark (a plain main, not a test): cips-2023-year (6.61 M payments, 255 business
// days, 139 direct and 1,345 indirect participants) through the settlement engine in RTGS_LSM and
// in RTGS, beside a plain reference loop over the same stream (an array of balances, no queue, no
// checks). Run with bench/simulator.sh (it compiles the project first and caps the heap at 1 GB).
import io.rmbsim.settlement.BusinessCalendar;
import io.rmbsim.settlement.SettlementMode;
import io.rmbsim.settlement.Legs;
import io.rmbsim.settlement.PostingsRule;
import io.rmbsim.settlement.PostingsRule.Party;
import io.rmbsim.simulation.LiquidityBounds;
import io.rmbsim.simulation.ModeResult;
import io.rmbsim.simulation.ModeRunner;
import io.rmbsim.simulation.PaymentStream;
import io.rmbsim.simulation.Scenarios;

public class SimulatorBench {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("engine-three-modes")) {
            engineThreeModes(args.length > 1 ? Long.parseLong(args[1]) : 2023);
            return;
        }
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 2023;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long t0 = System.nanoTime();
        PaymentStream stream = Scenarios.cipsYear(seed);
        long generated = System.nanoTime() - t0;
        BusinessCalendar calendar = BusinessCalendar.PHASE_II;
        long t1 = System.nanoTime();
        LiquidityBounds bounds = LiquidityBounds.of(stream, calendar);
        long boundsNanos = System.nanoTime() - t1;
        // the level researchers look at: halfway between the bounds, so that queues and offsets work
        long[] liquidity = bounds.between(new java.math.BigDecimal("0.5"));
        System.out.printf("cips-2023-year: %,d payments, %,d participants; generated in %d ms, bounds in %d ms%n",
                stream.size(), stream.participants().size(), generated / 1_000_000, boundsNanos / 1_000_000);
        System.out.printf("heap max %d MB, processors %d%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        for (int round = 1; round <= rounds; round++) {
            long ref = reference(stream);
            ModeResult rtgs = new ModeRunner(stream, SettlementMode.RTGS, bounds.upper(), ModeRunner.Options.DEFAULT, calendar).run(n -> { });
            ModeResult rtgsMid = new ModeRunner(stream, SettlementMode.RTGS, liquidity, ModeRunner.Options.DEFAULT, calendar).run(n -> { });
            ModeResult lsm = new ModeRunner(stream, SettlementMode.RTGS_LSM, liquidity, ModeRunner.Options.DEFAULT, calendar).run(n -> { });
            System.out.printf("round %d: reference loop %6d ms (%,.0f/s) | RTGS at upper bound %6d ms (%,.0f/s, x%.2f of reference)"
                            + " | RTGS at 0.5 %6d ms (%,.0f/s, unsettled %,d) | RTGS_LSM at 0.5 %6d ms (%,.0f/s, x%.2f, unsettled %,d,"
                            + " offsets %d/%d)%n",
                    round, ref / 1_000_000, rate(stream, ref), rtgs.nanos() / 1_000_000, rate(stream, rtgs.nanos()),
                    (double) rtgs.nanos() / ref, rtgsMid.nanos() / 1_000_000, rate(stream, rtgsMid.nanos()),
                    rtgsMid.unsettledCount(), lsm.nanos() / 1_000_000, rate(stream, lsm.nanos()), (double) lsm.nanos() / ref,
                    lsm.unsettledCount(), lsm.bilateralOffsets(), lsm.multilateralOffsets());
            if (rtgs.unsettledCount() != 0) {
                throw new AssertionError("RTGS at the upper bound must settle everything");
            }
        }
    }

    /**
     * What the API run of cips-2023-year does, on the engine alone: generate the stream, compute the
     * bounds, run RTGS, RTGS_LSM and DNS at the upper bound. Prints the milliseconds it took (the best
     * of three, after a warm-up) as "engine-ms N".
     */
    static void engineThreeModes(long seed) {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 4; round++) {
            long t0 = System.nanoTime();
            PaymentStream stream = Scenarios.cipsYear(seed);
            BusinessCalendar calendar = BusinessCalendar.PHASE_II;
            LiquidityBounds bounds = LiquidityBounds.of(stream, calendar);
            for (SettlementMode mode : SettlementMode.values()) {
                new ModeRunner(stream, mode, bounds.upper(), ModeRunner.Options.DEFAULT, calendar).run(n -> { });
            }
            long took = System.nanoTime() - t0;
            if (round > 0) {
                best = Math.min(best, took);
            }
            System.out.printf("engine round %d: %d ms%n", round, took / 1_000_000);
        }
        System.out.println("engine-ms " + best / 1_000_000);
    }

    /** The floor: post every payment's legs to an array of balances, no queue, no cover check. */
    static long reference(PaymentStream stream) {
        int n = stream.participants().size();
        Party[] parties = new Party[n];
        for (int i = 0; i < n; i++) {
            PaymentStream.Participant p = stream.participants().get(i);
            parties[i] = p.direct() ? Party.direct(i) : Party.indirect(i, p.agent());
        }
        long[] balance = new long[n];
        long started = System.nanoTime();
        for (int i = 0; i < stream.size(); i++) {
            Legs legs = PostingsRule.legs(parties[stream.debtor(i)], parties[stream.creditor(i)]);
            long v = stream.amount(i);
            if (legs.debit1() >= 0) balance[legs.debit1()] -= v;
            if (legs.debit2() >= 0) balance[legs.debit2()] -= v;
            if (legs.credit1() >= 0) balance[legs.credit1()] += v;
            if (legs.credit2() >= 0) balance[legs.credit2()] += v;
        }
        long elapsed = System.nanoTime() - started;
        long check = 0;
        for (long b : balance) check += b;
        if (check == Long.MIN_VALUE) System.out.println(check);
        return elapsed;
    }

    static double rate(PaymentStream stream, long nanos) {
        return stream.size() * 1e9 / nanos;
    }
}
