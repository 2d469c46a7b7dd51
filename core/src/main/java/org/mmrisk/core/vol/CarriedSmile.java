package org.mmrisk.core.vol;

import org.mmrisk.core.time.YearFraction;

/**
 * One smile of a surface carried from its fit to engine time now under the surface's {@link SmileDynamics}: its total
 * variance at k = ln(K/F), the k-derivatives and the rate of change with time at fixed strike and index. Implied vols
 * are held between fits: w(k) = (T/T_fit)·w_fit(x), x the argument the dynamics give (k; k + ln(S/S_fit);
 * k·√(T_fit/T)), T and T_fit that smile's time to expiry now and at its fit.
 * <p>
 * A scratch holder owned by its {@link VolSurface} (engine thread); allocation-free.
 */
final class CarriedSmile
{
    double totalVariance;
    double dTotalVarianceDk;
    double d2TotalVarianceDk2;
    /** ∂w/∂t per year at fixed K and index. */
    double dTotalVarianceDt;
    /**
     * ∂w/∂ln S and ∂²w/∂(ln S)² at a fixed strike, each forward moving with the index (basis held): −w′ and w″ when
     * the smile slides with the forward, 0 for a sticky-strike smile with a fit index.
     */
    double dTotalVarianceDLogIndex;
    double d2TotalVarianceDLogIndex2;
    /** This smile's time to expiry now, years. */
    double years;

    void carry(
        final SmileSlots slots, final int index, final SmileDynamics dynamics, final double k, final long nowNs,
        final double indexUsd)
    {
        final SviSmile smile = slots.smiles[index];
        final long expiryNs = slots.expiryNs[index];
        years = YearFraction.years(nowNs, expiryNs);
        // exactly 1 at the fit, so that a smile read at its fit time is the smile fitted
        final double held = slots.heldScale(index, nowNs);
        final double perFitYear = held / years;
        double x = k;
        double stretch = 1.0;
        boolean slides = true;
        if (dynamics == SmileDynamics.STICKY_STRIKE)
        {
            final double fitIndexUsd = slots.fitIndexUsd[index];
            if (fitIndexUsd > 0 && indexUsd > 0)
            {
                x = k + Math.log(indexUsd / fitIndexUsd);
                slides = false;
            }
        }
        else if (dynamics == SmileDynamics.STICKY_DELTA)
        {
            stretch = Math.sqrt(1.0 / held);
            x = k * stretch;
        }
        final double w = smile.totalVariance(x);
        final double dw = smile.dTotalVarianceDk(x);
        totalVariance = held * w;
        dTotalVarianceDk = held * stretch * dw;
        d2TotalVarianceDk2 = held * stretch * stretch * smile.d2TotalVarianceDk2(x);
        // held vols: w shrinks as T does; under sticky delta the argument also stretches, x' = x/(2T)
        final double stretchRate = dynamics == SmileDynamics.STICKY_DELTA ? held * dw * x / (2.0 * years) : 0.0;
        dTotalVarianceDt = -w * perFitYear + stretchRate;
        dTotalVarianceDLogIndex = slides ? -dTotalVarianceDk : 0.0;
        d2TotalVarianceDLogIndex2 = slides ? d2TotalVarianceDk2 : 0.0;
    }

    /**
     * Re-fits smile {@code index} to now with the values it is read at now: the carried smile is again a raw SVI
     * (held vols scale a and b by h = T/T_fit; the strike shift δ = ln(S/S_fit) moves m to m − δ; the delta stretch
     * c = √(T_fit/T) gives b·c, m/c and σ/c), so the surface reads exactly as before, with every smile fitted now.
     * Without an index now, a sticky-strike smile keeps its fit index and is not shifted.
     */
    static void refit(
        final SmileSlots slots, final int index, final SmileDynamics dynamics, final long nowNs, final double indexUsd)
    {
        final SviSmile smile = slots.smiles[index];
        final double held = slots.heldScale(index, nowNs);
        double shift = 0.0;
        double stretch = 1.0;
        if (dynamics == SmileDynamics.STICKY_STRIKE && indexUsd > 0)
        {
            final double fitIndexUsd = slots.fitIndexUsd[index];
            shift = fitIndexUsd > 0 ? Math.log(indexUsd / fitIndexUsd) : 0.0;
            slots.fitIndexUsd[index] = indexUsd;
        }
        else if (dynamics == SmileDynamics.STICKY_DELTA)
        {
            stretch = Math.sqrt(1.0 / held);
        }
        smile.set(
            held * smile.a(), held * smile.b() * stretch, smile.rho(), (smile.m() - shift) / stretch,
            smile.sigma() / stretch);
        slots.fitNs[index] = nowNs;
    }
}
