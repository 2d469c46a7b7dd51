package org.mmrisk.daemon.cli;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.status.CountersReader;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.daemon.codec.InputDecoder;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.counters.CountersFile;
import org.mmrisk.daemon.egress.OutputAdapter;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeTailer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code risk monitor}: a live one-screen summary of a running daemon from another process — whether it is alive
 * (the age of its last heartbeat), rates, counts and rejects by reason from its counters file, exposure per
 * underlying and positions from its latest risk snapshots, and the latest quote adjustments from its output queue.
 * Without a daemon it says so on every refresh rather than waiting silently.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
    description = "Live one-screen summary of a running daemon (liveness from heartbeats, counters, rejects by " +
        "reason, exposure, positions, quote adjustments).")
public final class MonitorCommand implements Callable<Integer>, RiskOutput
{
    private static final int RECENT_QUOTES = 10;

    @Option(names = "--config", required = true, description = "daemon config file (YAML)")
    java.nio.file.Path config;

    @Option(names = "--seconds", defaultValue = "0", description = "stop after this long (0: until interrupted)")
    double seconds;

    @Option(names = "--interval-ms", defaultValue = "1000", description = "refresh period (default ${DEFAULT-VALUE})")
    long intervalMs;

    @Spec
    CommandSpec spec;

    private PrintWriter out;
    private final Map<Integer, String> symbols = new HashMap<>();
    private final TreeMap<String, String> exposure = new TreeMap<>();
    private final TreeMap<String, java.util.List<String>> positionsByUnderlying = new TreeMap<>();
    private final ArrayDeque<String> recentQuotes = new ArrayDeque<>();
    private final InputDecoder inputDecoder = new InputDecoder();
    private final RiskEvent event = new RiskEvent();
    private long quotes;
    private long alerts;
    private long hedges;
    private long lastHeartbeatWallNs = MonitorScreen.NO_HEARTBEAT;

    @Override
    public Integer call() throws InterruptedException
    {
        out = spec.commandLine().getOut();
        final LoadedConfig loaded = ConfigLoader.load(config);
        final long endMs = seconds > 0 ? System.currentTimeMillis() + (long)(seconds * 1000) : Long.MAX_VALUE;
        final boolean ansi = System.console() != null;
        final long heartbeatIntervalNs = loaded.config().egress.heartbeatIntervalMs * 1_000_000L;
        // a counters file still being laid out by a starting daemon reads as no daemon yet
        while (!CountersFile.isComplete(loaded.countersFile().toFile()))
        {
            print(MonitorScreen.status(false, lastHeartbeatWallNs, System.currentTimeMillis() * 1_000_000L,
                heartbeatIntervalNs, loaded.dataDir()) + "\n", ansi);
            if (System.currentTimeMillis() >= endMs)
            {
                return 0;
            }
            Thread.sleep(intervalMs);
        }
        try (CountersFile counters = CountersFile.openReader(loaded.countersFile().toFile());
            ChronicleQueue output = Queues.open(loaded.outputDir(), loaded.queueBlockSizeBytes());
            ChronicleQueue market = Queues.open(loaded.inputDir(loaded.config().inputs.get(0)),
                loaded.queueBlockSizeBytes());
            SbeTailer outputTailer = new SbeTailer(output);
            SbeTailer marketTailer = new SbeTailer(market))
        {
            final OutputAdapter adapter = new OutputAdapter(this,
                (seq, wallNs, engineNs, lastOut, lastJournal) -> lastHeartbeatWallNs = wallNs);
            long lastEvents = -1;
            long lastMs = System.currentTimeMillis();
            do
            {
                while (marketTailer.poll(this::onMarketMessage) > 0)
                {
                    // learn symbols from definitions
                }
                while (outputTailer.poll(adapter) > 0)
                {
                    // fold outputs into the summary
                }
                final Map<String, Long> values = read(counters.reader());
                final long nowMs = System.currentTimeMillis();
                final long events = values.getOrDefault("engine: events", 0L);
                final double rate = lastEvents < 0 ? 0 :
                    (events - lastEvents) * 1000.0 / Math.max(1, nowMs - lastMs);
                lastEvents = events;
                lastMs = nowMs;
                final String status = MonitorScreen.status(true, lastHeartbeatWallNs, nowMs * 1_000_000L,
                    heartbeatIntervalNs, loaded.dataDir());
                render(status, values, rate, ansi);
                if (System.currentTimeMillis() >= endMs)
                {
                    break;
                }
                Thread.sleep(intervalMs);
            }
            while (true);
        }
        return 0;
    }

    private void onMarketMessage(final org.agrona.DirectBuffer buffer, final int offset, final int length,
        final long index)
    {
        if (inputDecoder.decode(buffer, offset, length, event) == null && event.type == EventType.INSTRUMENT)
        {
            symbols.put(event.instrumentId, new String(event.symbol, 0, event.symbolLength, StandardCharsets.US_ASCII));
        }
    }

