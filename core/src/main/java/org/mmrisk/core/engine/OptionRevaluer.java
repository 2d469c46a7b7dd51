package org.mmrisk.core.engine;

import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.exposure.ContractRisk;
import org.mmrisk.core.forward.ForwardCurve;
import org.mmrisk.core.forward.ForwardSource;
import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.pricing.Black76;
import org.mmrisk.core.pricing.ImpliedVol;
import org.mmrisk.core.pricing.ImpliedVolResult;
import org.mmrisk.core.pricing.OptionGreeks;
import org.mmrisk.core.time.YearFraction;
import org.mmrisk.core.vol.VolPoint;

/**
 * Exact revaluation of ONE option contract: its forward, its volatility and its smile-consistent Greeks.
 * Owned by the engine thread; allocation-free (scratch holders are fields).
 * <p>
 * <b>Forward</b>: the underlying's {@link ForwardCurve} (the future of that expiry, else interpolated between
 * futures); where the curve only has its fallback, the venue's forward from the option's own ticks; else the
 * curve's fallback (perpetual or index with the configured basis). Every source is held as a basis to the index
 * (sticky basis), so forwards move with the index between ticks, as the Greeks assume (∂F/∂S = F/S).
 * <p>
 * <b>Volatility</b>: the underlying's SVI surface at k = ln(K/F) when it has one, read under the underlying's smile
 * dynamics ({@link org.mmrisk.core.vol.SmileDynamics}); else the option's last tick {@code markIv}; else the
 * volatility implied by its mark price. Without any of them the option is unpriced.
 * <p>
 * <b>Smile-consistent Greeks</b> (σ = σ(k), k = ln(K/F), as an index move reads the smile: zero slope under sticky
 * strike): with ∂σ/∂F = −σ_k/F and ∂²σ/∂F² = (σ_kk + σ_k)/F², the forward delta and gamma used for aggregation are
 * <pre>
 *   V_F  = Δ + ν·∂σ/∂F
 *   V_FF = Γ + 2·vanna·∂σ/∂F + volga·(∂σ/∂F)² + ν·∂²σ/∂F²
 * </pre>
 * with ν, vanna and volga per unit of vol (not per point). A flat vol (mark IV) has no slope: V_F = Δ. Theta adds
 * ν·∂σ/∂t, the drift of the vol at a fixed strike, so that it is the value's whole decay.
 * {@code forwardDelta} stays the plain Black-76 ∂V/∂F at the option's own implied vol.
 * <p>
 * <b>Near expiry</b>: an option closer to expiry than the configured floor is priced as if the floor remained
 * (gamma and theta stay bounded through the pin); at or after expiry it is worth its intrinsic value against the
 * index, delta a step, until it is settled.
 */
final class OptionRevaluer
{
    private static final double VOL_POINT = 100.0;

    private final EngineConfig config;
    /** The option time floor in engine-time nanoseconds, converted once. */
    private final long timeFloorNs;
    private final OptionGreeks greeks = new OptionGreeks();
    private final VolPoint volPoint = new VolPoint();
    private final ImpliedVolResult impliedVol = new ImpliedVolResult();
    private double vol;
    /** ∂σ/∂ln S and ∂²σ/∂(ln S)² at a fixed strike, as the smile dynamics read an index move. */
    private double dVolDLogIndex;
    private double d2VolDLogIndex2;
    /** The smile's slope in k at a fixed index, as a basis move reads it. */
    private double smileSlope;
    /** ∂σ/∂t per year at fixed strike and index. */
    private double dVolDt;

    OptionRevaluer(final EngineConfig config)
    {
        this.config = config;
        this.timeFloorNs = (long)(config.optionTimeFloorYears() * YearFraction.NANOS_PER_YEAR);
    }

    void revalue(final InstrumentState state, final UnderlyingRisk underlying, final long nowNs)
    {
        final ContractRisk risk = state.risk();
        final Instrument instrument = state.instrument();
        final double indexUsd = underlying.indexUsd();
        final double years = YearFraction.years(nowNs, instrument.expiryNs());
        final double forward = forward(state, underlying, nowNs);
        if (!(forward > 0) || !resolveVol(state, underlying, forward, years, nowNs))
        {
            risk.unpriced();
            return;
        }
        final double pricingYears = years > 0 ? Math.max(years, config.optionTimeFloorYears()) : 0;
        Black76.greeks(instrument.isCall(), forward, instrument.strike(), pricingYears, vol, 0.0, greeks);

        final double perForward = 1.0 / forward;
        final double dVolDf = dVolDLogIndex * perForward;
        final double d2VolDf2 = (d2VolDLogIndex2 - dVolDLogIndex) * perForward * perForward;
        final double vegaPerVol = greeks.vega * VOL_POINT;
        final double dValueDf = greeks.delta + vegaPerVol * dVolDf;
        final double d2ValueDf2 = greeks.gamma + 2 * greeks.vanna * VOL_POINT * dVolDf +
            greeks.volga * VOL_POINT * VOL_POINT * dVolDf * dVolDf + vegaPerVol * d2VolDf2;

        final double basis = forward / indexUsd;
        // a linear option's USD value is V(F); a coin-settled one's is S·V(F)/F = V(F)/b, b = F/S held fixed
        final double usdPerForwardUnit = instrument.isInverse() ? 1.0 / basis : 1.0;
        // the smile's own drift with time at a fixed strike is part of the decay
        final double smileTheta = greeks.theta + vegaPerVol * dVolDt / YearFraction.DAYS_PER_YEAR;
        final double deltaPerCoin = instrument.isInverse() ? dValueDf : basis * dValueDf;
        final double size = instrument.contractSize();
        risk.priced = true;
        risk.forward = forward;
        risk.iv = vol;
        risk.priceUsd = size * greeks.price * usdPerForwardUnit;
        risk.valueUsd = risk.priceUsd;
        risk.forwardDelta = size * greeks.delta;
        risk.delta = size * deltaPerCoin;
        risk.gamma = size * basis * basis * usdPerForwardUnit * d2ValueDf2;
        risk.vega = size * greeks.vega * usdPerForwardUnit;
        risk.theta = size * smileTheta * usdPerForwardUnit;
        risk.speed = size * basis * basis * basis * usdPerForwardUnit * greeks.speed;
        risk.charm = size * basis * usdPerForwardUnit * greeks.charm;
        risk.vanna = size * greeks.vanna * basis * usdPerForwardUnit;
        risk.volga = size * greeks.volga * usdPerForwardUnit;
        risk.premiumAdjustedDelta = instrument.isInverse() ? size * (greeks.delta - greeks.price / forward) : Double.NaN;
        risk.deltaPerCoin = deltaPerCoin;
        risk.vegaPerCoin = greeks.vega * usdPerForwardUnit;
        surfaceSensitivities(instrument, forward, perForward, basis, usdPerForwardUnit, risk);
        risk.volPerForward = dVolDf;
        risk.volPerForward2 = d2VolDf2;
        risk.volPerYear = dVolDt;
    }

