package org.mmrisk.core.engine;

import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.AlertCode;
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
    final List<Double> alertValues = new ArrayList<>();
    final List<Long> sequences = new ArrayList<>();
    int quotes;
    int snapshots;

    @Override
    public void onQuoteAdjustment(final QuoteAdjustment adjustment)
    {
        quotes++;
        lastShift.put(adjustment.instrumentId, adjustment.shift);
        lastShiftVol.put(adjustment.instrumentId, adjustment.shiftVol);
        sequences.add(adjustment.sequence);
    }

    @Override
    public void onRiskSnapshot(final RiskSnapshot snapshot)
    {
        snapshots++;
        sequences.add(snapshot.sequence);
    }

    @Override
    public void onAlert(final Alert alert)
    {
        alerts.add(alert.code);
        alertValues.add(alert.value);
        sequences.add(alert.sequence);
    }
}
