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
 * a Taylor series in t when t &lt; 0.21, and directly (the two terms differ by at least 4%) otherwise; the worst
 * relative error, about 1e-14, is where the direct form loses a decimal near a = −10. ρ·Y(·) equals F·φ(d1)·Y(·)
 * in price units, which is how {@link Black76} uses the same functions.
 * <p>
 * <b>The body.</b> Where the option is not far out of the money for its total deviation ({@link #isBody}:
 * |h| &le; 8 and t &ge; (1 + |h|)/100), the plain forms lose too few digits to matter for a price: {@link Black76}
 * takes the difference there even for t &lt; 0.21 (no series) and the sum as soon as a &gt; 0, so that every
 * Mills ratio has a non-positive argument (one rational each, no second exponential).
 * Measured against the cancellation-free forms on h ∈ [−8, 0], t ∈ [1e-5, 3], the worst relative error there is
 * 4e-14. The functions of this class stay cancellation-free everywhere: the implied volatility inverts them to
 * machine precision.
 */
final class NormalisedBlack
{
    static final double DIRECT_LIMIT = 0.85;
    /** The body ends where |h| passes this: beyond it the plain difference would approach the asymptotic region. */
    private static final double BODY_MAX_ABS_H = 8.0;
    /**
     * The body needs t &ge; this·(1 + |h|): the plain forms' rounding error relative to b grows like (1 + |h|)/t
     * (the two Mills ratios differ by about 2t·Y'(h), and Y'/Y falls like 1/|h|); 4e-14 at this bound.
     */
    private static final double BODY_MIN_SLOPE = 0.01;
    private static final double ASYMPTOTIC_LIMIT = -10.0;
    private static final double SMALL_HALF_STD_DEV = 0.21;
    /** Below this Y'(m) is taken from its own rational form (Cody's large-argument region, −4√2). */
    private static final double SLOPE_FIRST_LIMIT = -5.656854249492380195;
    private static final int ASYMPTOTIC_MAX_TERMS = 48;
    private static final double EPSILON = 0x1.0p-53;
    /** 1/k for the even powers: t^{2n}/(2n)! = t^{2n−1}/(2n−1)! · t/(2n). */
    private static final double[] INV_CONSECUTIVE =
        {0.0, 1.0, 1.0 / 2.0, 1.0 / 3.0, 1.0 / 4.0, 1.0 / 5.0, 1.0 / 6.0, 1.0 / 7.0, 1.0 / 8.0, 1.0 / 9.0,
            1.0 / 10.0, 1.0 / 11.0, 1.0 / 12.0, 1.0 / 13.0, 1.0 / 14.0};
    /** 1/((2n)(2n+1)): the factor from t^{2n−1}/(2n−1)! to t^{2n+1}/(2n+1)! is t²/((2n)(2n+1)). */
    private static final double[] INV_CONSECUTIVE_PRODUCT =
        {0.0, 1.0 / 6.0, 1.0 / 20.0, 1.0 / 42.0, 1.0 / 72.0, 1.0 / 110.0, 1.0 / 156.0, 1.0 / 210.0};

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
            return Exponential.exp(0.5 * x) - density * millsSum(h, t);
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
        return Exponential.exp(0.5 * x) - density * millsDifference(h, t);
    }

    /**
     * b at a point that only places the implied-volatility guess and its bracket: in the body ({@link #isBody}) the
     * plain forms, one rational per Mills ratio and no series, to 4e-14 relative; elsewhere {@link #otmCall}.
     *
     * @param bMax e^{x/2}.
     */
    static double guessCall(final double x, final double bMax, final double h, final double t, final double density)
    {
        if (!isBody(h, t))
        {
            return otmCall(x, h, t, density);
        }
        final double a = h + t;
        final double yMinusAbsA = Normal.lowerCdfOverPdf(-Math.abs(a));
        final double yC = Normal.lowerCdfOverPdf(h - t);
        return a > 0.0 ? bMax - density * (yMinusAbsA + yC) : density * (yMinusAbsA - yC);
    }

    /**
     * As {@link #guessCall}, for e^{x/2} − b: the sum of the two Mills ratios where a &gt; 0, so that the gap keeps
     * its relative precision near the upper bound.
     */
    static double guessGap(final double x, final double bMax, final double h, final double t, final double density)
    {
        if (!isBody(h, t))
        {
            return upperGap(x, h, t, density);
        }
        final double a = h + t;
        final double yMinusAbsA = Normal.lowerCdfOverPdf(-Math.abs(a));
        final double yC = Normal.lowerCdfOverPdf(h - t);
        return a > 0.0 ? density * (yMinusAbsA + yC) : bMax - density * (yMinusAbsA - yC);
    }

    /**
     * Whether (m, t) is in the body, where the Mills ratios may be combined as they are (see the class comment).
     *
     * @param m h, at most 0.
     * @param t s/2, positive.
     */
    static boolean isBody(final double m, final double t)
    {
        return m >= -BODY_MAX_ABS_H && t >= BODY_MIN_SLOPE * (1.0 - m);
    }

    /**
     * @return ρ = exp(−(h² + t²)/2)/√(2π), which is also ∂b/∂s, the normalised vega.
     */
    static double density(final double h, final double t)
    {
        return Normal.INV_SQRT_2PI * Exponential.exp(-0.5 * (h * h + t * t));
    }

    /**
     * @param m h, at most 0.
     * @param t s/2, positive, with m + t &le; {@link #DIRECT_LIMIT}.
     * @return Y(m + t) − Y(m − t) with Y(z) = Φ(z)/φ(z), to 1e-14 relative or better.
     */
    static double millsDifference(final double m, final double t)
    {
        final double a = m + t;
        if (a < ASYMPTOTIC_LIMIT || t < SMALL_HALF_STD_DEV)
        {
            return seriesDifference(m, t);
        }
        return Normal.cdfOverPdf(a) - Normal.lowerCdfOverPdf(m - t);
    }

    /**
     * {@link #millsDifference(double, double)} where the direct form would cancel: kept out of line so that the
     * direct form, all that most solver steps need, stays small enough for the JIT to inline at every call site.
     */
    private static double seriesDifference(final double m, final double t)
    {
        final double a = m + t;
        if (a < ASYMPTOTIC_LIMIT)
        {
            return asymptoticDifference(-a, t - m, t, -m);
        }
        final boolean far = m < SLOPE_FIRST_LIMIT;
        final double slope = far ? Normal.cdfOverPdfSlope(m) : 0.0;
        final double mills = far ? (slope - 1.0) / m : Normal.lowerCdfOverPdf(m);
        return taylorSeries(m, t, mills, far ? slope : 1.0 + m * mills, null, 0.0);
    }

    /**
     * As {@link #millsDifference(double, double)}, and leaves Y(m + side·t) in {@code scratch.mills}, which
     * {@link Black76#greeks} turns into N(d1) without another Mills ratio where the region has it anyway.
     *
     * @param side +1 or −1.
     */
    static double millsDifference(final double m, final double t, final double side, final OptionGreeks scratch)
    {
        final double a = m + t;
        final double c = m - t;
        if (a < ASYMPTOTIC_LIMIT)
        {
            scratch.mills = Normal.lowerCdfOverPdf(side > 0.0 ? a : c);
            return asymptoticDifference(-a, t - m, t, -m);
        }
        if (t < SMALL_HALF_STD_DEV)
        {
            final boolean far = m < SLOPE_FIRST_LIMIT;
            final double slope = far ? Normal.cdfOverPdfSlope(m) : 0.0;
            final double mills = far ? (slope - 1.0) / m : Normal.lowerCdfOverPdf(m);
            return taylorSeries(m, t, mills, far ? slope : 1.0 + m * mills, scratch, side);
        }
        final double ya = Normal.cdfOverPdf(a);
        final double yc = Normal.lowerCdfOverPdf(c);
        scratch.mills = side > 0.0 ? ya : yc;
        return ya - yc;
    }

    /**
     * @param m h, at most 0.
     * @param t s/2, with m + t &gt; {@link #DIRECT_LIMIT}.
     * @return Y(−(m + t)) + Y(m − t).
     */
    static double millsSum(final double m, final double t)
    {
        return Normal.lowerCdfOverPdf(-(m + t)) + Normal.lowerCdfOverPdf(m - t);
    }

    /**
     * As {@link #millsSum(double, double)}, and leaves Y(−(m + t)) (side +1) or Y(m − t) (side −1) in
     * {@code scratch.mills}.
     */
    static double millsSum(final double m, final double t, final double side, final OptionGreeks scratch)
    {
        final double yMinusA = Normal.lowerCdfOverPdf(-(m + t));
        final double yc = Normal.lowerCdfOverPdf(m - t);
        scratch.mills = side > 0.0 ? yMinusA : yc;
        return yMinusA + yc;
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
     * Y⁽ᵏ⁺¹⁾ = m·Y⁽ᵏ⁾ + k·Y⁽ᵏ⁻¹⁾. The ratio Y⁽²ⁿ⁺¹⁾(m)/Y'(m) is largest at m = 0, where it is 2ⁿn!, so
     * after N odd terms the rest is below t^{2N}/(2N+1)!! of the sum: N = 4 to 8 as t grows to 0.21 keeps it
     * under 1e-17. The recurrence advances two orders at a time,
     * (Y⁽ᵏ⁺¹⁾, Y⁽ᵏ⁺²⁾) = (k·Y⁽ᵏ⁻¹⁾ + m·Y⁽ᵏ⁾, m·k·Y⁽ᵏ⁻¹⁾ + (m² + k + 1)·Y⁽ᵏ⁾), so that its two halves run in
     * parallel. Y' is computed to full relative precision (for m &lt; −4√2 first, Y = (Y' − 1)/m then, since
     * 1 + mY would cancel to 1/m²), so the odd sum is too; the even derivatives cancel more as m falls, but they
     * weigh little (only N(d1) uses them). Free of calls and called from one level up so that it inlines.
     */
    private static double taylorSeries(
        final double m, final double t, final double mills, final double slope, final OptionGreeks scratch,
        final double side)
    {
        final double t2 = t * t;
        final double m2 = m * m;
        final int terms = t < 0.0175 ? 4 : t < 0.05 ? 5 : t < 0.1 ? 6 : t < 0.17 ? 7 : 8;
        double even = mills;
        double odd = slope;
        double power = t;
        double sumEven = even;
        double sumOdd = odd * power;
        for (int n = 1; n < terms; n++)
        {
            final int k = 2 * n - 1;
            final double nextEven = k * even + m * odd;
            odd = m * k * even + (m2 + k + 1) * odd;
            even = nextEven;
            final double evenPower = power * t * INV_CONSECUTIVE[2 * n];
            power *= t2 * INV_CONSECUTIVE_PRODUCT[n];
            sumEven += even * evenPower;
            sumOdd += odd * power;
        }
        if (scratch != null)
        {
            // Y(m ± t) = even part ± odd part; neither cancels for t < 0.21
            scratch.mills = sumEven + side * sumOdd;
        }
        return 2.0 * sumOdd;
    }
}
