package org.mmrisk.core.engine;

/**
 * One underlying's cost of unwinding every position at its side of the displayed book, in USD (positive): the
 * exogenous-liquidity term that the liquidity-adjusted VaR adds to the delta-gamma VaR. Owned by the engine thread;
 * its fields are written only by its own methods.
 */
public final class UnderlyingLiquidity
{
    private double costUsd;

    /**
     * @return the cost of unwinding every position of the underlying now, USD, ≥ 0.
     */
    public double costUsd()
    {
        return costUsd;
    }
}
