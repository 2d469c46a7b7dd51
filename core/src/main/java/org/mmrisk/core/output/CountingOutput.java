package org.mmrisk.core.output;

/**
 * Discards the engine's outputs, counting them: for runs whose outputs go nowhere (benchmarks, allocation tests,
 * a muted recovery). Owned by the engine thread.
 */
public final class CountingOutput implements RiskOutput
{
    private long emitted;

    @Override
    public void onQuoteAdjustment(final QuoteAdjustment adjustment)
    {
        emitted++;
    }

    @Override
    public void onRiskSnapshot(final RiskSnapshot snapshot)
    {
        emitted++;
    }

    @Override
    public void onAlert(final Alert alert)
    {
        emitted++;
    }

    @Override
    public void onHedgeSignal(final HedgeSignal signal)
    {
        emitted++;
    }

    /**
     * @return outputs received so far.
     */
    public long emitted()
    {
        return emitted;
    }
}
