package org.mmrisk.core.engine;

import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.vol.SmileRejectReason;
import org.mmrisk.core.vol.VolSurface;

/**
 * Reference and market data: instrument definitions, ticks (with the forward curve, venue bases and funding
 * events) and vol smiles and surfaces. Owned by the engine thread.
 */
final class MarketApplier
{
    private final EngineContext ctx;
    private SmileRejectReason lastSmileReject = SmileRejectReason.NONE;
    /** Where the first smiles of an underlying not yet created are checked (empty between events). */
    private final VolSurface scratchSurface = new VolSurface();
    private final BoundsCheck bounds;

    MarketApplier(final EngineContext ctx)
    {
        this.ctx = ctx;
        this.bounds = new BoundsCheck(ctx);
    }

    RejectReason onInstrument(final RiskEvent event)
    {
        final RejectReason reason = InputValidator.validateInstrument(event, ctx.timeNs);
        if (reason != null)
        {
            return reason;
        }
        final RejectReason outOfBounds = bounds.instrument(event);
        if (outOfBounds != null)
        {
            return outOfBounds;
        }
        InstrumentState state = ctx.instruments.get(event.instrumentId);
        if (state != null && state.isDefined())
        {
            if (state.instrument().sameTerms(event))
            {
                return null;
            }
            ctx.raise(AlertCode.INSTRUMENT_REDEFINED, state.instrument().underlying(), event.instrumentId, Double.NaN);
            return RejectReason.INSTRUMENT_REDEFINED;
        }
        if (state == null)
        {
            state = new InstrumentState(event.instrumentId);
            ctx.instruments.put(event.instrumentId, state);
        }
        final UnderlyingRisk underlying = ctx.underlying(event.underlying);
        state.define(Instrument.from(event), underlying);
        underlying.add(state);
        final long parkedVenue = state.unpark();
        if (parkedVenue != AsciiCode.NONE)
        {
            final long parked = ctx.parkedByVenue.get(parkedVenue) - 1;
            if (parked > 0)
            {
                ctx.parkedByVenue.put(parkedVenue, parked);
            }
            else
            {
                ctx.parkedByVenue.remove(parkedVenue);
            }
        }
        underlying.marks().touch(event.journalSequence, event.receiveTimeNs, event.sendTimeNs);
        ctx.counters.increment(EngineCounter.INSTRUMENTS_DEFINED);
        return null;
    }

