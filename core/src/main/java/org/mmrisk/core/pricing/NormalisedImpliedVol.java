package org.mmrisk.core.pricing;

/**
 * Inverts the normalised out-of-the-money Black function b(x, s) of {@link NormalisedBlack} for s = σ√T, in the
 * manner of Jäckel's "Let's Be Rational" (2016): a starting point from rational cubic interpolation in one of four
 * branches, then {@link #ITERATIONS} Householder steps of order 3 (quartic convergence) on an objective chosen
 * per branch so that it is nearly linear in s. Stateless.
 * <p>
 * The branches split β at the inflection point s_c = √(2|x|) of b, with value b_c and vega v_c, and at the
 * points where the tangent there meets 0 and b_max = e^{x/2}: s_l = s_c − b_c/v_c, s_u = s_c + (b_max − b_c)/v_c.
 * <ul>
 *   <li>β &lt; b_l: interpolate f(β) = (2π|x|/√27)·Φ(−|x|/(√3·s))³, whose inverse is explicit and which
 *       matches b as s → 0 (f(0) = 0, f'(0) = 1); objective 1/ln b(s) − 1/ln β.</li>
 *   <li>b_l &le; β &lt; b_c and b_c &le; β &le; b_u: interpolate s(β) itself with slopes 1/b' and zero
 *       curvature at the inflection point; objective b(s) − β.</li>
 *   <li>β &gt; b_u: interpolate f(β) = Φ(−s/2), the shape of b_max − b as s → ∞; objective
 *       ln(b_max − β) − ln(b_max − b(s)) when β &gt; b_max/2, else b(s) − β.</li>
 * </ul>
 * With b' = exp(−(x²/s² + s²/4)/2)/√(2π): b''/b' = x²/s³ − s/4 and b'''/b' = (b''/b')² − 3x²/s⁴ − 1/4.
 */
final class NormalisedImpliedVol
{
    /** Householder steps normally taken; a third follows only a second step still larger than CONVERGED. */
    static final int ITERATIONS = 2;
    static final int MAX_ITERATIONS = 3;
    /** After a second step this small, quartic convergence leaves an error below 1e-17 relative. */
    private static final double CONVERGED = 1e-4;
    private static final double EPSILON = Math.ulp(1.0);
    private static final double SQRT3 = 1.7320508075688772935;
    /** 2π/√27, the constant of the lower map. */
    private static final double LOWER_MAP_SCALE = 1.2091995761561452337;

    private NormalisedImpliedVol()
    {
    }

    /**
     * @param x    ln(F/K), at most 0.
     * @param beta the normalised out-of-the-money price, 0 &lt; β &lt; e^{x/2}.
     * @param gap  e^{x/2} − β, given separately so that prices near the upper bound keep their precision.
     * @return s = σ√T.
     */
    static double solve(final double x, final double beta, final double gap)
    {
        final double bMax = Math.exp(0.5 * x);
        if (x == 0.0)
        {
            // The inflection point sits at s = 0, where b = 0 and b' = 1/√(2π).
            return aboveInflection(x, beta, gap, bMax, 0.0, 0.0, Normal.INV_SQRT_2PI);
        }
        final double sC = Math.sqrt(-2.0 * x);
        final double hC = x / sC;
        final double tC = 0.5 * sC;
        final double vC = NormalisedBlack.density(hC, tC);
        final double bC = NormalisedBlack.otmCall(x, hC, tC, vC);
        if (beta < bC)
        {
            return belowInflection(x, beta, sC, bC, vC);
        }
        return aboveInflection(x, beta, gap, bMax, sC, bC, vC);
    }

    private static double belowInflection(
        final double x, final double beta, final double sC, final double bC, final double vC)
    {
        double sL = sC - bC / vC;
        if (!(sL > 0.0))
        {
            sL = 0.5 * sC;
        }
        final double hL = x / sL;
        final double tL = 0.5 * sL;
        final double vL = NormalisedBlack.density(hL, tL);
        final double bL = NormalisedBlack.otmCall(x, hL, tL, vL);
        if (beta < bL)
        {
            return iterateLower(x, beta, lowerGuess(x, beta, sL, bL), sL);
        }
        final double width = bC - bL;
        final double r = RationalCubic.convexControlRight(width, sL, sC, 1.0 / vL, 1.0 / vC, 0.0, false);
        final double tau = (beta - bL) / width;
        final double guess = RationalCubic.interpolate(tau, 1.0 - tau, width, sL, sC, 1.0 / vL, 1.0 / vC, r);
        return iterateMiddle(x, beta, guess, sL, sC);
    }

