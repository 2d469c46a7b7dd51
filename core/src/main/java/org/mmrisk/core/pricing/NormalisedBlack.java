package org.mmrisk.core.pricing;

/**
 * The normalised Black function of the out-of-the-money side, computed without cancellation (after Jäckel,
 * "Let's Be Rational", 2016). Stateless.
 * <p>
 * With x = ln(F/K) &le; 0, s = σ√T, h = x/s, t = s/2, a = h + t (= d1) and c = h − t (= d2):
 * <pre>
 *   b(x, s) = e^{x/2}·Φ(a) − e^{−x/2}·Φ(c) = C/√(FK)        (undiscounted call, 0 &lt; b &lt; e^{x/2})
 * </pre>
 * Writing Φ(z) = φ(z)·Y(z), with Y the lower-tail Mills ratio, and using e^{x/2}φ(a) = e^{−x/2}φ(c)
 * = exp(−(h² + t²)/2)/√(2π) =: ρ, the difference of two nearly equal terms becomes a difference of two
 * slowly varying ones:
 * <pre>
 *   b = ρ·(Y(a) − Y(c))                          when a &le; 0.85
 *   b = e^{x/2} − ρ·(Y(−a) + Y(c))              when a &gt; 0.85 (the gap to the upper bound is the sum)
 * </pre>
 * Y(a) − Y(c) itself is evaluated three ways so that no digits cancel: an asymptotic series when a &lt; −10,
 * a Taylor series in t when t &lt; 0.21, and directly (the two terms differ by at least 4%) otherwise.
 * ρ·Y(·) equals F·φ(d1)·Y(·) in price units, which is how {@link Black76} uses the same two functions.
 */
final class NormalisedBlack
{
    static final double DIRECT_LIMIT = 0.85;
    private static final double ASYMPTOTIC_LIMIT = -10.0;
    private static final double SMALL_HALF_STD_DEV = 0.21;
    private static final int ASYMPTOTIC_MAX_TERMS = 48;
    private static final double EPSILON = 0x1.0p-53;

    private NormalisedBlack()
    {
    }

    /**
     * @param x ln(F/K), at most 0.
     * @param s σ√T, positive.
     * @return b(x, s), the normalised undiscounted out-of-the-money call.
     */
    static double otmCall(final double x, final double s)
    {
        final double h = x / s;
        final double t = 0.5 * s;
        return otmCall(x, h, t, density(h, t));
    }

    /**
     * @return b given h = x/s, t = s/2 and ρ = {@link #density}(h, t), which callers also need for vega.
     */
    static double otmCall(final double x, final double h, final double t, final double density)
    {
        if (h + t > DIRECT_LIMIT)
        {
            return Math.exp(0.5 * x) - density * millsSum(h, t);
        }
        return density * millsDifference(h, t);
    }

    /**
     * @return e^{x/2} − b(x, s), accurate also when b is close to its upper bound.
     */
    static double upperGap(final double x, final double h, final double t, final double density)
    {
        if (h + t > DIRECT_LIMIT)
        {
            return density * millsSum(h, t);
        }
        return Math.exp(0.5 * x) - density * millsDifference(h, t);
    }

    /**
     * @return ρ = exp(−(h² + t²)/2)/√(2π), which is also ∂b/∂s, the normalised vega.
     */
    static double density(final double h, final double t)
    {
        return Normal.INV_SQRT_2PI * Math.exp(-0.5 * (h * h + t * t));
    }

    /**
     * @param m h, at most 0.
     * @param t s/2, positive, with m + t &le; {@link #DIRECT_LIMIT}.
     * @return Y(m + t) − Y(m − t) with Y(z) = Φ(z)/φ(z), to a few ulps.
     */
    static double millsDifference(final double m, final double t)
    {
        final double a = m + t;
        if (a < ASYMPTOTIC_LIMIT)
        {
            return asymptoticDifference(-a, t - m, t, -m);
        }
        if (t < SMALL_HALF_STD_DEV)
        {
            return taylorDifference(m, t);
        }
        return Normal.cdfOverPdf(a) - Normal.cdfOverPdf(m - t);
    }

    /**
     * @param m h, at most 0.
     * @param t s/2, with m + t &gt; {@link #DIRECT_LIMIT}.
     * @return Y(−(m + t)) + Y(m − t).
     */
    static double millsSum(final double m, final double t)
    {
        return Normal.cdfOverPdf(-(m + t)) + Normal.cdfOverPdf(m - t);
    }

    /**
     * R(p) − R(q) for 10 &lt; p &lt; q from the asymptotic series R(p) = Σ (−1)^k (2k−1)!!/p^{2k+1}, taking the
     * differences u_n = p^−n − q^−n term by term so that nothing cancels: u_1 = 2t/(pq), u_2 = 4t|m|/(pq)²,
     * u_{n+2} = u_n/p² + u_2/q^n. At p &gt; 10 the terms fall below 1e-17 of the sum within about 25 terms.
     */
    private static double asymptoticDifference(final double p, final double q, final double t, final double absM)
    {
        final double pq = p * q;
        final double invP2 = 1.0 / (p * p);
        final double invQ2 = 1.0 / (q * q);
        final double u2 = 4.0 * t * absM / (pq * pq);
        double u = 2.0 * t / pq;
        double invQPower = 1.0 / q;
        double coefficient = 1.0;
        double sum = u;
        for (int k = 1; k < ASYMPTOTIC_MAX_TERMS; k++)
        {
            u = u * invP2 + u2 * invQPower;
            invQPower *= invQ2;
            coefficient *= -(2 * k - 1);
            final double term = coefficient * u;
            sum += term;
            if (Math.abs(term) <= EPSILON * sum)
            {
                break;
            }
        }
        return sum;
    }

    /**
     * Y(m + t) − Y(m − t) = 2·Σ_{k odd} Y⁽ᵏ⁾(m)·t^k/k! for t &lt; 0.21, with Y' = 1 + mY and
     * Y⁽ᵏ⁺¹⁾ = m·Y⁽ᵏ⁾ + k·Y⁽ᵏ⁻¹⁾. Nine odd terms reach 1e-19 at t = 0.21; the forward recurrence loses
     * at most about m² ulps, which is 100 at the asymptotic boundary.
     */
    private static double taylorDifference(final double m, final double t)
    {
        final double t2 = t * t;
        double previous = Normal.cdfOverPdf(m);
        double current = 1.0 + m * previous;
        double power = t;
        double sum = current * power;
        for (int k = 1; k < 17; k += 2)
        {
            final double even = m * current + k * previous;
            final double odd = m * even + (k + 1) * current;
            previous = even;
            current = odd;
            power *= t2 / ((k + 1) * (k + 2));
            sum += current * power;
        }
        return 2.0 * sum;
    }
}
