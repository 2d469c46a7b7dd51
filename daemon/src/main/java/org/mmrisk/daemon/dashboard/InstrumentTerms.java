package org.mmrisk.daemon.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.DirectBuffer;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.Settlement;
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
 * The options' terms (expiry, strike, put/call, contract size, settlement) as the gateways defined them on the
 * daemon's input queues, and each option's newest mark IV and forward from its ticks, read-only, as
 * {@code risk monitor} learns symbols: the outputs name instruments by id only. With them a risk snapshot's
 * positions become expiry × strike grids of the net option position in contracts (calls and puts together) and of
 * its vega and gamma ({@link StrikeGreeks}).
 * <p>
 * Threads: one reading thread calls {@link #poll()}; any thread calls {@link #strikeGrid}; both hold this object's
 * lock (a tool's process).
 */
final class InstrumentTerms implements AutoCloseable
{
    private final Object lock = new Object();
    private final List<Path> inputDirs;
    private final List<ChronicleQueue> queues = new ArrayList<>();
    private final List<SbeTailer> tailers = new ArrayList<>();
    private final InputDecoder decoder = new InputDecoder();
    private final RiskEvent event = new RiskEvent();
    private final Map<Integer, StrikeGreeks.Option> options = new HashMap<>();
    private final double timeFloorYears;

    /**
     * @param timeFloorYears the engine's option time floor ({@link StrikeGreeks})
     */
    InstrumentTerms(final List<Path> inputDirs, final double timeFloorYears)
    {
        this.inputDirs = inputDirs;
        this.timeFloorYears = timeFloorYears;
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
        if (decoder.decode(buffer, offset, length, event) != null)
        {
            return;
        }
        if (event.type == EventType.INSTRUMENT && event.kind == InstrumentKind.OPTION && Double.isFinite(event.strike))
        {
            options.put(event.instrumentId, new StrikeGreeks.Option(event.expiryNs, event.strike,
                event.putCall == PutCall.CALL, event.contractSize, event.settlement == Settlement.INVERSE));
        }
        else if (event.type == EventType.TICK)
        {
            final StrikeGreeks.Option option = options.get(event.instrumentId);
            // a tick without a mark IV or a forward leaves the option's last known ones, as the engine's market does
            if (option != null && event.markIv > 0)
            {
                option.markIv = event.markIv;
            }
            if (option != null && event.underlyingPrice > 0)
            {
                option.forwardUsd = event.underlyingPrice;
            }
        }
    }

    /**
     * @param snapshot a risk snapshot as {@code OutputJson} writes it (null: none yet)
     * @param factory  any node of the document being built
     * @return {@code {expiries, strikes, quantity, vega, gamma, unpriced}}: a row per expiry and a column per strike
     * holding the net option contracts there, and their position-weighted vega (USD per vol point) and gamma (per
     * USD), null where no option position (or, for vega and gamma, none priced); {@code unpriced} counts the option
     * positions left out of vega and gamma for want of a mark IV. Null without a snapshot.
     */
    ObjectNode strikeGrid(final JsonNode snapshot, final ObjectNode factory)
    {
        if (snapshot == null || snapshot.isNull())
        {
            return null;
        }
        final TreeMap<Long, TreeMap<Double, double[]>> cells = new TreeMap<>();
        final TreeSet<Double> strikeSet = new TreeSet<>();
        final StrikeGreeks pricer = new StrikeGreeks(timeFloorYears, JsonTime.parseNs(snapshot.path("time").asText()),
            snapshot.path("index").isNumber() ? snapshot.path("index").asDouble() : Double.NaN);
        int unpriced = 0;
        synchronized (lock)
        {
            for (final JsonNode p : snapshot.path("positions"))
            {
                final StrikeGreeks.Option option = options.get(p.path("instrumentId").asInt());
                if (option != null && p.path("quantity").isNumber())
                {
                    strikeSet.add(option.strike);
                    final double[] cell = cells.computeIfAbsent(option.expiryNs, e -> new TreeMap<>())
                        .computeIfAbsent(option.strike, k -> new double[] { 0, Double.NaN, Double.NaN });
                    final double quantity = p.path("quantity").asDouble();
                    cell[0] += quantity;
                    if (pricer.price(option))
                    {
                        // NaN + x stays NaN: a cell's first priced position replaces its NaN
                        cell[1] = (Double.isNaN(cell[1]) ? 0 : cell[1]) + quantity * pricer.vegaUsd();
                        cell[2] = (Double.isNaN(cell[2]) ? 0 : cell[2]) + quantity * pricer.gammaPerUsd();
                    }
                    else
                    {
                        unpriced++;
                    }
                }
            }
        }
        final ObjectNode grid = factory.objectNode();
        final ArrayNode expiries = grid.putArray("expiries");
        cells.keySet().forEach(e -> expiries.add(JsonTime.format(e)));
        final ArrayNode strikeArray = grid.putArray("strikes");
        strikeSet.forEach(k -> strikeArray.add(k.doubleValue()));
        rows(grid.putArray("quantity"), cells, strikeSet, 0);
        rows(grid.putArray("vega"), cells, strikeSet, 1);
        rows(grid.putArray("gamma"), cells, strikeSet, 2);
        grid.put("unpriced", unpriced);
        return grid;
    }

    /** One row per expiry of one figure of the cells, null where the cell is empty or the figure not finite. */
    private static void rows(final ArrayNode rows, final TreeMap<Long, TreeMap<Double, double[]>> cells,
        final TreeSet<Double> strikeSet, final int figure)
    {
        cells.values().forEach(byStrike ->
        {
            final ArrayNode row = rows.addArray();
            strikeSet.forEach(k ->
            {
                final double[] cell = byStrike.get(k);
                if (cell == null || !Double.isFinite(cell[figure]))
                {
                    row.addNull();
                }
                else
                {
                    row.add(cell[figure]);
                }
            });
        });
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
