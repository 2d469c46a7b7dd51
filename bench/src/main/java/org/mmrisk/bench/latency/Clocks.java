package org.mmrisk.bench.latency;

import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

/**
 * The one clock of the harness: the wall clock in epoch nanoseconds, the same clock the daemon's ingress stamps
 * {@code receiveTimeNs} with, so that times taken in different processes on one host compare. Stateless.
 */
final class Clocks
{
    private Clocks()
    {
    }

    static EpochNanoClock epoch()
    {
        return new SystemEpochNanoClock();
    }

    /**
     * Waits until the clock reaches {@code dueNs}: parks while far away, spins for the last 50 µs.
     */
    static long awaitNs(final EpochNanoClock clock, final long dueNs)
    {
        long nowNs;
        while ((nowNs = clock.nanoTime()) < dueNs)
        {
            final long waitNs = dueNs - nowNs;
            if (waitNs > 100_000)
            {
                java.util.concurrent.locks.LockSupport.parkNanos(waitNs - 50_000);
            }
            else
            {
                Thread.onSpinWait();
            }
        }
        return nowNs;
    }
}
