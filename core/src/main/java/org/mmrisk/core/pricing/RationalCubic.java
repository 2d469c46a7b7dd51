package org.mmrisk.core.pricing;

/**
 * Delbourgo and Gregory's shape-preserving rational cubic interpolation ("Shape preserving piecewise rational
 * interpolation", SIAM J. Sci. Stat. Comput. 6, 1985). Stateless.
 * <p>
 * On [xL, xR] with h = xR − xL and τ = (x − xL)/h, given values yL, yR, slopes dL, dR and a control r &gt; −1:
 * <pre>
 *   y(τ) = [yR·τ³ + (r·yR − h·dR)·τ²(1−τ) + (r·yL + h·dL)·τ(1−τ)² + yL·(1−τ)³] / [1 + (r − 3)·τ(1−τ)]
 * </pre>
 * r = 3 is the cubic Hermite spline; r → ∞ tends to the straight line. Expanding to second order at either end
 * gives the r that matches a prescribed second derivative there; a lower bound on r keeps the interpolant
 * monotone and convex (or concave) when the data are.
 */
final class RationalCubic
{
    private static final double EPSILON = Math.ulp(1.0);
    /** Keeps the denominator 1 + (r − 3)τ(1 − τ) positive on [0, 1]. */
    static final double MIN_CONTROL = -(1.0 - Math.sqrt(EPSILON));
    /** At or beyond this the interpolant is the straight line, taken without over- or underflow. */
    static final double MAX_CONTROL = 2.0 / (EPSILON * EPSILON);

    private RationalCubic()
    {
    }

    /**
     * @param tau   (x − xL)/h.
     * @param omTau 1 − τ, passed separately so that a caller near xR can give it without cancellation.
     */
    static double interpolate(
        final double tau, final double omTau, final double h, final double yL, final double yR, final double dL,
        final double dR, final double r)
    {
        if (!(r < MAX_CONTROL))
        {
            return yR * tau + yL * omTau;
        }
        final double tau2 = tau * tau;
        final double omTau2 = omTau * omTau;
        return (yR * tau2 * tau + (r * yR - h * dR) * tau2 * omTau + (r * yL + h * dL) * tau * omTau2
            + yL * omTau2 * omTau) / (1.0 + (r - 3.0) * tau * omTau);
    }

    /**
     * The control giving second derivative {@code secondL} at xL (from y'' = 2·[r(Δ − dL) + dL − dR]/h at τ = 0,
     * Δ the secant slope), raised to keep the shape.
     */
    static double convexControlLeft(
        final double h, final double yL, final double yR, final double dL, final double dR, final double secondL,
        final boolean preferShape)
    {
        final double slope = (yR - yL) / h;
        final double fit = fit(0.5 * h * secondL + (dR - dL), slope - dL);
        return Math.max(fit, minimumControl(dL, dR, slope, preferShape));
    }

    /**
     * The control giving second derivative {@code secondR} at xR, raised to keep the shape.
     */
    static double convexControlRight(
        final double h, final double yL, final double yR, final double dL, final double dR, final double secondR,
        final boolean preferShape)
    {
        final double slope = (yR - yL) / h;
        final double fit = fit(0.5 * h * secondR + (dR - dL), dR - slope);
        return Math.max(fit, minimumControl(dL, dR, slope, preferShape));
    }

    private static double fit(final double numerator, final double denominator)
    {
        if (numerator == 0.0)
        {
            return 0.0;
        }
        if (denominator == 0.0)
        {
            return numerator > 0.0 ? MAX_CONTROL : MIN_CONTROL;
        }
        return numerator / denominator;
    }

    /**
     * The smallest control that keeps monotone data monotone (r &ge; (dL + dR)/Δ) and convex or concave data so
     * (r &ge; max(|(dR − dL)/(dR − Δ)|, |(dR − dL)/(Δ − dL)|)). Where a bound is singular, {@code preferShape}
     * chooses the straight line over smoothness.
     */
    static double minimumControl(final double dL, final double dR, final double slope, final boolean preferShape)
    {
        final boolean monotone = dL * slope >= 0.0 && dR * slope >= 0.0;
        final boolean convex = dL <= slope && slope <= dR;
        final boolean concave = dL >= slope && slope >= dR;
        if (!monotone && !convex && !concave)
        {
            return MIN_CONTROL;
        }
        double forMonotone = -Double.MAX_VALUE;
        if (monotone)
        {
            if (slope != 0.0)
            {
                forMonotone = (dR + dL) / slope;
            }
            else if (preferShape)
            {
                forMonotone = MAX_CONTROL;
            }
        }
        double forConvexity = -Double.MAX_VALUE;
        if (convex || concave)
        {
            final double left = slope - dL;
            final double right = dR - slope;
            if (left != 0.0 && right != 0.0)
            {
                forConvexity = Math.max(Math.abs((dR - dL) / right), Math.abs((dR - dL) / left));
            }
            else if (preferShape)
            {
                forConvexity = MAX_CONTROL;
            }
        }
        else if (monotone && preferShape)
        {
            forConvexity = MAX_CONTROL;
        }
        return Math.max(MIN_CONTROL, Math.max(forMonotone, forConvexity));
    }
}
