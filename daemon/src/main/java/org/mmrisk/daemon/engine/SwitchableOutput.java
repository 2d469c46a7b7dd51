package org.mmrisk.daemon.engine;

import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.CountingOutput;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;

/**
 * Forwards the engine's outputs to a delegate that can be changed: none while recovery replays the journal (those
 * outputs were already written by the previous run), egress afterwards. Engine thread only.
 */
final class SwitchableOutput implements RiskOutput
{
    /** Where outputs go while muted: counted, not written. */
    private final RiskOutput muted = new CountingOutput();
    private RiskOutput delegate = muted;

    void delegate(final RiskOutput output)
    {
        delegate = output;
    }

    @Override
    public void onQuoteAdjustment(final QuoteAdjustment adjustment)
    {
        delegate.onQuoteAdjustment(adjustment);
    }

    @Override
    public void onRiskSnapshot(final RiskSnapshot snapshot)
    {
        delegate.onRiskSnapshot(snapshot);
    }

    @Override
    public void onAlert(final Alert alert)
    {
        delegate.onAlert(alert);
    }

    @Override
    public void onHedgeSignal(final HedgeSignal signal)
    {
        delegate.onHedgeSignal(signal);
    }

    @Override
    public void onBatchComplete()
    {
        delegate.onBatchComplete();
    }
}
