package io.rmbsim.participant;

/** How an institution takes part in CIPS. */
public enum Participation {
    /** Holds a settlement account at CIPS. */
    DIRECT,
    /** Settles through its settlement agent, an active DIRECT participant. */
    INDIRECT
}
