package org.mmrisk.core.vol;

import org.mmrisk.core.state.StateIo;

/**
 * One expiry's smile in Gatheral's raw SVI parameterisation of total implied variance:
 * <pre>
 *     w(k) = a + b·(ρ·(k − m) + √((k − m)² + σ²)),   k = ln(K / F)
 * </pre>
 * with F that expiry's current forward (sticky moneyness: the smile moves with the forward) and w = σ_imp²·T,
 * T in years. Mutable and reused: the surface keeps a fixed pool of these and refills them in place.
 * <p>
 * Parameters are not checked here (see {@link SmileValidator}); on an invalid smile the functions return what
 * the formula gives, including NaN. Owned by the engine thread; not thread-safe. Allocation-free.
 */
public final class SviSmile
{
    private double a;
    private double b;
    private double rho;
    private double m;
    private double sigma;

    public SviSmile set(final double a, final double b, final double rho, final double m, final double sigma)
    {
        this.a = a;
        this.b = b;
        this.rho = rho;
        this.m = m;
        this.sigma = sigma;
        return this;
    }

    public SviSmile copyFrom(final SviSmile other)
    {
        return set(other.a, other.b, other.rho, other.m, other.sigma);
    }

    /**
     * @return total variance w(k), in years × vol² (dimensionless decimal vol squared times years).
     */
    public double totalVariance(final double k)
    {
        final double x = k - m;
        return a + b * (rho * x + Math.sqrt(x * x + sigma * sigma));
    }

    /**
     * @return ∂w/∂k.
     */
    public double dTotalVarianceDk(final double k)
    {
        final double x = k - m;
        return b * (rho + x / Math.sqrt(x * x + sigma * sigma));
    }

    /**
     * @return ∂²w/∂k², which is b·σ²/((k − m)² + σ²)^(3/2): SVI is convex in k whenever b ≥ 0.
     */
    public double d2TotalVarianceDk2(final double k)
    {
        final double x = k - m;
        final double r2 = x * x + sigma * sigma;
        return b * sigma * sigma / (r2 * Math.sqrt(r2));
    }

    /**
     * @return the minimum of w over all k, a + b·σ·√(1 − ρ²) (reached at k = m − ρσ/√(1 − ρ²)).
     */
    public double minTotalVariance()
    {
        return a + b * sigma * Math.sqrt(1.0 - rho * rho);
    }

    /**
     * @return implied volatility √(w(k)/T) as a decimal (0.55 = 55%); NaN when {@code years} ≤ 0 or w(k) &lt; 0.
     */
    public double impliedVol(final double k, final double years)
    {
        return years > 0.0 ? Math.sqrt(totalVariance(k) / years) : Double.NaN;
    }

    /**
     * Smile slope for smile-consistent Greeks: ∂σ_imp/∂k = w′/(2·√(w·T)). With k = ln(K/F) under sticky
     * moneyness, ∂σ_imp/∂F = −(∂σ_imp/∂k)/F.
     *
     * @return ∂σ_imp/∂k, vol (decimal) per unit of log-moneyness; NaN when {@code years} ≤ 0.
     */
    public double dVolDk(final double k, final double years)
    {
        return SmileMath.dVolDk(totalVariance(k), dTotalVarianceDk(k), years);
    }

    /**
     * @return ∂²σ_imp/∂k²; with sticky moneyness ∂²σ_imp/∂F² = (∂²σ/∂k² + ∂σ/∂k)/F².
     */
    public double d2VolDk2(final double k, final double years)
    {
        return SmileMath.d2VolDk2(totalVariance(k), dTotalVarianceDk(k), d2TotalVarianceDk2(k), years);
    }

    /**
     * Gatheral–Jacquier butterfly function
     * <pre>
     *     g(k) = (1 − k·w′/(2w))² − (w′²/4)·(1/w + 1/4) + w″/2
     * </pre>
     * The risk-neutral density of ln(K/F) is g(k)/√(2πw)·exp(−d₂²/2), so g(k) &lt; 0 means a butterfly with
     * negative price, i.e. a static arbitrage. Independent of T: it depends on total variance only.
     */
    public double density(final double k)
    {
        final double w = totalVariance(k);
        final double w1 = dTotalVarianceDk(k);
        final double w2 = d2TotalVarianceDk2(k);
        final double u = 1.0 - k * w1 / (2.0 * w);
        return u * u - 0.25 * w1 * w1 * (1.0 / w + 0.25) + 0.5 * w2;
    }

    public double a()
    {
        return a;
    }

    public double b()
    {
        return b;
    }

    public double rho()
    {
        return rho;
    }

    public double m()
    {
        return m;
    }

    public double sigma()
    {
        return sigma;
    }

    @Override
    public String toString()
    {
        return "SviSmile{a=" + a + ", b=" + b + ", rho=" + rho + ", m=" + m + ", sigma=" + sigma + '}';
    }

    /**
     * Saves or restores the five parameters as they are (already validated when they were accepted).
     */
    public void exchangeState(final StateIo io)
    {
        a = io.f64(a);
        b = io.f64(b);
        rho = io.f64(rho);
        m = io.f64(m);
        sigma = io.f64(sigma);
    }
}
