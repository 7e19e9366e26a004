package io.rmbsim.sequencer;

import io.rmbsim.participant.ParticipantStatus;

/**
 * A participant as live settlement needs it: its account in the engine and what routing needs.
 *
 * @param agent the BIC of agent(x): itself when DIRECT
 * @param account its settlement account's index in the engine
 */
record Member(String bic, boolean direct, String agent, ParticipantStatus status, int account) {

    boolean active() {
        return status == ParticipantStatus.ACTIVE;
    }
}
