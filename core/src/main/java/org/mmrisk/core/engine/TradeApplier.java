package org.mmrisk.core.engine;

import org.agrona.collections.Long2LongHashMap;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.exposure.ContractRisk;
import org.mmrisk.core.fill.HeldFills;
import org.mmrisk.core.fill.SeenFills;
import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.output.AlertCode;

/**
 * Fills and positions: exactly-once identity of fills, exchange-time order per venue, parked fills on undefined
 * instruments, positions and their coin cash, reconciliation. Every position change goes through the underlying's
 * sums in O(1) (detach, change, attach). Owned by the engine thread.
 */
final class TradeApplier
{
    private static final int HELD_FILLS_KEPT = 256;
    private static final int FILL_IDS_INITIAL = 4096;

    private final EngineContext ctx;
    private final SeenFills seenFills;
    private final HeldFills heldFills = new HeldFills(HELD_FILLS_KEPT);
    private final Long2LongHashMap lastFillExchangeNsByVenue = new Long2LongHashMap(Long.MIN_VALUE);
    private final BoundsCheck bounds;

    TradeApplier(final EngineContext ctx)
    {
        this.ctx = ctx;
        this.bounds = new BoundsCheck(ctx);
        final int capacity = ctx.config.fillIdCapacity();
        this.seenFills = new SeenFills(Math.min(FILL_IDS_INITIAL, capacity), capacity);
    }

    /**
     * A fill is a real trade: once its values are valid and within bounds it is always applied, even when its
     * instrument is unknown (then it is parked under its id, alerted, and joins the book when the definition
     * arrives). Every rejected fill is alerted once, with its reason: by its bound's alert, as held beyond the
     * horizon, or else as {@link AlertCode#FILL_REJECTED}.
     */
    RejectReason onFill(final RiskEvent event)
    {
        final RejectReason reason = applyFill(event);
        if (reason != null && reason != RejectReason.FILL_BEYOND_HORIZON && !BoundsCheck.isBoundsReason(reason))
        {
            final double signedQuantity = event.side == Side.BUY ? event.quantity :
                event.side == Side.SELL ? -event.quantity : Double.NaN;
            ctx.raise(AlertCode.FILL_REJECTED, ctx.underlyingOf(event.instrumentId), event.instrumentId,
                Double.isFinite(signedQuantity) ? signedQuantity : Double.NaN, Double.NaN, reason);
        }
        return reason;
    }

