package io.rmbsim.cluster;

import java.sql.Connection;
import java.sql.SQLException;

/** Checked first inside every transaction of the single writer. */
@FunctionalInterface
public interface Fence {

    /** Throws {@link FencedOut} when this instance may not write any more; the caller rolls back. */
    void check(Connection transaction) throws SQLException;
}
