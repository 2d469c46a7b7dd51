package org.mmrisk.bench.latency;

import org.HdrHistogram.Histogram;

import java.util.Arrays;

/**
 * Whether a consumer kept up with an input rate. Keeping up means the lag neither grows nor stands: the tick → first
 * output latency (by the cause's scheduled send time) stays under {@link #LIMIT_NS} at the 99th percentile over the
 * last {@link #TAIL_SECONDS} seconds of the measurement window (the whole window when it is shorter), corrected for
 * coordinated omission with the writer's send interval, and every second of the window saw an output. A consumer that
 * falls behind has a lag that grows; one that fell behind once and now runs as fast as the input has a lag that stands
 * (a backlog of seconds, with latency flat): both fail. The per-second maxima are kept as well, for the report's
 * early/late figures and the {@code .lag.tsv} table.
 * <p>
 * Owned by the reader's thread; allocation-free while recording.
 */
public final class LagTrend
{
    /** The verdict's tail: the last this many seconds of the window. */
    public static final int TAIL_SECONDS = 10;
    /** The verdict's bound on the tail's corrected p99. */
    public static final long LIMIT_NS = 1_000_000;
    private static final long HIGHEST_NS = 120_000_000_000L;

    private final long windowStartNs;
    private final long[] maxNs;
    private final long[] counts;
    private final int tailFirstSecond;
    private final long expectedIntervalNs;
    private final Histogram tail = new Histogram(HIGHEST_NS, 3);

    /**
     * @param expectedIntervalNs the writer's send interval: the expected interval of the coordinated-omission
     *                           correction of the tail.
     */
    public LagTrend(final long windowStartNs, final int seconds, final long expectedIntervalNs)
    {
        this.windowStartNs = windowStartNs;
        this.maxNs = new long[Math.max(1, seconds)];
        this.counts = new long[maxNs.length];
        this.tailFirstSecond = Math.max(0, maxNs.length - TAIL_SECONDS);
        this.expectedIntervalNs = expectedIntervalNs;
    }

    public void record(final long sendNs, final long latencyNs)
    {
        final long second = Math.floorDiv(sendNs - windowStartNs, 1_000_000_000L);
        if (second < 0 || second >= maxNs.length)
        {
            return;
        }
        final int s = (int)second;
        maxNs[s] = Math.max(maxNs[s], latencyNs);
        counts[s]++;
        if (s >= tailFirstSecond)
        {
            tail.recordValue(Math.max(0, Math.min(HIGHEST_NS, latencyNs)));
        }
    }

    /**
     * @return true when every second saw a measurement and the tail's corrected p99 is under {@link #LIMIT_NS}.
     */
    public boolean sustained()
    {
        for (final long count : counts)
        {
            if (count == 0)
            {
                return false;
            }
        }
        return tailP99Ns() < LIMIT_NS;
    }

    /** @return the seconds the tail covers. */
    public int tailSeconds()
    {
        return maxNs.length - tailFirstSecond;
    }

    /** @return the tail's p99, corrected for coordinated omission (0 when empty). Allocates: after the run only. */
    public long tailP99Ns()
    {
        return tail.getTotalCount() == 0 ? 0 :
            tail.copyCorrectedForCoordinatedOmission(expectedIntervalNs).getValueAtPercentile(99);
    }

    /** @return the tail's p99 as recorded (0 when empty). */
    public long tailUncorrectedP99Ns()
    {
        return tail.getTotalCount() == 0 ? 0 : tail.getValueAtPercentile(99);
    }

    /** @return the median of the per-second maxima over the first third of the window. */
    public long earlyMaxNs()
    {
        final int third = Math.max(1, maxNs.length / 3);
        return median(Arrays.copyOfRange(maxNs, 0, third));
    }

    /** @return the median of the per-second maxima over the last third of the window. */
    public long lateMaxNs()
    {
        final int third = Math.max(1, maxNs.length / 3);
        return median(Arrays.copyOfRange(maxNs, maxNs.length - third, maxNs.length));
    }

    /**
     * @return one line per second of the window: second, causes measured, largest latency (ns), tab-separated.
     */
    public String perSecondTable()
    {
        final StringBuilder table = new StringBuilder("second\tcauses\tmaxNs\n");
        for (int s = 0; s < maxNs.length; s++)
        {
            table.append(s).append('\t').append(counts[s]).append('\t').append(maxNs[s]).append('\n');
        }
        return table.toString();
    }

    private static long median(final long[] values)
    {
        Arrays.sort(values);
        return values[values.length / 2];
    }
}
