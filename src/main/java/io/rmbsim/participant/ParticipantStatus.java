package io.rmbsim.participant;

import io.rmbsim.web.ProblemException;

/**
 * A participant's life: ACTIVE, SUSPENDED (sends and receives nothing new, keeps its queue),
 * TERMINATED (for good). Each transition answers the next status or refuses with a 409.
 */
public enum ParticipantStatus {
    ACTIVE, SUSPENDED, TERMINATED;

    public ParticipantStatus suspend(String bic) {
        return switch (this) {
            case ACTIVE -> SUSPENDED;
            case SUSPENDED -> throw refused(bic, "is already suspended");
            case TERMINATED -> throw refused(bic, "is terminated and cannot be suspended");
        };
    }

    public ParticipantStatus reactivate(String bic) {
        return switch (this) {
            case SUSPENDED -> ACTIVE;
            case ACTIVE -> throw refused(bic, "is already active");
            case TERMINATED -> throw refused(bic, "is terminated; a terminated participant cannot be reactivated");
        };
    }

    public ParticipantStatus terminate(String bic) {
        return switch (this) {
            case ACTIVE, SUSPENDED -> TERMINATED;
            case TERMINATED -> throw refused(bic, "is already terminated");
        };
    }

    private static ProblemException refused(String bic, String why) {
        return ProblemException.conflict("participant " + bic + " " + why);
    }
}
