package org.mmrisk.daemon.dashboard;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.status.CountersReader;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Settlement;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.MarginStatus;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.output.ScenarioGridMessage;
import org.mmrisk.daemon.cli.RiskCli;
import org.mmrisk.daemon.codec.InputDecoder;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.counters.CountersFile;
import org.mmrisk.daemon.egress.OutputAdapter;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeTailer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the dashboard's live tests share: a daemon config, the real feed simulator, and the daemon's files read
 * directly — the counters file (what {@code risk stat} prints) and the whole output queue, decoded here into the
 * figures the page must show, independently of the dashboard's readers.
 */
final class LiveRun
{
    static final long TIMEOUT_MS = 60_000;

    /** The newest of each kind, by underlying or instrument, as decoded from the queue. */
    final Map<String, double[]> greeks = new TreeMap<>();
    final Map<String, Long> snapshotTimeNs = new TreeMap<>();
    final Map<String, String> states = new TreeMap<>();
    final Map<String, Map<Long, Double>> expiryVega = new TreeMap<>();
    final Map<Integer, double[]> quotes = new TreeMap<>();
    final Map<Integer, Long> quoteSequences = new TreeMap<>();
    final Map<Integer, String> kinds = new TreeMap<>();
    final Map<String, Map<Integer, Double>> positions = new TreeMap<>();
    final List<Long> alertSequences = new ArrayList<>();
    final List<Long> hedgeSequences = new ArrayList<>();
    final Map<String, Double> worstLoss = new TreeMap<>();
    final Map<String, Double> marginEquity = new TreeMap<>();
    long messages;

    private LiveRun()
    {
    }

    static Path writeConfig(final Path dir) throws Exception
    {
        final Path file = dir.resolve("daemon.yaml");
        Files.writeString(file, String.join("\n",
            "dataDir: data",
            "inputs: [market, fills]",
            "queueBlockSizeMb: 4",
            "ring: {size: 4096, waitStrategy: sleeping}",
            "ingress: {idleStrategy: backoff, timerIntervalMs: 20}",
            "egress: {heartbeatIntervalMs: 50}",
            "engine:",
            "  snapshotIntervalMs: 100",
            "  coinBalances: {BTC: 50, ETH: 800}",
            "  limits: {BTC: {delta: 40, vega: 20000, marginUtilization: 0.8}}",
            ""));
        return file;
    }

