package org.mmrisk.daemon.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.MarginStatus;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.output.ScenarioGridMessage;
import org.mmrisk.daemon.egress.OutputAdapter;
import org.mmrisk.daemon.json.OutputJson;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeTailer;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;

/**
 * The detail a page shows that a counter or a gauge cannot carry: the newest risk snapshot of each underlying (with
 * its positions and expiries), the newest quote adjustment of each instrument, the newest scenario grid and margin
 * status of each underlying, and the most recent alerts and hedge signals — each kept as the JSON the tail of the
 * output queue prints ({@link OutputJson}), so the page reads the queue's own field names. It tails the daemon's
 * output queue from the start on a read-only mapping, beside {@code LiveRiskReader}'s (a second reader costs the
 * daemon nothing).
 * <p>
 * Threads: one reading thread calls {@link #poll()}; any thread calls {@link #json()}. Both hold this object's lock
 * (a tool's process, not the daemon's hot path); {@link #poll()} reads a bounded slice per call so a page waits
 * little.
 */
public final class DashboardOutputs implements RiskOutput, AutoCloseable
{
    /** At most this many alerts and hedge signals are kept, newest last. */
    public static final int RECENT = 50;
    static final int POLL_LIMIT = 4096;

    private final Object lock = new Object();
    private final Path outputDir;
    private final OutputJson json = new OutputJson();
    private final OutputAdapter adapter;
    private final Map<String, ObjectNode> snapshots = new TreeMap<>();
    private final Map<String, Map<Integer, ObjectNode>> quotes = new TreeMap<>();
    private final Map<String, ObjectNode> grids = new TreeMap<>();
    private final Map<String, ObjectNode> margins = new TreeMap<>();
    private final Deque<ObjectNode> alerts = new ArrayDeque<>();
    private final Deque<ObjectNode> hedges = new ArrayDeque<>();
    private ChronicleQueue output;
    private SbeTailer tailer;
    private long messagesRead;

    /**
     * @param outputDir the daemon's output queue (it may not exist yet)
     */
    public DashboardOutputs(final Path outputDir)
    {
        this.outputDir = outputDir;
        this.adapter = new OutputAdapter(this, (seq, wallNs, engineNs, lastOut, lastJournal) -> messagesRead++);
    }

    /**
     * Reads what the output queue holds next, a bounded slice; the reading thread only.
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
            while (read < POLL_LIMIT && (n = tailer.poll(adapter)) > 0)
            {
                read += n;
            }
            return read;
        }
    }

    /**
     * @return a new JSON object of what is known now ({@code docs/dashboard.md}); any thread.
     */
    public ObjectNode json()
    {
        synchronized (lock)
        {
            final ObjectNode n = json.mapper().createObjectNode();
            n.put("messagesRead", messagesRead);
            final ObjectNode byUnderlying = n.putObject("underlyings");
            for (final String u : underlyingNames())
            {
                final ObjectNode one = byUnderlying.putObject(u);
                one.set("snapshot", copyOrNull(snapshots.get(u)));
                final ArrayNode q = one.putArray("quotes");
                quotes.getOrDefault(u, Map.of()).values().forEach(node -> q.add(node.deepCopy()));
                one.set("scenarioGrid", copyOrNull(grids.get(u)));
                one.set("marginStatus", copyOrNull(margins.get(u)));
            }
            final ArrayNode a = n.putArray("alerts");
            alerts.forEach(node -> a.add(node.deepCopy()));
            final ArrayNode h = n.putArray("hedges");
            hedges.forEach(node -> h.add(node.deepCopy()));
            return n;
        }
    }

    private Iterable<String> underlyingNames()
    {
        final TreeMap<String, Boolean> names = new TreeMap<>();
        snapshots.keySet().forEach(u -> names.put(u, true));
        quotes.keySet().forEach(u -> names.put(u, true));
        grids.keySet().forEach(u -> names.put(u, true));
        margins.keySet().forEach(u -> names.put(u, true));
        return names.keySet();
    }

    private static ObjectNode copyOrNull(final ObjectNode node)
    {
        return node == null ? null : node.deepCopy();
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

    private static void keepRecent(final Deque<ObjectNode> recent, final ObjectNode node)
    {
        recent.addLast(node);
        if (recent.size() > RECENT)
        {
            recent.removeFirst();
        }
    }

    @Override
    public void onQuoteAdjustment(final QuoteAdjustment q)
    {
        messagesRead++;
        quotes.computeIfAbsent(AsciiCode.toString(q.underlying), u -> new TreeMap<>())
            .put(q.instrumentId, json.quote(q, null));
    }

    @Override
    public void onRiskSnapshot(final RiskSnapshot s)
    {
        messagesRead++;
        snapshots.put(AsciiCode.toString(s.underlying), json.snapshot(s));
    }

    @Override
    public void onAlert(final Alert alert)
    {
        messagesRead++;
        keepRecent(alerts, json.alert(alert));
    }

    @Override
    public void onHedgeSignal(final HedgeSignal signal)
    {
        messagesRead++;
        keepRecent(hedges, json.hedge(signal, null));
    }

    @Override
    public void onScenarioGrid(final ScenarioGridMessage grid)
    {
        messagesRead++;
        grids.put(AsciiCode.toString(grid.underlying), json.scenarioGrid(grid));
    }

    @Override
    public void onMarginStatus(final MarginStatus m)
    {
        messagesRead++;
        margins.put(AsciiCode.toString(m.underlying), json.marginStatus(m));
    }

    @Override
    public void close()
    {
        synchronized (lock)
        {
            if (tailer != null)
            {
                tailer.close();
                output.close();
                tailer = null;
            }
        }
    }
}
