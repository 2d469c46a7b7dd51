package org.mmrisk.core.vol;

/**
 * The surface read at one (expiry, k): total variance, implied vol and their k-derivatives, filled in place by
 * {@link VolSurface#evaluate}. Everything the engine needs for smile-consistent Greeks comes from one lookup.
 * <p>
 * Units: {@code years} ACT/365.25; vols are decimals (0.55 = 55%); total variance is vol² × years;
 * derivatives are per unit of k = ln(K/F) at a fixed index; {@code dVolDt} per year at fixed strike and index;
 * {@code dVolDLogIndex} and {@code d2VolDLogIndex2} per unit of ln S at a fixed strike, every forward moving with the
 * index (its basis held), as the smile dynamics say: with F the expiry's forward, ∂σ/∂F = {@code dVolDLogIndex}/F and
 * ∂²σ/∂F² = ({@code d2VolDLogIndex2} − {@code dVolDLogIndex})/F². A smile that slides with the forward gives
 * −{@code dVolDk} and {@code d2VolDk2}; a sticky-strike smile 0.
 * <p>
 * A plain mutable holder: owned by the thread that passes it in (the engine thread); no allocation.
 */
public final class VolPoint
{
    public double years;
    public double totalVariance;
    public double dTotalVarianceDk;
    public double d2TotalVarianceDk2;
    public double impliedVol;
    public double dVolDk;
    public double d2VolDk2;
    /** ∂σ/∂t, vol per year, at fixed strike and index: non-zero under sticky delta and between quoted expiries. */
    public double dVolDt;
    public double dVolDLogIndex;
    public double d2VolDLogIndex2;

    /**
     * Marks the point as unavailable: every field NaN.
     */
    public VolPoint clear()
    {
        years = Double.NaN;
        totalVariance = Double.NaN;
        dTotalVarianceDk = Double.NaN;
        d2TotalVarianceDk2 = Double.NaN;
        impliedVol = Double.NaN;
        dVolDk = Double.NaN;
        d2VolDk2 = Double.NaN;
        dVolDt = Double.NaN;
        dVolDLogIndex = Double.NaN;
        d2VolDLogIndex2 = Double.NaN;
        return this;
    }

    void set(
        final double years, final double w, final double dw, final double d2w, final double dwdt,
        final double dwdLogIndex, final double d2wdLogIndex2)
    {
        this.years = years;
        totalVariance = w;
        dTotalVarianceDk = dw;
        d2TotalVarianceDk2 = d2w;
        impliedVol = Math.sqrt(w / years);
        // σ = √(w/T): every derivative of σ is its w-derivative over 2σT (= 2√(wT))
        final double perTwoSigmaT = 1.0 / (2.0 * impliedVol * years);
        dVolDk = dw * perTwoSigmaT;
        d2VolDk2 = (d2w - dw * dw / (2.0 * w)) * perTwoSigmaT;
        // w = σ²T with dT/dt = −1: ∂w/∂t = 2σT·∂σ/∂t − σ²
        dVolDt = (dwdt + impliedVol * impliedVol) * perTwoSigmaT;
        dVolDLogIndex = dwdLogIndex * perTwoSigmaT;
        d2VolDLogIndex2 = (d2wdLogIndex2 - dwdLogIndex * dwdLogIndex / (2.0 * w)) * perTwoSigmaT;
    }
}
