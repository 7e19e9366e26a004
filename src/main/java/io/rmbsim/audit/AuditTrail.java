package io.rmbsim.audit;

import io.agroal.api.AgroalDataSource;
import io.rmbsim.cluster.LeadershipGained;
import io.rmbsim.sequencer.BatchRider;
import io.rmbsim.sequencer.TableRows;
import io.rmbsim.sequencer.TableRows.Type;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Appends audit entries, one writer so that the chain has one order: requests hand over what they
 * did; the settlement sequencer's single writer numbers the entries, links each to the previous hash
 * and writes them in its own batches' transactions ({@link BatchRider}), so the store has one writer
 * and one commit per batch. The writer runs on the instance that leads settlement: with several
 * instances it is still one writer, the chain is taken up where the database has it whenever this
 * instance starts to lead, and each batch checks the leadership epoch before it writes. An instance
 * that does not lead keeps what it recorded (the few requests it serves itself) until it does.
 */
@ApplicationScoped
public class AuditTrail implements BatchRider {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final int MAX_BATCH = 512;
    /** Room above the backlog for the requests let in before it was reached (far more than run at once). */
    private static final int IN_FLIGHT_ROOM = 10_000;

    /** What a request did, before it is numbered and chained. */
    public record Event(String actor, String role, String bic, String method, String path, int status, String resource) {
    }

    /** An entry numbered and chained, as it is inserted. */
    private record Row(long seq, java.time.Instant at, Event event, String outcome, String prevHash, String hash) {
    }

    private final AgroalDataSource dataSource;
    private final Clock clock;
    /**
     * Entries not taken by the writer yet. Past {@link #backlog} no state-changing request is let in
     * ({@link AuditAdmission}); the room above it is for those already let in, which always get theirs.
     */
    private final BlockingQueue<Event> pending;
    private volatile int backlog;
    /** Entries of requests refused at the door not kept for want of room, since the last one kept. */
    private final AtomicLong refusalsNotKept = new AtomicLong();
    /** Taken from pending and not written yet: tried again by the next batch, also after a change of leader. */
    private final List<Event> batch = new ArrayList<>(MAX_BATCH);
    /** The batch's entries as the batch in hand writes them. */
    private final List<Row> rows = new ArrayList<>(MAX_BATCH);
    /** Failed attempts since the last batch written; only the writer thread touches it. */
    private long failures;
    /** After a failed attempt: the chain's head is read from the database before the next. */
    private boolean resyncFirst;
    /** Runs inside each write's transaction, before its insert; tests make it fail. */
    private volatile Runnable beforeWrite = () -> {
    };
    private volatile Runnable wake = () -> {
    };
    private long lastSeq;
    private String lastHash = AuditRecord.GENESIS;

