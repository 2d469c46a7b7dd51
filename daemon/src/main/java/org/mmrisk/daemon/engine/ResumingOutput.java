package org.mmrisk.daemon.engine;

import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.MarginStatus;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.output.ScenarioGridMessage;
import org.mmrisk.daemon.fault.FaultInjection;

/**
 * Forwards the engine's outputs to egress, except those the output queue already holds: while recovery replays the
 * journal, outputs up to the last sequence found in the output queue were written by a previous run and are
 * skipped; later ones (journaled, but lost when the previous run died before writing them) are written now, so
 * the output sequence has neither gaps nor repeats across a restart. Engine thread only.
 */
final class ResumingOutput implements RiskOutput
{
    private final RiskOutput delegate;
    private final long lastWrittenSequence;
    private boolean live;
    private long skipped;

    /**
     * @param lastWrittenSequence the last output sequence the output queue holds (-1: none).
     */
    ResumingOutput(final RiskOutput delegate, final long lastWrittenSequence)
    {
        this.delegate = delegate;
        this.lastWrittenSequence = lastWrittenSequence;
    }

    @Override
    public void onQuoteAdjustment(final QuoteAdjustment adjustment)
    {
        if (isNew(adjustment.sequence))
        {
            delegate.onQuoteAdjustment(adjustment);
        }
    }

    @Override
    public void onRiskSnapshot(final RiskSnapshot snapshot)
    {
        if (isNew(snapshot.sequence))
        {
            delegate.onRiskSnapshot(snapshot);
        }
    }

    @Override
    public void onAlert(final Alert alert)
    {
        if (isNew(alert.sequence))
        {
            delegate.onAlert(alert);
        }
    }

    @Override
    public void onHedgeSignal(final HedgeSignal signal)
    {
        if (isNew(signal.sequence))
        {
            delegate.onHedgeSignal(signal);
        }
    }

    @Override
    public void onScenarioGrid(final ScenarioGridMessage grid)
    {
        if (isNew(grid.sequence))
        {
            delegate.onScenarioGrid(grid);
        }
    }

    @Override
    public void onMarginStatus(final MarginStatus margin)
    {
        if (isNew(margin.sequence))
        {
            delegate.onMarginStatus(margin);
        }
    }

    @Override
    public void onBatchComplete()
    {
        delegate.onBatchComplete();
    }

    /**
     * Recovery is over: every later output is new and is written. The engine numbers its live outputs after the last
     * one written, so this changes no outcome when that holds; should it not, a consumer sees a repeated sequence
     * rather than a silently missing output (the integration tests rely on that to see it).
     */
    void live()
    {
        live = true;
    }

    private boolean isNew(final long sequence)
    {
        if (live)
        {
            return true;
        }
        if (sequence > lastWrittenSequence)
        {
            FaultInjection.reached(FaultInjection.RECOVERY_REWRITE);
            return true;
        }
        skipped++;
        return false;
    }

    /**
     * @return outputs not written because the output queue already held them.
     */
    long skipped()
    {
        return skipped;
    }
}
