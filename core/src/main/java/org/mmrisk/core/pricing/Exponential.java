package org.mmrisk.core.pricing;

/**
 * e^y as straight-line code that the JIT inlines into the pricing kernels. Stateless; every method is pure.
 * <p>
 * Why not {@link Math#exp}: HotSpot implements it as a call to a stub, and every floating-point register live
 * across that call is spilled and reloaded around it; in a Black-76 pass with a dozen values in flight that costs
 * more than the exponential itself. Here the argument is reduced by Cody and Waite's two-part ln 2,
 * y = k·ln 2 + r with |r| &le; ½ln 2, e^r is its Taylor polynomial of degree 13 (truncation below 1e-17 relative)
 * in Estrin's scheme, and 2^k is put straight into the exponent bits. The result is within about one ulp of
 * {@code Math.exp} (tested); arguments outside [−708, 709], where 2^k would leave the normal range, and NaN go to
 * {@code Math.exp}.
 */
final class Exponential
{
    private static final double INV_LN2 = 1.44269504088896338700;
    /** ln 2 split so that k·LN2_HIGH is exact for |k| &le; 1024: its low 32 bits are zero. */
    private static final double LN2_HIGH = 6.93147180369123816490e-01;
    private static final double LN2_LOW = 1.90821492927058770002e-10;
    private static final double MIN_FAST = -708.0;
    private static final double MAX_FAST = 709.0;

    private Exponential()
    {
    }

    /**
     * @return e^y, within about one ulp.
     */
    static double exp(final double y)
    {
        if (!(y >= MIN_FAST && y <= MAX_FAST))
        {
            return Math.exp(y);
        }
        final double k = Math.rint(y * INV_LN2);
        final double r = (y - k * LN2_HIGH) - k * LN2_LOW;
        return expReduced(r) * Double.longBitsToDouble(((long)k + 1023L) << 52);
    }

    /**
     * e^r for |r| &le; ½ln 2 from Σ rⁿ/n!, n &le; 13, grouped in pairs, then powers of r², so that the dependency
     * chain is four multiply-adds deep instead of thirteen.
     */
    private static double expReduced(final double r)
    {
        final double r2 = r * r;
        final double r4 = r2 * r2;
        final double r8 = r4 * r4;
        final double low = r + r2 * (1.0 / 2.0 + r * (1.0 / 6.0))
            + r4 * ((1.0 / 24.0 + r * (1.0 / 120.0)) + r2 * (1.0 / 720.0 + r * (1.0 / 5040.0)));
        final double high = (1.0 / 40320.0 + r * (1.0 / 362880.0)) + r2 * (1.0 / 3628800.0 + r * (1.0 / 39916800.0))
            + r4 * (1.0 / 479001600.0 + r * (1.0 / 6227020800.0));
        // the 1 last: every rounding before it is of a term below 0.42
        return 1.0 + (low + r8 * high);
    }
}
