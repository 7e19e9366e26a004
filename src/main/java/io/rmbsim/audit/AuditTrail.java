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
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
    private static final int MAX_BATCH = 512;
    private static final long RETRY_AFTER_MS = 1_000;
    /** Room above the backlog for the requests let in before it was reached (far more than run at once). */
    private static final int IN_FLIGHT_ROOM = 10_000;

    /** What a request did, before it is numbered and chained. */
    public record Event(String actor, String role, String bic, String method, String path, int status, String resource) {
    }

    private final AgroalDataSource dataSource;
    private final Leadership leadership;
    private final Clock clock;
    /**
     * Entries not taken by the writer yet. Past {@link #backlog} no state-changing request is let in
     * ({@link AuditAdmission}); the room above it is for those already let in, which always get theirs.
     */
    private final BlockingQueue<Event> pending;
    private volatile int backlog;
    /** Entries of requests refused at the door not kept for want of room, since the last one kept. */
    private final AtomicLong refusalsNotKept = new AtomicLong();
    /** Taken from pending and not written yet: tried again, also after a change of leader. */
    private final List<Event> batch = new ArrayList<>(MAX_BATCH);
    /** Failed attempts since the last batch written; only the writer thread touches it. */
    private long failures;
    /** Runs inside each write's transaction, before its insert; tests make it fail. */
    private volatile Runnable beforeWrite = () -> {
    };
    private volatile boolean running;
    /** Whether to write what is pending before stopping: only while the epoch is still this instance's. */
    private volatile boolean drain;
    private Thread writer;
    private long lastSeq;
    private String lastHash = AuditRecord.GENESIS;

    AuditTrail(AgroalDataSource dataSource, Leadership leadership, Clock clock,
            @ConfigProperty(name = "rmbsim.audit.backlog", defaultValue = "100000") int backlog) {
        if (backlog < 1) {
            throw new IllegalArgumentException("rmbsim.audit.backlog must be at least 1, not " + backlog);
        }
        this.pending = new LinkedBlockingQueue<>(backlog + IN_FLIGHT_ROOM);
        this.backlog = backlog;
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

    /** Puts {@code hook} into every write's transaction, before its insert (none: {@code null}); for tests. */
    void beforeEachWrite(Runnable hook) {
        beforeWrite = hook == null ? () -> {
        } : hook;
    }

    /** Whether a state-changing request may be let in: its entry will find room. */
    public boolean accepting() {
        return pending.size() < backlog;
    }

    /** Sets the backlog past which state-changing requests are refused, answering the one before (for tests). */
    int backlog(int entries) {
        int before = backlog;
        backlog = Math.max(1, Math.min(entries, pending.size() + pending.remainingCapacity() - IN_FLIGHT_ROOM));
        return before;
    }

    /** The entry of a request let in: it always has room (the writer keeps it until it is written). */
    public void record(Event event) {
        if (!pending.offer(event)) {
            // cannot happen while fewer than IN_FLIGHT_ROOM requests are let in at once
            LOG.errorf("audit trail backlog full; entry lost: %s", event);
        }
    }

    /** The entry of a request refused because the backlog was reached: kept while below it, counted otherwise. */
    void recordRefusal(Event event) {
        if (pending.size() < backlog && pending.offer(event)) {
            long missed = refusalsNotKept.getAndSet(0);
            if (missed > 0) {
                LOG.warnf("%d refused request(s) were not recorded while the audit backlog was full", missed);
            }
        } else if (refusalsNotKept.getAndIncrement() == 0) {
            LOG.warnf("audit backlog full: requests refused with 503 are counted, not recorded, until there is room");
        }
    }

    /**
     * The writer's loop. Whatever one attempt throws (a database error, an OutOfMemoryError under
     * another caller's load) leaves the batch where it is to be tried again, and the loop goes on; a
     * throwable that escapes even that (logging it failed too) restarts the loop with its state intact.
     */
    private void run() {
        while (true) {
            try {
                writeUntilStopped();
                return;
            } catch (Throwable t) {
                // the loop is entered again with the batch it had, after the same pause as a failed write
                failures++;
                try {
                    Thread.sleep(RETRY_AFTER_MS);
                } catch (InterruptedException e) {
                    return;
                } catch (Throwable ignored) {
                    // nothing to do but go on
                }
            }
        }
    }

    private void writeUntilStopped() {
        while (running || drain && !(pending.isEmpty() && batch.isEmpty())) {
            try {
                if (batch.isEmpty()) {
                    Event first = pending.poll(500, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    // batch has room for MAX_BATCH: adding to it allocates nothing, so no entry is
                    // taken from pending without landing in the batch
                    batch.add(first);
                    pending.drainTo(batch, MAX_BATCH - 1);
                }
                write(batch);
                batch.clear();
                recovered();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (FencedOut e) {
                // another instance leads: the batch stays for when this one leads again
                LOG.warnf("audit entries not written here: %s", e.getMessage());
                return;
            } catch (Throwable e) {
                // the batch stays and is tried again; the chain continues from the last written entry
                failed(e);
                try {
                    Thread.sleep(RETRY_AFTER_MS);
                    resync();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (FencedOut fenced) {
                    LOG.warnf("audit entries not written here: %s", fenced.getMessage());
                    return;
                } catch (Throwable stillFailing) {
                    failed(stillFailing);
                }
            }
        }
    }

    /** One log line per outage, with the first cause; the rest counted and told when it ends. */
    private void failed(Throwable e) {
        if (failures++ == 0) {
            try {
                LOG.errorf(e, "audit entries not written yet (%d waiting); retrying until they are", batch.size() + pending.size());
            } catch (Throwable logging) {
                // out of memory even for the log line: the retry goes on all the same
            }
        }
    }

    private void recovered() {
        if (failures > 0) {
            LOG.infof("audit entries written again after %d failed attempt(s)", failures);
            failures = 0;
        }
    }

    /**
     * After a failed attempt, takes the chain's head from the database: a batch whose commit went
     * through although the attempt failed afterwards (closing the connection, say) is not written a
     * second time, and the next batch links to the hash that is stored, whatever was kept here.
     */
    private void resync() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select seq, hash from audit_entry order by seq desc limit 1");
                ResultSet rs = s.executeQuery()) {
            long seq = 0;
            String hash = AuditRecord.GENESIS;
            if (rs.next()) {
                seq = rs.getLong(1);
                hash = rs.getString(2);
            }
            if (seq == lastSeq + batch.size() && seq > lastSeq) {
                LOG.infof("audit entries %d to %d were written after all", lastSeq + 1, seq);
                batch.clear();
            }
            lastSeq = seq;
            lastHash = hash;
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
                beforeWrite.run();
                s.executeBatch();
                c.commit();
            } catch (Throwable ex) {
                try {
                    c.rollback();
                } catch (Throwable rollback) {
                    ex.addSuppressed(rollback);
                }
                throw ex;
            }
        }
        lastSeq = seq;
        lastHash = prev;
    }
}