    private RejectReason applyFill(final RiskEvent event)
    {
        final RejectReason reason = InputValidator.validateFill(event);
        if (reason != null)
        {
            return reason;
        }
        InstrumentState state = ctx.instruments.get(event.instrumentId);
        if (state != null && state.settled)
        {
            // an expired contract cannot trade: the venue would not send this, so it is not a real trade
            return RejectReason.EXPIRED_INSTRUMENT;
        }
        final RejectReason outOfBounds = bounds.fill(event, state);
        if (outOfBounds != null)
        {
            return outOfBounds;
        }
        final RejectReason identity = checkFillIdentity(event);
        if (identity != null)
        {
            return identity;
        }
        if (state == null)
        {
            state = new InstrumentState(event.instrumentId);
            ctx.instruments.put(event.instrumentId, state);
        }
        final double signedQuantity = event.side == Side.BUY ? event.quantity : -event.quantity;
        ctx.counters.increment(EngineCounter.FILLS);
        checkExchangeTimeOrder(event);
        if (!state.isDefined())
        {
            if (state.position().quantity() == 0 && !state.isParked())
            {
                state.park(event.venue);
                ctx.parkedByVenue.put(event.venue, ctx.parkedByVenue.get(event.venue) + 1);
                ctx.touchAll();
            }
            state.position().applyTrade(null, signedQuantity, event.price, Double.NaN);
            ctx.counters.increment(EngineCounter.FILLS_UNDEFINED_INSTRUMENT);
            ctx.raise(AlertCode.FILL_UNDEFINED_INSTRUMENT, AsciiCode.NONE, event.instrumentId, signedQuantity);
            return null;
        }
        final UnderlyingRisk underlying = state.underlying();
        final double indexUsd = underlying.book().resolveIndexUsd();
        bookEdge(state, event, signedQuantity, indexUsd);
        underlying.sums().beginTrade();
        final double realizedCoinBefore = state.position().realizedPnlCoin();
        final double realizedUsdBefore = state.position().realizedPnlUsd();
        underlying.sums().detach(state);
        underlying.scenarios().detach(state);
        state.position().applyTrade(state.instrument(), signedQuantity, event.price, indexUsd);
        final double realizedUsd = state.position().realizedPnlUsd() - realizedUsdBefore;
        final double feeCoin = chargeFee(state, event, indexUsd);
        underlying.account().addTradeCash(state.instrument(), signedQuantity, event.price,
            state.position().realizedPnlCoin() - realizedCoinBefore, feeCoin);
        underlying.usdAccount().addTradeCash(state.instrument(), signedQuantity, event.price, realizedUsd,
            event.feeCurrency == state.instrument().underlying() ? 0 : event.fee);
        underlying.sums().attach(state);
        underlying.scenarios().attach(state);
        underlying.liquidity().update(state);
        underlying.sums().recordTrade();
        if (underlying.state() == QuotingState.HALT)
        {
            ctx.raise(AlertCode.FILL_WHILE_HALTED, underlying.code(), event.instrumentId, signedQuantity);
        }
        underlying.marks().touch(event.journalSequence, event.receiveTimeNs, event.sendTimeNs);
        return null;
    }

    /**
     * A venue's fills arrive in exchange-time order; one that goes back is still a real trade, so it is applied and
     * alerted.
     */
    private void checkExchangeTimeOrder(final RiskEvent event)
    {
        final long lastNs = lastFillExchangeNsByVenue.get(event.venue);
        if (lastNs != Long.MIN_VALUE && event.exchangeTimeNs < lastNs)
        {
            ctx.counters.increment(EngineCounter.FILLS_EXCHANGE_TIME_BACKWARDS);
            final InstrumentState state = ctx.instruments.get(event.instrumentId);
            final long underlying = state != null && state.isDefined() ? state.instrument().underlying() : AsciiCode.NONE;
            ctx.raise(AlertCode.EXCHANGE_TIME_BACKWARDS, underlying, event.instrumentId,
                (lastNs - event.exchangeTimeNs) / 1e9);
        }
        else
        {
            lastFillExchangeNsByVenue.put(event.venue, event.exchangeTimeNs);
        }
    }

    /**
     * Exactly-once: a (venue, fill id) already applied is a re-send and changes nothing; a fill older than the
     * horizon cannot be checked (its id may be forgotten), so it is held for an operator instead of applied.
     * Otherwise the id is recorded and the fill goes on.
     */
    private RejectReason checkFillIdentity(final RiskEvent event)
    {
        final long horizonStartNs = ctx.timeNs - ctx.config.fillIdHorizonNs();
        ctx.counters.add(EngineCounter.FILL_IDS_FORGOTTEN, seenFills.forgetBefore(horizonStartNs));
        if (seenFills.contains(event.venue, event.fillId, event.fillIdLength))
        {
            ctx.counters.increment(EngineCounter.FILLS_DUPLICATE);
            return RejectReason.DUPLICATE_FILL;
        }
        if (event.exchangeTimeNs < horizonStartNs)
        {
            heldFills.add(event, ctx.timeNs);
            ctx.counters.increment(EngineCounter.FILLS_HELD);
            final InstrumentState state = ctx.instruments.get(event.instrumentId);
            final long underlying = state != null && state.isDefined() ? state.instrument().underlying() : AsciiCode.NONE;
            ctx.raise(AlertCode.FILL_BEYOND_HORIZON, underlying, event.instrumentId,
                event.side == Side.BUY ? event.quantity : -event.quantity);
            return RejectReason.FILL_BEYOND_HORIZON;
        }
        final long evictedBefore = seenFills.evictedForCapacity();
        seenFills.add(event.venue, event.fillId, event.fillIdLength, event.exchangeTimeNs);
        ctx.counters.add(EngineCounter.FILL_IDS_EVICTED_EARLY, seenFills.evictedForCapacity() - evictedBefore);
        return null;
    }

