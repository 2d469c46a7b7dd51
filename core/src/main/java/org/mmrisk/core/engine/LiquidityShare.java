package org.mmrisk.core.engine;

/**
 * What one instrument's position adds to its underlying's liquidity cost: the cost of unwinding it at the displayed
 * book, in its settlement currency (coins for coin-settled contracts, USD for linear ones), or unknown when its
 * book is not two-sided. Derived from the quote and the position; written only by {@link UnderlyingLiquidity}
 * (which recomputes it on a restore). Owned by the engine thread.
 */
final class LiquidityShare
{
    /** Settlement currency: coins when {@link #coinSettled}, else USD; 0 when flat or unknown. */
    double cost;
    boolean coinSettled;
    /** A position whose book has no bid or no ask: its cost cannot be read off the book. */
    boolean unknown;

    void clear()
    {
        cost = 0;
        coinSettled = false;
        unknown = false;
    }
}
