package org.mmrisk.core.engine;

import org.mmrisk.core.event.ContractUnit;
import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.position.Position;
import org.mmrisk.core.pricing.Black76;
import org.mmrisk.core.pricing.OptionGreeks;

/**
 * Full revaluation of one underlying: the per-contract risk of each of its instruments and the position-weighted
 * aggregates. Owned by the engine thread; allocation-free.
 * <p>
 * With S the index, F an expiry's forward and b = F/S held fixed (∂F/∂S = b):
 * <ul>
 *   <li>linear option, c coins: delta = c·b·N'(F) (Black forward delta), gamma = c·b²·Γ_F;</li>
 *   <li>coin-settled option, c coins: USD value S·C(F)/F, so delta = c·Δ_F and gamma = c·b·Γ_F, vega and theta
 *       divided by b; the coin-numeraire premium-adjusted delta is c·(Δ_F − C(F)/F);</li>
 *   <li>linear future or perpetual, c coins: delta = c·b;</li>
 *   <li>inverse future or perpetual, c USD: delta = c/F coins (the coin P&L itself is account equity),
 *       gamma = −c·b/F²;</li>
 *   <li>spot and index: delta = c coins (or c/S for USD-sized).</li>
 * </ul>
 */
final class Revaluer
{
    private static final double NANOS_PER_YEAR = 365.25 * 86_400 * 1e9;

    private final EngineConfig config;
    private final OptionGreeks greeks = new OptionGreeks();

    Revaluer(final EngineConfig config)
    {
        this.config = config;
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
                final double years = (instrument.expiryNs() - nowNs) / NANOS_PER_YEAR;
                priceDelta1(instrument, orElse(state.midOrMark(), fallbackForward(indexUsd, years)), indexUsd, risk);
                break;
            case OPTION:
                priceOption(state, underlying, nowNs, risk);
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

    private void priceOption(final InstrumentState state, final UnderlyingRisk underlying, final long nowNs,
        final ContractRisk risk)
    {
        final Instrument instrument = state.instrument();
        final double years = (instrument.expiryNs() - nowNs) / NANOS_PER_YEAR;
        final double vol = state.markIv;
        if (!(years > 0) || !(vol > 0))
        {
            risk.unpriced();
            return;
        }
        final double indexUsd = underlying.indexUsd;
        final double forward = optionForward(state, underlying, indexUsd, years);
        final double basis = forward / indexUsd;
        final double size = instrument.contractSize();
        Black76.greeks(instrument.isCall(), forward, instrument.strike(), years, vol, 0.0, greeks);

        risk.priced = true;
        risk.forward = forward;
        risk.iv = vol;
        risk.forwardDelta = size * greeks.delta;
        if (instrument.isInverse())
        {
            risk.priceUsd = size * greeks.price / basis;
            risk.delta = size * greeks.delta;
            risk.gamma = size * basis * greeks.gamma;
            risk.vega = size * greeks.vega / basis;
            risk.theta = size * greeks.theta / basis;
            risk.premiumAdjustedDelta = size * (greeks.delta - greeks.price / forward);
            risk.deltaPerCoin = greeks.delta;
            risk.vegaPerCoin = greeks.vega / basis;
        }
        else
        {
            risk.priceUsd = size * greeks.price;
            risk.delta = size * basis * greeks.delta;
            risk.gamma = size * basis * basis * greeks.gamma;
            risk.vega = size * greeks.vega;
            risk.theta = size * greeks.theta;
            risk.premiumAdjustedDelta = Double.NaN;
            risk.deltaPerCoin = basis * greeks.delta;
            risk.vegaPerCoin = greeks.vega;
        }
    }

    /**
     * The forward of an option's expiry: the future of that expiry, else the venue's forward on the option's
     * last tick, else the index with the configured basis.
     */
    private double optionForward(final InstrumentState state, final UnderlyingRisk underlying, final double indexUsd,
        final double years)
    {
        final InstrumentState future = underlying.futureAt(state.instrument().expiryNs());
        if (future != null && future.midOrMark() > 0)
        {
            return future.midOrMark();
        }
        if (state.venueForward > 0)
        {
            return state.venueForward;
        }
        return fallbackForward(indexUsd, years);
    }

    private double fallbackForward(final double indexUsd, final double years)
    {
        return indexUsd * Math.exp(config.fallbackBasisPerYear() * Math.max(years, 0));
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
