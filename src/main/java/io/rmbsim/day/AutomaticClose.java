package io.rmbsim.day;

import io.rmbsim.cluster.LeadershipGained;
import io.rmbsim.cluster.LeadershipLost;
import io.rmbsim.sequencer.SettlementSequencer;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Closes the business day by itself at the cut-off (default 17:30 Beijing time, after the CIPS
 * phase II day session). After a stop that spanned cut-offs, it closes each missed day in turn.
 * {@code settlement.auto-close=false} turns it off. It runs where the sequencer runs: on the
 * instance that leads settlement.
 */
@ApplicationScoped
public class AutomaticClose {

    private static final Logger LOG = Logger.getLogger(AutomaticClose.class);
    private static final int MAX_CATCH_UP = 31;

    private final SettlementSequencer sequencer;
    private final Clock clock;
    private final boolean enabled;
    private ScheduledExecutorService timer;

    AutomaticClose(SettlementSequencer sequencer, Clock clock,
            @ConfigProperty(name = "settlement.auto-close", defaultValue = "true") boolean enabled) {
        this.sequencer = sequencer;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** After the sequencer (priority 20) has its state. */
    void lead(@Observes @Priority(30) LeadershipGained gained) {
        if (!enabled) {
            LOG.info("Automatic close of the business day is off (settlement.auto-close=false)");
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "settlement-cut-off");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::closeIfDue, 5, 15, TimeUnit.SECONDS);
    }

    /** Before the sequencer stops (priority 20). */
    void follow(@Observes @Priority(10) LeadershipLost lost) {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    /** Closes every business day whose cut-off has passed; answers how many it closed. */
    int closeIfDue() {
        int closed = 0;
        try {
            while (closed < MAX_CATCH_UP
                    && !clock.instant().isBefore(sequencer.calendar().cutOffOf(sequencer.businessDate()))) {
                var c = sequencer.closeDay(0);
                LOG.infof("Business day %s closed at its cut-off (run %d): %d settled by the last offset, %d rejected (AM04); %s is open",
                        c.closed(), c.run().run().id(), c.run().run().settledCount(), c.run().run().rejectedCount(), c.opened());
                closed++;
            }
        } catch (RuntimeException e) {
            LOG.warn("automatic close failed; retrying at the next check", e);
        }
        return closed;
    }
}
