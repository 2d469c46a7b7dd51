package org.mmrisk.core.engine;

import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.position.Position;
import org.mmrisk.core.state.StateIo;

/**
 * Everything the engine knows about one instrument id: its terms (null while a fill for an undefined instrument
 * is parked here), its last market, its position, its per-contract risk and its last emitted quote adjustment.
 * Owned by the engine thread; read by reports only between events.
 */
public final class InstrumentState
{
    private final int instrumentId;
    private Instrument instrument;
    private UnderlyingRisk underlying;
    private final Position position = new Position();
    private final ContractRisk risk = new ContractRisk();

    double bid = Double.NaN;
    double ask = Double.NaN;
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

    /** What this instrument currently adds to its underlying's sums (see {@link UnderlyingRisk#attach}). */
    double contributedQuantity;
    /** The risk the contribution was added with: {@link #risk()} or {@link #equityRisk}. */
    ContractRisk contributedRisk;
    /** An inverse delta-one contract together with its coin P&L as account equity: c/entry coins, no gamma. */
    final ContractRisk equityRisk = new ContractRisk();
    /** The venue of the first fill parked while this id was undefined, or NONE. */
    long parkedVenue = org.mmrisk.core.event.AsciiCode.NONE;
    /** Settled at expiry: out of its underlying's book, kept for its realized P&L. */
    boolean settled;
    double contributedRealizedUsd;
    double contributedUnrealizedUsd;
    double contributedUnrealizedCoin;
    /** Gross size of the position, in coins (coin-sized contracts) or USD (USD-sized), as added to the sums. */
    double contributedSizeCoins;
    double contributedSizeUsd;
    boolean countedUnpriced;
    /** The expiry bucket this instrument adds to (assigned at definition), and its moneyness bucket, or −1. */
    TaylorExposure expiryBucket;
    int moneynessBucket = -1;
    /** Set while the instrument waits in its underlying's list of instruments to re-anchor at batch end. */
    boolean touched;

    /** The last quote adjustment sent, written by the skew only ({@link SkewBatch}). */
    final LastQuote lastQuote = new LastQuote();
    /** Where its underlying's {@link SkewTable} keeps its copies (set by the table; not saved). */
    int skewSlot = -1;

    InstrumentState(final int instrumentId)
    {
        this.instrumentId = instrumentId;
        risk.unpriced();
    }

    void define(final Instrument instrument, final UnderlyingRisk underlying)
    {
        this.instrument = instrument;
        this.underlying = underlying;
    }

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

    public int instrumentId()
    {
        return instrumentId;
    }

    public boolean isDefined()
    {
        return instrument != null;
    }

    public Instrument instrument()
    {
        return instrument;
    }

    public UnderlyingRisk underlying()
    {
        return underlying;
    }

    public Position position()
    {
        return position;
    }

    public ContractRisk risk()
    {
        return risk;
    }

    public double lastShift()
    {
        return lastQuote.shift();
    }

    public QuotingState lastState()
    {
        return lastQuote.state();
    }

    public double markIv()
    {
        return markIv;
    }

    /**
     * @return the unrealized P&L of this position in USD at its mark (else mid), coin P&L converted at
     * {@code indexUsd}; 0 without a mark.
     */
    public double unrealizedUsd(final double indexUsd)
    {
        final double markPrice = markOrMid();
        if (!isDefined() || !(markPrice > 0))
        {
            return 0;
        }
        final double pnl = position.unrealizedInSettlement(instrument, markPrice);
        return instrument.isInverse() ? pnl * indexUsd : pnl;
    }

    /**
     * Saves or restores everything but the definition and the links to the underlying's buckets (restored by the
     * underlying).
     */
    void exchangeState(final StateIo io)
    {
        bid = io.f64(bid);
        ask = io.f64(ask);
        mark = io.f64(mark);
        markIv = io.f64(markIv);
        basis = io.f64(basis);
        lastTickNs = io.i64(lastTickNs);
        lastTickExchangeNs = io.i64(lastTickExchangeNs);
        position.exchangeState(io);
        risk.exchangeState(io);
        equityRisk.exchangeState(io);
        exchangeContribution(io);
        parkedVenue = io.i64(parkedVenue);
        settled = io.bool(settled);
        touched = io.bool(touched);
        lastQuote.exchangeState(io);
    }

    /**
     * What this instrument added to its underlying's sums, so that it is removed with exactly those values; the risk
     * it was added with is one of its own two, recorded by which.
     */
    private void exchangeContribution(final StateIo io)
    {
        contributedQuantity = io.f64(contributedQuantity);
        final int which = io.i32(contributedRisk == null ? 0 : contributedRisk == risk ? 1 : 2);
        contributedRisk = which == 0 ? null : which == 1 ? risk : equityRisk;
        contributedRealizedUsd = io.f64(contributedRealizedUsd);
        contributedUnrealizedUsd = io.f64(contributedUnrealizedUsd);
        contributedUnrealizedCoin = io.f64(contributedUnrealizedCoin);
        contributedSizeCoins = io.f64(contributedSizeCoins);
        contributedSizeUsd = io.f64(contributedSizeUsd);
        countedUnpriced = io.bool(countedUnpriced);
        moneynessBucket = io.i32(moneynessBucket);
    }
}
