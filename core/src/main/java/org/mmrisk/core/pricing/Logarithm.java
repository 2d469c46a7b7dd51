package org.mmrisk.core.pricing;

/**
 * ln v as straight-line code that the JIT inlines into the pricing kernels; see {@link Exponential} for why a
 * stub call ({@link Math#log}) costs more than it seems. Stateless; every method is pure.
 * <p>
 * v = 2^e·m with m in [√½, √2), split from the bits without a branch; with f = m − 1 (exact) and s = f/(2 + f),
 * ln m = 2·atanh s = f − f·s + 2s·(z/3 + z²/5 + … + z¹¹/23), z = s² &le; 0.0295, so the truncation is below 1e-18
 * relative and the leading term f carries no rounding; e·ln 2 is added in two parts. Within about one ulp of
 * {@code Math.log} (tested); zero, negative, subnormal, infinite and NaN arguments go to {@code Math.log}.
 */
final class Logarithm
{
    private static final double LN2_HIGH = 6.93147180369123816490e-01;
    private static final double LN2_LOW = 1.90821492927058770002e-10;
    private static final long MANTISSA_MASK = (1L << 52) - 1;
    /** The mantissa bits of √2: at or above them m is halved and e raised by one. */
    private static final long SQRT2_MANTISSA = 0x6A09E667F3BCDL;
    private static final long EXPONENT_BIAS = 1023L;

    private Logarithm()
    {
    }

    /**
     * @return ln v, within about one ulp.
     */
    static double log(final double v)
    {
        if (!(v >= Double.MIN_NORMAL && v <= Double.MAX_VALUE))
        {
            return Math.log(v);
        }
        final long bits = Double.doubleToRawLongBits(v);
        final long mantissa = bits & MANTISSA_MASK;
        // 1 when the mantissa is at or above √2's, else 0
        final long halve = (mantissa + ((1L << 52) - SQRT2_MANTISSA)) >>> 52;
        final double e = (double)((bits >>> 52) - EXPONENT_BIAS + halve);
        final double m = Double.longBitsToDouble(mantissa | ((EXPONENT_BIAS - halve) << 52));
        return e * LN2_HIGH + (logReduced(m - 1.0) + e * LN2_LOW);
    }

    /**
     * ln(1 + f) for 1 + f in [√½, √2).
     */
    private static double logReduced(final double f)
    {
        final double s = f / (2.0 + f);
        final double z = s * s;
        final double z2 = z * z;
        final double z4 = z2 * z2;
        final double z8 = z4 * z4;
        final double low = z * ((1.0 / 3.0 + z * (1.0 / 5.0)) + z2 * (1.0 / 7.0 + z * (1.0 / 9.0))
            + z4 * ((1.0 / 11.0 + z * (1.0 / 13.0)) + z2 * (1.0 / 15.0 + z * (1.0 / 17.0))));
        final double high = z * z8 * ((1.0 / 19.0 + z * (1.0 / 21.0)) + z2 * (1.0 / 23.0));
        return f - (f * s - 2.0 * s * (low + high));
    }
}