    /** Runs the feed simulator for {@code seconds}, in this thread. */
    static void feed(final LoadedConfig config, final int seconds)
    {
        final StringWriter err = new StringWriter();
        final picocli.CommandLine cli = RiskCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err, true));
        final int exit = cli.execute("feed", "--config", config.file().toString(), "--seconds",
            Integer.toString(seconds), "--rate", "1000", "--fill-ratio", "0.05");
        assertThat(exit).as(err.toString()).isZero();
    }

    /** Waits until the daemon has read every input message and the engine has caught up with ingress. */
    static void awaitInputsRead(final LoadedConfig config) throws InterruptedException
    {
        final long inputs = messages(config.inputDir("market")) + messages(config.inputDir("fills"));
        await(() -> counters(config).get("input market: messages read") +
            counters(config).get("input fills: messages read") == inputs &&
            counters(config).get("engine: lag behind ingress (events)") == 0, "the daemon read every input");
    }

    /** The counters file read directly, by label. */
    static Map<String, Long> counters(final LoadedConfig config)
    {
        final Map<String, Long> values = new HashMap<>();
        try (CountersFile file = CountersFile.openReader(config.countersFile().toFile()))
        {
            final CountersReader reader = file.reader();
            reader.forEach((id, typeId, key, label) -> values.put(label, reader.getCounterValue(id)));
        }
        return values;
    }

    /** Decodes the whole output queue. */
    static LiveRun readOutputs(final LoadedConfig config)
    {
        final LiveRun run = new LiveRun();
        final OutputAdapter adapter = new OutputAdapter(run.collector(),
            (seq, wall, engine, lastOut, lastJournal) -> run.messages++);
        try (ChronicleQueue queue = Queues.openExisting(config.outputDir()); SbeTailer tailer = new SbeTailer(queue))
        {
            while (tailer.poll(adapter) > 0)
            {
                // each poll hands the adapter one message
            }
        }
        return run;
    }

    private RiskOutput collector()
    {
        return new RiskOutput()
        {
            public void onQuoteAdjustment(final QuoteAdjustment q)
            {
                messages++;
                quotes.put(q.instrumentId, new double[] { q.shift, q.shiftVol, q.bidSpreadMult, q.askSpreadMult });
                quoteSequences.put(q.instrumentId, q.sequence);
                kinds.put(q.instrumentId, String.valueOf(q.kind));
            }

            public void onRiskSnapshot(final RiskSnapshot s)
            {
                messages++;
                final String u = AsciiCode.toString(s.underlying);
                greeks.put(u, new double[] { s.indexUsd, s.delta, s.deltaUsd, s.gamma, s.vega, s.theta });
                snapshotTimeNs.put(u, s.timeNs);
                states.put(u, String.valueOf(s.state));
                final Map<Long, Double> byExpiry = new TreeMap<>();
                for (int i = 0; i < s.expiryCount; i++)
                {
                    byExpiry.put(s.expiryNs[i], s.expiryVega[i]);
                }
                expiryVega.put(u, byExpiry);
                final Map<Integer, Double> held = new TreeMap<>();
                for (int i = 0; i < s.positionCount; i++)
                {
                    held.put(s.instrumentId[i], s.quantity[i]);
                }
                positions.put(u, held);
            }

            public void onAlert(final Alert a)
            {
                messages++;
                alertSequences.add(a.sequence);
            }

            public void onHedgeSignal(final HedgeSignal h)
            {
                messages++;
                hedgeSequences.add(h.sequence);
            }

            public void onScenarioGrid(final ScenarioGridMessage g)
            {
                messages++;
                worstLoss.put(AsciiCode.toString(g.underlying), g.worstLoss);
            }

            public void onMarginStatus(final MarginStatus m)
            {
                messages++;
                marginEquity.put(AsciiCode.toString(m.underlying), m.equity);
            }
        };
    }

    /**
     * An option as the market input queue defines and last ticks it, decoded directly: its underlying, expiry,
     * strike, put/call, contract size, settlement, and its newest mark IV and forward (NaN until ticked).
     */
    static final class OptionInput
    {
        String underlying;
        long expiryNs;
        double strike;
        boolean isCall;
        double contractSize;
        boolean inverse;
        double markIv = Double.NaN;
        double forwardUsd = Double.NaN;
    }

    /** The options of the market input queue, by instrument id. */
    static Map<Integer, OptionInput> readOptions(final LoadedConfig config)
    {
        final Map<Integer, OptionInput> options = new TreeMap<>();
        final InputDecoder decoder = new InputDecoder();
        final RiskEvent e = new RiskEvent();
        try (ChronicleQueue queue = Queues.openExisting(config.inputDir("market"));
            SbeTailer tailer = new SbeTailer(queue))
        {
            while (tailer.poll((buffer, offset, length, index) ->
            {
                assertThat(decoder.decode(buffer, offset, length, e)).isNull();
                if (e.type == EventType.INSTRUMENT && e.kind == InstrumentKind.OPTION)
                {
                    final OptionInput o = new OptionInput();
                    o.underlying = AsciiCode.toString(e.underlying);
                    o.expiryNs = e.expiryNs;
                    o.strike = e.strike;
                    o.isCall = e.putCall == PutCall.CALL;
                    o.contractSize = e.contractSize;
                    o.inverse = e.settlement == Settlement.INVERSE;
                    options.put(e.instrumentId, o);
                }
                else if (e.type == EventType.TICK && options.containsKey(e.instrumentId) && e.markIv > 0)
                {
                    options.get(e.instrumentId).markIv = e.markIv;
                    options.get(e.instrumentId).forwardUsd = e.underlyingPrice;
                }
            }) > 0)
            {
                // each poll decodes one message
            }
        }
        return options;
    }

    /**
     * Vega (USD per vol point) and gamma (per USD of the index) of one contract, from the Black-76 formula at its
     * last mark IV and forward, at engine time {@code nowNs} (ACT/365.25, no nearer than the time floor), in the
     * engine's units: a coin-settled contract's USD value is C(F)/b, b = F/S.
     */
    static double[] blackVegaGamma(final OptionInput o, final long nowNs, final double indexUsd,
        final double timeFloorYears)
    {
        final double years = Math.max((o.expiryNs - nowNs) / (365.25 * 86_400e9), timeFloorYears);
        final double forward = o.forwardUsd;
        final double sqrtT = Math.sqrt(years);
        final double d1 = (Math.log(forward / o.strike) + 0.5 * o.markIv * o.markIv * years) / (o.markIv * sqrtT);
        final double density = Math.exp(-0.5 * d1 * d1) / Math.sqrt(2 * Math.PI);
        final double vegaPerPoint = forward * density * sqrtT / 100;
        final double gammaPerForward = density / (forward * o.markIv * sqrtT);
        final double basis = forward / indexUsd;
        // the USD value of a coin-settled contract is C(F)/b; an index move moves F by b
        final double usdScale = o.inverse ? 1 / basis : 1;
        return new double[] { o.contractSize * vegaPerPoint * usdScale,
            o.contractSize * basis * basis * usdScale * gammaPerForward };
    }

    /** @return the last {@code n} of a list, oldest first. */
    static List<Long> last(final List<Long> all, final int n)
    {
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    private static long messages(final Path queueDir)
    {
        try (ChronicleQueue queue = Queues.openExisting(queueDir); SbeTailer tailer = new SbeTailer(queue))
        {
            long count = 0;
            int n;
            while ((n = tailer.poll((buffer, offset, length, index) -> { })) > 0)
            {
                count += n;
            }
            return count;
        }
    }

    /** Polls a condition until it holds or the deadline passes (nothing here waits for a fixed time). */
    static void await(final BooleanSupplier condition, final String what) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean())
        {
            if (System.currentTimeMillis() > deadline)
            {
                throw new AssertionError("not within " + TIMEOUT_MS + " ms: " + what);
            }
            Thread.sleep(10);
        }
    }
}
