package org.mmrisk.daemon.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.MarginStatus;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.output.ScenarioGridMessage;
import org.mmrisk.daemon.json.OutputJson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Keeps what an offline engine emitted, as JSON: the last quote adjustment per instrument (for the replay state)
 * and, optionally, every output in order (to compare with a daemon's output queue). Replay thread only.
 */
public final class RecordingOutput implements RiskOutput
{
    private final OutputJson json = new OutputJson();
    private final TreeMap<Integer, ObjectNode> lastQuotes = new TreeMap<>();
    private final List<ObjectNode> log;
    private final List<ObjectNode> alerts = new ArrayList<>();
    private final List<ObjectNode> hedges = new ArrayList<>();
    private final IntFunction<String> symbols;

    /**
     * @param keepLog  true to keep every output in order.
     * @param symbols  instrument id to symbol, for readable quotes (may return null).
     */
    public RecordingOutput(final boolean keepLog, final IntFunction<String> symbols)
    {
        this.log = keepLog ? new ArrayList<>() : null;
        this.symbols = symbols;
    }

    @Override
    public void onQuoteAdjustment(final QuoteAdjustment adjustment)
    {
        final ObjectNode node = json.quote(adjustment, symbols.apply(adjustment.instrumentId));
        lastQuotes.put(adjustment.instrumentId, node);
        record(node);
    }

    @Override
    public void onRiskSnapshot(final RiskSnapshot snapshot)
    {
        record(json.snapshot(snapshot));
    }

    @Override
    public void onAlert(final Alert alert)
    {
        final ObjectNode node = json.alert(alert);
        alerts.add(node);
        record(node);
    }

    @Override
    public void onHedgeSignal(final HedgeSignal signal)
    {
        final ObjectNode node = json.hedge(signal, symbols.apply(signal.hedgeInstrumentId));
        hedges.add(node);
        record(node);
    }

    @Override
    public void onScenarioGrid(final ScenarioGridMessage grid)
    {
        record(json.scenarioGrid(grid));
    }

    @Override
    public void onMarginStatus(final MarginStatus margin)
    {
        record(json.marginStatus(margin));
    }

    /**
     * @return every alert emitted, in order.
     */
    public List<ObjectNode> alerts()
    {
        return alerts;
    }

    /**
     * @return every hedge signal emitted, in order.
     */
    public List<ObjectNode> hedges()
    {
        return hedges;
    }

    private void record(final ObjectNode node)
    {
        if (log != null)
        {
            log.add(node);
        }
    }

    public Collection<ObjectNode> lastQuotes()
    {
        return lastQuotes.values();
    }

    /**
     * @return every output in emission order; empty unless created with {@code keepLog}.
     */
    public List<ObjectNode> log()
    {
        return log == null ? List.of() : log;
    }
}
