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

    /**
     * The payment waits: at its agent for cover (an INDIRECT debtor's), or at CIPS. {@code postings}
     * are what it will post when it settles.
     */
    void queued(long ref, Postings postings);

    /**
     * The payment waits at CIPS now, at {@code position} in the queue of the paying agent's CIPS
     * account (or in the netting batch): covered at its agent first when its debtor is INDIRECT, its
     * amount earmarked there. A driver that restores its queues after a restart gives the position
     * back ({@link SettlementEngine#restoreQueued}).
     */
    default void waitsAtCips(long ref, long position) {
    }

    /** The payment left the engine unsettled: refused on arrival ({@code AM13}) or rejected at the day's close ({@code AM04}). */
    void rejected(long ref, String reasonCode);
}
