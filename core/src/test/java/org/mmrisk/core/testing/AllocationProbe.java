package org.mmrisk.core.testing;

import java.lang.management.ManagementFactory;

/**
 * Measures the bytes the current thread allocates while running a steady-state workload. The JIT removes
 * allocations (escape analysis) only once it has compiled the code, which takes longer on a loaded machine, so the
 * workload is warmed up and measured several times and the least is reported: any allocation that the hot path
 * really makes shows up in every attempt.
 */
public final class AllocationProbe
{
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private AllocationProbe()
    {
    }

    /**
     * @return the least bytes allocated by one run of {@code steadyState} over {@code attempts} runs, after
     * {@code warmUps} unmeasured runs.
     */
    public static long leastAllocatedBytes(final Runnable steadyState, final int warmUps, final int attempts)
    {
        for (int i = 0; i < warmUps; i++)
        {
            steadyState.run();
        }
        final long probeCost = -THREADS.getCurrentThreadAllocatedBytes() + THREADS.getCurrentThreadAllocatedBytes();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < attempts; i++)
        {
            final long before = THREADS.getCurrentThreadAllocatedBytes();
            steadyState.run();
            least = Math.min(least, THREADS.getCurrentThreadAllocatedBytes() - before - probeCost);
        }
        return least;
    }
}