    AuditTrail(AgroalDataSource dataSource, Clock clock,
            @ConfigProperty(name = "rmbsim.audit.backlog", defaultValue = "100000") int backlog) {
        if (backlog < 1) {
            throw new IllegalArgumentException("rmbsim.audit.backlog must be at least 1, not " + backlog);
        }
        this.pending = new LinkedBlockingQueue<>(backlog + IN_FLIGHT_ROOM);
        this.backlog = backlog;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** First of what the leader runs (before the settlement writer starts): the chain continues from its last entry in the database. */
    void lead(@Observes @Priority(10) LeadershipGained gained) throws SQLException {
        // another leader may have written meanwhile: what this one kept is written after its entries
        Head head = head();
        lastSeq = head.seq();
        lastHash = head.hash();
        resyncFirst = false;
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
        wake.run();
    }

    /** The entry of a request refused because the backlog was reached: kept while below it, counted otherwise. */
    void recordRefusal(Event event) {
        if (pending.size() < backlog && pending.offer(event)) {
            long missed = refusalsNotKept.getAndSet(0);
            if (missed > 0) {
                LOG.warnf("%d refused request(s) were not recorded while the audit backlog was full", missed);
            }
            wake.run();
        } else if (refusalsNotKept.getAndIncrement() == 0) {
            LOG.warnf("audit backlog full: requests refused with 503 are counted, not recorded, until there is room");
        }
    }

    // --- the writer's side: the settlement sequencer's thread ------------------------------------------

    @Override
    public void wakeWith(Runnable wake) {
        this.wake = wake;
    }

    @Override
    public boolean hasWork() {
        return !batch.isEmpty() || !pending.isEmpty();
    }

    @Override
    public void take() throws SQLException {
        rows.clear();
        if (resyncFirst) {
            // the last attempt failed: a batch whose commit went through after all is not written twice
            resync();
            resyncFirst = false;
        }
        if (batch.isEmpty()) {
            // batch has room for MAX_BATCH: adding to it allocates nothing, so no entry is taken from
            // pending without landing in the batch
            pending.drainTo(batch, MAX_BATCH);
        }
        long seq = lastSeq;
        String prev = lastHash;
        for (Event e : batch) {
            seq++;
            var at = clock.instant();
            String outcome = e.status() < 400 ? "DONE" : e.status() < 500 ? "REFUSED" : "FAILED";
            String hash = AuditRecord.hashOf(prev, seq, at, e.actor(), e.role(), e.bic(), e.method(), e.path(),
                    e.status(), outcome, e.resource());
            rows.add(new Row(seq, at, e, outcome, prev, hash));
            prev = hash;
        }
    }

    @Override
    public boolean took() {
        return !rows.isEmpty();
    }

    @Override
    public TableRows rows() {
        TableRows entries = TableRows.insert("audit_entry").column("seq", Type.BIGINT).column("recorded_at", Type.TIMESTAMP)
                .column("actor", Type.TEXT).column("actor_role", Type.TEXT).column("actor_bic", Type.TEXT)
                .column("method", Type.TEXT).column("path", Type.TEXT).column("status", Type.INTEGER)
                .column("outcome", Type.TEXT).column("resource", Type.TEXT).column("prev_hash", Type.TEXT)
                .column("hash", Type.TEXT);
        for (Row r : rows) {
            Event e = r.event();
            entries.add(r.seq(), r.at(), e.actor(), e.role(), e.bic(), e.method(), e.path(), e.status(), r.outcome(),
                    e.resource(), r.prevHash(), r.hash());
        }
        beforeWrite.run();
        return entries;
    }

    @Override
    public void committed() {
        Row last = rows.get(rows.size() - 1);
        lastSeq = last.seq();
        lastHash = last.hash();
        batch.clear();
        rows.clear();
        if (failures > 0) {
            LOG.infof("audit entries written again after %d failed attempt(s)", failures);
            failures = 0;
        }
    }

    /** One log line per outage, with the first cause; the rest counted and told when it ends. */
    @Override
    public void failed(Throwable cause) {
        rows.clear();
        resyncFirst = true;
        if (failures++ == 0) {
            try {
                LOG.errorf(cause, "audit entries not written yet (%d waiting); retrying with the next batch", batch.size() + pending.size());
            } catch (Throwable logging) {
                // out of memory even for the log line: the retry goes on all the same
            }
        }
    }

    /**
     * Takes the chain's head from the database: a batch whose commit went through although the
     * attempt failed afterwards (closing the connection, say) is not written a second time, and the
     * next batch links to the hash that is stored, whatever was kept here.
     */
    private void resync() throws SQLException {
        Head head = head();
        if (!batch.isEmpty() && head.seq() == lastSeq + batch.size() && head.seq() > lastSeq) {
            LOG.infof("audit entries %d to %d were written after all", lastSeq + 1, head.seq());
            batch.clear();
        }
        lastSeq = head.seq();
        lastHash = head.hash();
    }

    /** The chain's last entry as the database has it (none yet: 0 and the genesis hash). */
    private record Head(long seq, String hash) {
    }

    private Head head() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select seq, hash from audit_entry order by seq desc limit 1");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(0, AuditRecord.GENESIS);
        }
    }
}
