package io.rmbsim.audit;

import io.agroal.api.AgroalDataSource;
import io.rmbsim.cluster.FencedOut;
import io.rmbsim.cluster.Leadership;
import io.rmbsim.cluster.LeadershipGained;
import io.rmbsim.cluster.LeadershipLost;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Appends audit entries, one writer so that the chain has one order: requests hand over what they
 * did; a thread numbers the entries, links each to the previous hash and writes them in batches.
 * The thread runs on the instance that leads settlement: with several instances it is still one
 * writer, it takes up the chain where the database has it whenever it starts, and each batch checks
 * the leadership epoch before it writes. An instance that does not lead keeps what it recorded (the
 * few requests it serves itself) until it does.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    /** What a request did, before it is numbered and chained. */
    public record Event(String actor, String role, String bic, String method, String path, int status, String resource) {
    }

    private final AgroalDataSource dataSource;
    private final Leadership leadership;
    private final Clock clock;
    private final BlockingQueue<Event> pending = new LinkedBlockingQueue<>(100_000);
    /** Taken from pending and not written yet: tried again, also after a change of leader. */
    private final List<Event> batch = new ArrayList<>();
    private volatile boolean running;
    /** Whether to write what is pending before stopping: only while the epoch is still this instance's. */
    private volatile boolean drain;
    private Thread writer;
    private long lastSeq;
    private String lastHash = AuditRecord.GENESIS;

    AuditTrail(AgroalDataSource dataSource, Leadership leadership, Clock clock) {
        this.dataSource = dataSource;
        this.leadership = leadership;
        this.clock = clock;
    }

    /** First of what the leader runs: the chain continues from its last entry in the database. */
    void lead(@Observes @Priority(10) LeadershipGained gained) throws SQLException {
        Thread previous = writer;
        if (previous != null && previous.isAlive()) {
            throw new IllegalStateException("the previous audit writer has not stopped yet");
        }
        lastSeq = 0;
        lastHash = AuditRecord.GENESIS;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select seq, hash from audit_entry order by seq desc limit 1");
                ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
                lastSeq = rs.getLong(1);
                lastHash = rs.getString(2);
            }
        }
        drain = false;
        running = true;
        writer = new Thread(this::run, "audit-trail");
        writer.setDaemon(true);
        writer.start();
    }

    /** Last of what the leader runs: on an orderly stop what is pending is written first. */
    void follow(@Observes @Priority(30) LeadershipLost lost) throws InterruptedException {
        drain = lost.orderly();
        running = false;
        Thread w = writer;
        if (w != null) {
            if (!lost.orderly()) {
                w.interrupt();
            }
            w.join(5_000);
        }
    }

    public void record(Event event) {
        if (!pending.offer(event)) {
            LOG.errorf("audit trail backlog full; entry lost: %s", event);
        }
    }

    private void run() {
        while (running || drain && !(pending.isEmpty() && batch.isEmpty())) {
            try {
                if (batch.isEmpty()) {
                    Event first = pending.poll(500, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    pending.drainTo(batch, 511);
                }
                write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (FencedOut e) {
                // another instance leads: the batch stays for when this one leads again
                LOG.warnf("audit entries not written here: %s", e.getMessage());
                return;
            } catch (SQLException | RuntimeException e) {
                // the batch stays and is tried again; the chain continues from the last written entry
                LOG.warn("audit entries not written yet; retrying", e);
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void write(List<Event> entries) throws SQLException {
        long seq = lastSeq;
        String prev = lastHash;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                leadership.check(c);
            } catch (SQLException ex) {
                c.rollback();
                throw ex;
            }
            try (PreparedStatement s = c.prepareStatement("insert into audit_entry (seq, recorded_at, actor, actor_role,"
                    + " actor_bic, method, path, status, outcome, resource, prev_hash, hash)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Event e : entries) {
                    seq++;
                    var at = clock.instant();
                    String outcome = e.status() < 400 ? "DONE" : e.status() < 500 ? "REFUSED" : "FAILED";
                    String hash = AuditRecord.hashOf(prev, seq, at, e.actor(), e.role(), e.bic(), e.method(), e.path(),
                            e.status(), outcome, e.resource());
                    s.setLong(1, seq);
                    s.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                    s.setString(3, e.actor());
                    s.setString(4, e.role());
                    s.setString(5, e.bic());
                    s.setString(6, e.method());
                    s.setString(7, e.path());
                    s.setInt(8, e.status());
                    s.setString(9, outcome);
                    s.setString(10, e.resource());
                    s.setString(11, prev);
                    s.setString(12, hash);
                    s.addBatch();
                    prev = hash;
                }
                s.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException ex) {
                c.rollback();
                throw ex;
            }
        }
        lastSeq = seq;
        lastHash = prev;
    }
}
