package org.mmrisk.core.pricing;

/**
 * Black-76 implied volatility to machine precision over the whole domain in a bounded number of steps: the price
 * is reduced to the normalised out-of-the-money time value and inverted by {@link NormalisedImpliedVol} (Jäckel's
 * "Let's Be Rational" scheme: a rational-interpolation guess, then one or two sixth-order corrections, three at
 * most). Stateless and allocation-free.
 * <p>
 * With D = exp(−rT), the undiscounted price P/D is split into intrinsic max(±(F − K), 0) and time value τ. Put–call
 * symmetry makes τ the price of the out-of-the-money option, bounded by 0 and min(F, K), and it is inverted as
 * β = τ/√(FK) at x = −|ln(F/K)|. Expected failures are statuses, never exceptions:
 * <ul>
 *   <li>{@link ImpliedVolStatus#AT_BOUND} when τ or min(F, K) − τ is at most {@link #MIN_TIME_VALUE_RATIO}·F
 *       (below that the volatility is not resolved by a double price): vol 0 or +∞;</li>
 *   <li>{@link ImpliedVolStatus#NO_SOLUTION} when τ is below −tolerance or above min(F, K) + tolerance: vol NaN;</li>
 *   <li>{@link ImpliedVolStatus#INTRINSIC_ONLY} under {@link Black76}'s near-expiry cut-off
 *       ({@link Black76#isAtIntrinsic}), where the price function values the option at intrinsic: T below
 *       {@link Black76#MIN_YEARS} (no volatility changes the price there), or a time value above the lower bound's
 *       tolerance but below τ_c, the least Black-76 gives at σ√T = {@link Black76#MIN_STD_DEV} (smaller volatilities
 *       price at intrinsic, larger ones above τ_c): vol NaN. A time value within the tolerance of τ_c is the
 *       cut-off's own volatility. So every volatility returned reprices, through {@link Black76#price}, to the
 *       price given (to the tolerance);</li>
 *   <li>{@link ImpliedVolStatus#INVALID_INPUT} for non-finite or non-positive F, K, T, or a non-finite price or
 *       rate.</li>
 * </ul>
 */
public final class ImpliedVol
{
    /** Time value, relative to the forward, under which a price is treated as on its no-arbitrage bound. */
    public static final double MIN_TIME_VALUE_RATIO = 1e-14;

    private ImpliedVol()
    {
    }

    /**
     * @param price   the discounted option price, in the forward's currency.
     * @param forward the forward F, positive.
     * @param strike  the strike K, positive.
     * @param years   time to expiry T in years, positive.
     * @param isCall  true for a call, false for a put.
     * @param rate    the continuously compounded discount rate r.
     * @param out     receives the status and the volatility (per √year, as a fraction).
     * @return the status, also written to {@code out}.
     */
    public static ImpliedVolStatus solve(
        final double price, final double forward, final double strike, final double years, final boolean isCall,
        final double rate, final ImpliedVolResult out)
    {
        return solve(price, forward, strike, years, isCall, rate, MIN_TIME_VALUE_RATIO, out);
    }

    /**
     * As {@link #solve(double, double, double, double, boolean, double, ImpliedVolResult)} with the bound
     * tolerance given as a ratio to the forward (non-negative, else INVALID_INPUT). Out-of-the-money prices far
     * below 1e-14·F can be inverted to full precision with a smaller ratio (down to about 1e-300); in the money,
     * the time value of a double price is only resolved to about 1e-16 of max(F, K).
     */
    public static ImpliedVolStatus solve(
        final double price, final double forward, final double strike, final double years, final boolean isCall,
        final double rate, final double minTimeValueRatio, final ImpliedVolResult out)
    {
        if (!isPositiveFinite(forward) || !isPositiveFinite(strike) || !isPositiveFinite(years) ||
            !Double.isFinite(price) || !Double.isFinite(rate) || !(minTimeValueRatio >= 0.0))
        {
            return out.set(ImpliedVolStatus.INVALID_INPUT, Double.NaN);
        }
        final double undiscounted = price / Exponential.exp(-rate * years);
        final double timeValue = undiscounted - Black76.intrinsic(isCall, forward, strike);
        final double tolerance = minTimeValueRatio * forward;
        final double gap = Math.min(forward, strike) - timeValue;
        if (timeValue < -tolerance || gap < -tolerance)
        {
            return out.set(ImpliedVolStatus.NO_SOLUTION, Double.NaN);
        }
        if (years < Black76.MIN_YEARS)
        {
            // the price function gives intrinsic for every volatility: no volatility is implied
            return out.set(ImpliedVolStatus.INTRINSIC_ONLY, Double.NaN);
        }
        if (timeValue <= tolerance)
        {
            return out.set(ImpliedVolStatus.AT_BOUND, 0.0);
        }
        if (gap <= tolerance)
        {
            return out.set(ImpliedVolStatus.AT_BOUND, Double.POSITIVE_INFINITY);
        }
        final double x = -Math.abs(Black76.logMoneyness(forward, strike));
        final double rootFK = Math.sqrt(forward) * Math.sqrt(strike);
        final double stdDev = NormalisedImpliedVol.solve(x, timeValue / rootFK, gap / rootFK);
        final double sqrtYears = Math.sqrt(years);
        final double vol = stdDev / sqrtYears;
        if (Black76.isAtIntrinsic(years, vol * sqrtYears))
        {
            return belowStdDevCutOff(isCall, forward, strike, sqrtYears, timeValue, tolerance, out);
        }
        if (!(vol > 0.0 && vol < Double.POSITIVE_INFINITY))
        {
            // Not reached for inputs in the domain; kept so that the hot path can never hand out a NaN as OK.
            return out.set(ImpliedVolStatus.NO_SOLUTION, Double.NaN);
        }
        return out.set(ImpliedVolStatus.OK, vol);
    }

    /**
     * The solved volatility falls under {@link Black76#MIN_STD_DEV}, where the price function gives intrinsic. A
     * time value within the tolerance of τ_c, the one Black-76 gives at the cut-off, is the cut-off's volatility
     * (the solve's rounding, or a price the tolerance does not tell from τ_c); a smaller one has none.
     */
    private static ImpliedVolStatus belowStdDevCutOff(
        final boolean isCall, final double forward, final double strike, final double sqrtYears,
        final double timeValue, final double tolerance, final ImpliedVolResult out)
    {
        // at one year σ√T is MIN_STD_DEV exactly, so this is priced by the formula, not the cut-off
        final double cutOffTimeValue = Black76.price(isCall, forward, strike, 1.0, Black76.MIN_STD_DEV, 0.0) -
            Black76.intrinsic(isCall, forward, strike);
        if (timeValue < cutOffTimeValue - tolerance)
        {
            return out.set(ImpliedVolStatus.INTRINSIC_ONLY, Double.NaN);
        }
        double vol = Black76.MIN_STD_DEV / sqrtYears;
        while (vol * sqrtYears < Black76.MIN_STD_DEV)
        {
            vol = Math.nextUp(vol);
        }
        return out.set(ImpliedVolStatus.OK, vol);
    }

    private static boolean isPositiveFinite(final double value)
    {
        return value > 0.0 && value < Double.POSITIVE_INFINITY;
    }
}
