package io.rmbsim.participant;

/** An onboarding application is decided once: approved or rejected. */
public enum ApplicationStatus {
    PENDING, APPROVED, REJECTED
}
