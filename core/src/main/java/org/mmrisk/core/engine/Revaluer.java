package org.mmrisk.core.engine;

import org.mmrisk.core.event.ContractUnit;
import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.position.Position;

/**
 * Full revaluation of one underlying: the per-contract risk of each of its instruments and the position-weighted
 * aggregates. Options are revalued by {@link OptionRevaluer} (forward curve, vol surface, smile-consistent Greeks).
 * Owned by the engine thread; allocation-free.
 * <p>
 * With S the index, F an expiry's forward and b = F/S held fixed (∂F/∂S = b):
 * <ul>
 *   <li>linear option, c coins, value V(F): delta = c·b·V_F, gamma = c·b²·V_FF, with V_F and V_FF the
 *       smile-consistent forward delta and gamma of {@link OptionRevaluer};</li>
 *   <li>coin-settled option, c coins: USD value S·V(F)/F, so delta = c·V_F and gamma = c·b·V_FF, vega and theta
 *       divided by b; the coin-numeraire premium-adjusted delta is c·(Δ_F − V(F)/F);</li>
 *   <li>linear future or perpetual, c coins: delta = c·b;</li>
 *   <li>inverse future or perpetual, c USD: delta = c/F coins (the coin P&L itself is account equity),
 *       gamma = −c·b/F²;</li>
 *   <li>spot and index: delta = c coins (or c/S for USD-sized).</li>
 * </ul>
 */
final class Revaluer
{
    private final OptionRevaluer options;

    Revaluer(final EngineConfig config)
    {
        this.options = new OptionRevaluer(config);
    }

    void revalue(final UnderlyingRisk underlying, final long nowNs)
    {
        underlying.indexUsd = underlying.resolveIndexUsd();
        underlying.clearAggregates();
        for (int i = 0, n = underlying.instrumentCount(); i < n; i++)
        {
            final InstrumentState state = underlying.instrument(i);
            price(state, underlying, nowNs);
            aggregate(state, underlying);
        }
        underlying.dirty = false;
    }

    private void price(final InstrumentState state, final UnderlyingRisk underlying, final long nowNs)
    {
        final ContractRisk risk = state.risk();
        final double indexUsd = underlying.indexUsd;
        if (!(indexUsd > 0))
        {
            risk.unpriced();
            return;
        }
        final Instrument instrument = state.instrument();
        switch (instrument.kind())
        {
            case INDEX:
            case SPOT:
                priceSpot(instrument, state.midOrMark(), indexUsd, risk);
                break;
            case PERPETUAL:
                priceDelta1(instrument, orElse(state.midOrMark(), indexUsd), indexUsd, risk);
                break;
            case FUTURE:
                final double curveForward = underlying.forwards().forward(instrument.expiryNs(), nowNs, indexUsd);
                priceDelta1(instrument, orElse(state.midOrMark(), curveForward), indexUsd, risk);
                break;
            case OPTION:
                options.revalue(state, underlying, nowNs);
                break;
            default:
                risk.unpriced();
        }
    }

    private static void priceSpot(final Instrument instrument, final double price, final double indexUsd,
        final ContractRisk risk)
    {
        final double coins = coinsPerContract(instrument, indexUsd);
        risk.priced = true;
        risk.forward = indexUsd;
        risk.priceUsd = coins * orElse(price, indexUsd);
        risk.iv = Double.NaN;
        risk.forwardDelta = coins;
        risk.delta = coins;
        risk.gamma = instrument.contractUnit() == ContractUnit.USD ? -coins / indexUsd : 0;
        risk.vega = 0;
        risk.theta = 0;
        risk.vanna = 0;
        risk.volga = 0;
        risk.premiumAdjustedDelta = Double.NaN;
        risk.deltaPerCoin = 1.0;
        risk.vegaPerCoin = 0;
    }

    private static void priceDelta1(final Instrument instrument, final double forward, final double indexUsd,
        final ContractRisk risk)
    {
        final double basis = forward / indexUsd;
        final double size = instrument.contractSize();
        risk.priced = true;
        risk.forward = forward;
        risk.iv = Double.NaN;
        risk.premiumAdjustedDelta = Double.NaN;
        risk.vega = 0;
        risk.theta = 0;
        risk.vanna = 0;
        risk.volga = 0;
        risk.vegaPerCoin = 0;
        risk.deltaPerCoin = basis;
        if (instrument.contractUnit() == ContractUnit.USD)
        {
            risk.priceUsd = size;
            risk.forwardDelta = size / forward;
            risk.delta = size / forward;
            risk.gamma = -size * basis / (forward * forward);
        }
        else
        {
            risk.priceUsd = size * forward;
            risk.forwardDelta = size;
            risk.delta = size * basis;
            risk.gamma = 0;
        }
    }

    private static void aggregate(final InstrumentState state, final UnderlyingRisk underlying)
    {
        final Position position = state.position();
        final Instrument instrument = state.instrument();
        underlying.realizedPnlUsd += position.realizedPnlUsd();
        final double quantity = position.quantity();
        if (quantity == 0)
        {
            return;
        }
        final ContractRisk risk = state.risk();
        if (!risk.priced)
        {
            underlying.unpricedPositions++;
            return;
        }
        underlying.delta += quantity * risk.delta;
        underlying.gamma += quantity * risk.gamma;
        underlying.vega += quantity * risk.vega;
        underlying.theta += quantity * risk.theta;
        final double mark = state.markOrMid();
        if (mark > 0)
        {
            final double pnl = position.unrealizedInSettlement(instrument, mark);
            underlying.unrealizedPnlUsd += instrument.isInverse() ? pnl * underlying.indexUsd : pnl;
        }
    }

    private static double coinsPerContract(final Instrument instrument, final double indexUsd)
    {
        return instrument.contractUnit() == ContractUnit.USD ?
            instrument.contractSize() / indexUsd : instrument.contractSize();
    }

    private static double orElse(final double value, final double fallback)
    {
        return value > 0 ? value : fallback;
    }
}
