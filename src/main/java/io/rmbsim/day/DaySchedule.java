package io.rmbsim.day;

import io.rmbsim.cluster.LeadershipGained;
import io.rmbsim.cluster.LeadershipLost;
import io.rmbsim.sequencer.SettlementSequencer;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the business day by the calendar: opens it at its opening (in phase II 08:30, or 04:30 after a
 * weekend or holiday), releasing what waited, and closes it at its close (08:30 the next morning in
 * phase II, the cut-off in the short day), the next one opening at its own opening. After a stop that
 * spanned closes, it closes each missed day in turn. {@code settlement.auto-close=false} turns the
 * closing off (days still open by themselves). It runs where the sequencer runs: on the instance
 * that leads settlement, checking once a second.
 */
@ApplicationScoped
public class DaySchedule {

    private static final Logger LOG = Logger.getLogger(DaySchedule.class);
    private static final int MAX_CATCH_UP = 31;

    private final SettlementSequencer sequencer;
    private final boolean autoClose;
    private ScheduledExecutorService timer;

    DaySchedule(SettlementSequencer sequencer,
            @ConfigProperty(name = "settlement.auto-close", defaultValue = "true") boolean autoClose) {
        this.sequencer = sequencer;
        this.autoClose = autoClose;
    }

    boolean autoClose() {
        return autoClose;
    }

    /** After the sequencer (priority 20) has its state. */
    void lead(@Observes @Priority(30) LeadershipGained gained) {
        if (!autoClose) {
            LOG.info("Automatic close of the business day is off (settlement.auto-close=false); days still open by themselves");
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "settlement-timetable");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runDue, 1, 1, TimeUnit.SECONDS);
    }

    /** Before the sequencer stops (priority 20). */
    void follow(@Observes @Priority(10) LeadershipLost lost) {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    /** Opens and closes what is due now; answers how many days it closed. */
    int runDue() {
        try {
            var closes = sequencer.runTimetable(autoClose, MAX_CATCH_UP);
            for (var c : closes) {
                LOG.infof("Business day %s closed at its close (run %d): %d settled by the last offset, %d rejected (AM04); "
                        + "%s opens at %s", c.closed(), c.run().run().id(), c.run().run().settledCount(),
                        c.run().run().rejectedCount(), c.opened(), sequencer.openedAt());
            }
            return closes.size();
        } catch (RuntimeException e) {
            LOG.warn("the timetable's step failed; retrying at the next check", e);
            return 0;
        }
    }
}
