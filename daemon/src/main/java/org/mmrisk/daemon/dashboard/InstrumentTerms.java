package org.mmrisk.daemon.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.DirectBuffer;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.codec.InputDecoder;
import org.mmrisk.daemon.json.JsonTime;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeTailer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The options' terms (expiry, strike) as the gateways defined them on the daemon's input queues, read-only, as
 * {@code risk monitor} learns symbols: the outputs name instruments by id only. With them a risk snapshot's
 * positions become an expiry × strike grid of the net option position in contracts (calls and puts together).
 * <p>
 * Threads: one reading thread calls {@link #poll()}; any thread calls {@link #strikeGrid(JsonNode)}; both hold this
 * object's lock (a tool's process).
 */
final class InstrumentTerms implements AutoCloseable
{
    private final Object lock = new Object();
    private final List<Path> inputDirs;
    private final List<ChronicleQueue> queues = new ArrayList<>();
    private final List<SbeTailer> tailers = new ArrayList<>();
    private final InputDecoder decoder = new InputDecoder();
    private final RiskEvent event = new RiskEvent();
    private final Map<Integer, long[]> expiryNs = new HashMap<>();
    private final Map<Integer, Double> strikes = new HashMap<>();

    InstrumentTerms(final List<Path> inputDirs)
    {
        this.inputDirs = inputDirs;
    }

    /** Reads the inputs' new messages, keeping the option definitions; the reading thread only. */
    int poll()
    {
        synchronized (lock)
        {
            if (tailers.size() < inputDirs.size())
            {
                open();
            }
            int read = 0;
            for (final SbeTailer tailer : tailers)
            {
                int n;
                while (read < DashboardOutputs.POLL_LIMIT && (n = tailer.poll(this::onMessage)) > 0)
                {
                    read += n;
                }
            }
            return read;
        }
    }

    private void open()
    {
        for (int i = tailers.size(); i < inputDirs.size(); i++)
        {
            try
            {
                Queues.checkIsQueue(inputDirs.get(i));
            }
            catch (final IllegalArgumentException ex)
            {
                return; // not written yet: opened in order, on a later poll
            }
            final ChronicleQueue queue = Queues.openExisting(inputDirs.get(i));
            queues.add(queue);
            tailers.add(new SbeTailer(queue));
        }
    }

    private void onMessage(final DirectBuffer buffer, final int offset, final int length, final long index)
    {
        if (decoder.decode(buffer, offset, length, event) == null && event.type == EventType.INSTRUMENT &&
            event.kind == InstrumentKind.OPTION && Double.isFinite(event.strike))
        {
            expiryNs.put(event.instrumentId, new long[] { event.expiryNs });
            strikes.put(event.instrumentId, event.strike);
        }
    }

    /**
     * @param snapshot a risk snapshot as {@code OutputJson} writes it (null: none yet)
     * @param factory  any node of the document being built
     * @return {@code {expiries: [...], strikes: [...], quantity: [[...]]}}, a row per expiry and a column per strike
     * holding the net option contracts there (null where no option position), or null without a snapshot.
     */
    ObjectNode strikeGrid(final JsonNode snapshot, final ObjectNode factory)
    {
        if (snapshot == null || snapshot.isNull())
        {
            return null;
        }
        final TreeMap<Long, TreeMap<Double, Double>> cells = new TreeMap<>();
        final TreeSet<Double> strikeSet = new TreeSet<>();
        synchronized (lock)
        {
            for (final JsonNode p : snapshot.path("positions"))
            {
                final int id = p.path("instrumentId").asInt();
                final long[] expiry = expiryNs.get(id);
                if (expiry != null && p.path("quantity").isNumber())
                {
                    final double strike = strikes.get(id);
                    strikeSet.add(strike);
                    cells.computeIfAbsent(expiry[0], e -> new TreeMap<>())
                        .merge(strike, p.path("quantity").asDouble(), Double::sum);
                }
            }
        }
        final ObjectNode grid = factory.objectNode();
        final ArrayNode expiries = grid.putArray("expiries");
        cells.keySet().forEach(e -> expiries.add(JsonTime.format(e)));
        final ArrayNode strikeArray = grid.putArray("strikes");
        strikeSet.forEach(k -> strikeArray.add(k.doubleValue()));
        final ArrayNode rows = grid.putArray("quantity");
        cells.values().forEach(byStrike ->
        {
            final ArrayNode row = rows.addArray();
            strikeSet.forEach(k -> row.add(byStrike.get(k)));
        });
        return grid;
    }

    @Override
    public void close()
    {
        synchronized (lock)
        {
            tailers.forEach(SbeTailer::close);
            queues.forEach(ChronicleQueue::close);
            tailers.clear();
            queues.clear();
        }
    }
}
