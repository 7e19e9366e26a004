package io.rmbsim.settlement;

/**
 * What the engine tells its driver. The live driver persists these in one transaction per batch;
 * the simulator counts them. Calls arrive on the engine's thread, in settlement order.
 */
public interface SettlementEvents {

    /**
     * The payment settled, by {@code method}: these postings were made, all at once. The postings
     * are the engine's view, valid during the call only.
     */
    void settled(long ref, SettlementMethod method, Postings postings);

    /** The payment waits in the queue of every account it debits; {@code postings} are what it will post when it settles. */
    void queued(long ref, Postings postings);

    /** The payment left the engine unsettled: refused on arrival ({@code AM13}) or rejected at the day's close ({@code AM04}). */
    void rejected(long ref, String reasonCode);
}
