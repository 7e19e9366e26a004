package io.rmbsim.sequencer;

import io.rmbsim.cluster.LeadershipGained;
import io.rmbsim.cluster.LeadershipLost;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Runs the {@link SingleWriter} on the instance that leads settlement, and only while it does: the
 * state is loaded from the database when leadership is gained, and the writer stops when it is lost.
 */
@ApplicationScoped
class SequencerLifecycle {

    /** Logs under the facade's name, as settlement always has, so log settings and searches still match. */
    private static final Logger LOG = Logger.getLogger(SettlementSequencer.class);

    private final SingleWriter writer;

    SequencerLifecycle(SingleWriter writer) {
        this.writer = writer;
    }

    /**
     * This instance leads settlement (after the audit writer, priority 10): the state is read from
     * the database, as the previous leader left it, then commands flow.
     */
    void lead(@Observes @Priority(20) LeadershipGained gained) throws SQLException {
        writer.clear();
        LiveLedger state = writer.readState();
        writer.start(state);
        LOG.infof("Settlement sequencer started (epoch %d): business day %s, %d payments queued, queues %s",
                gained.epoch(), state.businessDate(), state.queueSize(), state.engine.discipline());
    }

    /** Leadership is gone (or the service stops): the batch in hand ends, whatever waits fails with a 503. */
    void follow(@Observes @Priority(20) LeadershipLost lost) throws InterruptedException {
        writer.stop(lost.orderly() ? "settlement stopped" : "this instance no longer leads settlement; retry", lost.orderly());
        LOG.infof("Settlement sequencer stopped (epoch %d)", lost.epoch());
    }
}
