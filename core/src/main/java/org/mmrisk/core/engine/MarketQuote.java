package org.mmrisk.core.engine;

import org.mmrisk.core.state.StateIo;

/**
 * One instrument's last market: bid, ask, the sizes displayed at them, mark, the venue's implied vol, and the sticky basis to the index. Owned by
 * the engine thread; its fields are written only by {@link MarketApplier} (and restored here), which a test enforces.
 */
public final class MarketQuote
{
    double bid = Double.NaN;
    double ask = Double.NaN;
    /** Contracts displayed at the bid and the ask; NaN when the last tick carried none. */
    double bidSize = Double.NaN;
    double askSize = Double.NaN;
    double mark = Double.NaN;
    double markIv = Double.NaN;
    /**
     * This instrument's price over the index at its last tick (futures, perpetual: their mid; options: the venue's
     * forward): the sticky basis that moves its forward with the index until its next tick. NaN until both known.
     */
    double basis = Double.NaN;
    long lastTickNs = Long.MIN_VALUE;
    /** Exchange time of the last tick that carried one. */
    long lastTickExchangeNs = Long.MIN_VALUE;

    /**
     * @return the mid when both sides are quoted, else the mark, else NaN.
     */
    public double midOrMark()
    {
        if (bid > 0 && ask > 0)
        {
            return 0.5 * (bid + ask);
        }
        return mark > 0 ? mark : Double.NaN;
    }

    /**
     * @return the mark when the venue sent one, else the mid, else NaN: the price P&L is marked at.
     */
    public double markOrMid()
    {
        if (mark > 0)
        {
            return mark;
        }
        return bid > 0 && ask > 0 ? 0.5 * (bid + ask) : Double.NaN;
    }

    /**
     * @return the mid when both sides are quoted no wider than {@code maxSpread} of the mid, else NaN (the caller
     * takes the model value): an instrument's fair value for sizing from margin headroom.
     */
    public double fairMid(final double maxSpread)
    {
        if (!(bid > 0 && ask > 0))
        {
            return Double.NaN;
        }
        final double mid = 0.5 * (bid + ask);
        return ask - bid <= maxSpread * mid ? mid : Double.NaN;
    }

    public double bid()
    {
        return bid;
    }

    public double ask()
    {
        return ask;
    }

    /**
     * @return contracts displayed at the bid at the last tick, NaN when it carried none.
     */
    public double bidSize()
    {
        return bidSize;
    }

    /**
     * @return contracts displayed at the ask at the last tick, NaN when it carried none.
     */
    public double askSize()
    {
        return askSize;
    }

    public double markIv()
    {
        return markIv;
    }

    public double basis()
    {
        return basis;
    }

    void exchangeState(final StateIo io)
    {
        bid = io.f64(bid);
        ask = io.f64(ask);
        mark = io.f64(mark);
        markIv = io.f64(markIv);
        basis = io.f64(basis);
        bidSize = io.f64(bidSize);
        askSize = io.f64(askSize);
        lastTickNs = io.i64(lastTickNs);
        lastTickExchangeNs = io.i64(lastTickExchangeNs);
    }
}
