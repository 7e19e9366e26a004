package io.rmbsim.simulation;

/** How a simulated day settles. */
public enum SimulationMode {
    /** Gross settlement with a queue released by incoming funds; no offsetting. */
    RTGS,
    /** RTGS plus bilateral offsetting on entry and multilateral offsetting at intervals and at end of day. */
    RTGS_LSM,
    /** Deferred net settlement: everything netted and settled at the end of each cycle. */
    DNS
}
