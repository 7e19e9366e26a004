package io.rmbsim.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The one row of {@code cluster_leader}: the current epoch and where its leader answers. */
record LeaderRecord(long epoch, String url) {

    static LeaderRecord read(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select epoch, leader_url from cluster_leader where id = 1");
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("cluster_leader has no row: the V4 migration has not run");
            }
            return new LeaderRecord(rs.getLong(1), rs.getString(2));
        }
    }

    /**
     * Counts the epoch up and names {@code url} its leader, in one transaction of its own; answers the
     * new epoch. The update waits for every writer still holding the row FOR SHARE, so whatever the
     * previous leader committed is committed before the new epoch, and nothing it tries after is.
     */
    static long claim(Connection c, String url, Instant now) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement s = c.prepareStatement(
                    "update cluster_leader set epoch = epoch + 1, leader_url = ?, since = ? where id = 1")) {
                s.setString(1, url);
                s.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                if (s.executeUpdate() != 1) {
                    throw new SQLException("cluster_leader has no row: the V4 migration has not run");
                }
            }
            long epoch = read(c).epoch();
            c.commit();
            return epoch;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
