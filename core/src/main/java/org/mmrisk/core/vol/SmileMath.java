package org.mmrisk.core.vol;

/**
 * Implied-vol derivatives of a single smile from its total variance and k-derivatives (the surface's reading,
 * {@link VolPoint}, computes the same from the carried and blended w). Stateless.
 */
final class SmileMath
{
    private SmileMath()
    {
    }

    /**
     * σ = √(w/T) so ∂σ/∂k = w′/(2·√(w·T)).
     */
    static double dVolDk(final double w, final double dw, final double years)
    {
        return years > 0.0 ? dw / (2.0 * Math.sqrt(w * years)) : Double.NaN;
    }

    /**
     * ∂²σ/∂k² = (w″ − w′²/(2w)) / (2·√(w·T)).
     */
    static double d2VolDk2(final double w, final double dw, final double d2w, final double years)
    {
        return years > 0.0 ? (d2w - dw * dw / (2.0 * w)) / (2.0 * Math.sqrt(w * years)) : Double.NaN;
    }
}
