package org.mmrisk.daemon.cli;

import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;

/**
 * A reader of the output queue that wants its alerts only (the answers to operator commands): the other outputs are
 * passed over. Used by the tools on their own thread.
 */
interface AlertOutput extends RiskOutput
{
    @Override
    default void onQuoteAdjustment(final QuoteAdjustment adjustment)
    {
    }

    @Override
    default void onRiskSnapshot(final RiskSnapshot snapshot)
    {
    }

    @Override
    default void onHedgeSignal(final HedgeSignal signal)
    {
    }
}
