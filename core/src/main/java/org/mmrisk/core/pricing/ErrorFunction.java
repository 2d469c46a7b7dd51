package org.mmrisk.core.pricing;

/**
 * The error function and its complements to full double precision, from W. J. Cody's rational Chebyshev
 * approximations ("Rational Chebyshev approximations for the error function", Math. Comp. 23, 1969), whose
 * published coefficients give a relative error below 1e-17 on each interval:
 * <ul>
 *   <li>|u| &le; 0.46875: erf(u) = u·P(u²)/Q(u²), degree 4/4;</li>
 *   <li>0.46875 &lt; u &le; 4: erfc(u) = exp(−u²)·R(u), degree 8/8;</li>
 *   <li>u &gt; 4: erfc(u) = exp(−u²)/u·(1/√π − v·S(v)/T(v)), v = 1/u², degree 5/5.</li>
 * </ul>
 * The scaled complement erfcx(u) = exp(u²)·erfc(u) is the rational part alone for u &gt; 0.46875, so it costs no
 * exponential and keeps relative precision where erfc itself underflows. On [0, 0.46875] it is its Taylor
 * polynomial of degree 18 about ¼ (relative error below 1e-18 on [0, ½]), whose coefficients follow from
 * erfcx' = 2u·erfcx − 2/√π: c₁ = ½c₀ − 2/√π and (n + 1)·c_{n+1} = ½c_n + 2c_{n−1}, with c₀ = erfcx(¼), evaluated
 * in 50-digit arithmetic. Stateless; every method is pure.
 */
public final class ErrorFunction
{
    static final double SMALL_LIMIT = 0.46875;
    static final double MIDDLE_LIMIT = 4.0;
    private static final double INV_SQRT_PI = 0.56418958354775628695;
    private static final double SQRT_PI = 1.77245385090551602730;
    /** Below this erfcx(u) = 2·exp(u²) − erfcx(−u) overflows. */
    private static final double NEGATIVE_OVERFLOW_LIMIT = -26.628;
    /** exp(−y) is zero in double precision beyond this; it also keeps the Veltkamp split clear of overflow. */
    private static final double EXP_UNDERFLOW = 746.0;

    private ErrorFunction()
    {
    }

    /**
     * @param u any real.
     * @return erf(u), relative error about 1e-16.
     */
    public static double erf(final double u)
    {
        final double a = Math.abs(u);
        if (a <= SMALL_LIMIT)
        {
            return erfSmall(u);
        }
        final double complement = expMinusSquare(a) * erfcxPositive(a);
        return u < 0.0 ? complement - 1.0 : 1.0 - complement;
    }

    /**
     * @param u any real.
     * @return erfc(u) = 1 − erf(u), with relative precision in the upper tail down to the underflow at u ≈ 26.5.
     */
    public static double erfc(final double u)
    {
        if (Math.abs(u) <= SMALL_LIMIT)
        {
            return 1.0 - erfSmall(u);
        }
        if (u > 0.0)
        {
            return expMinusSquare(u) * erfcxPositive(u);
        }
        return 2.0 - expMinusSquare(u) * erfcxPositive(-u);
    }

    /**
     * @param u any real.
     * @return erfcx(u) = exp(u²)·erfc(u); about 1/(u√π) for large u; +∞ below u ≈ −26.6.
     */
    public static double erfcx(final double u)
    {
        if (u >= 0.0)
        {
            return erfcxPositive(u);
        }
        if (u < NEGATIVE_OVERFLOW_LIMIT)
        {
            return Double.POSITIVE_INFINITY;
        }
        // erfc(u) = 2 − erfc(−u): the subtraction loses nothing because 2·exp(u²) dominates.
        return 2.0 / expMinusSquare(u) - erfcxPositive(-u);
    }

    static double erfcxPositive(final double u)
    {
        if (u <= SMALL_LIMIT)
        {
            return erfcxSmall(u);
        }
        if (u <= MIDDLE_LIMIT)
        {
            return erfcxMiddle(u);
        }
        return erfcxLarge(u);
    }

    /**
     * exp(−u²) without the error of rounding u² first: for u = 26 that rounding alone would cost 7e-14 relative.
     * u² = hi + lo exactly (Veltkamp split), and exp(−lo) = 1 − lo to double precision since |lo| &lt; 1e-13.
     */
    static double expMinusSquare(final double u)
    {
        final double hi = u * u;
        if (hi > EXP_UNDERFLOW)
        {
            return 0.0;
        }
        return Exponential.exp(-hi) * (1.0 - squareError(u, hi));
    }

