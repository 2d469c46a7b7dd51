package org.mmrisk.core.vol;

/**
 * The surface read at one (expiry, k): total variance, implied vol and their k-derivatives, filled in place by
 * {@link VolSurface#evaluate}. Everything the engine needs for smile-consistent Greeks comes from one lookup.
 * <p>
 * Units: {@code years} ACT/365.25; vols are decimals (0.55 = 55%); total variance is vol² × years;
 * derivatives are per unit of k = ln(K/F) at a fixed index; {@code dVolDt} per year at fixed strike and index.
 * When {@link #movesWithForward} (sticky moneyness and sticky delta), with F the expiry's forward moving with the
 * index: ∂σ/∂F = −{@code dVolDk}/F and ∂²σ/∂F² = ({@code d2VolDk2} + {@code dVolDk})/F²; otherwise (sticky strike)
 * an index move leaves σ where it is.
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
    /** Whether the smile slides with the forward when the index moves (false under sticky strike). */
    public boolean movesWithForward;

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
        movesWithForward = false;
        return this;
    }

    void set(
        final double years, final double w, final double dw, final double d2w, final double dwdt,
        final boolean movesWithForward)
    {
        this.years = years;
        totalVariance = w;
        dTotalVarianceDk = dw;
        d2TotalVarianceDk2 = d2w;
        impliedVol = Math.sqrt(w / years);
        dVolDk = SmileMath.dVolDk(w, dw, years);
        d2VolDk2 = SmileMath.d2VolDk2(w, dw, d2w, years);
        // w = σ²T with dT/dt = −1: ∂w/∂t = 2σT·∂σ/∂t − σ²
        dVolDt = (dwdt + impliedVol * impliedVol) / (2.0 * impliedVol * years);
        this.movesWithForward = movesWithForward;
    }
}
