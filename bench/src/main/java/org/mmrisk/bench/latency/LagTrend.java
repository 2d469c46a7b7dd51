package org.mmrisk.bench.latency;

import java.util.Arrays;

/**
 * Whether a consumer kept up with an input rate: the largest latency seen in each second of the measurement window
 * (by the cause's scheduled send time). A consumer that keeps up has bounded latency; one that does not falls
 * further behind every second, so its latency grows with time. The verdict compares the middle value of the per-second
 * maxima over the last third of the window with the same over the first third: the late one may exceed the early one
 * by at most a quarter of it or {@link #SLACK_NS}, whichever is more.
 * <p>
 * Owned by the reader's thread; allocation-free while recording.
 */
public final class LagTrend
{
    /** Latency growth below this is noise (a queue file growing costs milliseconds), not a trend. */
    public static final long SLACK_NS = 1_000_000;

    private final long windowStartNs;
    private final long[] maxNs;
    private final long[] counts;

    public LagTrend(final long windowStartNs, final int seconds)
    {
        this.windowStartNs = windowStartNs;
        this.maxNs = new long[Math.max(1, seconds)];
        this.counts = new long[maxNs.length];
    }

    public void record(final long sendNs, final long latencyNs)
    {
        final long second = (sendNs - windowStartNs) / 1_000_000_000L;
        if (second < 0 || second >= maxNs.length)
        {
            return;
        }
        final int s = (int)second;
        maxNs[s] = Math.max(maxNs[s], latencyNs);
        counts[s]++;
    }

    /**
     * @return true when every second saw a measurement and the late per-second maxima exceed the early ones by no more
     * than a quarter of them or {@link #SLACK_NS}.
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
        final long early = earlyMaxNs();
        return lateMaxNs() <= early + Math.max(SLACK_NS, early / 4);
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
