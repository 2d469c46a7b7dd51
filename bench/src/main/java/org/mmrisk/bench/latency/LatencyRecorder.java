package org.mmrisk.bench.latency;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The reader's measurements over its window: end-to-end latency (receive − cause's scheduled send) of the first
 * output per cause, of every output, and the internal latency (receive − the consumer's own read time of the cause,
 * i.e. processing plus the output hop). Writes HdrHistogram percentile files ({@code .hgrm}, microseconds) and a
 * summary ({@code .properties}, nanoseconds), both corrected for coordinated omission with the writer's send
 * interval as the expected interval, and uncorrected.
 * <p>
 * Owned by the reader's thread; allocation-free while recording.
 */
public final class LatencyRecorder
{
    public static final double[] PERCENTILES = { 50, 90, 99, 99.9 };
    private static final long HIGHEST_NS = 120_000_000_000L;

    private final Histogram first = new Histogram(HIGHEST_NS, 3);
    private final Histogram all = new Histogram(HIGHEST_NS, 3);
    private final Histogram internal = new Histogram(HIGHEST_NS, 3);
    private final long expectedIntervalNs;
    private final LagTrend trend;

    public LatencyRecorder(final long expectedIntervalNs, final LagTrend trend)
    {
        this.expectedIntervalNs = expectedIntervalNs;
        this.trend = trend;
    }

    /**
     * The first output of a cause: counts toward the headline figures and the lag trend.
     *
     * @param internalNs receive time minus the consumer's read time of the cause; negative when not known.
     */
    public void recordFirst(final long sendNs, final long latencyNs, final long internalNs)
    {
        first.recordValue(clamp(latencyNs));
        if (internalNs >= 0)
        {
            internal.recordValue(clamp(internalNs));
        }
        trend.record(sendNs, latencyNs);
    }

    /** Every output, the first of its cause included. */
    public void recordAny(final long latencyNs)
    {
        all.recordValue(clamp(latencyNs));
    }

    private static long clamp(final long ns)
    {
        return Math.max(0, Math.min(HIGHEST_NS, ns));
    }

    public Histogram corrected()
    {
        return first.copyCorrectedForCoordinatedOmission(expectedIntervalNs);
    }

    public Histogram uncorrected()
    {
        return first;
    }

    /**
     * Writes {@code label.corrected.hgrm}, {@code label.uncorrected.hgrm}, {@code label.all.hgrm},
     * {@code label.internal.hgrm}, {@code label.lag.tsv} (largest latency per second) and {@code label.properties}
     * into {@code dir}.
     */
    public Properties write(final Path dir, final String label, final Properties summary)
    {
        final Histogram corrected = corrected();
        hgrm(dir.resolve(label + ".corrected.hgrm"), corrected);
        hgrm(dir.resolve(label + ".uncorrected.hgrm"), first);
        hgrm(dir.resolve(label + ".all.hgrm"), all);
        if (internal.getTotalCount() > 0)
        {
            hgrm(dir.resolve(label + ".internal.hgrm"), internal);
        }
        summary.setProperty("label", label);
        summary.setProperty("causes", Long.toString(first.getTotalCount()));
        summary.setProperty("outputs", Long.toString(all.getTotalCount()));
        summary.setProperty("expectedIntervalNs", Long.toString(expectedIntervalNs));
        put(summary, "corrected", corrected);
        put(summary, "uncorrected", first);
        put(summary, "all", all);
        if (internal.getTotalCount() > 0)
        {
            put(summary, "internal", internal);
        }
        summary.setProperty("sustained", Boolean.toString(trend.sustained()));
        summary.setProperty("earlyMaxNs", Long.toString(trend.earlyMaxNs()));
        summary.setProperty("lateMaxNs", Long.toString(trend.lateMaxNs()));
        summary.setProperty("tailSeconds", Integer.toString(trend.tailSeconds()));
        summary.setProperty("tailP99Ns", Long.toString(trend.tailP99Ns()));
        summary.setProperty("tailUncorrectedP99Ns", Long.toString(trend.tailUncorrectedP99Ns()));
        try (var out = Files.newBufferedWriter(dir.resolve(label + ".properties")))
        {
            summary.store(out, "latency summary, nanoseconds");
            Files.writeString(dir.resolve(label + ".lag.tsv"), trend.perSecondTable());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return summary;
    }

    private static void put(final Properties summary, final String prefix, final Histogram h)
    {
        for (final double p : PERCENTILES)
        {
            summary.setProperty(prefix + ".p" + RatioTable.percentileKey(p), Long.toString(h.getValueAtPercentile(p)));
        }
        summary.setProperty(prefix + ".max", Long.toString(h.getMaxValue()));
    }

    private static void hgrm(final Path file, final Histogram h)
    {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, "US-ASCII"))
        {
            h.outputPercentileDistribution(out, 1000.0);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
