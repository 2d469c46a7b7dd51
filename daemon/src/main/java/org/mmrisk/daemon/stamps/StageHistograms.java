package org.mmrisk.daemon.stamps;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One pre-sized HdrHistogram per {@link Stage} (3 significant digits, up to {@link #HIGHEST_NS}; no auto-resize, so
 * recording never allocates), filled only for batches whose cause was sent inside the measurement window: from the
 * first recorded cause's send time plus the warm-up, for the window's length (0: until shutdown), as the harness's
 * reader counts its window. Writes one {@code .hgrm} file per stage and {@code stages.txt}, one line per stage.
 * <p>
 * Owned by the engine thread: it records and, at shutdown, writes; allocation-free while recording.
 */
public final class StageHistograms
{
    /** Longer stage times are recorded as this (a minute: far past anything a live daemon survives). */
    public static final long HIGHEST_NS = 60_000_000_000L;
    /** The summary file's name. */
    public static final String SUMMARY = "stages.txt";
    private static final double[] PERCENTILES = { 50, 90, 99, 99.9 };
    private static final long NONE = Long.MIN_VALUE;

    private final Histogram[] histograms = new Histogram[Stage.values().length];
    private final long warmupNs;
    private final long windowNs;
    private long windowStartNs = NONE;
    private long firstSendNs = NONE;
    private long batches;
    private long batchesWithOutput;
    private long belowZero;

    /**
     * @param warmupNs from the first cause sent, how long to wait before recording.
     * @param windowNs how long to record, by the causes' send times; 0: until shutdown.
     */
    public StageHistograms(final long warmupNs, final long windowNs)
    {
        if (warmupNs < 0 || windowNs < 0)
        {
            throw new IllegalArgumentException("warm-up and window must not be negative");
        }
        this.warmupNs = warmupNs;
        this.windowNs = windowNs;
        for (int i = 0; i < histograms.length; i++)
        {
            histograms[i] = new Histogram(HIGHEST_NS, 3);
        }
    }

    /**
     * @return true when a cause sent at {@code sendNs} falls in the window (the first call fixes its start).
     */
    boolean inWindow(final long sendNs)
    {
        if (firstSendNs == NONE)
        {
            firstSendNs = sendNs;
            windowStartNs = sendNs + warmupNs;
        }
        return sendNs >= windowStartNs && (windowNs == 0 || sendNs - windowStartNs < windowNs);
    }

    /** Counts a batch the engine finished, in the window or not, with or without an output. */
    void countBatch(final boolean withOutput)
    {
        batches++;
        if (withOutput)
        {
            batchesWithOutput++;
        }
    }

    /**
     * Records one stage's time. A negative time (the wall clock stepped back, or ingress's cycle stamp taken just
     * before the tick was written) is recorded as 0 and counted.
     */
    void record(final Stage stage, final long ns)
    {
        if (ns < 0)
        {
            belowZero++;
        }
        histograms[stage.ordinal()].recordValue(Math.max(0, Math.min(HIGHEST_NS, ns)));
    }

    /** @return the histogram of one stage (the engine thread, or any thread once the engine has stopped). */
    public Histogram histogram(final Stage stage)
    {
        return histograms[stage.ordinal()];
    }

    /** @return batches the engine finished since start. */
    public long batches()
    {
        return batches;
    }

    /** @return batches that wrote at least one output. */
    public long batchesWithOutput()
    {
        return batchesWithOutput;
    }

    /** @return stage times that were negative, recorded as 0. */
    public long belowZero()
    {
        return belowZero;
    }

    /** @return where the window starts (epoch ns), or {@code Long.MIN_VALUE} before the first cause. */
    public long windowStartNs()
    {
        return windowStartNs;
    }

    /**
     * Writes {@code stage-<name>.hgrm} (percentile distribution, microseconds) per stage and {@link #SUMMARY}:
     * a commented header, then per stage its name, count, p50, p90, p99, p99.9 and max in nanoseconds, and its meaning.
     */
    public void write(final Path dir)
    {
        try
        {
            Files.createDirectories(dir);
            for (final Stage stage : Stage.values())
            {
                try (PrintStream out = new PrintStream(Files.newOutputStream(dir.resolve("stage-" + stage.label() +
                    ".hgrm")), false, StandardCharsets.US_ASCII))
                {
                    histogram(stage).outputPercentileDistribution(out, 1000.0);
                }
            }
            Files.writeString(dir.resolve(SUMMARY), summary());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** @return the text of {@link #SUMMARY}. */
    public String summary()
    {
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "# daemon stage times, ns of the epoch clock; batches %d, with an output " +
            "%d; window from %d (epoch ns) for %d ns (0: to shutdown) after %d ns of warm-up; negative times " +
            "recorded as 0: %d%n", batches, batchesWithOutput, windowStartNs == NONE ? 0 : windowStartNs, windowNs,
            warmupNs, belowZero));
        out.append("# stage count p50 p90 p99 p99.9 max meaning\n");
        for (final Stage stage : Stage.values())
        {
            final Histogram h = histogram(stage);
            out.append(stage.label()).append(' ').append(h.getTotalCount());
            for (final double p : PERCENTILES)
            {
                out.append(' ').append(h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(p));
            }
            out.append(' ').append(h.getMaxValue()).append(' ').append(stage.meaning()).append('\n');
        }
        return out.toString();
    }
}