    /**
     * The fill's edge against the instrument's fair value before it: the mid, or the model value when the book is
     * one-sided or wider than {@code engine.margin.maxSpreadForMid} (as sizing from margin headroom takes it). With
     * neither (no quote, never priced) the price earns no edge and the fee still counts.
     */
    private void bookEdge(final InstrumentState state, final RiskEvent event, final double signedQuantity,
        final double indexUsd)
    {
        final double mid = state.market().fairMid(ctx.config.scenario().maxSpreadForMid());
        final double fair = Double.isNaN(mid) ? modelPrice(state) : mid;
        state.underlying().explain().edge().onFill(
            EdgeTotals.edgeInSettlement(state.instrument(), signedQuantity, event.price, fair),
            state.instrument().isInverse(), event.fee, event.feeCurrency == state.instrument().underlying(), indexUsd);
    }

    /**
     * @return the model value of one contract in its quoted price (USD, or coins per coin for a coin-settled option,
     * at the index of its valuation), NaN when not priced.
     */
    private static double modelPrice(final InstrumentState state)
    {
        final ContractRisk risk = state.risk();
        if (!risk.priced)
        {
            return Double.NaN;
        }
        final Instrument instrument = state.instrument();
        if (!instrument.isOption())
        {
            return risk.forward;
        }
        final double perUnit = risk.priceUsd / instrument.contractSize();
        return instrument.isInverse() ? perUnit / risk.anchorIndexUsd : perUnit;
    }

    /**
     * @return the fee in coins when it was charged in the underlying's coin, else 0.
     */
    private static double chargeFee(final InstrumentState state, final RiskEvent event, final double indexUsd)
    {
        if (event.fee == 0)
        {
            return 0;
        }
        final boolean feeInCoin = event.feeCurrency == state.instrument().underlying();
        final double feeUsd = feeInCoin ? (indexUsd > 0 ? event.fee * indexUsd : 0) : event.fee;
        final double feeCoin = feeInCoin ? event.fee : 0;
        state.position().chargeFee(feeUsd, feeCoin);
        return feeCoin;
    }

    RejectReason onPosition(final RiskEvent event)
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
        final RejectReason reason = InputValidator.validatePosition(event);
        if (reason != null)
        {
            return reason;
        }
        final RejectReason outOfBounds = bounds.position(event, state.instrument().underlying());
        if (outOfBounds != null)
        {
            return outOfBounds;
        }
        final double difference = event.quantity - state.position().quantity();
        if (difference != 0)
        {
            ctx.raise(AlertCode.POSITION_RECONCILED, state.instrument().underlying(), event.instrumentId, difference);
        }
        state.underlying().sums().beginTrade();
        state.underlying().sums().detach(state);
        state.underlying().scenarios().detach(state);
        state.position().replace(event.quantity, event.price);
        state.underlying().sums().attach(state);
        state.underlying().scenarios().attach(state);
        state.underlying().liquidity().update(state);
        state.underlying().sums().recordTrade();
        state.underlying().marks().touch(event.journalSequence, event.receiveTimeNs, event.sendTimeNs);
        ctx.counters.increment(EngineCounter.POSITIONS);
        return null;
    }

    SeenFills seenFills()
    {
        return seenFills;
    }

    HeldFills heldFills()
    {
        return heldFills;
    }
}
