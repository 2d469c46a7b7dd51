package org.mmrisk.core.pricing;

/**
 * The error function and its complements to full double precision, from W. J. Cody's rational Chebyshev
 * approximations ("Rational Chebyshev approximations for the error function", Math. Comp. 23, 1969), whose
 * published coefficients give a relative error below 1e-17 on each interval:
 * <ul>
 *   <li>|u| &le; 0.46875: erf(u) = u·P(u²)/Q(u²), degree 4/4;</li>
 *   <li>0.46875 &lt; u &le; 4: erfc(u) = exp(−u²)·R(u), degree 8/8;</li>
 *   <li>u &gt; 4: erfc(u) = exp(−u²)/u·(1/√π + v·S(v)/T(v)), v = 1/u², degree 5/4 (the sign of the
 *       rational part is folded into the subtraction below).</li>
 * </ul>
 * The scaled complement erfcx(u) = exp(u²)·erfc(u) is the rational part alone for u &gt; 0.46875, so it costs no
 * exponential and keeps relative precision where erfc itself underflows. Stateless; every method is pure.
 */
public final class ErrorFunction
{
    static final double SMALL_LIMIT = 0.46875;
    static final double MIDDLE_LIMIT = 4.0;
    private static final double INV_SQRT_PI = 0.56418958354775628695;
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
            // exp(u²) is at most 1.25 here, so the product keeps the precision of 1 − erf(u) ≥ 0.5.
            return Math.exp(u * u) * (1.0 - erfSmall(u));
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
        return Math.exp(-hi) * (1.0 - squareError(u, hi));
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

    private static double erfSmall(final double u)
    {
        final double y = u * u;
        final double num = (((1.85777706184603153e-1 * y + 3.16112374387056560e0) * y + 1.13864154151050156e2) * y
            + 3.77485237685302021e2) * y + 3.20937758913846947e3;
        final double den = ((((y + 2.36012909523441209e1) * y + 2.44024637934444173e2) * y
            + 1.28261652607737228e3) * y + 2.84423683343917062e3);
        return u * num / den;
    }

    private static double erfcxMiddle(final double u)
    {
        double num = 2.15311535474403846e-8 * u + 5.64188496988670089e-1;
        num = num * u + 8.88314979438837594e0;
        num = num * u + 6.61191906371416295e1;
        num = num * u + 2.98635138197400131e2;
        num = num * u + 8.81952221241769090e2;
        num = num * u + 1.71204761263407058e3;
        num = num * u + 2.05107837782607147e3;
        num = num * u + 1.23033935479799725e3;
        double den = u + 1.57449261107098347e1;
        den = den * u + 1.17693950891312499e2;
        den = den * u + 5.37181101862009858e2;
        den = den * u + 1.62138957456669019e3;
        den = den * u + 3.29079923573345963e3;
        den = den * u + 4.36261909014324716e3;
        den = den * u + 3.43936767414372164e3;
        den = den * u + 1.23033935480374942e3;
        return num / den;
    }

    private static double erfcxLarge(final double u)
    {
        final double v = 1.0 / (u * u);
        double num = 1.63153871373020978e-2 * v + 3.05326634961232344e-1;
        num = num * v + 3.60344899949804439e-1;
        num = num * v + 1.25781726111229246e-1;
        num = num * v + 1.60837851487422766e-2;
        num = num * v + 6.58749161529837803e-4;
        double den = v + 2.56852019228982242e0;
        den = den * v + 1.87295284992346047e0;
        den = den * v + 5.27905102951428412e-1;
        den = den * v + 6.05183413124413191e-2;
        den = den * v + 2.33520497626869185e-3;
        return (INV_SQRT_PI - v * num / den) / u;
    }
}
