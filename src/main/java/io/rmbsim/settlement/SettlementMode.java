package io.rmbsim.settlement;

/**
 * How payments are settled: the live service runs {@link #RTGS_LSM}; a simulation runs any of them.
 * The names are the contract's (the simulation API's {@code modes}).
 */
public enum SettlementMode {
    /** Gross settlement with a queue released by incoming funds; offsetting only when asked, none at the close. */
    RTGS,
    /** RTGS plus bilateral offsetting whenever a payment joins the queue, and a last offset at the close. */
    RTGS_LSM,
    /** Deferred net settlement: nothing settles on arrival; everything waits for the next netting ({@link SettlementEngine#offset()}). */
    DNS
}
