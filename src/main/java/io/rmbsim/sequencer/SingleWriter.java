package io.rmbsim.sequencer;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.rmbsim.cluster.FencedOut;
import io.rmbsim.cluster.Leadership;
import io.rmbsim.settlement.BusinessCalendar;
import io.rmbsim.settlement.QueueDiscipline;
import io.rmbsim.settlement.SettlementUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The single writer of live settlement (as LMAX and TigerBeetle do it). Requests from any number of
 * clients queue here; one thread takes them in batches and applies them to the engine in arrival
 * order, and a second writes everything each batch changed in one transaction (group commit), one
 * batch behind, before the batch is answered. So
 * the hot account (Harbin Bank's CIPS account, debited by nearly every Russian payment) needs no
 * row locks, there are no lost updates and no deadlocks, and every answered payment is durable. If
 * the write fails, the batch's requests fail and the state is read back from the database.
 *
 * <p>It runs on the instance that leads settlement ({@link Leadership}) and only while it does
 * ({@link SequencerLifecycle}): it loads its state when leadership is gained and stops when it is
 * lost, failing what waits with a 503; every batch's transaction checks the leadership epoch, holding
 * it until the commit.
 */
@ApplicationScoped
class SingleWriter {

    /** Logs under the facade's name, as settlement always has, so log settings and searches still match. */
    private static final Logger LOG = Logger.getLogger(SettlementSequencer.class);
    private static final int MAX_BATCH = 512;
    /**
     * Past this many payments a batch takes no further command (settlement.max-batch-payments): documents
     * of many payments do not make one huge transaction; a document's payments are never split.
     */
    private final int maxBatchPayments;
    /** How many of a day close's rejections one batch writes: a long queue's close never holds a payment for long. */
    static final int REJECTIONS_PER_BATCH = 2_000;

    private final AgroalDataSource dataSource;
    private final Leadership leadership;
    private final Clock clock;
    private final BusinessCalendar calendar;
    private final SettlementMetrics metrics;
    private final boolean checkInvariants;
    private final QueueDiscipline discipline;
    private final BlockingQueue<Command<?>> inbox = new LinkedBlockingQueue<>(100_000);
    private final Responder responder = new Responder();
    private volatile LiveLedger ledger;
    private volatile Thread thread;
    private volatile boolean running;
    /** Why the last write of the journal failed (readiness is DOWN while it is set), or null. */
    private volatile String journalFailure;
    /** What writes its rows in each batch's transaction besides settlement (the audit trail). */
    private final List<BatchRider> riders;
    /** A wake-up is in the inbox already: riders' rows do not fill it with more. */
    private final java.util.concurrent.atomic.AtomicBoolean wakeOffered = new java.util.concurrent.atomic.AtomicBoolean();

    SingleWriter(AgroalDataSource dataSource, Leadership leadership, Clock clock, BusinessCalendar calendar,
            MeterRegistry registry,
            @ConfigProperty(name = "settlement.check-invariants", defaultValue = "false") boolean checkInvariants,
            @ConfigProperty(name = "settlement.queue-discipline", defaultValue = "STRICT_FIFO") QueueDiscipline discipline,
            @ConfigProperty(name = "settlement.max-batch-payments", defaultValue = "2048") int maxBatchPayments,
            jakarta.enterprise.inject.Instance<BatchRider> riders) {
        this.maxBatchPayments = Math.max(1, maxBatchPayments);
        this.riders = riders.stream().toList();
        this.riders.forEach(r -> r.wakeWith(this::wake));
        this.checkInvariants = checkInvariants;
        this.discipline = discipline;
        this.dataSource = dataSource;
        this.leadership = leadership;
        this.clock = clock;
        this.calendar = calendar;
        this.metrics = new SettlementMetrics(registry);
    }

    // --- started and stopped by SequencerLifecycle -------------------------------------------------

    /** Before a start: refuses while the previous thread still runs, and fails whatever still waits. */
    void clear() {
        Thread previous = thread;
        if (previous != null && previous.isAlive()) {
            // a second writer on the same inbox must never run
            throw new IllegalStateException("the previous settlement thread has not stopped yet");
        }
        failWaiting("settlement restarted; retry");
    }

    /** The state as the database has it (as the previous leader, or the last committed batch, left it). */
    LiveLedger readState() throws SQLException {
        return new StateLoader(dataSource, clock, calendar, discipline).load();
    }

    void start(LiveLedger state) {
        ledger = state;
        metrics.publishQueue(ledger);
        running = true;
        thread = new Thread(this::run, "settlement-sequencer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The batch in hand ends, whatever waits fails with {@code why}. With {@code drain} (an orderly
     * stop, while the epoch is still this instance's) the riders' waiting rows are written last.
     */
    void stop(String why, boolean drain) throws InterruptedException {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            t.join(10_000);
            if (t.isAlive()) {
                LOG.warn("the settlement thread has not stopped within 10 s; it will find its writes refused");
            }
        }
        failWaiting(why);
        if (drain && t != null && !t.isAlive()) {
            writeRiders();
        }
        ledger = null;
        metrics.clearQueue();
    }

    /** The riders' waiting rows in transactions of their own, the settlement thread being stopped. */
    private void writeRiders() {
        for (int attempt = 0; attempt < 100 && riders.stream().anyMatch(BatchRider::hasWork); attempt++) {
            Journal journal = new Journal();
            try {
                for (BatchRider r : riders) {
                    journal.ride(r);
                }
                journal.write(dataSource, leadership);
                journal.ridersDone(true, null);
            } catch (Throwable e) {
                journal.ridersDone(false, e);
                LOG.warnf("rows waiting to be written at the stop are not (%s)", e.toString());
                return;
            }
        }
    }

    /** Has an idle writer run a batch: a rider has rows waiting. */
    private void wake() {
        if (running && wakeOffered.compareAndSet(false, true) && !inbox.offer(WAKE)) {
            wakeOffered.set(false);
        }
    }

    /** A rider's wake-up in the inbox: not a command, never answered. */
    private static final Command<Object> WAKE = Command.on(l -> null);
    /**
     * How long rows of riders alone wait for a command to go along with: under load one comes at once
     * and they share its commit (rather than a commit of their own after every batch); idle, they are
     * written after this.
     */
    private static final long RIDE_ALONG_MILLIS = 5;

    // --- what the facade and the participant feed see ---------------------------------------------

    boolean running() {
        return running;
    }

    /** The live ledger while the writer runs, else null. */
    LiveLedger runningLedger() {
        LiveLedger l = ledger;
        return running && l != null ? l : null;
    }

    BusinessCalendar calendar() {
        return calendar;
    }

    /** Why the writer cannot write now, or null. */
    String failure() {
        return journalFailure;
    }

    <R> R call(Command<R> command) {
        offer(command);
        return command.await();
    }

    void offer(Command<?> command) {
        if (!running) {
            throw unavailable("settlement is not running");
        }
        if (!inbox.offer(command)) {
            throw unavailable("settlement is overloaded; retry shortly");
        }
    }

    private static SettlementUnavailable unavailable(String detail) {
        return new SettlementUnavailable(detail);
    }

    // --- the loop ---------------------------------------------------------------------------------

    /**
     * The loop survives whatever a batch throws, an {@link Error} such as an OutOfMemoryError
     * included: the batch fails (nothing of it was written) and the state is read back.
     *
     * <p>It is a pipeline of two: while the journal thread writes batch N, this thread takes batch
     * N+1 from the inbox and reads what the store holds of its UETRs; then it waits for N's commit,
     * answers N, and only then applies N+1 to the engine. So the engine never sees a command before
     * the one ahead of it is durable, and the read, one more round trip to the store per batch, costs
     * no time of the writer's. What the read may have missed (N's own payments) comes from N's
     * journal ({@link Deduplication}).
     */
    private void run() {
        while (running) {
            List<Command<?>> batch = new ArrayList<>();
            try {
                Command<?> first = inbox.poll();
                if (first == null) {
                    // nothing to overlap with: answer the batch in hand before waiting for more
                    finishWrite();
                    first = rejectionsToWrite() ? null : inbox.poll(1, TimeUnit.SECONDS);
                }
                wakeOffered.set(false);
                boolean rejectionsToWrite = rejectionsToWrite();
                boolean ridersWait = journalFailure == null && riders.stream().anyMatch(BatchRider::hasWork);
                if ((first == null || first == WAKE) && !rejectionsToWrite && ridersWait) {
                    // riders' rows alone: a command coming within moments takes them into its commit
                    finishWrite();
                    first = inbox.poll(RIDE_ALONG_MILLIS, TimeUnit.MILLISECONDS);
                }
                if (first == WAKE) {
                    first = null;
                }
                if (first == null && !rejectionsToWrite && !ridersWait) {
                    finishWrite();
                    if (journalFailure != null) {
                        probeJournal();
                    }
                    continue;
                }
                if (first != null) {
                    batch.add(first);
                    int payments = first.orders == null ? 1 : first.orders.size();
                    // up to MAX_BATCH commands and about MAX_BATCH_PAYMENTS payments (a document's are never split)
                    for (Command<?> next; batch.size() < MAX_BATCH && payments < maxBatchPayments
                            && (next = inbox.poll()) != null; ) {
                        if (next != WAKE) {
                            batch.add(next);
                            payments += next.orders == null ? 1 : next.orders.size();
                        }
                    }
                }
                long started = System.nanoTime();
                Map<UUID, PaymentSnapshot> stored;
                try {
                    stored = Deduplication.storedPayments(dataSource, batch);
                } catch (SQLException e) {
                    batch.forEach(c -> c.answer.completeExceptionally(unavailable("the settlement store is not answering")));
                    continue;
                }
                long read = System.nanoTime() - started;
                finishWrite();
                process(batch, stored, read);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable e) {
                finishWrite();
                failBatch(batch, e, false);
            }
        }
        finishWrite();
        failWaiting("settlement stopped");
    }

    /** Whether a day close's rejections wait to be written (and the journal can take them). */
    private boolean rejectionsToWrite() {
        LiveLedger l = ledger;
        return l != null && l.writingRejections() && journalFailure == null;
    }

    /** A batch applied to the engine whose journal the journal thread is writing. */
    private record InFlight(List<Command<?>> batch, Journal journal, Future<Throwable> write, long read, long apply) {
    }

    /** The batch being written, or null; only the sequencer's thread touches it. */
    private InFlight inFlight;
    /** The payments of the last batch written, by UETR (empty after a failed one). */
    private Map<UUID, PaymentRow> writtenJustBefore = Map.of();
    /** Writes the journals, one at a time, while the sequencer's thread takes and reads the next batch. */
    private final ExecutorService journalThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "settlement-journal");
        t.setDaemon(true);
        return t;
    });

    /**
     * Applies the batch to the engine, {@code stored} being what the store holds of its UETRs, and hands
     * its journal to the journal thread. Whatever fails before the hand-off fails the batch here.
     */
    private void process(List<Command<?>> batch, Map<UUID, PaymentSnapshot> stored, long read) {
        long started = System.nanoTime();
        LiveLedger l = ledger;
        Deduplication seen;
        try {
            seen = Deduplication.forBatch(dataSource, l, batch, stored, writtenJustBefore);
        } catch (SQLException e) {
            batch.forEach(c -> c.answer.completeExceptionally(unavailable("the settlement store is not answering")));
            return;
        }
        // only now: what the first batch logs (the day's start, a restore) must not go with a batch that fails here
        Journal journal = new Journal();
        l.beginBatch(journal);
        try {
            for (Command<?> c : batch) {
                if (c.order != null) {
                    c.result = seen.submit(c.order);
                } else if (c.orders != null) {
                    List<Deduplication.PendingSubmission> each = new ArrayList<>(c.orders.size());
                    for (var order : c.orders) {
                        each.add(seen.submit(order));
                    }
                    c.result = new Deduplication.PendingSubmissions(each);
                } else if (c.liquidity != null) {
                    c.result = seen.moveLiquidity(c.liquidity);
                } else {
                    c.result = c.action.apply(l);
                }
            }
            // what a day close rejected is written a chunk per batch, behind the batch's own commands
            l.writeRejections(REJECTIONS_PER_BATCH);
            if (checkInvariants) {
                l.checkInvariants();
            }
            for (BatchRider r : riders) {
                journal.ride(r);
            }
        } catch (Throwable e) {
            journal.ridersDone(false, e);
            failWhole(batch, e, false);
            return;
        }
        long apply = System.nanoTime() - started;
        Future<Throwable> write = journalThread.submit(() -> {
            try {
                journal.write(dataSource, leadership);
                return null;
            } catch (Throwable e) {
                return e;
            }
        });
        inFlight = new InFlight(batch, journal, write, read, apply);
    }

    /**
     * Waits for the batch in flight to be written, then answers it; if its write failed, fails it and
     * reads the state back. Waits through interrupts (a stop): the write may commit, and its callers
     * must hear the truth.
     */
    private void finishWrite() {
        InFlight f = inFlight;
        if (f == null) {
            return;
        }
        inFlight = null;
        Throwable failure;
        boolean interrupted = false;
        while (true) {
            try {
                failure = f.write().get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (java.util.concurrent.ExecutionException e) {
                failure = e.getCause();
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        long started = System.nanoTime();
        Journal journal = f.journal();
        if (failure != null) {
            writtenJustBefore = Map.of();
            journal.ridersDone(false, failure);
            failWhole(f.batch(), failure, true);
            return;
        }
        try {
            journal.ridersDone(true, null);
            if (!journal.postings.isEmpty()) {
                // postings were written: the journal takes what the failure refused
                journalFailure = null;
            } else if (journalFailure != null) {
                // A batch without postings (the timetable's step, every second) proves nothing about them,
                // and keeps the sequencer from ever being idle for the probe: probe now instead. Readiness
                // stays DOWN while payments would fail, and comes back once a posting can be written.
                probeJournal();
            }
            Map<UUID, PaymentRow> written = new HashMap<>(journal.payments.size() * 2);
            for (PaymentRow row : journal.payments) {
                written.put(row.order.uetr(), row);
            }
            writtenJustBefore = written;
            metrics.record(journal);
            metrics.publishQueue(ledger);
            responder.answer(f.batch());
            metrics.phases(f.read(), f.apply(), journal.writeNanos, System.nanoTime() - started);
        } catch (Throwable e) {
            // committed, but not answered: its callers are told to read it back
            failBatch(f.batch(), e, true);
        }
    }

    /**
     * The batch failed, in the engine or in its write ({@code inWrite}): its callers hear why and the
     * state is read back, unless another instance leads now or settlement is stopping.
     */
    private void failWhole(List<Command<?>> batch, Throwable e, boolean inWrite) {
        if (e instanceof FencedOut) {
            // another instance leads now: its state, not this one, is the truth; leadership stops this thread
            LOG.warnf("settlement batch refused: %s", e.getMessage());
            batch.forEach(c -> c.answer.completeExceptionally(unavailable(
                    "this instance no longer leads settlement; nothing of the batch was settled, retry")));
            return;
        }
        if (!running) {
            batch.forEach(c -> c.answer.completeExceptionally(unavailable("settlement stopped; nothing of the batch was settled")));
            return;
        }
        if (inWrite && e instanceof SQLException) {
            journalFailure = "the settlement journal cannot be written: " + e.getClass().getSimpleName();
        }
        failBatch(batch, e, false);
    }

    /**
     * A batch failed: its callers hear so, and the state is read back. "Nothing of it was settled"
     * only when that is certain: the journal rolled back (an SQL or runtime failure before it was
     * written). After the write, or for an Error that may have struck inside the commit, the batch may
     * have completed, and the callers are told to read it back rather than to send it again.
     */
    private void failBatch(List<Command<?>> batch, Throwable e, boolean written) {
        try {
            LOG.error("settlement batch failed; reloading the state from the database", e);
        } catch (Throwable ignored) {
            // logging itself may fail when memory is short; the batch still fails below
        }
        // a write that threw rolled back; an Error may have struck inside the commit
        boolean rolledBack = !written && (e instanceof SQLException || e instanceof RuntimeException);
        for (Command<?> c : batch) {
            c.answer.completeExceptionally(unavailable(rolledBack ? "the batch could not be completed: nothing of it was settled"
                    : "the batch failed after it may have been written; read it back before sending it again"));
        }
        reload();
    }

    private void reload() {
        writtenJustBefore = Map.of();
        try {
            ledger = readState();
        } catch (Throwable reload) {
            LOG.error("state cannot be reloaded; settlement stops", reload);
            journalFailure = "settlement stopped: its state could not be read back (" + reload.getClass().getSimpleName() + ")";
            running = false;
        }
    }

    /**
     * While the journal is failing, an idle sequencer checks every second whether it can write again:
     * a posting and a payment written and rolled back, behind the leadership fence.
     */
    private void probeJournal() {
        try {
            Journal.probe(dataSource, leadership);
            journalFailure = null;
            LOG.info("the settlement journal can be written again");
        } catch (Throwable e) {
            journalFailure = "the settlement journal cannot be written: " + e.getClass().getSimpleName();
        }
    }

    private void failWaiting(String detail) {
        for (Command<?> c; (c = inbox.poll()) != null; ) {
            c.answer.completeExceptionally(unavailable(detail));
        }
    }
}
