package org.mmrisk.core.quoting;

/**
 * What the quoting guards read of an underlying: its exposure and P&L, the age of its index data, its positions, and
 * its {@link QuotingStatus}, which they alone write. Implemented by the engine's underlying; owned by the engine
 * thread.
 */
public interface GuardedUnderlying
{
    long code();

    QuotingStatus quoting();

    double indexUsd();

    /**
     * @return delta in coins, and in USD at the index.
     */
    double delta();

    double deltaUsd();

    double dollarGammaUsd();

    double vega();

    double pnlUsd();

    /**
     * @return gross position sizes: coin-sized contracts in coins, USD-sized in USD.
     */
    double grossSizeCoins();

    double grossSizeUsd();

    double largestExpiryVegaUsd();

    /**
     * @return engine time of the index source's last tick, {@link Long#MIN_VALUE} before the first.
     */
    long lastIndexTickNs();

    int unpricedPositions();

    int instrumentCount();

    /**
     * @return the position of the {@code i}-th instrument in the book, contracts, and that instrument's id.
     */
    double positionQuantity(int i);

    int instrumentId(int i);

    /**
     * @return maintenance margin / equity from the last margin refresh: NaN when equity is at or below zero or the
     * margin is unknown (a breach), 0 before the first refresh.
     */
    double marginUtilization();

    /**
     * @return the nearest liquidation distance |move| from the last refresh: NaN when none is in range, 0 when
     * already at maintenance; NaN before the first refresh.
     */
    double liquidationDistance();

    /**
     * @return the underlying's own delta-gamma VaR, USD (NaN when unknown).
     */
    double varUsd();

    /**
     * @return the delta-gamma VaR plus the cost of unwinding, USD (NaN when unknown).
     */
    double liquidityAdjustedVarUsd();
}
