package io.rmbsim.sequencer;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.rmbsim.cluster.FencedOut;
import io.rmbsim.cluster.Leadership;
import io.rmbsim.cluster.LeadershipGained;
import io.rmbsim.cluster.LeadershipLost;
import io.rmbsim.participant.ParticipantChanged;
import io.rmbsim.settlement.PaymentOrder;
import io.rmbsim.settlement.PaymentStatus;
import io.rmbsim.settlement.BusinessCalendar;
import io.rmbsim.settlement.Refusal;
import io.rmbsim.settlement.SettlementEngine;
import io.rmbsim.settlement.SettlementRefused;
import io.rmbsim.settlement.SettlementUnavailable;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The single writer of live settlement (as LMAX and TigerBeetle do it). Requests from any number of
 * clients queue here; one thread takes them in batches, applies them to the engine in arrival order,
 * writes everything the batch changed in one transaction (group commit) and only then answers. So
 * the hot account (Harbin Bank's CIPS account, debited by nearly every Russian payment) needs no
 * row locks, there are no lost updates and no deadlocks, and every answered payment is durable. If
 * the write fails, the batch's requests fail and the state is read back from the database.
 *
 * <p>It runs on the instance that leads settlement ({@link Leadership}) and only while it does: it
 * loads its state when leadership is gained and stops when it is lost, failing what waits with a
 * 503; every batch's transaction checks the leadership epoch before it writes.
 */
@ApplicationScoped
public class SettlementSequencer {

    private static final Logger LOG = Logger.getLogger(SettlementSequencer.class);
    private static final int MAX_BATCH = 512;
    /** How many of a day close's rejections one batch writes: a long queue's close never holds a payment for long. */
    static final int REJECTIONS_PER_BATCH = 2_000;

    private final AgroalDataSource dataSource;
    private final Leadership leadership;
    private final Clock clock;
    private final BusinessCalendar calendar;
    private final MeterRegistry metrics;
    private final Timer latency;
    private final BlockingQueue<Command<?>> inbox = new LinkedBlockingQueue<>(100_000);
    private final java.util.concurrent.ExecutorService responder = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "settlement-responder");
        t.setDaemon(true);
        return t;
    });
    private volatile LiveLedger ledger;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile int queueDepth;
    private volatile long queueValue;
    /** Why the last write of the journal failed (readiness is DOWN while it is set), or null. */
    private volatile String journalFailure;
    private final boolean checkInvariants;

    SettlementSequencer(AgroalDataSource dataSource, Leadership leadership, Clock clock, MeterRegistry metrics,
            @ConfigProperty(name = "settlement.cut-off") Optional<String> cutOff,
            @ConfigProperty(name = "settlement.time-zone") Optional<String> zone,
            @ConfigProperty(name = "settlement.check-invariants", defaultValue = "false") boolean checkInvariants) {
        this.checkInvariants = checkInvariants;
        this.dataSource = dataSource;
        this.leadership = leadership;
        this.clock = clock;
        // unset, they are the CIPS calendar's (BusinessCalendar.CIPS)
        this.calendar = new BusinessCalendar(zone.map(ZoneId::of).orElse(BusinessCalendar.CIPS.zone()),
                cutOff.map(LocalTime::parse).orElse(BusinessCalendar.CIPS.cutOff()));
        this.metrics = metrics;
        this.latency = Timer.builder("rmbsim.settlement.latency")
                .description("From acceptance to settlement of a payment")
                .publishPercentileHistogram().register(metrics);
        metrics.gauge("rmbsim.queue.depth", this, s -> s.queueDepth);
        metrics.gauge("rmbsim.queue.value.cny", this, s -> s.queueValue / 100.0);
    }

    /**
     * This instance leads settlement (after the audit writer, priority 10): the state is read from
     * the database, as the previous leader left it, then commands flow.
     */
    void lead(@Observes @Priority(20) LeadershipGained gained) throws SQLException {
        Thread previous = thread;
        if (previous != null && previous.isAlive()) {
            // a second writer on the same inbox must never run
            throw new IllegalStateException("the previous settlement thread has not stopped yet");
        }
        failWaiting("settlement restarted; retry");
        ledger = new StateLoader(dataSource, clock, calendar).load();
        publishQueueGauges();
        running = true;
        thread = new Thread(this::run, "settlement-sequencer");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Settlement sequencer started (epoch %d): business day %s, %d payments queued", gained.epoch(),
                ledger.businessDate(), ledger.queueSize());
    }

    /** Leadership is gone (or the service stops): the batch in hand ends, whatever waits fails with a 503. */
    void follow(@Observes @Priority(20) LeadershipLost lost) throws InterruptedException {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            t.join(10_000);
            if (t.isAlive()) {
                LOG.warn("the settlement thread has not stopped within 10 s; it will find its writes refused");
            }
        }
        failWaiting(lost.orderly() ? "settlement stopped" : "this instance no longer leads settlement; retry");
        ledger = null;
        queueDepth = 0;
        queueValue = 0;
        LOG.infof("Settlement sequencer stopped (epoch %d)", lost.epoch());
    }

    // --- what clients ask ---------------------------------------------------------------------

    /**
     * The outcome of a payment submission; {@code refusal}, when set, says why settlement could not
     * take it now (it would pass the engine's capacity, AM13): nothing of it was kept.
     */
    public record Submission(PaymentSnapshot payment, boolean created, boolean conflicting, Refusal refusal) {
    }

    public Submission submit(PaymentOrder order) {
        return call(new Command<>(l -> null, order));
    }

    /**
     * The same without holding a thread while the batch is written: the answer completes (on a
     * responder thread, never the sequencer's) once the payment is durable.
     */
    public CompletableFuture<Submission> submitAsync(PaymentOrder order) {
        Command<Submission> command = new Command<>(l -> null, order);
        offer(command);
        return command.answer.orTimeout(60, TimeUnit.SECONDS).exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            return CompletableFuture.failedFuture(cause instanceof TimeoutException ? timedOut() : cause);
        });
    }

    /** Submits several payments at once (a pacs.008 with many transactions): they share batches. */
    public List<Submission> submitAll(List<PaymentOrder> orders) {
        List<Command<Submission>> commands = orders.stream().map(o -> new Command<Submission>(l -> null, o)).toList();
        for (Command<Submission> c : commands) {
            offer(c);
        }
        return commands.stream().map(this::await).toList();
    }

    /** A liquidity movement asked for; {@code idempotencyKey} (optional) makes a retry answer the first outcome. */
    public record LiquidityRequest(String account, boolean in, long amount, String reference, String idempotencyKey) {
    }

    /**
     * Moves liquidity; answers whether it was a retry of a movement already made under the same
     * idempotency key (which then moved nothing again). Refusals change nothing.
     */
    public boolean liquidity(LiquidityRequest request) {
        Command<LiquidityAnswer> command = new Command<>(l -> null, null);
        command.liquidity = request;
        LiquidityAnswer answer = call(command);
        String amount = io.rmbsim.money.Money.format(request.amount());
        return switch (answer) {
            case MOVED -> false;
            case REPLAYED -> true;
            case KEY_REUSED -> throw new SettlementRefused(SettlementRefused.Kind.CONFLICT, new Refusal(DUPLICATE,
                    "Idempotency-Key " + request.idempotencyKey() + " was already used on account " + request.account()
                    + " for a different liquidity movement"));
            case BEYOND_BALANCE -> throw new SettlementRefused(SettlementRefused.Kind.CONFLICT, new Refusal(
                    SettlementEngine.INSUFFICIENT_FUNDS, "OUT of " + amount + " exceeds the balance of account "
                    + request.account()));
            case EXCEEDS_CAPACITY -> throw new SettlementRefused(SettlementRefused.Kind.BEYOND_CAPACITY, new Refusal(
                    SettlementEngine.EXCEEDS_CAPACITY, "moving " + amount + " CNY in would take what settlement holds "
                    + "(balances plus queued debits and credits) past its capacity of "
                    + io.rmbsim.money.Money.format(SettlementEngine.CAPACITY) + " CNY; nothing was moved"));
        };
    }

    private enum LiquidityAnswer {
        MOVED, REPLAYED, KEY_REUSED, BEYOND_BALANCE, EXCEEDS_CAPACITY
    }

    /**
     * Why live settlement cannot write now (readiness is DOWN): the last write of the journal failed,
     * or settlement stopped because its state could not be read back. Null when it is well.
     */
    public String failure() {
        return journalFailure;
    }

    /** Cancels a queued payment; answers it, or null when it is not queued. */
    public PaymentSnapshot cancel(UUID uetr) {
        PaymentRow row = call(new Command<>(l -> l.cancel(uetr), null));
        return row == null ? null : row.snapshot();
    }

    /** What an offset or a day close did: its run, and the first of the payments it settled, in acceptance order. */
    public record RunAnswer(SettlementRun run, List<PaymentSnapshot> firstSettled) {
    }

    /** An offset's or a day close's totals as committed. */
    public record SettlementRun(long id, String kind, LocalDate businessDate, java.time.Instant ranAt, long settledCount,
            long settledValue, long bilateralCount, long multilateralCount, long rejectedCount, long rejectedValue) {
    }

    /** A day close: the day closed, the day opened, and the run that closed it. */
    public record DayCloseAnswer(LocalDate closed, LocalDate opened, RunAnswer run) {
    }

    /** Runs the liquidity-saving mechanism; answers its totals and the first {@code firstPage} payments it settled. */
    public RunAnswer offset(int firstPage) {
        return answer(call(new Command<>(LiveLedger::offset, null)), firstPage);
    }

    public DayCloseAnswer closeDay(int firstPage) {
        LiveLedger.DayClose c = call(new Command<>(LiveLedger::closeDay, null));
        return new DayCloseAnswer(c.closed(), c.opened(), answer(c.run(), firstPage));
    }

    private static RunAnswer answer(LiveLedger.RunResult result, int firstPage) {
        Journal.Run r = result.run();
        return new RunAnswer(new SettlementRun(r.id, r.kind, r.businessDate, r.at, r.settledCount, r.settledValue,
                r.bilateralCount, r.multilateralCount, r.rejectedCount, r.rejectedValue),
                result.settled().stream().sorted(java.util.Comparator.comparingLong(row -> row.seq)).limit(firstPage)
                        .map(PaymentRow::snapshot).toList());
    }

    /**
     * The open business day as the sequencer holds it; on an instance that does not lead settlement,
     * as the database has it.
     */
    public LocalDate businessDate() {
        LiveLedger l = ledger;
        if (running && l != null) {
            return l.businessDate();
        }
        try {
            return StateLoader.openBusinessDate(dataSource).orElseGet(() -> calendar.openAt(clock.instant()));
        } catch (SQLException e) {
            throw unavailable("the settlement store is not answering");
        }
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    void participantChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ParticipantChanged change) {
        if (!running) {
            return; // loading at start reads every participant
        }
        call(new Command<>(l -> {
            refresh(l, change);
            return null;
        }, null));
    }

    private void refresh(LiveLedger l, ParticipantChanged change) {
        if (l.knows(change.bic())) {
            l.updateMember(change.bic(), change.status());
        } else {
            l.addMember(change.bic(), change.participation() == io.rmbsim.participant.Participation.DIRECT,
                    change.settlementAgent(), change.status(), 0);
        }
    }

    // --- the single writer ------------------------------------------------------------------------

    private static final class Command<R> {
        final Function<LiveLedger, R> action;
        final PaymentOrder order;
        LiquidityRequest liquidity;
        final CompletableFuture<R> answer = new CompletableFuture<>();
        Object result;

        Command(Function<LiveLedger, R> action, PaymentOrder order) {
            this.action = action;
            this.order = order;
        }
    }

    private <R> R call(Command<R> command) {
        offer(command);
        return await(command);
    }

    private void offer(Command<?> command) {
        if (!running) {
            throw unavailable("settlement is not running");
        }
        if (!inbox.offer(command)) {
            throw unavailable("settlement is overloaded; retry shortly");
        }
    }

    private <R> R await(Command<R> command) {
        try {
            return command.answer.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw unavailable("settlement failed: " + e.getCause());
        } catch (TimeoutException e) {
            throw timedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        }
    }

    /** ISO 20022 DUPL: the same key was used for something else. */
    private static final String DUPLICATE = "DUPL";

    private static SettlementUnavailable timedOut() {
        return unavailable("settlement did not answer in time; the request may still complete, read it back");
    }

    private static SettlementUnavailable unavailable(String detail) {
        return new SettlementUnavailable(detail);
    }

    /**
     * The loop survives whatever a batch throws, an {@link Error} such as an OutOfMemoryError
     * included: the batch fails (nothing of it was written) and the state is read back.
     */
    private void run() {
        List<Command<?>> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                LiveLedger l = ledger;
                boolean rejectionsToWrite = l != null && l.writingRejections() && journalFailure == null;
                Command<?> first = rejectionsToWrite ? inbox.poll() : inbox.poll(1, TimeUnit.SECONDS);
                if (first == null && !rejectionsToWrite) {
                    if (journalFailure != null) {
                        probeJournal();
                    }
                    continue;
                }
                if (first != null) {
                    batch.add(first);
                    inbox.drainTo(batch, MAX_BATCH - 1);
                }
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable e) {
                failBatch(batch, e);
            } finally {
                batch.clear();
            }
        }
        failWaiting("settlement stopped");
    }

    /**
     * A batch failed: its callers hear so, and the state is read back. "Nothing of it was settled"
     * only when that is certain: the journal rolled back (an SQL or runtime failure before it was
     * written). After the write, or for an Error that may have struck inside the commit, the batch may
     * have completed, and the callers are told to read it back rather than to send it again.
     */
    private void failBatch(List<Command<?>> batch, Throwable e) {
        try {
            LOG.error("settlement batch failed; reloading the state from the database", e);
        } catch (Throwable ignored) {
            // logging itself may fail when memory is short; the batch still fails below
        }
        boolean rolledBack = !batchWritten && (e instanceof SQLException || e instanceof RuntimeException);
        for (Command<?> c : batch) {
            c.answer.completeExceptionally(unavailable(rolledBack ? "the batch could not be completed: nothing of it was settled"
                    : "the batch failed after it may have been written; read it back before sending it again"));
        }
        reload();
    }

    /** Whether the batch in hand has been written (committed) to the store. */
    private boolean batchWritten;

    private void reload() {
        try {
            ledger = new StateLoader(dataSource, clock, calendar).load();
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

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void process(List<Command<?>> batch) {
        batchWritten = false;
        Journal journal = new Journal();
        LiveLedger l = ledger;
        l.beginBatch(journal);
        Map<UUID, PaymentSnapshot> stored;
        Map<String, StateLoader.StoredMove> storedMoves;
        try {
            stored = StateLoader.storedPayments(dataSource, batch.stream()
                    .filter(c -> c.order != null).map(c -> c.order.uetr()).toList());
            storedMoves = StateLoader.storedLiquidityMoves(dataSource, batch.stream()
                    .filter(c -> c.liquidity != null && c.liquidity.idempotencyKey() != null)
                    .map(c -> new StateLoader.MoveKey(c.liquidity.account(), c.liquidity.idempotencyKey())).toList());
        } catch (SQLException e) {
            batch.forEach(c -> c.answer.completeExceptionally(unavailable("the settlement store is not answering")));
            return;
        }
        Map<UUID, PaymentRow> acceptedNow = new HashMap<>();
        Map<String, LiquidityRequest> movedNow = new HashMap<>();
        try {
            for (Command<?> c : batch) {
                if (c.order != null) {
                    c.result = submit(l, c.order, stored, acceptedNow);
                } else if (c.liquidity != null) {
                    c.result = moveLiquidity(l, c.liquidity, storedMoves, movedNow);
                } else {
                    c.result = c.action.apply(l);
                }
            }
            // what a day close rejected is written a chunk per batch, behind the batch's own commands
            l.writeRejections(REJECTIONS_PER_BATCH);
            if (checkInvariants) {
                l.checkInvariants();
            }
            journal.write(dataSource, leadership);
            batchWritten = true;
        } catch (FencedOut e) {
            // another instance leads now: its state, not this one, is the truth; leadership stops this thread
            LOG.warnf("settlement batch refused: %s", e.getMessage());
            batch.forEach(c -> c.answer.completeExceptionally(unavailable(
                    "this instance no longer leads settlement; nothing of the batch was settled, retry")));
            return;
        } catch (Throwable e) {
            if (!running) {
                batch.forEach(c -> c.answer.completeExceptionally(unavailable("settlement stopped; nothing of the batch was settled")));
                return;
            }
            if (e instanceof SQLException) {
                journalFailure = "the settlement journal cannot be written: " + e.getClass().getSimpleName();
            }
            failBatch(batch, e);
            return;
        }
        journalFailure = null;
        record(journal);
        List<Object> results = new ArrayList<>(batch.size());
        for (Command c : batch) {
            Object result = c.result;
            if (result instanceof PendingSubmission p) {
                result = new Submission(p.row == null ? p.stored : p.row.snapshot(), p.created, p.conflicting, p.refusal);
            }
            results.add(result);
        }
        // answering (and whatever the callers chain on it, such as writing the response) is not the
        // sequencer's work: it goes on with the next batch at once
        List<Command<?>> answered = new ArrayList<>(batch);
        responder.execute(() -> {
            for (int i = 0; i < answered.size(); i++) {
                ((Command) answered.get(i)).answer.complete(results.get(i));
            }
        });
    }

    /** A submission's answer, read once the batch is committed (later commands may settle it). */
    private record PendingSubmission(PaymentRow row, PaymentSnapshot stored, boolean created, boolean conflicting,
            Refusal refusal) {
    }

    private static LiquidityAnswer moveLiquidity(LiveLedger l, LiquidityRequest r, Map<String, StateLoader.StoredMove> stored,
            Map<String, LiquidityRequest> movedNow) {
        if (r.idempotencyKey() != null) {
            String key = r.account() + " " + r.idempotencyKey();
            LiquidityRequest earlier = movedNow.get(key);
            StateLoader.StoredMove before = stored.get(key);
            if (earlier != null) {
                return earlier.in() == r.in() && earlier.amount() == r.amount()
                        && java.util.Objects.equals(earlier.reference(), r.reference())
                        ? LiquidityAnswer.REPLAYED : LiquidityAnswer.KEY_REUSED;
            }
            if (before != null) {
                return before.direction().equals(r.in() ? "IN" : "OUT") && before.amount() == r.amount()
                        && java.util.Objects.equals(before.reference(), r.reference())
                        ? LiquidityAnswer.REPLAYED : LiquidityAnswer.KEY_REUSED;
            }
        }
        LiveLedger.LiquidityOutcome outcome = l.liquidity(r.account(), r.in(), r.amount(), r.reference(), r.idempotencyKey());
        if (outcome == LiveLedger.LiquidityOutcome.MOVED && r.idempotencyKey() != null) {
            movedNow.put(r.account() + " " + r.idempotencyKey(), r);
        }
        return switch (outcome) {
            case MOVED -> LiquidityAnswer.MOVED;
            case BEYOND_BALANCE -> LiquidityAnswer.BEYOND_BALANCE;
            case EXCEEDS_CAPACITY -> LiquidityAnswer.EXCEEDS_CAPACITY;
        };
    }

    private static PendingSubmission submit(LiveLedger l, PaymentOrder order, Map<UUID, PaymentSnapshot> stored,
            Map<UUID, PaymentRow> acceptedNow) {
        PaymentRow earlier = acceptedNow.get(order.uetr());
        if (earlier == null) {
            earlier = l.queuedPayment(order.uetr());
        }
        if (earlier != null) {
            return new PendingSubmission(earlier, null, false, !earlier.order.equals(order), null);
        }
        PaymentSnapshot before = stored.get(order.uetr());
        if (before != null) {
            return new PendingSubmission(null, before, false, !before.order().equals(order), null);
        }
        String beyondCapacity = l.exceedsCapacity(order);
        if (beyondCapacity != null) {
            return new PendingSubmission(null, null, false, false, new Refusal(SettlementEngine.EXCEEDS_CAPACITY, beyondCapacity));
        }
        PaymentRow row = l.accept(order);
        acceptedNow.put(order.uetr(), row);
        return new PendingSubmission(row, null, true, false, null);
    }

    private void record(Journal journal) {
        for (PaymentRow row : journal.payments) {
            // each payment counts once per status it enters: QUEUED, then SETTLED or REJECTED, ...
            metrics.counter("rmbsim.payments", "status", row.status.name(),
                    "method", row.method == null ? "NONE" : row.method.name()).increment();
            if (row.status == PaymentStatus.SETTLED && row.settledAt != null) {
                latency.record(Duration.between(row.acceptedAt, row.settledAt));
            }
        }

        publishQueueGauges();
    }

    private void publishQueueGauges() {
        queueDepth = ledger.queueSize();
        queueValue = ledger.queueValue();
    }
}
