package org.mmrisk.core.engine;

import org.mmrisk.core.config.InputBounds;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ControlCommand;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.time.YearFraction;

/**
 * The sanity bounds of {@link InputBounds} applied to an event whose values {@link InputValidator} found well
 * formed: an absurd but finite number is rejected before it touches state, and alerted
 * ({@link AlertCode#INPUT_OUT_OF_BOUNDS} with the value and the bound, or {@link AlertCode#EXCHANGE_TIME_AHEAD}),
 * the reject reason naming the check. A bound at 0 is off. One per applier; owned by the engine thread;
 * allocation-free.
 */
final class BoundsCheck
{
    private static final double PERCENT = 100;

    private final EngineContext ctx;
    private final InputBounds bounds;

    BoundsCheck(final EngineContext ctx)
    {
        this.ctx = ctx;
        this.bounds = ctx.config.inputBounds();
    }

    /**
     * @return true when the reason is one of the bounds', whose alert the check raised already.
     */
    static boolean isBoundsReason(final RejectReason reason)
    {
        return reason != null && reason.ordinal() >= RejectReason.PRICE_OUT_OF_BOUNDS.ordinal() &&
            reason.ordinal() <= RejectReason.CONTROL_VALUE_OUT_OF_BOUNDS.ordinal();
    }

    /**
     * A fill: its quantity, its price (absolute, and against the instrument's mark or mid), its exchange time and
     * the position it would leave.
     */
    RejectReason fill(final RiskEvent e, final InstrumentState state)
    {
        final long underlying = ctx.underlyingOf(e.instrumentId);
        if (beyond(e.quantity, bounds.maxFillContracts()))
        {
            return reject(RejectReason.QUANTITY_OUT_OF_BOUNDS, underlying, e.instrumentId, e.quantity,
                bounds.maxFillContracts());
        }
        if (beyond(e.price, bounds.maxPrice()))
        {
            return reject(RejectReason.PRICE_OUT_OF_BOUNDS, underlying, e.instrumentId, e.price, bounds.maxPrice());
        }
        final double markPrice = state == null ? Double.NaN : state.market().markOrMid();
        // a mark below one tick (a worthless option marked at 1e-8) still trades at the minimum tick
        final double ceilingBase = state != null && state.isDefined() ?
            Math.max(markPrice, state.instrument().tickSize()) : markPrice;
        final double ratio = bounds.maxFillPriceRatio();
        if (ratio > 0 && markPrice > 0 && (e.price > ceilingBase * ratio || e.price * ratio < markPrice))
        {
            return reject(RejectReason.PRICE_AWAY_FROM_MARK, underlying, e.instrumentId, e.price / markPrice, ratio);
        }
        final RejectReason ahead = exchangeTime(e, underlying);
        if (ahead != null)
        {
            return ahead;
        }
        final double held = state == null ? 0 : state.position().quantity();
        final double after = held + (e.side == Side.BUY ? e.quantity : -e.quantity);
        if (beyond(Math.abs(after), bounds.maxPositionContracts()))
        {
            return reject(RejectReason.POSITION_OUT_OF_BOUNDS, underlying, e.instrumentId, after,
                bounds.maxPositionContracts());
        }
        return null;
    }

    /**
     * A tick of a defined instrument: its prices, its mark IV, its exchange time and, for anything but an option,
     * the move of its mark (else mid) from the last accepted tick's, when that is at most
     * {@code engine.staleIndex.reduceOnlyAfterMs} old.
     */
    RejectReason tick(final RiskEvent e, final InstrumentState state)
    {
        final long underlying = state.instrument().underlying();
        final double maxPrice = bounds.maxPrice();
        final double highest = Math.max(Math.max(e.bid, e.ask), Math.max(orZero(e.mark), orZero(e.underlyingPrice)));
        if (beyond(highest, maxPrice))
        {
            return reject(RejectReason.PRICE_OUT_OF_BOUNDS, underlying, e.instrumentId, highest, maxPrice);
        }
        if (beyond(orZero(e.markIv), bounds.maxVol()))
        {
            return reject(RejectReason.VOL_OUT_OF_BOUNDS, underlying, e.instrumentId, e.markIv, bounds.maxVol());
        }
        final RejectReason ahead = exchangeTime(e, underlying);
        if (ahead != null)
        {
            return ahead;
        }
        // measured against a recent tick only: after a real move beyond the bound the instrument's ticks are
        // refused until its last accepted one is as old as the index's staleness step, then taken afresh
        final long lastTickNs = state.market().lastTickNs;
        final boolean recent = lastTickNs != Long.MIN_VALUE &&
            ctx.timeNs - lastTickNs <= ctx.config.staleReduceAfterNs();
        if (state.instrument().kind() != InstrumentKind.OPTION && bounds.maxMovePercent() > 0 && recent)
        {
            final double before = state.market().markOrMid();
            final double after = e.mark > 0 ? e.mark : (e.bid > 0 && e.ask > 0 ? 0.5 * (e.bid + e.ask) : Double.NaN);
            final double movePercent = Math.abs(after / before - 1) * PERCENT;
            if (before > 0 && after > 0 && movePercent > bounds.maxMovePercent())
            {
                return reject(RejectReason.MOVE_OUT_OF_BOUNDS, underlying, e.instrumentId, movePercent,
                    bounds.maxMovePercent());
            }
        }
        return null;
    }

