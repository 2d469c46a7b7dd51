package org.mmrisk.core.engine;

import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.exposure.ContractRisk;
import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.position.Position;
import org.mmrisk.core.scenario.ScenarioRisk;
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
    private final MarketQuote market = new MarketQuote();
    private final Contribution contribution = new Contribution();
    /** The venue of the first fill parked while this id was undefined, or NONE. */
    private long parkedVenue = org.mmrisk.core.event.AsciiCode.NONE;
    /** Settled at expiry: out of its underlying's book, kept for its realized P&L. */
    boolean settled;
    /** Set while the instrument waits in its underlying's list of instruments to re-anchor at batch end. */
    private boolean touched;

    /** The last quote adjustment sent, written by the skew only ({@link SkewBatch}). */
    final LastQuote lastQuote = new LastQuote();
    /** What its position adds to the underlying's liquidity cost (derived, not saved). */
    final LiquidityShare liquidityShare = new LiquidityShare();
    /** Its part of the underlying's scenarios (null while undefined); written by {@link UnderlyingScenarios}. */
    private InstrumentScenario scenario;
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
        this.scenario = underlying.scenarios().newInstrumentPart();
    }

    InstrumentScenario scenario()
    {
        return scenario;
    }

    /**
     * @return the instrument's scenario risk array (null while undefined).
     */
    public ScenarioRisk scenarioRisk()
    {
        return scenario == null ? null : scenario.risk;
    }

    /**
     * @return the mid when both sides are quoted, else the mark, else NaN.
     */
    public double midOrMark()
    {
        return market.midOrMark();
    }

    /**
     * @return the mark when the venue sent one, else the mid, else NaN: the price P&L is marked at.
     */
    public double markOrMid()
    {
        return market.markOrMid();
    }

    public MarketQuote market()
    {
        return market;
    }

    public Contribution contribution()
    {
        return contribution;
    }

    /**
     * @return true when the instrument was not yet queued for re-anchoring in this batch; it is now.
     */
    boolean markTouched()
    {
        final boolean wasTouched = touched;
        touched = true;
        return !wasTouched;
    }

    void clearTouched()
    {
        touched = false;
    }

    /**
     * A fill for this id arrived while it was undefined: it is parked on {@code venue} until the definition comes.
     */
    void park(final long venue)
    {
        parkedVenue = venue;
    }

    /**
     * @return the venue the id was parked on, NONE when it was not; it is not parked any more.
     */
    long unpark()
    {
        final long venue = parkedVenue;
        parkedVenue = org.mmrisk.core.event.AsciiCode.NONE;
        return venue;
    }

    boolean isParked()
    {
        return parkedVenue != org.mmrisk.core.event.AsciiCode.NONE;
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
        return market.markIv();
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
        market.exchangeState(io);
        position.exchangeState(io);
        risk.exchangeState(io);
        contribution.exchangeState(io, risk);
        parkedVenue = io.i64(parkedVenue);
        settled = io.bool(settled);
        touched = io.bool(touched);
        lastQuote.exchangeState(io);
        if (scenario != null)
        {
            scenario.exchangeState(io);
        }
    }
}
