package org.mmrisk.core.pricing;

/**
 * The standard normal distribution to full double precision in both tails. Stateless; every method is pure.
 * <p>
 * Φ(z) = ½·exp(−z²/2)·erfcx(−z/√2) for z &lt; −0.66, where exp(−z²/2) is taken from the exact square of z and
 * erfcx is Cody's rational function, so Φ keeps its relative precision (about 1e-15) down to the underflow
 * near z = −38.5; the upper tail is 1 − Φ(−z). Central values come from Cody's erf.
 */
public final class Normal
{
    static final double INV_SQRT_2PI = 0.398942280401432677940;
    static final double SQRT_2PI = 2.50662827463100050242;
    static final double SQRT_HALF_PI = 1.25331413731550025121;
    static final double INV_SQRT2 = 0.707106781186547524401;
    private static final double CENTRAL_LIMIT = ErrorFunction.SMALL_LIMIT / INV_SQRT2;
    private static final double SLOPE_RATIONAL_LIMIT = -ErrorFunction.MIDDLE_LIMIT / INV_SQRT2;
    private static final double ACKLAM_LOW = 0.02425;
    private static final double LOG_ACKLAM_LOW = Math.log(ACKLAM_LOW);
    /** Below this Φ⁻¹'s refinement would need exp(x²/2) beyond the double range. */
    private static final double REFINE_LIMIT = 1e-300;

    private Normal()
    {
    }

    /**
     * @return φ(z) = exp(−z²/2)/√(2π).
     */
    public static double pdf(final double z)
    {
        return INV_SQRT_2PI * expMinusHalfSquare(z);
    }

    /**
     * @return Φ(z), relative error about 1e-15 in both tails.
     */
    public static double cdf(final double z)
    {
        if (Math.abs(z) <= CENTRAL_LIMIT)
        {
            return 0.5 + 0.5 * ErrorFunction.erf(z * INV_SQRT2);
        }
        final double tail = 0.5 * expMinusHalfSquare(z) * ErrorFunction.erfcxPositive(Math.abs(z) * INV_SQRT2);
        return z < 0.0 ? tail : 1.0 - tail;
    }

    /**
     * Φ⁻¹(p): Acklam's rational approximation (relative error 1.2e-9) refined by one Halley step on {@link #cdf},
     * which brings it to double precision. The upper half is mirrored so that 1 − p carries the information.
     *
     * @param p a probability.
     * @return the quantile; −∞ at 0, +∞ at 1, NaN outside [0, 1].
     */
    public static double inverseCdf(final double p)
    {
        if (!(p > 0.0 && p < 1.0))
        {
            return p == 0.0 ? Double.NEGATIVE_INFINITY : p == 1.0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (p > 0.5)
        {
            return -lowerInverseCdf(1.0 - p);
        }
        return lowerInverseCdf(p);
    }

    /**
     * Φ(z)/φ(z), the Mills ratio of the lower tail: about 1/|z| for z → −∞, √(π/2) at 0. Meant for z &le; 1;
     * it grows like √(2π)·exp(z²/2) above.
     */
    static double cdfOverPdf(final double z)
    {
        if (z <= 0.0)
        {
            return lowerCdfOverPdf(z);
        }
        return SQRT_HALF_PI * ErrorFunction.erfcx(-z * INV_SQRT2);
    }

    /**
     * {@link #cdfOverPdf} for z &le; 0 only, where it is one branch-light rational: the common case, kept small
     * so that it inlines.
     */
    static double lowerCdfOverPdf(final double z)
    {
        return SQRT_HALF_PI * ErrorFunction.erfcxPositive(-z * INV_SQRT2);
    }

    /**
     * Y'(z) = 1 + z·Y(z) for z &le; 0, the derivative of {@link #cdfOverPdf}: about 1/z² for z → −∞, where the sum
     * would cancel; below z = −4√2 it comes from Cody's large-argument form without cancellation.
     */
    static double cdfOverPdfSlope(final double z)
    {
        if (z < SLOPE_RATIONAL_LIMIT)
        {
            return ErrorFunction.oneMinusScaledErfcxLarge(-z * INV_SQRT2);
        }
        return 1.0 + z * lowerCdfOverPdf(z);
    }

    /**
     * exp(−z²/2) from the exact square of z; see {@link ErrorFunction#expMinusSquare}.
     */
    static double expMinusHalfSquare(final double z)
    {
        final double hi = z * z;
        if (hi > 1500.0)
        {
            return 0.0;
        }
        return Exponential.exp(-0.5 * hi) * (1.0 - 0.5 * ErrorFunction.squareError(z, hi));
    }

    /**
     * Acklam's approximation alone, for 0 &lt; p &le; ½: enough for a starting point that is refined anyway.
     */
    static double acklamInverseCdf(final double p)
    {
        if (p < ACKLAM_LOW)
        {
            return acklamTail(Math.sqrt(-2.0 * Logarithm.log(p)));
        }
        return acklamCentral(p);
    }

    /**
     * As {@link #acklamInverseCdf} from ln p, which saves the exponential in the tail.
     */
    static double acklamInverseCdfOfLog(final double logP)
    {
        if (logP < LOG_ACKLAM_LOW)
        {
            return acklamTail(Math.sqrt(-2.0 * logP));
        }
        return acklamCentral(Exponential.exp(logP));
    }

    private static double acklamTail(final double q)
    {
        return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
            - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
            / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
            + 3.754408661907416e+00) * q + 1.0);
    }

    private static double acklamCentral(final double p)
    {
        return acklamCentralInverseCdf(p - 0.5);
    }

    /**
     * Acklam's central form alone, Φ⁻¹(½ + q) for |q| &le; 0.47575 (relative error 1.2e-9), from the offset q so
     * that a small q keeps its digits.
     */
    static double acklamCentralInverseCdf(final double q)
    {
        final double r = q * q;
        return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
            + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
            / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
            + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1.0);
    }

    private static double lowerInverseCdf(final double p)
    {
        final double x = acklamInverseCdf(p);
        if (p < REFINE_LIMIT)
        {
            return x;
        }
        // Halley on Φ(x) − p: the error e is relative-accurate because Φ is, and u = e/φ(x) is the Newton step.
        final double u = (cdf(x) - p) * SQRT_2PI / expMinusHalfSquare(x);
        return x - u / (1.0 + 0.5 * x * u);
    }
}
