package io.rmbsim.participant;

/**
 * Fired inside the transaction that admitted a participant or changed its status, so that its
 * settlement account is opened with it and live settlement learns of the change once committed.
 */
public record ParticipantChanged(String bic, Participation participation, String settlementAgent,
        ParticipantStatus status, boolean admitted) {
}
