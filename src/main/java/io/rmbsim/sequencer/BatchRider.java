package io.rmbsim.sequencer;

import java.sql.SQLException;

/**
 * Rows another feature writes with every batch of the settlement {@link SingleWriter}, inside the
 * batch's one transaction: so the database has one writer and one commit per batch, not two writers
 * taking turns on the same store (the audit trail rides so). The writer's threads call it one
 * call at a time, in order ({@link #rows} on the journal's thread, the others on the sequencer's,
 * each hand-over ordered by the batch's future), except {@link #hasWork}, which any thread may ask.
 */
public interface BatchRider {

    /** Whether rows wait to be written: an idle writer runs a batch for them. */
    boolean hasWork();

    /** At the start of a batch's write: takes the rows this batch will write (those of a failed batch first). */
    void take() throws SQLException;

    /** Whether {@link #take} took anything. */
    boolean took();

    /**
     * What it took, as rows the batch's transaction inserts (the journal writes them with its own); asked
     * at each attempt to write, inside the transaction. Throwing fails the batch: nothing of it is written.
     */
    TableRows rows() throws SQLException;

    /** The batch's transaction committed: what it took is written. */
    void committed();

    /**
     * The batch failed: rolled back, or perhaps committed after all (an error during the commit).
     * What it took stays, to be written by a later batch once the store says whether it was.
     */
    void failed(Throwable cause);

    /** The writer hands over how to wake it when rows wait and it is idle. */
    void wakeWith(Runnable wake);
}
