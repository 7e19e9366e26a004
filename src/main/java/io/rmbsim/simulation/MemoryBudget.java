package io.rmbsim.simulation;

import io.rmbsim.web.Problems;
import io.rmbsim.web.ProblemException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * The heap simulations may take: what the JVM can give ({@code Runtime.maxMemory()}) less a reserve
 * for the live service. A run whose estimate exceeds the whole budget is refused up front (413); one
 * that fits waits, before it allocates anything, until the runs holding memory leave it room.
 */
final class MemoryBudget {

    private final long budget;
    private long held;

    MemoryBudget(long maxHeap, long reserve) {
        this.budget = Math.max(0, maxHeap - reserve);
    }

    long budget() {
        return budget;
    }

    synchronized long held() {
        return held;
    }

    /** A 413 problem when {@code estimate} bytes could never fit. */
    void admit(long estimate) {
        if (estimate > budget) {
            throw new ProblemException(Problems.simulationTooLarge("this simulation needs about " + mib(estimate)
                    + " MiB of memory; simulations have " + mib(budget) + " MiB on this service (simulation.memory.reserve "
                    + "is kept for the live service); simulate fewer payments, or give the service more memory"));
        }
    }

    /**
     * Takes {@code estimate} bytes, waiting until they fit beside what other runs hold; answers false,
     * holding nothing, if the run is cancelled while it waits.
     */
    synchronized boolean acquire(long estimate, java.util.function.BooleanSupplier cancelled) throws InterruptedException {
        while (held > 0 && held + estimate > budget) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            wait(250);
        }
        held += estimate;
        return true;
    }

    synchronized void release(long estimate) {
        held -= estimate;
        notifyAll();
    }

    /** The heap in use after the last garbage collection, over every heap pool: what stays, not what waits to be collected. */
    static long heapAfterLastCollection() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage after = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (after != null) {
                used += after.getUsed();
            }
        }
        return used;
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
