package io.rmbsim.sequencer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.rmbsim.cluster.Fence;
import io.rmbsim.cluster.FencedOut;
import io.rmbsim.settlement.DayLog;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The leadership fence inside the journal's write, as the store meets it: on PostgreSQL the batch's
 * one statement reads the epoch FOR SHARE at its end, on H2 the transaction checks it first. A batch under another epoch than the store's writes nothing; under the store's, it
 * is written.
 */
@QuarkusTest
class JournalFenceTest {

    /** The epoch as the leadership fence reads it: FOR SHARE on PostgreSQL; H2 (one process) has no such lock. */
    private String epochQuery;
    /** A day no business day of the tests is on: the row written here is seen by nothing else. */
    private static final LocalDate LONG_AGO = LocalDate.of(1999, 1, 4);

    @Inject
    AgroalDataSource dataSource;

    @org.junit.jupiter.api.BeforeEach
    void epochQuery() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            epochQuery = "select epoch from cluster_leader where id = 1" + (Journal.isPostgres(c) ? " for share" : "");
        }
    }

    @Test
    void aBatchUnderAnotherEpochWritesNothing() throws SQLException {
        long id = freeLogId();
        Journal journal = journalWithLogEntry(id);
        assertThatThrownBy(() -> journal.write(dataSource, fenceExpecting(storedEpoch() + 1)))
                .isInstanceOf(FencedOut.class);
        assertThat(logEntryStored(id)).as("the fenced-out batch's row").isFalse();
    }

    @Test
    void aBatchUnderTheStoresEpochIsWritten() throws SQLException {
        long id = freeLogId();
        Journal journal = journalWithLogEntry(id);
        try {
            journal.write(dataSource, fenceExpecting(storedEpoch()));
            assertThat(logEntryStored(id)).isTrue();
        } finally {
            delete(id);
        }
    }

    private static Journal journalWithLogEntry(long id) {
        Journal journal = new Journal();
        journal.log(new Journal.LogEntry(id, LONG_AGO, 0, Instant.parse("1999-01-04T01:00:00.123456Z"), DayLog.Kind.OPEN,
                null, null, null, null, null, null, null, null, null));
        return journal;
    }

    /** A fence like the leadership's, but expecting {@code epoch}. */
    private Fence fenceExpecting(long epoch) {
        return new Fence() {
            @Override
            public void check(Connection transaction) throws SQLException {
                try (PreparedStatement s = transaction.prepareStatement(epochQuery); ResultSet rs = s.executeQuery()) {
                    verify(rs.next() ? rs.getLong(1) : -1);
                }
            }

            @Override
            public String query() {
                return epochQuery;
            }

            @Override
            public void verify(long read) throws SQLException {
                if (read != epoch) {
                    throw new FencedOut("the store's epoch is " + read + ", not " + epoch);
                }
            }
        };
    }

    private long storedEpoch() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select epoch from cluster_leader where id = 1");
                ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private static long freeLogId() {
        // far above what the live ledger numbers its entries with
        return Long.MAX_VALUE / 2 + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    }

    private boolean logEntryStored(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select logged_at from settlement_log where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void delete(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("delete from settlement_log where id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }
}
