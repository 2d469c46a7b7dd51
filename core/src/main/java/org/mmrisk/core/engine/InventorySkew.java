package org.mmrisk.core.engine;

import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.output.QuoteAdjustment;

/**
 * Inventory skew, first cut: the Avellaneda–Stoikov reservation-price shift on the delta axis.
 * Owned by the engine thread; allocation-free.
 * <p>
 * With q the underlying's portfolio delta in coins, γ the risk aversion per USD, σ_S = vol × S the index's absolute
 * volatility in USD per √year and τ the horizon in years, the shift per coin of notional of instrument i is
 * <pre>  shiftUsd_i = −d_i · γ · σ_S² · τ · q</pre>
 * where d_i is the instrument's index delta per coin (1 for the index, b = F/S for futures, b·N(d1) or N(d1) for
 * options). Long delta therefore lowers bid and ask of everything that adds delta. The shift is then expressed per
 * unit of the instrument's quoted price: USD as is, coin-quoted options divided by the forward. Options also get
 * the shift in vol points, shiftUsd / vega per coin, capped where vega is too small for that to mean much.
 */
final class InventorySkew
{
    private final EngineConfig config;

    InventorySkew(final EngineConfig config)
    {
        this.config = config;
    }

    /**
     * Fills the adjustment's shift and multipliers for {@code state} and decides whether it is worth emitting.
     *
     * @return true when the shift moved by at least the configured number of ticks since the last emission, or the
     * state changed, or nothing was emitted yet.
     */
    boolean update(final InstrumentState state, final UnderlyingRisk underlying, final QuoteAdjustment adjustment)
    {
        final Instrument instrument = state.instrument();
        final ContractRisk risk = state.risk();
        final double indexUsd = underlying.indexUsd;
        final double sigmaUsd = config.indexVolatility() * indexUsd;
        final double weight = config.riskAversionPerUsd() * sigmaUsd * sigmaUsd * config.skewHorizonYears();
        final double shiftUsdPerCoin = -risk.deltaPerCoin * weight * underlying.delta;

        adjustment.shift = instrument.isCoinQuoted() ? shiftUsdPerCoin / risk.forward : shiftUsdPerCoin;
        adjustment.shiftVol = instrument.kind() == InstrumentKind.OPTION ?
            shiftInVolPoints(shiftUsdPerCoin, risk.vegaPerCoin) : Double.NaN;
        adjustment.bidSpreadMult = 1.0;
        adjustment.askSpreadMult = 1.0;
        adjustment.bidSizeMult = 1.0;
        adjustment.askSizeMult = 1.0;
        adjustment.state = underlying.state;

        final double threshold = config.minShiftTicks() * instrument.tickSize();
        return state.lastState != underlying.state || Double.isNaN(state.lastShift) ||
            Math.abs(adjustment.shift - state.lastShift) >= threshold;
    }

    private double shiftInVolPoints(final double shiftUsdPerCoin, final double vegaUsdPerCoin)
    {
        final double cap = config.maxShiftVolPoints();
        if (shiftUsdPerCoin == 0)
        {
            return 0;
        }
        final double volPoints = vegaUsdPerCoin > 0 ? shiftUsdPerCoin / vegaUsdPerCoin : Math.copySign(cap, shiftUsdPerCoin);
        return Math.max(-cap, Math.min(cap, volPoints));
    }

    static void remember(final InstrumentState state, final QuoteAdjustment adjustment)
    {
        state.lastShift = adjustment.shift;
        state.lastState = adjustment.state;
    }

    static boolean isQuoted(final InstrumentState state)
    {
        return state.instrument().kind() != InstrumentKind.INDEX && state.risk().priced;
    }
}