    private static double aboveInflection(
        final double x, final double beta, final double gap, final double bMax, final double sC, final double bC,
        final double vC)
    {
        final double sU = vC > Double.MIN_NORMAL ? sC + (bMax - bC) / vC : sC;
        final double hU = x / sU;
        final double tU = 0.5 * sU;
        final double vU = NormalisedBlack.density(hU, tU);
        final double gapU = NormalisedBlack.upperGap(x, hU, tU, vU);
        final double bU = bMax - gapU;
        if (beta <= bU)
        {
            final double width = bU - bC;
            final double r = RationalCubic.convexControlLeft(width, sC, sU, 1.0 / vC, 1.0 / vU, 0.0, false);
            final double tau = (beta - bC) / width;
            final double guess = RationalCubic.interpolate(tau, 1.0 - tau, width, sC, sU, 1.0 / vC, 1.0 / vU, r);
            return iterateMiddle(x, beta, guess, sC, sU);
        }
        final double guess = upperGuess(x, gap, sU, vU, gapU);
        if (beta > 0.5 * bMax)
        {
            return iterateUpper(x, gap, guess, sU);
        }
        return iterateMiddle(x, beta, guess, sU, Double.POSITIVE_INFINITY);
    }

    /**
     * Interpolates the lower map f between (0, 0) with slope 1 and (b_l, f(s_l)) with its slope and curvature.
     */
    private static double lowerGuess(final double x, final double beta, final double sL, final double bL)
    {
        final double absX = -x;
        final double z = absX / (SQRT3 * sL);
        final double y = z * z;
        final double mills = Normal.cdfOverPdf(-z);
        final double cdf = Normal.cdf(-z);
        final double fL = LOWER_MAP_SCALE * absX * cdf * cdf * cdf;
        final double fpL = y * mills * mills * Math.exp(0.125 * sL * sL);
        final double fppL = Normal.SQRT_2PI * y * mills * Math.exp(1.5 * y + 0.25 * sL * sL)
            * (2.0 * z / sL + mills * (0.25 * sL - 2.0 * (1.0 + y) / sL));
        final double tau = beta / bL;
        double f = Double.NaN;
        if (Math.abs(fppL) < Double.MAX_VALUE)
        {
            final double r = RationalCubic.convexControlRight(bL, 0.0, fL, 1.0, fpL, fppL, true);
            f = RationalCubic.interpolate(tau, 1.0 - tau, bL, 0.0, fL, 1.0, fpL, r);
        }
        if (!(f > 0.0))
        {
            // The quadratic through f(0) = 0, f'(0) = 1 and f(b_l): rounding can defeat the cubic for |x| ≫ 1.
            f = (fL * tau + bL * (1.0 - tau)) * tau;
        }
        final double p = Math.min(Math.cbrt(f / (LOWER_MAP_SCALE * absX)), 0.5);
        return absX / (SQRT3 * -Normal.acklamInverseCdf(p));
    }

    /**
     * Interpolates the upper map f = Φ(−s/2) between (b_u, f(s_u)) with its slope and curvature and
     * (b_max, 0) with slope −½, in the distance to b_max so that nothing cancels near the top.
     */
    private static double upperGuess(
        final double x, final double gap, final double sU, final double vU, final double gapU)
    {
        final double fU = Normal.cdf(-0.5 * sU);
        final double w = (x / sU) * (x / sU);
        final double fpU = -0.5 * Math.exp(0.5 * w);
        final double fppU = Normal.SQRT_HALF_PI * Math.exp(w + 0.125 * sU * sU) * w / sU;
        final double omTau = gap / gapU;
        final double tau = 1.0 - omTau;
        double f = Double.NaN;
        if (Math.abs(fppU) < Double.MAX_VALUE)
        {
            final double r = RationalCubic.convexControlLeft(gapU, fU, 0.0, fpU, -0.5, fppU, true);
            f = RationalCubic.interpolate(tau, omTau, gapU, fU, 0.0, fpU, -0.5, r);
        }
        if (!(f > 0.0))
        {
            // The quadratic through f(b_u), f(b_max) = 0 and f'(b_max) = −½.
            f = (fU * omTau + 0.5 * gapU * tau) * omTau;
        }
        return -2.0 * Normal.acklamInverseCdf(Math.min(f, 0.5));
    }

    /**
     * Objective g(s) = 1/ln b(s) − 1/ln β, for which with w = b'/b and L = ln b:
     * −g/g' = (ln β − L)·L/ln β / w, g''/g' = b''/b' − w(1 + 2/L),
     * g'''/g' = b'''/b' − 3(b''/b)(1 + 2/L) + 2w²(1 + 3/L + 3/L²).
     */
    private static double iterateLower(final double x, final double beta, final double start, final double sRight)
    {
        final double lnBeta = Math.log(beta);
        double s = start;
        double left = 0.0;
        double right = sRight;
        for (int i = 0; i < MAX_ITERATIONS; i++)
        {
            if (i > 0)
            {
                s = keepInside(s, left, right);
            }
            final double h = x / s;
            final double t = 0.5 * s;
            final double vega = NormalisedBlack.density(h, t);
            final double b = NormalisedBlack.otmCall(x, h, t, vega);
            if (b > beta)
            {
                right = Math.min(right, s);
            }
            else if (b < beta)
            {
                left = Math.max(left, s);
            }
            double ds;
            if (!(b > 0.0 && vega > 0.0))
            {
                ds = 0.5 * (left + right) - s;
            }
            else
            {
                final double lnB = Math.log(b);
                final double w = vega / b;
                final double bHalley = h * h / s - 0.25 * s;
                final double bHh3 = bHalley * bHalley - 3.0 * (h / s) * (h / s) - 0.25;
                final double newton = (lnBeta - lnB) * lnB / lnBeta / w;
                final double halley = bHalley - w * (1.0 + 2.0 / lnB);
                final double hh3 = bHh3 - 3.0 * bHalley * w * (1.0 + 2.0 / lnB)
                    + 2.0 * w * w * (1.0 + 3.0 / lnB * (1.0 + 1.0 / lnB));
                ds = householderStep(newton, halley, hh3);
            }
            ds = Math.max(-0.5 * s, ds);
            s += ds;
            if (isConverged(i, ds, s))
            {
                break;
            }
        }
        return s;
    }

