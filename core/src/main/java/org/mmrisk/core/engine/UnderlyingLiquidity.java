package org.mmrisk.core.engine;

import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.state.StateIo;

/**
 * One underlying's cost of unwinding every position at its side of the displayed book, in USD (positive): the
 * exogenous-liquidity term that the liquidity-adjusted VaR adds to the delta-gamma VaR (docs/liquidity.md). Owned by
 * the engine thread; its fields, and the instruments' {@link LiquidityShare}s, are written only by its own methods,
 * which the appliers call when an instrument's quote or position changes.
 * <p>
 * A long position sells at the bid, a short one buys at the ask: each contract up to the size displayed there costs
 * the half-spread h = (ask − bid)/2 from the mid, each one beyond it {@code beyondTopMultiple} × h, and every
 * contract costs h when the tick carried no size. In the settlement currency, per contract of size c:
 * <pre>
 *   linear (USD-settled)              c·h                         USD
 *   coin-settled option (coin prices) c·h                         coins
 *   inverse future, perpetual         long c·(1/bid − 1/mid), short c·(1/mid − 1/ask)   coins
 * </pre>
 * (an inverse contract beyond the top costs the multiple of its top-of-book cost). The coin and USD parts are kept
 * apart, so an index tick changes nothing here: the coins are converted at the index when the cost is read. O(1) per
 * quote or position change, allocation-free.
 * <p>
 * A position whose book has no bid or no ask cannot be priced off the book: it makes the cost unknown (NaN), like
 * an unpriced position makes the risk state unknown, rather than guessing a spread.
 */
public final class UnderlyingLiquidity
{
    private final ExposureSums sums;
    private final double beyondTopMultiple;
    private double costLinearUsd;
    private double costCoins;
    private int unknownPositions;

    /**
     * @param sums              whose index converts the coin part.
     * @param beyondTopMultiple the half-spreads one contract beyond the displayed size costs, ≥ 1.
     */
    UnderlyingLiquidity(final ExposureSums sums, final double beyondTopMultiple)
    {
        this.sums = sums;
        this.beyondTopMultiple = beyondTopMultiple;
    }

    /**
     * @return the cost of unwinding every position of the underlying now, USD, ≥ 0; NaN when a position's book has
     * no ask (or, for a future or perpetual, no bid), or coin-settled positions have no index to convert at.
     */
    public double costUsd()
    {
        if (unknownPositions > 0)
        {
            return Double.NaN;
        }
        // the sums are kept by adding and taking out shares: a flat book may leave a residue of rounding, either sign
        final double linearUsd = Math.max(0, costLinearUsd);
        if (costCoins == 0)
        {
            return linearUsd;
        }
        final double indexUsd = sums.indexUsd();
        return indexUsd > 0 ? linearUsd + Math.max(0, costCoins) * indexUsd : Double.NaN;
    }

    /**
     * @return the coin-settled contracts' part of the cost, coins of the underlying.
     */
    public double costCoins()
    {
        return costCoins;
    }

    /**
     * @return the USD-settled contracts' part of the cost, USD.
     */
    public double costLinearUsd()
    {
        return costLinearUsd;
    }

    /**
     * @return positions whose book has no bid or no ask.
     */
    public int unknownPositions()
    {
        return unknownPositions;
    }

    /**
     * The instrument's quote or position changed: its share is taken out and put back as it is now.
     */
    void update(final InstrumentState state)
    {
        final LiquidityShare share = state.liquidityShare;
        remove(share);
        compute(state, share);
        add(share);
    }

    /**
     * After a restore: the shares are derived from the restored quotes and positions (the sums are restored).
     */
    void recomputeShare(final InstrumentState state)
    {
        compute(state, state.liquidityShare);
    }

    private void remove(final LiquidityShare share)
    {
        if (share.unknown)
        {
            unknownPositions--;
        }
        else if (share.coinSettled)
        {
            costCoins -= share.cost;
        }
        else
        {
            costLinearUsd -= share.cost;
        }
    }

    private void add(final LiquidityShare share)
    {
        if (share.unknown)
        {
            unknownPositions++;
        }
        else if (share.coinSettled)
        {
            costCoins += share.cost;
        }
        else
        {
            costLinearUsd += share.cost;
        }
    }

    private void compute(final InstrumentState state, final LiquidityShare share)
    {
        share.clear();
        final double quantity = state.position().quantity();
        if (quantity == 0 || !state.isDefined() || state.settled)
        {
            return;
        }
        final MarketQuote quote = state.market();
        final Instrument instrument = state.instrument();
        // an option nobody bids for is worth 0 to a seller: an empty bid is a price; a future needs both sides
        final boolean bidPriced = quote.bid() > 0 || quote.bid() == 0 && instrument.isOption();
        if (!(bidPriced && quote.ask() > 0))
        {
            share.unknown = true;
            return;
        }
        final double displayed = quantity > 0 ? quote.bidSize() : quote.askSize();
        share.coinSettled = instrument.isInverse();
        share.cost = weightedContracts(Math.abs(quantity), displayed, beyondTopMultiple) *
            costPerContract(instrument, quantity > 0, quote.bid(), quote.ask());
    }

    /**
     * @param displayed the size at the side the position unwinds on; NaN when the tick carried none.
     * @return the contracts counted at the top of the book plus {@code multiple} × those beyond it.
     */
    static double weightedContracts(final double contracts, final double displayed, final double multiple)
    {
        if (!(displayed > 0))
        {
            return contracts;
        }
        return Math.min(contracts, displayed) + multiple * Math.max(0, contracts - displayed);
    }

    /**
     * @param sells whether unwinding sells (a long position) at the bid, else buys at the ask.
     * @return one contract's value lost against the mid at the top of the book, in the settlement currency.
     */
    static double costPerContract(final Instrument instrument, final boolean sells, final double bid,
        final double ask)
    {
        final double size = instrument.contractSize();
        final double mid = 0.5 * (bid + ask);
        if (instrument.isInverse() && !instrument.isOption())
        {
            return sells ? size * (1 / bid - 1 / mid) : size * (1 / mid - 1 / ask);
        }
        return size * 0.5 * (ask - bid);
    }

    void exchangeState(final StateIo io)
    {
        costLinearUsd = io.f64(costLinearUsd);
        costCoins = io.f64(costCoins);
        unknownPositions = io.i32(unknownPositions);
    }
}
