package org.mmrisk.core.engine;

import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.ContractUnit;
import org.mmrisk.core.exposure.ContractRisk;
import org.mmrisk.core.exposure.TaylorExposure;
import org.mmrisk.core.instrument.Instrument;

/**
 * Exact revaluation of one contract: its per-contract USD value and Greeks with respect to the index, which
 * become the contract's Taylor anchor ({@link TaylorExposure}). Options are revalued by {@link OptionRevaluer}
 * (forward curve, vol surface, smile-consistent Greeks). Owned by the engine thread; allocation-free.
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
 * A basis move (the forward up 1% at a fixed index) is worth c·F/100 USD to a linear future and c/(100·b) to an
 * inverse one (its coin P&L at the index); futures have no rate or smile sensitivity here (their forward is a market
 * price).
 */
final class Revaluer
{
    private final OptionRevaluer options;

    Revaluer(final EngineConfig config)
    {
        this.options = new OptionRevaluer(config);
    }

    /**
     * Exact revaluation of one contract at the underlying's current index and {@code nowNs}; the result is the
     * instrument's new anchor. The caller detaches the instrument from the sums first. A revaluation that overflows
     * leaves the contract unpriced, like one without an index or a vol: its position is then unknown risk, which
     * halts the underlying, instead of a NaN in every sum the underlying's limits are checked against.
     */
    void revalueContract(final InstrumentState state, final UnderlyingRisk underlying, final long nowNs)
    {
        price(state, underlying, nowNs);
        if (state.risk().priced && !state.risk().hasFiniteFigures())
        {
            state.risk().unpriced();
        }
        state.risk().anchorIndexUsd = underlying.indexUsd();
        state.risk().anchorTimeNs = nowNs;
    }

    private void price(final InstrumentState state, final UnderlyingRisk underlying, final long nowNs)
    {
        final ContractRisk risk = state.risk();
        final double indexUsd = underlying.indexUsd();
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
                priceDelta1(instrument, orElse(state.market().basis() * indexUsd, indexUsd), indexUsd, risk);
                break;
            case FUTURE:
                final double curveForward = underlying.forwardUsd(instrument.expiryNs(), nowNs);
                priceDelta1(instrument, orElse(state.market().basis() * indexUsd, curveForward), indexUsd, risk);
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
        // a USD-sized spot contract holds c/S coins: its value c·ln S has delta c/S and gamma −c/S²
        risk.valueUsd = instrument.contractUnit() == ContractUnit.USD ?
            instrument.contractSize() * Math.log(indexUsd) : coins * indexUsd;
        risk.iv = Double.NaN;
        risk.forwardDelta = coins;
        risk.delta = coins;
        final boolean usdSized = instrument.contractUnit() == ContractUnit.USD;
        risk.gamma = usdSized ? -coins / indexUsd : 0;
        risk.speed = usdSized ? 2 * coins / (indexUsd * indexUsd) : 0;
        risk.charm = 0;
        risk.vega = 0;
        risk.theta = 0;
        risk.vanna = 0;
        risk.volga = 0;
        risk.premiumAdjustedDelta = Double.NaN;
        risk.deltaPerCoin = 1.0;
        risk.vegaPerCoin = 0;
        risk.clearSurfaceSensitivities();
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
        risk.charm = 0;
        risk.vegaPerCoin = 0;
        risk.deltaPerCoin = basis;
        risk.clearSurfaceSensitivities();
        if (instrument.contractUnit() == ContractUnit.USD)
        {
            risk.priceUsd = size;
            risk.valueUsd = size / basis * Math.log(indexUsd);
            risk.forwardDelta = size / forward;
            risk.delta = size / forward;
            risk.gamma = -size * basis / (forward * forward);
            risk.speed = 2 * size * basis * basis / (forward * forward * forward);
            // coin P&L c·(1/entry − 1/F) at index S: S·c/F² per USD of F, F/100 USD per 1%
            risk.basisDelta = 0.01 * size / basis;
        }
        else
        {
            risk.priceUsd = size * forward;
            risk.valueUsd = risk.priceUsd;
            risk.forwardDelta = size;
            risk.delta = size * basis;
            risk.gamma = 0;
            risk.speed = 0;
            risk.basisDelta = 0.01 * size * forward;
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
