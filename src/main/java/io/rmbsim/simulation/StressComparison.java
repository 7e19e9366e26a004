package io.rmbsim.simulation;

import io.rmbsim.money.Money;
import io.rmbsim.simulation.SimulationReport.Change;
import io.rmbsim.simulation.SimulationReport.Deterioration;
import io.rmbsim.simulation.SimulationReport.ModeReport;
import io.rmbsim.simulation.SimulationReport.ParticipantChange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What stress events changed, per participant as the paying bank: the value it settled, its delay
 * indicator and the liquidity it used, with and without the events; and, per measure, who fared
 * worst (least settled value, most added delay, most added liquidity), as BoF-PSS2's stress tester
 * reports the largest deterioration per participant.
 */
final class StressComparison {

    private StressComparison() {
    }

    static SimulationReport.StressReport of(PaymentStream stream, Map<String, ModeReport> baseline,
            Map<String, ModeResult> without, Map<String, ModeResult> with) {
        Map<String, List<ParticipantChange>> participants = new LinkedHashMap<>();
        Map<String, Map<String, Deterioration>> worst = new LinkedHashMap<>();
        for (Map.Entry<String, ModeResult> e : with.entrySet()) {
            ModeResult s = e.getValue();
            ModeResult b = without.get(e.getKey());
            List<ParticipantChange> changes = new ArrayList<>();
            int lessSettled = -1;
            long lessSettledBy = 0;
            int moreDelayed = -1;
            BigDecimal moreDelayedBy = BigDecimal.ZERO;
            int moreLiquidity = -1;
            long moreLiquidityBy = 0;
            for (int a = 0; a < stream.participants().size(); a++) {
                long settledB = b.byParticipant().settledValue()[a];
                long settledS = s.byParticipant().settledValue()[a];
                BigDecimal delayB = b.byParticipant().delayIndicator(a);
                BigDecimal delayS = s.byParticipant().delayIndicator(a);
                long usedB = b.liquidityUsed()[a];
                long usedS = s.liquidityUsed()[a];
                if (settledB == settledS && delayB.compareTo(delayS) == 0 && usedB == usedS) {
                    continue;
                }
                changes.add(new ParticipantChange(stream.participants().get(a).bic(),
                        new Change(Money.format(settledB), Money.format(settledS), signed(settledS - settledB)),
                        new Change(delayB.toPlainString(), delayS.toPlainString(), delayS.subtract(delayB).toPlainString()),
                        new Change(Money.format(usedB), Money.format(usedS), signed(usedS - usedB))));
                if (settledS - settledB < lessSettledBy) {
                    lessSettled = a;
                    lessSettledBy = settledS - settledB;
                }
                if (delayS.subtract(delayB).compareTo(moreDelayedBy) > 0) {
                    moreDelayed = a;
                    moreDelayedBy = delayS.subtract(delayB);
                }
                if (usedS - usedB > moreLiquidityBy) {
                    moreLiquidity = a;
                    moreLiquidityBy = usedS - usedB;
                }
            }
            participants.put(e.getKey(), changes);
            Map<String, Deterioration> w = new LinkedHashMap<>();
            w.put("settledValue", new Deterioration(bic(stream, lessSettled), signed(lessSettledBy)));
            w.put("delayIndicator", new Deterioration(bic(stream, moreDelayed), moreDelayedBy.toPlainString()));
            w.put("liquidityUsed", new Deterioration(bic(stream, moreLiquidity), signed(moreLiquidityBy)));
            worst.put(e.getKey(), w);
        }
        return new SimulationReport.StressReport(baseline, participants, worst);
    }

    private static String bic(PaymentStream stream, int a) {
        return a < 0 ? null : stream.participants().get(a).bic();
    }

    /** A change in fen as a signed decimal string. */
    private static String signed(long fen) {
        return fen < 0 ? "-" + Money.format(-fen) : Money.format(fen);
    }
}
