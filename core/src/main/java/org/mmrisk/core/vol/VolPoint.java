package org.mmrisk.core.vol;

/**
 * The surface read at one (expiry, k): total variance, implied vol and their k-derivatives, filled in place by
 * {@link VolSurface#evaluate}. Everything the engine needs for smile-consistent Greeks comes from one lookup.
 * <p>
 * Units: {@code years} ACT/365.25; vols are decimals (0.55 = 55%); total variance is vol² × years;
 * derivatives are per unit of k = ln(K/F). Under sticky moneyness, with F the expiry's forward:
 * ∂σ/∂F = −{@code dVolDk}/F and ∂²σ/∂F² = ({@code d2VolDk2} + {@code dVolDk})/F².
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
        return this;
    }

    void set(final double years, final double w, final double dw, final double d2w)
    {
        this.years = years;
        totalVariance = w;
        dTotalVarianceDk = dw;
        d2TotalVarianceDk2 = d2w;
        impliedVol = Math.sqrt(w / years);
        dVolDk = SmileMath.dVolDk(w, dw, years);
        d2VolDk2 = SmileMath.d2VolDk2(w, dw, d2w, years);
    }
}