    /**
     * A position message of a defined instrument: its quantity and average price.
     */
    RejectReason position(final RiskEvent e, final long underlying)
    {
        if (beyond(Math.abs(e.quantity), bounds.maxPositionContracts()))
        {
            return reject(RejectReason.POSITION_OUT_OF_BOUNDS, underlying, e.instrumentId, e.quantity,
                bounds.maxPositionContracts());
        }
        if (e.quantity != 0 && beyond(e.price, bounds.maxPrice()))
        {
            return reject(RejectReason.PRICE_OUT_OF_BOUNDS, underlying, e.instrumentId, e.price, bounds.maxPrice());
        }
        return null;
    }

    /**
     * An instrument definition: an option's strike is a price.
     */
    RejectReason instrument(final RiskEvent e)
    {
        if (e.kind == InstrumentKind.OPTION && beyond(e.strike, bounds.maxPrice()))
        {
            return reject(RejectReason.PRICE_OUT_OF_BOUNDS, e.underlying, e.instrumentId, e.strike, bounds.maxPrice());
        }
        return null;
    }

    /**
     * Each smile's implied vol at the money (k = 0, the expiry's forward): sqrt(w(0) / T), T from engine time. An
     * expiry not after engine time is the surface's check.
     */
    RejectReason smiles(final RiskEvent e)
    {
        if (!(bounds.maxVol() > 0))
        {
            return null;
        }
        for (int i = 0; i < e.smileCount; i++)
        {
            final double years = YearFraction.years(ctx.timeNs, e.smileExpiryNs[i]);
            final double m = e.sviM[i];
            final double atmVariance = e.sviA[i] + e.sviB[i] * (-e.sviRho[i] * m + Math.sqrt(m * m +
                e.sviSigma[i] * e.sviSigma[i]));
            final double atmVol = years > 0 && atmVariance > 0 ? Math.sqrt(atmVariance / years) : 0;
            if (atmVol > bounds.maxVol())
            {
                return reject(RejectReason.VOL_OUT_OF_BOUNDS, e.underlying, 0, atmVol, bounds.maxVol());
            }
        }
        return null;
    }

    /**
     * A SET_LIMIT or SET_EQUITY value: a huge one is a cleared limit or a unit mistake in disguise. The caller
     * answers the command (CONTROL_REJECTED), so no alert of its own.
     */
    RejectReason control(final RiskEvent e)
    {
        final boolean valued = e.command == ControlCommand.SET_LIMIT || e.command == ControlCommand.SET_EQUITY;
        return valued && beyond(Math.abs(e.value), bounds.maxControlValue()) ?
            RejectReason.CONTROL_VALUE_OUT_OF_BOUNDS : null;
    }

    private RejectReason exchangeTime(final RiskEvent e, final long underlying)
    {
        final long maxAheadNs = bounds.maxExchangeTimeAheadNs();
        // saturating: engine time near the end of the long range must not wrap the limit around
        final long latestNs = ctx.timeNs > Long.MAX_VALUE - maxAheadNs ? Long.MAX_VALUE : ctx.timeNs + maxAheadNs;
        if (maxAheadNs > 0 && e.exchangeTimeNs != RiskEvent.NULL_TIME && e.exchangeTimeNs > latestNs)
        {
            ctx.raise(AlertCode.EXCHANGE_TIME_AHEAD, underlying, e.instrumentId,
                ((double)e.exchangeTimeNs - ctx.timeNs) / 1e9, maxAheadNs / 1e9, RejectReason.EXCHANGE_TIME_AHEAD);
            return RejectReason.EXCHANGE_TIME_AHEAD;
        }
        return null;
    }

    private RejectReason reject(final RejectReason reason, final long underlying, final int instrumentId,
        final double value, final double bound)
    {
        ctx.raise(AlertCode.INPUT_OUT_OF_BOUNDS, underlying, instrumentId, value, bound, reason);
        return reason;
    }

    private static boolean beyond(final double value, final double bound)
    {
        return bound > 0 && value > bound;
    }

    private static double orZero(final double optional)
    {
        return Double.isNaN(optional) ? 0 : optional;
    }
}