    /**
     * Objective g(s) = b(s) − β: −g/g' = (β − b)/b', g''/g' = b''/b', g'''/g' = b'''/b'.
     */
    private static double iterateMiddle(
        final double x, final double beta, final double start, final double sLeft, final double sRight)
    {
        double s = start;
        double left = sLeft;
        double right = sRight;
        for (int i = 0; i < MAX_ITERATIONS; i++)
        {
            if (i > 0)
            {
                s = keepInside(s, left, right);
            }
            final double h = x / s;
            final double t = 0.5 * s;
            final double vega = NormalisedBlack.density(h, t);
            final double b = NormalisedBlack.otmCall(x, h, t, vega);
            if (b > beta)
            {
                right = Math.min(right, s);
            }
            else if (b < beta)
            {
                left = Math.max(left, s);
            }
            double ds;
            if (!(vega > 0.0))
            {
                ds = 0.5 * (left + right) - s;
            }
            else
            {
                final double newton = (beta - b) / vega;
                final double halley = h * h / s - 0.25 * s;
                final double hh3 = halley * halley - 3.0 * (h / s) * (h / s) - 0.25;
                ds = householderStep(newton, halley, hh3);
            }
            ds = Math.max(-0.5 * s, ds);
            s += ds;
            if (isConverged(i, ds, s))
            {
                break;
            }
        }
        return s;
    }

    /**
     * Objective g(s) = ln(b_max − β) − ln(b_max − b(s)), with G = b_max − b(s): −g/g' = ln(G/(b_max − β))·G/b',
     * g''/g' = b''/b' + b'/G, g'''/g' = b'''/b' + (b'/G)(2b'/G + 3b''/b').
     */
    private static double iterateUpper(final double x, final double gapBeta, final double start, final double sLeft)
    {
        double s = start;
        double left = sLeft;
        double right = Double.POSITIVE_INFINITY;
        for (int i = 0; i < MAX_ITERATIONS; i++)
        {
            if (i > 0)
            {
                s = keepInside(s, left, right);
            }
            final double h = x / s;
            final double t = 0.5 * s;
            final double vega = NormalisedBlack.density(h, t);
            final double gapS = NormalisedBlack.upperGap(x, h, t, vega);
            if (gapS < gapBeta)
            {
                right = Math.min(right, s);
            }
            else if (gapS > gapBeta)
            {
                left = Math.max(left, s);
            }
            double ds;
            if (!(gapS > 0.0 && vega > 0.0))
            {
                ds = 0.5 * (left + right) - s;
            }
            else
            {
                final double ratio = vega / gapS;
                final double bHalley = h * h / s - 0.25 * s;
                final double bHh3 = bHalley * bHalley - 3.0 * (h / s) * (h / s) - 0.25;
                final double newton = Math.log(gapS / gapBeta) / ratio;
                final double halley = bHalley + ratio;
                final double hh3 = bHh3 + ratio * (2.0 * ratio + 3.0 * bHalley);
                ds = householderStep(newton, halley, hh3);
            }
            ds = Math.max(-0.5 * s, ds);
            s += ds;
            if (isConverged(i, ds, s))
            {
                break;
            }
        }
        return s;
    }

    private static boolean isConverged(final int iteration, final double ds, final double s)
    {
        final double size = Math.abs(ds);
        return size <= EPSILON * s || (iteration >= ITERATIONS - 1 && size <= CONVERGED * s);
    }

    /**
     * Householder's method of order 3 from ν = −g/g', h2 = g''/g', h3 = g'''/g'.
     */
    private static double householderStep(final double newton, final double halley, final double hh3)
    {
        return newton * (1.0 + 0.5 * halley * newton) / (1.0 + newton * (halley + hh3 * newton / 6.0));
    }

    /**
     * A step that left the bracket known so far is replaced by bisection (with an open right end, by doubling).
     */
    private static double keepInside(final double s, final double left, final double right)
    {
        if (s > left && s < right)
        {
            return s;
        }
        return right < Double.POSITIVE_INFINITY ? 0.5 * (left + right) : 2.0 * left;
    }
}
