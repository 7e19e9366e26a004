package io.rmbsim.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.rmbsim.cluster.LeadershipGained;
import io.rmbsim.cluster.LeadershipLost;
import io.rmbsim.web.Problems;
import io.rmbsim.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Simulation runs: asynchronous, a bounded number at once (more wait in a short queue; beyond it the
 * request is refused with a 429), each within a memory budget (a run that could never fit is refused
 * up front with a 413; one that fits waits for room before it allocates). Only runs in progress live
 * in memory; every run has a row in the store from its acceptance, and its report once it is done,
 * so runs survive a restart and a takeover. The latest finished runs are kept, per owner and in total
 * (oldest finished first out). A run never touches the live ledger.
 */
@ApplicationScoped
public class Simulations {

    private static final Logger LOG = Logger.getLogger(Simulations.class);
    /** A run takes seconds to minutes: a client that is refused asks again a little later. */
    private static final int RETRY_AFTER = 5;
    static final String RESTARTED = "the service restarted (or another instance took over) during the run; start it again";

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }

    /** A run in progress. */
    static final class Run {
        final UUID id;
        final Instant createdAt;
        final String scenario;
        /** Who started it: only they, operators and auditors see it. */
        final String owner;
        final long estimate;
        volatile Status status = Status.QUEUED;
        volatile double progress;
        volatile Future<?> task;
        /** Asked to stop: the run checks it as it goes (never an interrupt: its thread may be inside the store). */
        volatile boolean cancelled;

        /**
         * Stops the run: a queued one never starts, a running one stops at its next step. Its thread
         * is not interrupted: an interrupt during H2's file IO closes the store's file channel.
         */
        void cancel() {
            cancelled = true;
            Future<?> t = task;
            if (t != null) {
                t.cancel(false);
            }
        }

        /** The order in which runs were accepted: who waits longer goes first. */
        final long ticket;

        Run(UUID id, Instant createdAt, String scenario, String owner, long estimate, long ticket) {
            this.ticket = ticket;
            this.id = id;
            this.owner = owner;
            this.createdAt = createdAt;
            this.scenario = scenario;
            this.estimate = estimate;
        }

        RunState state() {
            return state(null);
        }

        RunState state(Integer placeInLine) {
            return state(status, placeInLine);
        }

        RunState state(Status shown, Integer placeInLine) {
            return new RunState(id, owner, scenario, shown, BigDecimal.valueOf(progress).setScale(3, RoundingMode.DOWN),
                    createdAt, null, placeInLine);
        }
    }

    private final Map<UUID, Run> active = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong tickets = new java.util.concurrent.atomic.AtomicLong();
    private final ThreadPoolExecutor executor;
    private final Clock clock;
    private final SimulationStore store;
    private final ObjectMapper json;
    private final MemoryBudget memory;
    private final int perOwner;
    private final int total;
    private final int cacheSize;
    /** The last few reports read or written, parsed: a dashboard polls the same report more than once. */
    private final Map<UUID, SimulationReport> cache = new LinkedHashMap<>(16, 0.75f, true);

    Simulations(Clock clock, SimulationStore store, ObjectMapper json, MeterRegistry metrics,
            @ConfigProperty(name = "simulation.concurrent-runs", defaultValue = "2") int concurrent,
            @ConfigProperty(name = "simulation.queued-runs", defaultValue = "8") int queued,
            @ConfigProperty(name = "simulation.retained-runs-per-owner", defaultValue = "20") int perOwner,
            @ConfigProperty(name = "simulation.retained-runs", defaultValue = "200") int total,
            @ConfigProperty(name = "simulation.report-cache", defaultValue = "4") int cacheSize,
            @ConfigProperty(name = "simulation.memory.reserve", defaultValue = "160M") MemorySize reserve) {
        this.clock = clock;
        this.store = store;
        this.json = json;
        this.perOwner = Math.max(1, perOwner);
        this.total = Math.max(1, total);
        this.cacheSize = Math.max(0, cacheSize);
        this.memory = new MemoryBudget(Runtime.getRuntime().maxMemory(), reserve.asLongValue());
        this.executor = new ThreadPoolExecutor(concurrent, concurrent, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queued), r -> {
                    Thread t = new Thread(r, "simulation");
                    t.setDaemon(true);
                    return t;
                });
        Gauge.builder("rmbsim.simulation.memory.budget", memory, MemoryBudget::budget).baseUnit("bytes")
                .description("Heap simulations may take: the maximum heap less simulation.memory.reserve").register(metrics);
        Gauge.builder("rmbsim.simulation.memory.held", memory, MemoryBudget::held).baseUnit("bytes")
                .description("Heap held by the simulations running now (their estimates)").register(metrics);
        Gauge.builder("rmbsim.simulation.heap.after.gc", memory, m -> MemoryBudget.heapAfterLastCollection()).baseUnit("bytes")
                .description("Heap in use after the last garbage collection, all heap pools").register(metrics);
        Gauge.builder("rmbsim.simulation.runs.active", active, Map::size)
                .description("Simulation runs waiting or running in this instance's memory").register(metrics);
    }

    public RunState start(SimulationRun.Spec spec, String owner) {
        long estimate = SimulationRun.estimate(spec);
        memory.admit(estimate);
        if (executor.getQueue().remainingCapacity() == 0) {
            throw busy();
        }
        Run run = new Run(UUID.randomUUID(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), spec.scenario(), owner, estimate,
                tickets.incrementAndGet());
        active.put(run.id, run);
        try {
            store.insert(run.state());
        } catch (RuntimeException e) {
            active.remove(run.id);
            throw unavailable(e);
        }
        try {
            run.task = executor.submit(() -> execute(run, spec));
        } catch (RejectedExecutionException e) {
            active.remove(run.id);
            store.delete(run.id);
            throw busy();
        }
        if (run.status == Status.QUEUED && !executor.getQueue().contains(run.task)) {
            // a thread took it at once: it is under way (should it wait for memory, the next read says QUEUED)
            return run.state(Status.RUNNING, null);
        }
        return shown(run);
    }

    private ProblemException busy() {
        return new ProblemException(Problems.tooManySimulations(executor.getActiveCount() + " simulations are running and "
                + executor.getQueue().size() + " are waiting; retry when one is done"), RETRY_AFTER);
    }

    private static ProblemException unavailable(RuntimeException e) {
        LOG.warn("simulation store unavailable", e);
        return new ProblemException(Problems.simulationsUnavailable("the simulation store cannot be reached; retry"),
                RETRY_AFTER);
    }

    private void execute(Run run, SimulationRun.Spec spec) {
        try {
            if (run.cancelled || !memory.acquire(run.estimate, () -> run.cancelled)) {
                end(run, Status.FAILED, "cancelled", null);
                active.remove(run.id);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end(run, Status.FAILED, "cancelled", null);
            active.remove(run.id);
            return;
        }
        try {
            run.status = Status.RUNNING;
            SimulationReport report = SimulationRun.run(spec, p -> {
                if (run.cancelled) {
                    throw new CancellationException("simulation cancelled");
                }
                run.progress = p;
            });
            String text = json.writeValueAsString(report);
            run.progress = 1.0;
            if (end(run, Status.DONE, null, text)) {
                remember(run.id, report);
            }
        } catch (CancellationException e) {
            end(run, Status.FAILED, "cancelled", null);
        } catch (ArithmeticException e) {
            end(run, Status.FAILED, "a sum of this run exceeds what the simulator holds exactly", null);
        } catch (ProblemException e) {
            end(run, Status.FAILED, e.problem().detail(), null);
        } catch (OutOfMemoryError e) {
            LOG.error("simulation " + run.id + " ran out of memory despite its estimate of " + run.estimate + " bytes", e);
            end(run, Status.FAILED, "the run needed more memory than the service could give it", null);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.error("simulation " + run.id + " failed", e);
            end(run, Status.FAILED, "the simulation failed (simulation " + run.id + " in the service log)", null);
        } finally {
            memory.release(run.estimate);
            active.remove(run.id);
        }
    }

    /** Records the end of a run and keeps only the latest finished runs; false if the run was deleted or failed meanwhile. */
    private boolean end(Run run, Status status, String error, String report) {
        // the run stays RUNNING in memory until the store has its outcome: no reader sees one finished run too many
        try {
            SimulationStore.Finished finished = store.finish(run.id, run.owner, status,
                    BigDecimal.valueOf(run.progress).setScale(3, RoundingMode.DOWN), clock.instant(), error, report, perOwner, total);
            forget(finished.dropped());
            return finished.recorded();
        } catch (RuntimeException e) {
            LOG.error("simulation " + run.id + " ended " + status + " but the store could not record it", e);
            return false;
        }
    }

    /** The run, if {@code owner} started it; any run when {@code owner} is null. */
    public RunState get(UUID id, String owner) {
        Run run = active.get(id);
        RunState state;
        if (run != null) {
            state = shown(run);
        } else {
            state = stored(() -> store.find(id)).orElse(null);
        }
        if (state == null || owner != null && !owner.equals(state.owner())) {
            throw ProblemException.notFound("simulation", id);
        }
        return state;
    }

    /** The report of a run that is DONE. */
    public SimulationReport report(UUID id) {
        synchronized (cache) {
            SimulationReport r = cache.get(id);
            if (r != null) {
                return r;
            }
        }
        String text = stored(() -> store.report(id)).orElseThrow(() -> ProblemException.notFound("simulation report", id));
        try {
            SimulationReport report = json.readValue(text, SimulationReport.class);
            remember(id, report);
            return report;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored report of simulation " + id + " cannot be read", e);
        }
    }

    /** The runs {@code owner} started, oldest first; every run when {@code owner} is null. */
    public List<RunState> list(String owner) {
        List<RunState> runs = new ArrayList<>();
        for (RunState stored : stored(() -> store.list(owner))) {
            Run run = active.get(stored.id());
            runs.add(run != null ? shown(run) : stored);
        }
        return runs;
    }

    /**
     * A run in memory as callers see it: a waiting one with its place in line, 1 + the runs accepted
     * before it that still wait (for a thread, or for memory), whoever started them.
     */
    private RunState shown(Run run) {
        if (run.status != Status.QUEUED) {
            return run.state();
        }
        int ahead = 0;
        for (Run other : active.values()) {
            if (other.status == Status.QUEUED && !other.cancelled && other.ticket < run.ticket) {
                ahead++;
            }
        }
        return run.state(ahead + 1);
    }

    /** Deletes a run; a running one is stopped first. */
    public void delete(UUID id, String owner) {
        get(id, owner);
        Run run = active.get(id);
        if (run != null) {
            run.cancel();
            executor.purge(); // a cancelled run must not hold a place in the queue
        }
        active.remove(id);
        stored(() -> store.delete(id));
        forget(List.of(id));
    }

    private void remember(UUID id, SimulationReport report) {
        synchronized (cache) {
            if (cacheSize > 0) {
                cache.put(id, report);
                while (cache.size() > cacheSize) {
                    cache.remove(cache.keySet().iterator().next());
                }
            }
        }
    }

    private void forget(List<UUID> ids) {
        synchronized (cache) {
            ids.forEach(cache::remove);
        }
    }

    private <T> T stored(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (SimulationStore.StoreUnavailable e) {
            throw unavailable(e);
        }
    }

    /**
     * On taking up leadership (at start, or after a takeover) every run the store still has as RUNNING
     * that is not running here died with the instance that ran it.
     */
    void takeUp(@Observes LeadershipGained event) {
        try {
            List<String> owners = store.failUnfinished(active.keySet(), RESTARTED, clock.instant());
            for (String owner : owners) {
                forget(store.prune(owner, perOwner, total));
            }
            if (!owners.isEmpty()) {
                LOG.infof("simulations left unfinished by the previous leader are marked FAILED (owners: %s)", owners);
            }
        } catch (RuntimeException e) {
            LOG.warn("unfinished simulations could not be marked failed; they will be on the next take-up", e);
        }
    }

    /** Another instance now runs simulations: what runs here stops (the new leader marks it failed). */
    void giveUp(@Observes LeadershipLost event) {
        if (!event.orderly()) {
            for (Run run : List.copyOf(active.values())) {
                run.cancel();
                active.remove(run.id);
            }
            executor.purge();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
        for (Run run : List.copyOf(active.values())) {
            try {
                store.finish(run.id, Status.FAILED, BigDecimal.valueOf(run.progress).setScale(3, RoundingMode.DOWN),
                        clock.instant(), "the service stopped during the run; start it again", null);
            } catch (RuntimeException e) {
                LOG.debugf("simulation %s could not be marked failed at shutdown: %s", run.id, e.getMessage());
            }
        }
    }

    /** For tests: the estimate admitted runs are held to. */
    long budget() {
        return memory.budget();
    }

    /** For tests: drops the parsed reports, as after a restart. */
    void forgetReports() {
        synchronized (cache) {
            cache.clear();
        }
    }

    Optional<Run> running(UUID id) {
        return Optional.ofNullable(active.get(id));
    }
}
