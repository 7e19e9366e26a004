package io.rmbsim.sequencer;

import io.rmbsim.participant.ParticipantChanged;
import io.rmbsim.participant.Participation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Brings the directory's changes to live settlement: once a participant's change is committed, the
 * {@link SingleWriter} adds the member or updates its status, in turn with the other commands.
 */
@ApplicationScoped
class ParticipantFeed {

    private final SingleWriter writer;

    ParticipantFeed(SingleWriter writer) {
        this.writer = writer;
    }

    void participantChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ParticipantChanged change) {
        if (!writer.running()) {
            return; // loading at start reads every participant
        }
        writer.call(Command.on(l -> {
            refresh(l, change);
            return null;
        }));
    }

    private static void refresh(LiveLedger l, ParticipantChanged change) {
        if (l.knows(change.bic())) {
            l.updateMember(change.bic(), change.status());
        } else {
            l.join(change.bic(), change.participation() == Participation.DIRECT, change.settlementAgent(), change.status());
        }
    }
}
