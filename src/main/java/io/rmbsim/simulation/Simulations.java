package io.rmbsim.simulation;

import io.quarkus.runtime.ShutdownEvent;
import io.rmbsim.web.Problem;
import io.rmbsim.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Simulation runs: asynchronous, a bounded number at once (more wait in a short queue; beyond it the
 * request is refused with a 429), kept in memory until deleted. A run never touches the live ledger.
 */
@ApplicationScoped
public class Simulations {

    private static final Logger LOG = Logger.getLogger(Simulations.class);

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }

    /** A run as it stands. */
    public static final class Run {
        final UUID id;
        final Instant createdAt;
        final String scenario;
        /** Who started it: only they, operators and auditors see it. */
        final String owner;
        volatile Status status = Status.QUEUED;
        volatile double progress;
        volatile SimulationReport report;
        volatile String error;
        volatile Future<?> task;

        Run(UUID id, Instant createdAt, String scenario, String owner) {
            this.id = id;
            this.owner = owner;
            this.createdAt = createdAt;
            this.scenario = scenario;
        }
    }

    private final Map<UUID, Run> runs = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor executor;
    private final Clock clock;

    Simulations(Clock clock, @ConfigProperty(name = "simulation.concurrent-runs", defaultValue = "2") int concurrent,
            @ConfigProperty(name = "simulation.queued-runs", defaultValue = "8") int queued) {
        this.clock = clock;
        this.executor = new ThreadPoolExecutor(concurrent, concurrent, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queued), r -> {
                    Thread t = new Thread(r, "simulation");
                    t.setDaemon(true);
                    return t;
                });
    }

    public Run start(SimulationRun.Spec spec, String owner) {
        Run run = new Run(UUID.randomUUID(), clock.instant(), spec.scenario(), owner);
        runs.put(run.id, run);
        try {
            run.task = executor.submit(() -> execute(run, spec));
        } catch (RejectedExecutionException e) {
            runs.remove(run.id);
            throw new ProblemException(new Problem("urn:rmbsim:problem:too-many-simulations", "Too many simulations", 429,
                    executor.getActiveCount() + " simulations are running and " + executor.getQueue().size()
                            + " are waiting; retry when one is done", null, null));
        }
        return run;
    }

    private void execute(Run run, SimulationRun.Spec spec) {
        run.status = Status.RUNNING;
        try {
            run.report = SimulationRun.run(spec, p -> run.progress = p);
            run.progress = 1.0;
            run.status = Status.DONE;
        } catch (java.util.concurrent.CancellationException e) {
            run.status = Status.FAILED;
            run.error = "cancelled";
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.error("simulation " + run.id + " failed", e);
            run.status = Status.FAILED;
            run.error = e.getMessage();
        }
    }

    /** The run, if {@code owner} started it; any run when {@code owner} is null. */
    public Run get(UUID id, String owner) {
        Run run = runs.get(id);
        if (run == null || owner != null && !owner.equals(run.owner)) {
            throw ProblemException.notFound("simulation", id);
        }
        return run;
    }

    /** The runs {@code owner} started, oldest first; every run when {@code owner} is null. */
    public List<Run> list(String owner) {
        return runs.values().stream().filter(r -> owner == null || owner.equals(r.owner)).sorted(Comparator.comparing((Run r) -> r.createdAt).thenComparing(r -> r.id)).toList();
    }

    /** Deletes a run; a running one is stopped first. */
    public void delete(UUID id, String owner) {
        Run run = get(id, owner);
        if (run.task != null) {
            run.task.cancel(true);
            executor.purge(); // a cancelled run must not hold a place in the queue
        }
        runs.remove(id);
    }

    void stop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }
}
