package io.rmbsim.sequencer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.rmbsim.settlement.PaymentStatus;
import io.rmbsim.settlement.SettlementMethod;
import java.time.Duration;

/**
 * Live settlement's metrics: payments by status and method, the latency from acceptance to
 * settlement, the queue's depth and value, the agents' books (earmarks, credit lines granted and
 * used) and the netting cycles. A plain object the {@link SingleWriter} creates and
 * alone updates: the meters are registered as soon as the writer exists, on a follower too.
 */
final class SettlementMetrics {

    private final MeterRegistry registry;
    private final Timer latency;
    private final Timer writes;
    private final io.micrometer.core.instrument.DistributionSummary paymentsPerWrite;
    /** The sequencer's time per batch, by phase: what bounds the rate (bench/run.sh prints them per run). */
    private final Timer readPhase;
    private final Timer applyPhase;
    private final Timer writePhase;
    private final Timer answerPhase;
    /**
     * rmbsim.payments by status and method (index 0: none, then each method by ordinal), each looked up
     * in the registry once: a lookup by tags builds an id and hashes it, which per payment showed in
     * the bulk profile. Used by the one thread that records written batches.
     */
    private final io.micrometer.core.instrument.Counter[][] paymentCounters =
            new io.micrometer.core.instrument.Counter[PaymentStatus.values().length][SettlementMethod.values().length + 1];
    private volatile int queueDepth;
    private volatile long queueValue;
    private volatile long earmarked;
    private volatile long creditGranted;
    private volatile long creditUsed;

    SettlementMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("rmbsim.settlement.latency")
                .description("From acceptance to settlement of a payment")
                .publishPercentileHistogram().register(registry);
        this.writes = Timer.builder("rmbsim.journal.writes")
                .description("The settlement journal's transactions (one per batch that changed anything), and how long each took")
                .register(registry);
        this.paymentsPerWrite = io.micrometer.core.instrument.DistributionSummary.builder("rmbsim.journal.payments.per.write")
                .description("New payments a journal transaction took (a document's payments go in one)")
                .register(registry);
        this.readPhase = phase(registry, "read");
        this.applyPhase = phase(registry, "apply");
        this.writePhase = phase(registry, "write");
        this.answerPhase = phase(registry, "answer");
        registry.gauge("rmbsim.queue.depth", this, m -> m.queueDepth);
        registry.gauge("rmbsim.queue.value.cny", this, m -> m.queueValue / 100.0);
        registry.gauge("rmbsim.earmarked.cny", this, m -> m.earmarked / 100.0);
        registry.gauge("rmbsim.credit.lines.cny", this, m -> m.creditGranted / 100.0);
        registry.gauge("rmbsim.credit.used.cny", this, m -> m.creditUsed / 100.0);
    }

    private static Timer phase(MeterRegistry registry, String phase) {
        // one description for all phases: a metric's help text is one
        return Timer.builder("rmbsim.sequencer.phase").tag("phase", phase)
                .description("A written batch's time in each phase: read (the store's answer on its UETRs, while the"
                        + " batch before is written), apply (its idempotency keys and returns read, its commands applied),"
                        + " write (the journal's transaction, commit included), answer")
                .register(registry);
    }

    /** How long a written batch's phases took, nanoseconds (a failed batch records none). */
    void phases(long read, long apply, long write, long answer) {
        readPhase.record(read, java.util.concurrent.TimeUnit.NANOSECONDS);
        applyPhase.record(apply, java.util.concurrent.TimeUnit.NANOSECONDS);
        writePhase.record(write, java.util.concurrent.TimeUnit.NANOSECONDS);
        answerPhase.record(answer, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Counts what a committed batch wrote. */
    void record(Journal journal) {
        if (journal.writeNanos > 0) {
            writes.record(journal.writeNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        if (journal.inserted > 0) {
            paymentsPerWrite.record(journal.inserted);
        }
        for (Journal.Run run : journal.runs) {
            if ("NET_CYCLE".equals(run.kind)) {
                registry.counter("rmbsim.net.cycles").increment();
                registry.counter("rmbsim.net.cycle.carried.payments").increment(run.carriedCount);
            }
        }
        // each payment counts once per status it enters: QUEUED, then SETTLED or REJECTED, ...
        long[][] counts = new long[paymentCounters.length][paymentCounters[0].length];
        for (PaymentRow row : journal.payments) {
            counts[row.status.ordinal()][row.method == null ? 0 : row.method.ordinal() + 1]++;
            if (row.status == PaymentStatus.SETTLED && row.settledAt != null) {
                latency.record(Duration.between(row.acceptedAt, row.settledAt));
            }
        }
        for (int status = 0; status < counts.length; status++) {
            for (int method = 0; method < counts[status].length; method++) {
                if (counts[status][method] > 0) {
                    paymentCounter(status, method).increment(counts[status][method]);
                }
            }
        }
    }

    private io.micrometer.core.instrument.Counter paymentCounter(int status, int method) {
        io.micrometer.core.instrument.Counter c = paymentCounters[status][method];
        if (c == null) {
            c = registry.counter("rmbsim.payments", "status", PaymentStatus.values()[status].name(),
                    "method", method == 0 ? "NONE" : SettlementMethod.values()[method - 1].name());
            paymentCounters[status][method] = c;
        }
        return c;
    }

    void publishQueue(LiveLedger ledger) {
        queueDepth = ledger.queueSize();
        queueValue = ledger.queueValue();
        LiveLedger.Books books = ledger.books();
        earmarked = books.earmarked();
        creditGranted = books.creditLines();
        creditUsed = books.creditUsed();
    }

    /** Settlement stopped here: no queue is held. */
    void clearQueue() {
        queueDepth = 0;
        queueValue = 0;
        earmarked = 0;
        creditGranted = 0;
        creditUsed = 0;
    }
}