    /**
     * @return u² − hi exactly, where hi is the rounded square of u (Dekker's product with a Veltkamp split).
     */
    static double squareError(final double u, final double hi)
    {
        final double c = 134217729.0 * u;
        final double uHigh = c - (c - u);
        final double uLow = u - uHigh;
        return ((uHigh * uHigh - hi) + 2.0 * uHigh * uLow) + uLow * uLow;
    }

    private static double erfcxSmall(final double u)
    {
        final double v = u - 0.25;
        final double v2 = v * v;
        final double v4 = v2 * v2;
        final double v8 = v4 * v4;
        final double low = ((0.770346547730996743917 - 0.743205893230014201938 * v)
            + v2 * (0.584545074423493193432 - 0.39804641641609393572 * v))
            + v4 * ((0.242516735159734854751 - 0.134966893050464088813 * v)
            + v2 * (0.0695916706323729441827 - 0.0335911358263916722192 * v));
        final double high = ((0.015298471668943756532 - 0.00661478175759016290804 * v)
            + v2 * (0.00272895524590924316099 - 0.00107864417202051856687 * v))
            + v4 * ((0.000409882367150685586545 - 0.000150180550805053410805 * v)
            + v2 * (0.0000531910327784888905492 - 0.0000182510390147241584224 * v));
        final double top = (0.00000607853412810098136794 - 0.00000196840064502340153887 * v)
            + v2 * 6.20714885205014553692e-7;
        return low + v8 * (high + v8 * top);
    }

    // The polynomials are evaluated in Estrin's scheme (pairs, then powers of u²) rather than by Horner's rule:
    // the same terms, all of one sign here, but a dependency chain of depth 4 instead of 8.

    private static double erfSmall(final double u)
    {
        final double y = u * u;
        final double y2 = y * y;
        final double num = (3.20937758913846947e3 + 3.77485237685302021e2 * y)
            + y2 * (1.13864154151050156e2 + 3.16112374387056560e0 * y) + y2 * y2 * 1.85777706184603153e-1;
        final double den = (2.84423683343917062e3 + 1.28261652607737228e3 * y)
            + y2 * (2.44024637934444173e2 + 2.36012909523441209e1 * y) + y2 * y2;
        return u * num / den;
    }

    private static double erfcxMiddle(final double u)
    {
        final double u2 = u * u;
        final double u4 = u2 * u2;
        final double num = (1.23033935479799725e3 + 2.05107837782607147e3 * u)
            + u2 * (1.71204761263407058e3 + 8.81952221241769090e2 * u)
            + u4 * ((2.98635138197400131e2 + 6.61191906371416295e1 * u)
            + u2 * (8.88314979438837594e0 + 5.64188496988670089e-1 * u))
            + u4 * u4 * 2.15311535474403846e-8;
        final double den = (1.23033935480374942e3 + 3.43936767414372164e3 * u)
            + u2 * (4.36261909014324716e3 + 3.29079923573345963e3 * u)
            + u4 * ((1.62138957456669019e3 + 5.37181101862009858e2 * u)
            + u2 * (1.17693950891312499e2 + 1.57449261107098347e1 * u))
            + u4 * u4;
        return num / den;
    }

    private static double erfcxLarge(final double u)
    {
        // (1/√π − v·S/T)/u folded over one denominator: two divisions in sequence instead of three
        final double v = 1.0 / (u * u);
        final double num = largeNumerator(v);
        final double den = largeDenominator(v);
        return (INV_SQRT_PI * den - v * num) / (u * den);
    }

    /**
     * 1 − √π·u·erfcx(u) for u &gt; 4, which is √π·v·S(v)/T(v) in Cody's large-argument form: no cancellation,
     * where the difference itself would lose log₁₀(2u²) digits.
     */
    static double oneMinusScaledErfcxLarge(final double u)
    {
        final double v = 1.0 / (u * u);
        return SQRT_PI * v * largeNumerator(v) / largeDenominator(v);
    }

    private static double largeNumerator(final double v)
    {
        final double v2 = v * v;
        return (6.58749161529837803e-4 + 1.60837851487422766e-2 * v)
            + v2 * (1.25781726111229246e-1 + 3.60344899949804439e-1 * v)
            + v2 * v2 * (3.05326634961232344e-1 + 1.63153871373020978e-2 * v);
    }

    private static double largeDenominator(final double v)
    {
        final double v2 = v * v;
        return (2.33520497626869185e-3 + 6.05183413124413191e-2 * v)
            + v2 * (5.27905102951428412e-1 + 1.87295284992346047e0 * v)
            + v2 * v2 * (2.56852019228982242e0 + v);
    }
}