    /**
     * Rate, basis and smile-shape sensitivities per contract, first order.
     */
    private void surfaceSensitivities(
        final Instrument instrument, final double forward, final double perForward, final double basis,
        final double usdPerForwardUnit, final ContractRisk risk)
    {
        final double size = instrument.contractSize();
        // a basis move slides the smile with the forward whatever the dynamics: ∂σ/∂F = −σ_k/F at a fixed index
        final double dValueDfBasis = greeks.delta - greeks.vega * VOL_POINT * smileSlope * perForward;
        risk.rho = size * greeks.rho * usdPerForwardUnit;
        risk.basisDelta = instrument.isInverse() ?
            0.01 * size * (dValueDfBasis * forward - greeks.price) / basis :
            0.01 * size * dValueDfBasis * forward;
        // x = N(d1), the call delta at r = 0; shocks: RR (1 − 2x), BF 16(x − ½)² vol points per point of shock
        final double callDelta = instrument.isCall() ? greeks.delta : greeks.delta + 1.0;
        final double fromAtm = callDelta - 0.5;
        risk.riskReversal25 = risk.vega * (1.0 - 2.0 * callDelta);
        risk.butterfly25 = risk.vega * 16.0 * fromAtm * fromAtm;
    }


    /**
     * @return the forward of the option's expiry in USD, NaN without an index.
     */
    private static double forward(final InstrumentState state, final UnderlyingRisk underlying, final long nowNs)
    {
        final ForwardCurve curve = underlying.forwards();
        final long expiryNs = state.instrument().expiryNs();
        final double indexUsd = underlying.indexUsd();
        if (state.market().basis() > 0 && curve.source(expiryNs, nowNs, 1.0) == ForwardSource.FALLBACK)
        {
            return state.market().basis() * indexUsd;
        }
        return underlying.forwardUsd(expiryNs, nowNs);
    }

    /**
     * Sets {@link #vol}, {@link #dVolDLogIndex}, {@link #d2VolDLogIndex2}, {@link #smileSlope} and {@link #dVolDt}.
     * Inside the time floor the smile is read as it stands at the floor: the option is priced as if that much time
     * remained, and its smile stops moving with time too (sticky delta would otherwise stretch it without bound).
     *
     * @return false when no volatility is known for the option.
     */
    private boolean resolveVol(
        final InstrumentState state, final UnderlyingRisk underlying, final double forward, final double years,
        final long nowNs)
    {
        dVolDLogIndex = 0;
        d2VolDLogIndex2 = 0;
        smileSlope = 0;
        dVolDt = 0;
        final Instrument instrument = state.instrument();
        if (!(years > 0))
        {
            vol = 0;
            return true;
        }
        final double k = Math.log(instrument.strike() / forward);
        final boolean insideFloor = instrument.expiryNs() - nowNs < timeFloorNs;
        final long readNs = insideFloor ? instrument.expiryNs() - timeFloorNs : nowNs;
        if (underlying.surface().evaluate(instrument.expiryNs(), k, readNs, underlying.indexUsd(), volPoint))
        {
            vol = volPoint.impliedVol;
            smileSlope = volPoint.dVolDk;
            dVolDLogIndex = volPoint.dVolDLogIndex;
            d2VolDLogIndex2 = volPoint.d2VolDLogIndex2;
            dVolDt = insideFloor ? 0 : volPoint.dVolDt;
            return vol > 0;
        }
        if (state.market().markIv() > 0)
        {
            vol = state.market().markIv();
            return true;
        }
        // implied at the time the option is priced with, so that the mark reprices to itself inside the floor too
        vol = markImpliedVol(state, forward, Math.max(years, config.optionTimeFloorYears()));
        return vol > 0;
    }

    private double markImpliedVol(final InstrumentState state, final double forward, final double years)
    {
        final Instrument instrument = state.instrument();
        final double mark = state.markOrMid();
        if (!(mark > 0))
        {
            return Double.NaN;
        }
        final double markUsd = instrument.isInverse() ? mark * forward : mark;
        ImpliedVol.solve(markUsd, forward, instrument.strike(), years, instrument.isCall(), 0.0, impliedVol);
        return impliedVol.isOk() ? impliedVol.vol : Double.NaN;
    }
}
