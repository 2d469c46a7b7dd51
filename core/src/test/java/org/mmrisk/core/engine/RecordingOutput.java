package org.mmrisk.core.engine;

import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small fake output that keeps copies of what the engine emitted.
 */
final class RecordingOutput implements RiskOutput
{
    final Map<Integer, Double> lastShift = new HashMap<>();
    final Map<Integer, Double> lastShiftVol = new HashMap<>();
    final List<AlertCode> alerts = new ArrayList<>();
    /** Copies of every alert, for their command fields. */
    final List<Alert> alertCopies = new ArrayList<>();
    final List<Double> alertValues = new ArrayList<>();
    final List<Double> alertThresholds = new ArrayList<>();
    final List<org.mmrisk.core.event.QuotingState> alertStates = new ArrayList<>();
    final List<HedgeSignal> hedges = new ArrayList<>();
    final Map<Integer, QuoteAdjustment> lastQuote = new HashMap<>();
    final List<Long> sequences = new ArrayList<>();
    final List<org.mmrisk.core.output.MarginStatus> margins = new ArrayList<>();
    int quotes;
    int snapshots;
    /** Each snapshot's own delta-gamma VaR, in order. */
    final List<Double> snapshotVars = new ArrayList<>();
    int scenarioGrids;

    @Override
    public void onQuoteAdjustment(final QuoteAdjustment adjustment)
    {
        quotes++;
        lastShift.put(adjustment.instrumentId, adjustment.shift);
        lastShiftVol.put(adjustment.instrumentId, adjustment.shiftVol);
        final QuoteAdjustment copy = new QuoteAdjustment();
        copy.instrumentId = adjustment.instrumentId;
        copy.shift = adjustment.shift;
        copy.shiftVol = adjustment.shiftVol;
        copy.bidSpreadMult = adjustment.bidSpreadMult;
        copy.askSpreadMult = adjustment.askSpreadMult;
        copy.bidSizeMult = adjustment.bidSizeMult;
        copy.askSizeMult = adjustment.askSizeMult;
        copy.bidMaxQty = adjustment.bidMaxQty;
        copy.askMaxQty = adjustment.askMaxQty;
        copy.state = adjustment.state;
        copy.timeNs = adjustment.timeNs;
        copy.causeJournalSequence = adjustment.causeJournalSequence;
        lastQuote.put(adjustment.instrumentId, copy);
        sequences.add(adjustment.sequence);
    }

    @Override
    public void onRiskSnapshot(final RiskSnapshot snapshot)
    {
        snapshots++;
        snapshotVars.add(snapshot.deltaGammaVarUsd);
        sequences.add(snapshot.sequence);
    }

    @Override
    public void onHedgeSignal(final HedgeSignal signal)
    {
        final HedgeSignal copy = new HedgeSignal();
        copy.sequence = signal.sequence;
        copy.timeNs = signal.timeNs;
        copy.underlying = signal.underlying;
        copy.hedgeInstrumentId = signal.hedgeInstrumentId;
        copy.side = signal.side;
        copy.quantity = signal.quantity;
        copy.deltaBefore = signal.deltaBefore;
        copy.deltaTarget = signal.deltaTarget;
        hedges.add(copy);
        sequences.add(signal.sequence);
    }

    @Override
    public void onAlert(final Alert alert)
    {
        alerts.add(alert.code);
        alertCopies.add(new Alert().copyFrom(alert));
        alertValues.add(alert.value);
        alertThresholds.add(alert.threshold);
        alertStates.add(alert.state);
        sequences.add(alert.sequence);
    }

    @Override
    public void onScenarioGrid(final org.mmrisk.core.output.ScenarioGridMessage grid)
    {
        scenarioGrids++;
        sequences.add(grid.sequence);
    }

    @Override
    public void onMarginStatus(final org.mmrisk.core.output.MarginStatus margin)
    {
        final org.mmrisk.core.output.MarginStatus copy = new org.mmrisk.core.output.MarginStatus();
        copy.underlying = margin.underlying;
        copy.known = margin.known;
        copy.initial = margin.initial;
        copy.maintenance = margin.maintenance;
        copy.equity = margin.equity;
        copy.maintenanceUtilization = margin.maintenanceUtilization;
        copy.downMove = margin.downMove;
        copy.upMove = margin.upMove;
        margins.add(copy);
        sequences.add(margin.sequence);
    }
}