    private static Map<String, Long> read(final CountersReader reader)
    {
        final Map<String, Long> values = new HashMap<>();
        reader.forEach((counterId, typeId, keyBuffer, label) -> values.put(label, reader.getCounterValue(counterId)));
        return values;
    }

    private void render(final String status, final Map<String, Long> c, final double rate, final boolean ansi)
    {
        final StringBuilder sb = new StringBuilder();
        sb.append(status).append('\n');
        sb.append(String.format("mmrisk monitor   events/s %,.0f   events %,d   journal %,d   outputs %,d   " +
            "quotes %,d   alerts %,d   hedges %,d   heartbeats %,d   lag %,d%n",
            rate, c.getOrDefault("engine: events", 0L), c.getOrDefault("journal: entries written", 0L),
            c.getOrDefault("egress: messages written", 0L), quotes, alerts, hedges, c.getOrDefault("egress: heartbeats", 0L),
            c.getOrDefault("engine: lag behind ingress (events)", 0L)));
        sb.append(MonitorScreen.rejects(c)).append('\n');
        sb.append(String.format("%n%-5s %12s %12s %14s %12s %12s %12s %14s %14s %-8s %7s %7s %12s%n", "UNDL", "INDEX",
            "DELTA", "DELTA USD", "GAMMA", "VEGA USD", "THETA USD/D", "REALIZED USD", "UNREAL USD", "STATE", "IM %",
            "MM %", "DG VAR USD"));
        exposure.values().forEach(line -> sb.append(line).append('\n'));
        sb.append(String.format("%nPOSITIONS%n%-28s %10s %14s %14s%n", "INSTRUMENT", "QTY", "AVG PRICE",
            "UNREAL USD"));
        positionsByUnderlying.values().forEach(lines -> lines.stream().limit(8)
            .forEach(line -> sb.append(line).append('\n')));
        sb.append(String.format("%nLATEST QUOTE ADJUSTMENTS%n%-28s %14s %10s %-8s %10s%n", "INSTRUMENT", "SHIFT",
            "SHIFT VOL", "STATE", "SEQUENCE"));
        recentQuotes.forEach(line -> sb.append(line).append('\n'));
        print(sb.toString(), ansi);
    }

    private void print(final String screen, final boolean ansi)
    {
        out.print((ansi ? "\033[H\033[2J" : "") + screen);
        out.println(ansi ? "" : "----");
        out.flush();
    }

    private String symbol(final int instrumentId)
    {
        return symbols.getOrDefault(instrumentId, Integer.toString(instrumentId));
    }

    @Override
    public void onQuoteAdjustment(final QuoteAdjustment q)
    {
        quotes++;
        // a vol shift is absent (NaN) for what has no vol: futures, perpetuals
        final String shiftVol = Double.isNaN(q.shiftVol) ? "-" : String.format("%.4f", q.shiftVol);
        recentQuotes.addFirst(String.format("%-28s %14.6g %10s %-8s %10d", symbol(q.instrumentId), q.shift,
            shiftVol, q.state, q.sequence));
        while (recentQuotes.size() > RECENT_QUOTES)
        {
            recentQuotes.removeLast();
        }
    }

    @Override
    public void onRiskSnapshot(final RiskSnapshot s)
    {
        final String underlying = AsciiCode.toString(s.underlying);
        exposure.put(underlying, String.format(
            "%-5s %12.2f %12.4f %14.2f %12.6f %12.2f %12.2f %14.2f %14.2f %-8s %7s %7s %12s", underlying, s.indexUsd,
            s.delta, s.deltaUsd, s.gamma, s.vega, s.theta, s.realizedPnlUsd, s.unrealizedPnlUsd, s.state,
            MonitorScreen.percent(s.initialUtilization), MonitorScreen.percent(s.maintenanceUtilization),
            Double.isNaN(s.deltaGammaVarUsd) ? "-" : String.format("%.0f", s.deltaGammaVarUsd)));
        final java.util.List<String> lines = new java.util.ArrayList<>();
        positionsByUnderlying.put(underlying, lines);
        for (int i = 0; i < s.positionCount; i++)
        {
            if (s.quantity[i] != 0)
            {
                lines.add(String.format("%-28s %10.2f %14.6g %14.2f", symbol(s.instrumentId[i]),
                    s.quantity[i], s.avgPrice[i], s.positionUnrealizedPnlUsd[i]));
            }
        }
    }

    @Override
    public void onAlert(final Alert alert)
    {
        alerts++;
    }

    @Override
    public void onHedgeSignal(final HedgeSignal signal)
    {
        hedges++;
    }
}
