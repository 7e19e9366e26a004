package io.rmbsim.cluster;

import java.sql.Connection;
import java.sql.SQLException;

/** Checked first inside every transaction of the single writer. */
@FunctionalInterface
public interface Fence {

    /** Throws {@link FencedOut} when this instance may not write any more; the caller rolls back. */
    void check(Connection transaction) throws SQLException;

    /**
     * The check as a query to end a larger statement with (a writer that sends its transaction as one
     * statement): it reads the fence's value, locking it until the transaction ends, and {@link #verify}
     * checks what it read. Null: the fence reads nothing, {@link #check} is the whole check.
     */
    default String query() {
        return null;
    }

    /** Throws {@link FencedOut} unless {@code read}, what {@link #query} read (-1: no row), lets this instance write. */
    default void verify(long read) throws SQLException {
    }
}
