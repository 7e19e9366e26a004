package io.rmbsim.settlement;

/**
 * What the engine tells its driver. The live driver persists these in one transaction per batch;
 * the simulator counts them. Calls arrive on the engine's thread, in settlement order.
 */
public interface SettlementEvents {

    /** The payment settled: its legs were posted, all at once. */
    void settled(long ref, SettlementMethod method);

    /** The payment waits in the queue of every account it debits. */
    void queued(long ref);

    /** The queued payment was taken out of the queue without settling (end of day: {@code AM04}). */
    void rejected(long ref, String reasonCode);
}
