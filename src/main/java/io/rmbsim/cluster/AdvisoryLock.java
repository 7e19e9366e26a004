package io.rmbsim.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * PostgreSQL's session-level advisory lock on a connection of its own, outside the pool: the lock
 * lives exactly as long as that session, so the server frees it as soon as the holder's process is
 * gone (its socket closes) or, if the holder's host vanishes silently, once the server's TCP
 * keepalives give up on it (about 11 s, set below), or, if the holder hangs, once its session has
 * been idle for 10 s.
 */
final class AdvisoryLock implements AutoCloseable {

    /** "rmbsim" and 1: advisory locks are per database, so this only has to differ from other users' keys. */
    private static final long KEY = 0x726d6273696d0001L;
    /** Well above the leader's check every second and the time it takes to load the state when it takes over. */
    static final int IDLE_SESSION_TIMEOUT_S = 10;
    private static final Logger LOG = Logger.getLogger(AdvisoryLock.class);

    private final Connection connection;

    private AdvisoryLock(Connection connection) {
        this.connection = connection;
    }

    static AdvisoryLock open(String url, Properties properties) throws SQLException {
        Connection c = DriverManager.getConnection(url, properties);
        try (Statement s = c.createStatement()) {
            // the server notices a holder that disappeared without closing its socket
            s.execute("set tcp_keepalives_idle = 5");
            s.execute("set tcp_keepalives_interval = 2");
            s.execute("set tcp_keepalives_count = 3");
            // the epoch update must not wait forever behind a writer that hangs
            s.execute("set lock_timeout = '10s'");
            s.execute("set application_name = 'rmbsim-leadership'");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        try (Statement s = c.createStatement()) {
            // a holder that hangs (stopped, frozen) rather than dies stops its checks every second:
            // the server ends its session after 10 s, so the lock passes on as if it had died
            s.execute("set idle_session_timeout = '" + IDLE_SESSION_TIMEOUT_S + "s'");
        } catch (SQLException e) {
            LOG.debugf("idle_session_timeout not available (PostgreSQL before 14): a hung leader keeps the lock: %s",
                    e.getMessage());
        }
        return new AdvisoryLock(c);
    }

    /** Takes the lock if no other session holds it; never waits. */
    boolean tryAcquire() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            s.setLong(1, KEY);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Whether the session (and with it the lock) is still there: a round trip within {@code timeoutMillis}. */
    boolean alive(int timeoutMillis) {
        try {
            connection.setNetworkTimeout(Runnable::run, timeoutMillis);
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select 1")) {
                return rs.next();
            } finally {
                connection.setNetworkTimeout(Runnable::run, 0);
            }
        } catch (SQLException e) {
            return false;
        }
    }

    Connection connection() {
        return connection;
    }

    /** Ends the session, which releases the lock if it still holds it. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // the session is gone either way
        }
    }
}
