package org.mmrisk.bench.latency;

/**
 * The send schedule of an open-loop writer: message {@code i} is due at {@code startNs + i * intervalNs} and is
 * stamped with that scheduled time whether or not the writer is late, so that a stall anywhere downstream (or in
 * the writer itself) shows as latency instead of silently delaying the next send (no coordinated omission).
 * <p>
 * Immutable apart from the lag statistics, which belong to the writer's thread. Times are epoch nanoseconds.
 */
public final class OpenLoopSchedule
{
    private final long startNs;
    private final long intervalNs;
    private long maxLagNs;
    private long lastLagNs;

    public OpenLoopSchedule(final long startNs, final long ratePerSecond)
    {
        if (ratePerSecond <= 0 || ratePerSecond > 1_000_000_000L)
        {
            throw new IllegalArgumentException("rate must be within 1..1e9 per second: " + ratePerSecond);
        }
        this.startNs = startNs;
        this.intervalNs = 1_000_000_000L / ratePerSecond;
    }

    /**
     * @return the time message {@code i} (from 0) is due, which is also its send stamp.
     */
    public long scheduledNs(final long i)
    {
        return startNs + i * intervalNs;
    }

    /**
     * Records how late message {@code i} actually went out.
     *
     * @return the stamp to write: always the scheduled time, however late {@code nowNs} is.
     */
    public long stamp(final long i, final long nowNs)
    {
        final long dueNs = scheduledNs(i);
        lastLagNs = Math.max(0, nowNs - dueNs);
        maxLagNs = Math.max(maxLagNs, lastLagNs);
        return dueNs;
    }

    /**
     * @return the number of messages due by {@code nowNs} (those with index below it).
     */
    public long dueCount(final long nowNs)
    {
        return nowNs < startNs ? 0 : (nowNs - startNs) / intervalNs + 1;
    }

    public long intervalNs()
    {
        return intervalNs;
    }

    public long startNs()
    {
        return startNs;
    }

    /** @return the largest delay of an actual send behind its schedule so far. */
    public long maxLagNs()
    {
        return maxLagNs;
    }

    /** @return the delay of the latest send behind its schedule. */
    public long lastLagNs()
    {
        return lastLagNs;
    }
}
