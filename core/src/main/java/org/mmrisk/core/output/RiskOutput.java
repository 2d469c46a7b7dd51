package org.mmrisk.core.output;

/**
 * Where the engine's decisions go. Called on the engine thread, only from {@code RiskEngine.onBatchEnd()}, so an
 * implementation sees whole batches. Arguments are engine-owned flyweights, valid during the call only:
 * copy what must outlive it.
 */
public interface RiskOutput
{
    void onQuoteAdjustment(QuoteAdjustment adjustment);

    void onRiskSnapshot(RiskSnapshot snapshot);

    void onAlert(Alert alert);

    void onHedgeSignal(HedgeSignal signal);

    /**
     * An underlying's scenario grid (an output that does not carry it ignores it).
     */
    default void onScenarioGrid(final ScenarioGridMessage grid)
    {
    }

    /**
     * An underlying's margin and liquidation distance (an output that does not carry it ignores it).
     */
    default void onMarginStatus(final MarginStatus margin)
    {
    }

    /**
     * Everything the engine decided for the batch has been handed over.
     */
    default void onBatchComplete()
    {
    }
}
