package io.rmbsim.simulation;

import io.rmbsim.money.Money;
import io.rmbsim.settlement.SettlementMethod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hears how each payment of a replayed day ends, and compares it with how it ended live: the same
 * payment settled by the same method, left unsettled, or cancelled.
 */
final class ReplayComparison implements ModeRunner.Outcomes {

    /** The differences a report lists by name; the rest are counted. */
    static final int LISTED = 20;

    private final RecordedDay day;
    private final byte[] outcome;
    private final SettlementMethod[] method;
    private final String[] reason;
    private final long[] run;
    /** The live settlement run being replayed now, 0 outside any, -1 in a periodic one of the options. */
    private long now;

    ReplayComparison(RecordedDay day) {
        this.day = day;
        int n = day.stream().size();
        this.outcome = new byte[n];
        this.method = new SettlementMethod[n];
        this.reason = new String[n];
        this.run = new long[n];
    }

    @Override
    public void during(long liveRun) {
        now = liveRun;
    }

    @Override
    public void settled(int payment, LocalDate businessDay, SettlementMethod how) {
        outcome[payment] = RecordedDay.SETTLED;
        method[payment] = how;
        run[payment] = now;
    }

    @Override
    public void rejected(int payment, LocalDate businessDay, String reasonCode) {
        outcome[payment] = RecordedDay.REJECTED;
        reason[payment] = reasonCode;
        run[payment] = now;
    }

    @Override
    public void cancelled(int payment) {
        outcome[payment] = RecordedDay.CANCELLED;
    }

    /** The live day's own outcome. */
    static SimulationReport.LiveOutcome live(RecordedDay day) {
        long settled = 0;
        long settledValue = 0;
        long unsettled = 0;
        long unsettledValue = 0;
        long cancelled = 0;
        Map<String, Long> methods = new TreeMap<>();
        for (int i = 0; i < day.stream().size(); i++) {
            long v = day.stream().amount(i);
            switch (day.live()[i]) {
                case RecordedDay.SETTLED -> {
                    settled++;
                    settledValue = Math.addExact(settledValue, v);
                    methods.merge(day.liveMethod()[i].name(), 1L, Long::sum);
                }
                case RecordedDay.CANCELLED -> cancelled++;
                default -> {
                    unsettled++;
                    unsettledValue = Math.addExact(unsettledValue, v);
                }
            }
        }
        return new SimulationReport.LiveOutcome(settled, Money.format(settledValue), unsettled, Money.format(unsettledValue),
                cancelled, methods);
    }

    /** This mode's outcome against the live one. */
    SimulationReport.ReplayMode compare() {
        long differences = 0;
        long liveOnly = 0;
        long replayOnly = 0;
        long otherMethod = 0;
        Map<String, Long> methods = new TreeMap<>();
        List<SimulationReport.Difference> listed = new ArrayList<>();
        for (int i = 0; i < outcome.length; i++) {
            if (outcome[i] == RecordedDay.SETTLED) {
                methods.merge(method[i].name(), 1L, Long::sum);
            }
            String live = describe(day.live()[i], day.liveMethod()[i], day.liveReason()[i], day.liveRun()[i]);
            String replay = describe(outcome[i], method[i], reason[i], run[i]);
            if (live.equals(replay)) {
                continue;
            }
            differences++;
            boolean settledLive = day.live()[i] == RecordedDay.SETTLED;
            boolean settledHere = outcome[i] == RecordedDay.SETTLED;
            if (settledLive && settledHere) {
                otherMethod++;
            } else if (settledLive) {
                liveOnly++;
            } else if (settledHere) {
                replayOnly++;
            }
            if (listed.size() < LISTED) {
                listed.add(new SimulationReport.Difference(day.uetr()[i].toString(), live, replay));
            }
        }
        return new SimulationReport.ReplayMode(differences == 0, differences, liveOnly, replayOnly, otherMethod, methods, listed);
    }

    /**
     * How a payment ended, as the report names it: settled by a method, rejected with a reason, or
     * cancelled; and when it was not on arrival or on release by incoming funds, in which live
     * settlement run (an offset, a netting cycle, the close: GET /api/v1/settlement/runs/{run}), or in a
     * periodic run the live day did not have.
     */
    private static String describe(byte outcome, SettlementMethod method, String reason, long run) {
        String when = run > 0 ? " in run " + run : run < 0 ? " in a periodic run" : "";
        return switch (outcome) {
            case RecordedDay.SETTLED -> "SETTLED/" + method + when;
            case RecordedDay.REJECTED -> "REJECTED/" + reason + when;
            case RecordedDay.CANCELLED -> "CANCELLED";
            default -> "UNDECIDED"; // never ended: the replay stopped before the day's close
        };
    }
}
