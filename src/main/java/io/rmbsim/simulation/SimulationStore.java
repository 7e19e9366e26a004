package io.rmbsim.simulation;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Simulation runs in the database ({@code simulation_run}): a row from the moment a run is accepted,
 * its outcome and report (JSON text) once it ends. Plain JDBC, one statement per call.
 */
@ApplicationScoped
public class SimulationStore {

    private static final String COLUMNS = "id, owner, scenario, status, progress, created_at, error";
    private static final String FINISHED = "status IN ('DONE', 'FAILED')";

    private final DataSource dataSource;

    SimulationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insert(RunState run) {
        run(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO simulation_run (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setObject(1, run.id());
                s.setString(2, run.owner());
                s.setString(3, run.scenario());
                s.setString(4, Simulations.Status.RUNNING.name());
                s.setBigDecimal(5, run.progress());
                s.setObject(6, at(run.createdAt()));
                s.setString(7, null);
                s.executeUpdate();
            }
            return null;
        });
    }

    /** What {@link #finish} did: whether the outcome was recorded, and the runs it dropped to keep within the caps. */
    record Finished(boolean recorded, List<UUID> dropped) {
    }

    /**
     * Records how a run ended (unless it was deleted or already marked failed meanwhile) and drops the
     * oldest finished runs beyond the caps, in one transaction and one at a time: nobody ever sees more
     * finished runs than the caps allow.
     */
    synchronized Finished finish(UUID id, String owner, Simulations.Status status, BigDecimal progress, Instant at, String error,
            String reportJson, int perOwner, int total) {
        return run(c -> {
            c.setAutoCommit(false);
            try {
                boolean recorded = finish(c, id, status, progress, at, error, reportJson);
                List<UUID> dropped = prune(c, owner, perOwner, total);
                c.commit();
                return new Finished(recorded, dropped);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** Records how a run ended, outside the caps (at shutdown). */
    boolean finish(UUID id, Simulations.Status status, BigDecimal progress, Instant at, String error, String reportJson) {
        return run(c -> finish(c, id, status, progress, at, error, reportJson));
    }

    private static boolean finish(Connection c, UUID id, Simulations.Status status, BigDecimal progress, Instant at, String error,
            String reportJson) throws SQLException {
        {
            try (PreparedStatement s = c.prepareStatement("UPDATE simulation_run SET status = ?, progress = ?, finished_at = ?, "
                    + "error = ?, report = ? WHERE id = ? AND status = 'RUNNING'")) {
                s.setString(1, status.name());
                s.setBigDecimal(2, progress);
                s.setObject(3, at(at));
                s.setString(4, error == null ? null : error.substring(0, Math.min(error.length(), 1000)));
                s.setString(5, reportJson);
                s.setObject(6, id);
                return s.executeUpdate() == 1;
            }
        }
    }

    /** Every run still marked RUNNING but not among {@code running} failed with {@code reason}; their owners. */
    List<String> failUnfinished(Collection<UUID> running, String reason, Instant at) {
        return run(c -> {
            List<UUID> stale = new ArrayList<>();
            List<String> owners = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, owner FROM simulation_run WHERE status = 'RUNNING'");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject(1, UUID.class);
                    if (!running.contains(id)) {
                        stale.add(id);
                        if (!owners.contains(r.getString(2))) {
                            owners.add(r.getString(2));
                        }
                    }
                }
            }
            for (UUID id : stale) {
                finish(c, id, reason, at);
            }
            return owners;
        });
    }

    private static void finish(Connection c, UUID id, String reason, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE simulation_run SET status = 'FAILED', finished_at = ?, error = ? "
                + "WHERE id = ? AND status = 'RUNNING'")) {
            s.setObject(1, at(at));
            s.setString(2, reason);
            s.setObject(3, id);
            s.executeUpdate();
        }
    }

    Optional<RunState> find(UUID id) {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM simulation_run WHERE id = ?")) {
                s.setObject(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(state(r)) : Optional.<RunState>empty();
                }
            }
        });
    }

    Optional<String> report(UUID id) {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT report FROM simulation_run WHERE id = ?")) {
                s.setObject(1, id);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** The runs {@code owner} started (every run when null), oldest first, without their reports. */
    List<RunState> list(String owner) {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM simulation_run"
                    + (owner == null ? "" : " WHERE owner = ?") + " ORDER BY created_at, id")) {
                if (owner != null) {
                    s.setString(1, owner);
                }
                List<RunState> runs = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        runs.add(state(r));
                    }
                }
                return runs;
            }
        });
    }

    boolean delete(UUID id) {
        return run(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM simulation_run WHERE id = ?")) {
                s.setObject(1, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    /**
     * Keeps the {@code perOwner} latest finished runs of {@code owner} and the {@code total} latest
     * finished runs of all; deletes the rest, oldest finished first. Answers the ids deleted.
     */
    synchronized List<UUID> prune(String owner, int perOwner, int total) {
        return run(c -> prune(c, owner, perOwner, total));
    }

    private static List<UUID> prune(Connection c, String owner, int perOwner, int total) throws SQLException {
        List<UUID> gone = new ArrayList<>(beyond(c, owner, perOwner));
        for (UUID id : gone) {
            delete(c, id);
        }
        List<UUID> beyondTotal = beyond(c, null, total);
        for (UUID id : beyondTotal) {
            delete(c, id);
        }
        gone.addAll(beyondTotal);
        return gone;
    }

    private static void delete(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM simulation_run WHERE id = ?")) {
            s.setObject(1, id);
            s.executeUpdate();
        }
    }

    private static List<UUID> beyond(Connection c, String owner, int keep) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM simulation_run WHERE " + FINISHED
                + (owner == null ? "" : " AND owner = ?") + " ORDER BY finished_at DESC, created_at DESC, id DESC")) {
            if (owner != null) {
                s.setString(1, owner);
            }
            List<UUID> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                for (int n = 0; r.next(); n++) {
                    if (n >= keep) {
                        ids.add(r.getObject(1, UUID.class));
                    }
                }
            }
            return ids;
        }
    }

    private static RunState state(ResultSet r) throws SQLException {
        return new RunState(r.getObject(1, UUID.class), r.getString(2), r.getString(3),
                Simulations.Status.valueOf(r.getString(4)), r.getBigDecimal(5).setScale(3, RoundingMode.DOWN),
                instant(r, 6), r.getString(7), null);
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @FunctionalInterface
    private interface Work<T> {
        T in(Connection c) throws SQLException;
    }

    private <T> T run(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.in(c);
        } catch (SQLException e) {
            throw new StoreUnavailable(e);
        }
    }

    /** The store could not be read or written. */
    static final class StoreUnavailable extends RuntimeException {
        StoreUnavailable(SQLException cause) {
            super("the simulation store cannot be reached", cause);
        }
    }
}
