package org.mmrisk.daemon.metrics;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.HdrHistogram.Histogram;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.EpochNanoClock;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.MarginStatus;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.output.ScenarioGridMessage;
import org.mmrisk.daemon.egress.OutputAdapter;
import org.mmrisk.daemon.metrics.LiveView.LatencyView;
import org.mmrisk.daemon.metrics.LiveView.MarginView;
import org.mmrisk.daemon.metrics.LiveView.OutputType;
import org.mmrisk.daemon.metrics.LiveView.UnderlyingView;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeTailer;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Reads a running daemon from another process, never writing into its files: its counters file on a read-only
 * mapping ({@link CountersSource}) and its output queue, opened read-only and tailed from the start, folded into the
 * latest figures per underlying, counts by output type and alert code, and tick-to-quote latencies. What
 * {@code risk metrics} exposes and what a live view of the book can show.
 * <p>
 * Threads: one reading thread calls {@link #poll()} (or runs {@link #start()}'s loop); any thread calls
 * {@link #view()}. Both hold this reader's lock (this is a tool's process, not the daemon's hot path), so a view is
 * never half a batch of folding; {@link #poll()} reads a bounded number of messages per call so a view waits little.
 * <p>
 * Latency: for the first quote adjustment of each cause (its journal sequence) on each underlying whose cause
 * carries a gateway send stamp, {@code tickToIngress} = the cause's ingress receive stamp − its send stamp (both written into the record, so
 * history counts too), and {@code tickToQuote} = the moment this reader read the quote − the send stamp, only for
 * quotes read after the reader first caught up with the queue (an old quote read at start-up would count its age).
 * Both stamps and this reader's clock are epoch wall clocks: on one host they agree; across hosts their offset adds
 * in. A sample that comes out negative is recorded as 0 and counted: ingress stamps a duty cycle with its start, so a
 * message written during the cycle can precede its receive stamp.
 */
public final class LiveRiskReader implements RiskOutput, AutoCloseable
{
    /** At most this many messages per {@link #poll()}, so that a view waits for at most one such slice. */
    static final int POLL_LIMIT = 4096;
    private static final long HIGHEST_TRACKABLE_NS = TimeUnit.SECONDS.toNanos(60);

    private final Object lock = new Object();
    private final Path outputDir;
    private final EpochNanoClock clock;
    private final CountersSource counters;
    private final UnderlyingLimits limits;
    private final OutputAdapter adapter;
    private final Map<Long, UnderlyingView> underlyings = new HashMap<>();
    private final Map<Long, MarginView> margins = new HashMap<>();
    private final Map<OutputType, Long> outputsByType = new EnumMap<>(OutputType.class);
    private final Map<String, Long> alertsByCode = new TreeMap<>();
    private final LatencyHistogram tickToQuote = new LatencyHistogram(HIGHEST_TRACKABLE_NS);
    private final LatencyHistogram tickToIngress = new LatencyHistogram(HIGHEST_TRACKABLE_NS);
    private ChronicleQueue output;
    private SbeTailer tailer;
    private boolean caughtUp;
    private long readNs;
    /** The newest cause (journal sequence) timed per underlying. */
    private final Long2LongHashMap lastCauseByUnderlying = new Long2LongHashMap(Long.MIN_VALUE);
    private long latencyNegative;
    private long lastHeartbeatWallNs = Long.MIN_VALUE;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param countersFile the daemon's counters file (it may not exist yet)
     * @param outputDir    the daemon's output queue (it may not exist yet)
     * @param config       the daemon's engine configuration: the limits its underlyings start with
     * @param clock        the epoch clock that times a quote's reading, the one the gateways stamp with
     */
    public LiveRiskReader(final Path countersFile, final Path outputDir, final EngineConfig config,
        final EpochNanoClock clock)
    {
        this.outputDir = outputDir;
        this.clock = clock;
        this.counters = new CountersSource(countersFile);
        this.limits = new UnderlyingLimits(config);
        this.adapter = new OutputAdapter(this, (seq, wallNs, engineNs, lastOut, lastJournal) ->
        {
            lastHeartbeatWallNs = wallNs;
            count(OutputType.HEARTBEAT);
        });
    }

    /**
     * Reads what the output queue holds next, at most {@link #POLL_LIMIT} messages; the reading thread only.
     *
     * @return the messages read (0: none, caught up, or no queue yet).
     */
    public int poll()
    {
        synchronized (lock)
        {
            if (tailer == null && !openOutput())
            {
                return 0;
            }
            int read = 0;
            int n;
            readNs = clock.nanoTime();
            while (read < POLL_LIMIT && (n = tailer.poll(adapter)) > 0)
            {
                read += n;
                readNs = clock.nanoTime();
            }
            if (read == 0)
            {
                caughtUp = true;
            }
            return read;
        }
    }

    /**
     * Starts a daemon thread that polls until {@link #close()}, idling {@code idleMicros} when caught up.
     */
    public LiveRiskReader start(final long idleMicros)
    {
        running = true;
        thread = new Thread(() ->
        {
            while (running)
            {
                if (poll() == 0)
                {
                    // caught up: idle; the shorter, the less a quote's read time adds to its measured latency
                    java.util.concurrent.locks.LockSupport.parkNanos(idleMicros * 1000);
                }
            }
        }, "metrics-reader");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /**
     * @return whether the reader has read to the end of the output queue at least once.
     */
    public boolean caughtUp()
    {
        synchronized (lock)
        {
            return caughtUp;
        }
    }

    /**
     * @return what is known now: counters read from the file at this call, outputs as far as read; any thread.
     */
    public LiveView view()
    {
        synchronized (lock)
        {
            final Map<String, UnderlyingView> byName = new TreeMap<>();
            underlyings.forEach((code, u) -> byName.put(u.underlying(), withMargin(u, margins.get(code))));
            return new LiveView(counters.refresh(), counters.read(), byName, new EnumMap<>(outputsByType),
                new TreeMap<>(alertsByCode), tickToQuote.view(), tickToIngress.view(), latencyNegative,
                lastHeartbeatWallNs);
        }
    }

    private static UnderlyingView withMargin(final UnderlyingView u, final MarginView margin)
    {
        return margin == null ? u : new UnderlyingView(u.underlying(), u.timeNs(), u.indexUsd(), u.delta(),
            u.deltaUsd(), u.gamma(), u.vega(), u.theta(), u.realizedPnlUsd(), u.unrealizedPnlUsd(),
            u.maxApproxError(), u.state(), u.initialUtilization(), u.maintenanceUtilization(),
            u.liquidationDownMove(), u.liquidationUpMove(), u.limitUtilization(), margin);
    }

    private boolean openOutput()
    {
        try
        {
            Queues.checkIsQueue(outputDir);
        }
        catch (final IllegalArgumentException ex)
        {
            return false; // no daemon has written outputs here yet
        }
        output = Queues.openExisting(outputDir);
        tailer = new SbeTailer(output);
        return true;
    }

    private void count(final OutputType type)
    {
        outputsByType.merge(type, 1L, Long::sum);
    }

    @Override
    public void onQuoteAdjustment(final QuoteAdjustment q)
    {
        count(OutputType.QUOTE_ADJUSTMENT);
        // an underlying's quotes carry the input that last changed it, so a cause recurs in later batches (a quote
        // released by the rate cap, a timer's pass): only its first quote is its latency
        if (q.causeJournalSequence <= lastCauseByUnderlying.get(q.underlying) || q.causeSendTimeNs <= 0)
        {
            return; // a later quote of the same cause, or a cause without a send stamp (a timer's)
        }
        lastCauseByUnderlying.put(q.underlying, q.causeJournalSequence);
        record(tickToIngress, q.causeReceiveTimeNs - q.causeSendTimeNs);
        if (caughtUp)
        {
            record(tickToQuote, readNs - q.causeSendTimeNs);
        }
    }

    private void record(final LatencyHistogram histogram, final long latencyNs)
    {
        if (latencyNs < 0)
        {
            // ingress stamps a whole duty cycle with its start, so a message written during the cycle can read as
            // received before it was sent; across hosts, clock offsets do the same
            latencyNegative++;
        }
        histogram.record(Math.max(0, latencyNs));
    }

    @Override
    public void onRiskSnapshot(final RiskSnapshot s)
    {
        count(OutputType.RISK_SNAPSHOT);
        underlyings.put(s.underlying, new UnderlyingView(AsciiCode.toString(s.underlying), s.timeNs, s.indexUsd,
            s.delta, s.deltaUsd, s.gamma, s.vega, s.theta, s.realizedPnlUsd, s.unrealizedPnlUsd, s.maxApproxError,
            s.state, s.initialUtilization, s.maintenanceUtilization, s.liquidationDownMove, s.liquidationUpMove,
            limits.utilizations(s), null));
    }

    @Override
    public void onAlert(final Alert alert)
    {
        count(OutputType.ALERT);
        alertsByCode.merge(alert.code.name(), 1L, Long::sum);
        limits.onAlert(alert);
    }

    @Override
    public void onHedgeSignal(final HedgeSignal signal)
    {
        count(OutputType.HEDGE_SIGNAL);
    }

    @Override
    public void onScenarioGrid(final ScenarioGridMessage grid)
    {
        count(OutputType.SCENARIO_GRID);
    }

    @Override
    public void onMarginStatus(final MarginStatus m)
    {
        count(OutputType.MARGIN_STATUS);
        margins.put(m.underlying, new MarginView(m.currency == null ? "" : m.currency.name(), m.known, m.equity,
            m.initial, m.maintenance, m.worstLoss));
    }

    @Override
    public void close()
    {
        running = false;
        if (thread != null)
        {
            try
            {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lock)
        {
            if (tailer != null)
            {
                tailer.close();
                output.close();
            }
            counters.close();
        }
    }

    /**
     * Latencies in nanoseconds: an HdrHistogram (3 significant digits) for the quantiles, and the exact count and
     * sum beside it. Guarded by the reader's lock.
     */
    private static final class LatencyHistogram
    {
        private final Histogram histogram;
        private long sumNs;

        LatencyHistogram(final long highestTrackableNs)
        {
            histogram = new Histogram(highestTrackableNs, 3);
        }

        void record(final long latencyNs)
        {
            // beyond the histogram's range the quantiles saturate at its top, the sum stays exact
            histogram.recordValue(Math.min(latencyNs, histogram.getHighestTrackableValue()));
            sumNs += latencyNs;
        }

        LatencyView view()
        {
            final double[] quantiles = LatencyView.QUANTILES.clone();
            final double[] seconds = new double[quantiles.length];
            for (int i = 0; i < quantiles.length; i++)
            {
                seconds[i] = histogram.getTotalCount() == 0 ? Double.NaN :
                    histogram.getValueAtPercentile(quantiles[i] * 100) / 1e9;
            }
            return new LatencyView(histogram.getTotalCount(), sumNs / 1e9, quantiles, seconds);
        }
    }
}