    RejectReason onTick(final RiskEvent event)
    {
        final InstrumentState state = ctx.instruments.get(event.instrumentId);
        if (state == null || !state.isDefined())
        {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        if (state.settled)
        {
            return RejectReason.EXPIRED_INSTRUMENT;
        }
        final RejectReason reason = InputValidator.validateTick(event);
        if (reason != null)
        {
            return reason;
        }
        if (!Double.isNaN(event.fundingRate) && state.instrument().kind() != InstrumentKind.PERPETUAL)
        {
            return RejectReason.INVALID_VALUE;
        }
        final RejectReason outOfBounds = bounds.tick(event, state);
        if (outOfBounds != null)
        {
            return outOfBounds;
        }
        if (event.exchangeTimeNs != RiskEvent.NULL_TIME)
        {
            if (event.exchangeTimeNs < state.market().lastTickExchangeNs)
            {
                // an older quote than the one held must not overwrite it
                return RejectReason.STALE_TICK;
            }
            state.market().lastTickExchangeNs = event.exchangeTimeNs;
        }
        state.market().bid = event.bid;
        state.market().ask = event.ask;
        state.market().bidSize = event.bidSize;
        state.market().askSize = event.askSize;
        state.market().mark = event.mark;
        state.market().markIv = Double.isNaN(event.markIv) ? state.market().markIv : event.markIv;
        state.market().lastTickNs = ctx.timeNs;
        if (state.underlying().book().isIndexSource(state))
        {
            state.underlying().book().indexTicked(ctx.timeNs);
        }
        updateForwards(state, event.underlyingPrice);
        if (!Double.isNaN(event.fundingRate))
        {
            payFunding(state, event.fundingRate);
        }
        state.underlying().liquidity().update(state);
        state.underlying().book().touchInstrument(state);
        state.underlying().marks().touch(event.journalSequence, event.receiveTimeNs, event.sendTimeNs);
        ctx.counters.increment(EngineCounter.TICKS);
        return null;
    }

    /**
     * Keeps the instrument's basis to the index (futures and perpetual: their mid; options: the venue's forward)
     * and feeds the forward curve, which holds bases, from futures and the perpetual.
     */
    private void updateForwards(final InstrumentState state, final double venueForwardUsd)
    {
        final UnderlyingRisk underlying = state.underlying();
        final Instrument instrument = state.instrument();
        final double indexUsd = underlying.book().resolveIndexUsd();
        final double priceUsd = instrument.kind() == InstrumentKind.OPTION ? venueForwardUsd : state.midOrMark();
        if (!(indexUsd > 0) || !(priceUsd > 0) || instrument.kind() == InstrumentKind.INDEX)
        {
            return;
        }
        state.market().basis = priceUsd / indexUsd;
        if (instrument.kind() == InstrumentKind.FUTURE)
        {
            underlying.forwards().setFuture(instrument.expiryNs(), state.market().basis, ctx.timeNs);
            underlying.book().touchExpiry(instrument.expiryNs());
        }
        else if (underlying.book().isCurvePerpetual(state))
        {
            underlying.forwards().perpetualUsd(state.market().basis);
        }
    }

    /**
     * A funding event of a perpetual: longs pay rate × notional at the mark (else mid) when the rate is positive.
     * An inverse contract's notional is c/mark coins per contract and it pays in coin; a linear one pays in USD.
     */
    private void payFunding(final InstrumentState state, final double rate)
    {
        final double quantity = state.position().quantity();
        final double markUsd = state.markOrMid();
        ctx.counters.increment(EngineCounter.FUNDING_EVENTS);
        if (quantity == 0 || !(markUsd > 0))
        {
            return;
        }
        final Instrument instrument = state.instrument();
        final UnderlyingRisk underlying = state.underlying();
        final double indexUsd = underlying.book().resolveIndexUsd();
        underlying.sums().beginTrade();
        underlying.sums().detach(state);
        if (instrument.isInverse())
        {
            final double coins = -quantity * instrument.contractSize() / markUsd * rate;
            state.position().receiveFunding(indexUsd > 0 ? coins * indexUsd : 0, coins);
            underlying.account().addCash(coins);
        }
        else
        {
            final double usd = -quantity * instrument.contractSize() * markUsd * rate;
            state.position().receiveFunding(usd, 0);
            underlying.usdAccount().addCash(usd);
        }
        underlying.sums().attach(state);
        // a cash flow, not a market move: it is realized P&L, kept out of the P&L explain like fees
        underlying.sums().recordTrade();
    }

    /**
     * A {@code vol} event replaces one expiry's smile, a {@code surface} event the whole surface, atomically. An
     * update that fails any of the surface's checks (an arbitrageable smile, an expiry not after engine time, a
     * surface with no smile, ...) is rejected as a whole (INVALID_SMILE, with an alert whose value is the
     * {@link SmileRejectReason} ordinal) and the previous smiles stay.
     */
    RejectReason onSmiles(final RiskEvent event)
    {
        final RejectReason reason = InputValidator.validateSmiles(event);
        if (reason != null)
        {
            return reason;
        }
        final RejectReason outOfBounds = bounds.smiles(event);
        if (outOfBounds != null)
        {
            return outOfBounds;
        }
        // a rejected update must leave no trace, not even an underlying that did not exist before it: a new one's
        // first smiles are tried on a scratch surface (empty, so its dynamics do not matter) before it is created
        final UnderlyingRisk known = ctx.underlyingOrNull(event.underlying);
        lastSmileReject = applySmiles(event, known == null ? scratchSurface : known.surface(),
            known == null ? Double.NaN : known.book().resolveIndexUsd());
        if (lastSmileReject == SmileRejectReason.NONE && known == null)
        {
            scratchSurface.clear();
            final UnderlyingRisk created = ctx.underlying(event.underlying);
            lastSmileReject = applySmiles(event, created.surface(), created.book().resolveIndexUsd());
        }
        if (lastSmileReject != SmileRejectReason.NONE)
        {
            scratchSurface.clear();
            ctx.raise(AlertCode.SMILE_REJECTED, event.underlying, 0, lastSmileReject.ordinal());
            return RejectReason.INVALID_SMILE;
        }
        final UnderlyingRisk underlying = ctx.underlying(event.underlying);
        if (event.type == EventType.VOL && event.smileCount == 1)
        {
            underlying.book().touchExpiry(event.smileExpiryNs[0]);
        }
        else
        {
            underlying.sweep().requestFullRevaluation();
        }
        underlying.marks().touch(event.journalSequence, event.receiveTimeNs, event.sendTimeNs);
        ctx.counters.increment(EngineCounter.VOL_UPDATES);
        return null;
    }

    /**
     * A {@code vol} event's one smile, or a {@code surface} event's whole surface, fitted at the index the batch has
     * reached (the book's, not the last evaluation's: a tick earlier in the batch counts).
     */
    private SmileRejectReason applySmiles(final RiskEvent event, final VolSurface surface, final double indexUsd)
    {
        return event.type == EventType.VOL && event.smileCount == 1 ?
            surface.applySmile(event.smileExpiryNs[0], event.sviA[0], event.sviB[0], event.sviRho[0], event.sviM[0],
                event.sviSigma[0], ctx.timeNs, indexUsd) :
            surface.applySurface(event.smileCount, event.smileExpiryNs, event.sviA, event.sviB, event.sviRho,
                event.sviM, event.sviSigma, ctx.timeNs, indexUsd);
    }

    SmileRejectReason lastSmileReject()
    {
        return lastSmileReject;
    }
}
