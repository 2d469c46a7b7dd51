package org.mmrisk.core.pricing;

/**
 * Black-76 on the forward with discounting: price and every sensitivity from one pass.
 * Stateless and allocation-free; results go into a caller-supplied {@link OptionGreeks}.
 * <p>
 * V = D·(F·N(d1) − K·N(d2)) for a call and D·(K·N(−d2) − F·N(−d1)) for a put, with D = exp(−r·T),
 * d1 = (ln(F/K) + σ²T/2)/(σ√T), d2 = d1 − σ√T. Units are those of {@link OptionGreeks}.
 * <p>
 * <b>Precision.</b> The out-of-the-money side is never formed as F·N(d1) − K·N(d2): it is F·φ(d1)·(Y(a) − Y(c))
 * with Y the Mills ratio, evaluated without cancellation ({@link NormalisedBlack}), and the in-the-money side
 * adds the intrinsic value (put–call symmetry). Wing prices down to 1e-290 keep their relative precision up to
 * the conditioning of the inputs themselves, about (d1² + |ln(F/K)|/σ²T)·1e-16: at worst 4e-13 against an 80-digit
 * reference on a grid of 1-hour to 3-year wings, for prices near 1e-250 (ln(F/K) is taken from the exact residual
 * of F/K so that it adds little).
 * <p>
 * <b>Speed.</b> In the body of the domain ({@link NormalisedBlack#isBody}: |h| &le; 8 and σ√T &ge; (1 + |h|)/50,
 * h = ln(F/K)/σ√T) the two Mills ratios are combined as they stand, two rationals and no series, which costs at
 * most 4e-14 relative; the wings keep the cancellation-free forms. The exponentials and the logarithm are
 * {@link Exponential} and {@link Logarithm}, inlined, rather than HotSpot's stub calls.
 * <p>
 * <b>Near expiry.</b> When {@code years < MIN_YEARS} or σ√T &lt; {@link #MIN_STD_DEV} the option is worth its
 * discounted intrinsic value: price D·max(±(F − K), 0), delta D times the step (1 in the money, 0 out of it,
 * ½ at F = K), gamma, vega, vanna, volga and speed 0, theta r·V per day, charm r·delta per day, rho −T·V per 1%.
 * Above those limits every output is finite for finite positive inputs whose results are representable.
 */
public final class Black76
{
    /** Calendar days per year of the theta and charm units (ACT/365.25). */
    public static final double DAYS_PER_YEAR = 365.25;
    /** One second in years: below it the option is valued at intrinsic. */
    public static final double MIN_YEARS = 1.0 / (DAYS_PER_YEAR * 86_400.0);
    /** Total standard deviation σ√T below which the option is valued at intrinsic (vol → 0). */
    public static final double MIN_STD_DEV = 1e-8;
    private static final double INV_DAYS_PER_YEAR = 1.0 / DAYS_PER_YEAR;
    /** Veltkamp's split multiplies by 2^27 + 1, which must not overflow. */
    private static final double SPLIT_LIMIT = 1e290;

    private Black76()
    {
    }

    /**
     * The near-expiry cut-off, the one rule {@link #price}, {@link #greeks} and {@link ImpliedVol} share.
     *
     * @param years  time to expiry T in years.
     * @param stdDev the total standard deviation σ√T, computed as {@code vol * Math.sqrt(years)}.
     * @return true when the option is valued at its discounted intrinsic value: under {@link #MIN_YEARS} whatever
     * the volatility, else when σ√T is below {@link #MIN_STD_DEV}.
     */
    public static boolean isAtIntrinsic(final double years, final double stdDev)
    {
        return years < MIN_YEARS || stdDev < MIN_STD_DEV;
    }

    /**
     * @param isCall   true for a call, false for a put.
     * @param forward  the forward F of the expiry, positive.
     * @param strike   the strike K, positive, in the forward's currency.
     * @param years    time to expiry T in years (ACT/365.25); at or below 0 the option is at intrinsic.
     * @param vol      Black volatility σ per √year, as a fraction (0.55 for 55%).
     * @param rate     continuously compounded discount rate r per year.
     * @return the discounted price, in the forward's currency.
     */
    public static double price(
        final boolean isCall, final double forward, final double strike, final double years, final double vol,
        final double rate)
    {
        final double discount = Exponential.exp(-rate * Math.max(years, 0.0));
        final double stdDev = vol * Math.sqrt(years);
        if (isAtIntrinsic(years, stdDev))
        {
            return discount * intrinsic(isCall, forward, strike);
        }
        final double x = logMoneyness(forward, strike);
        // the reciprocal is ready while the logarithm is still running: a multiply, not a divide, follows it
        final double h = x * (1.0 / stdDev);
        final double t = 0.5 * stdDev;
        final double otm = otmPrice(x, h, t, forward, strike, forward * Normal.pdf(h + t));
        return discount * (otm + inTheMoneyIntrinsic(isCall, x, forward, strike));
    }

    /**
     * The undiscounted price from a log-moneyness and a total standard deviation the caller already has: the stress
     * scenarios move one forward by many known factors, so ln(F/K) is the centre's plus the factor's logarithm and
     * σ√T is fixed per vol shock, and neither needs a logarithm or a square root per valuation. The same rule as
     * {@link #price} at zero rate: at intrinsic value below {@link #MIN_STD_DEV} (pass 0 under {@link #MIN_YEARS}).
     *
     * @param logMoneyness ln(F/K).
     * @param stdDev       σ√T.
     */
    public static double undiscountedPrice(
        final boolean isCall, final double forward, final double strike, final double logMoneyness, final double stdDev)
    {
        if (stdDev < MIN_STD_DEV)
        {
            return intrinsic(isCall, forward, strike);
        }
        final double h = logMoneyness * (1.0 / stdDev);
        final double t = 0.5 * stdDev;
        final double otm = otmPrice(logMoneyness, h, t, forward, strike, forward * Normal.pdf(h + t));
        return otm + inTheMoneyIntrinsic(isCall, logMoneyness, forward, strike);
    }

    /**
     * Price and all sensitivities in one pass that shares d1, d2, N(d1) and φ(d1). Arguments as for
     * {@link #price}; {@code out} is overwritten.
     */
    public static void greeks(
        final boolean isCall, final double forward, final double strike, final double years, final double vol,
        final double rate, final OptionGreeks out)
    {
        final double sqrtT = Math.sqrt(years);
        final double stdDev = vol * sqrtT;
        if (isAtIntrinsic(years, stdDev))
        {
            intrinsicGreeks(isCall, forward, strike, Math.max(years, 0.0), rate, out);
            return;
        }
        final double discount = Exponential.exp(-rate * years);
        final double x = logMoneyness(forward, strike);
        // 1/(σ√T) and 1/F serve every quotient below: 1/σ = √T/(σ√T) and 1/T = σ²/(σ√T)²
        final double invStdDev = 1.0 / stdDev;
        final double invForward = 1.0 / forward;
        final double h = x * invStdDev;
        final double t = 0.5 * stdDev;
        final double d1 = h + t;
        final double d2 = h - t;
        final double pdf = Normal.pdf(d1);
        final double otm = otmPriceAndLowerTail(x, h, t, forward, strike, pdf, out);
        final double lowerTail = out.mills;
        final double nd1 = d1 <= 0.0 ? lowerTail : 1.0 - lowerTail;
        final double nMinusD1 = d1 <= 0.0 ? 1.0 - lowerTail : lowerTail;
        final double price = discount * (otm + inTheMoneyIntrinsic(isCall, x, forward, strike));
        final double delta = isCall ? discount * nd1 : -discount * nMinusD1;
        final double discountedPdf = discount * pdf;
        final double gamma = discountedPdf * invForward * invStdDev;
        final double vegaPerUnit = discountedPdf * forward * sqrtT;
        final double sqrtTOverStdDev = sqrtT * invStdDev;

        out.price = price;
        out.delta = delta;
        out.gamma = gamma;
        out.dollarGamma = gamma * forward * forward * 0.01;
        out.vega = vegaPerUnit * 0.01;
        out.theta = (rate * price - 0.5 * discountedPdf * forward * vol * vol * invStdDev) * INV_DAYS_PER_YEAR;
        out.vanna = -discountedPdf * d2 * sqrtTOverStdDev * 0.01;
        out.volga = vegaPerUnit * d1 * d2 * sqrtTOverStdDev * 1e-4;
        out.charm = (rate * delta + 0.5 * discountedPdf * d2 * vol * vol * invStdDev * invStdDev) * INV_DAYS_PER_YEAR;
        out.speed = -gamma * invForward * (1.0 + d1 * invStdDev);
        out.rho = -years * price * 0.01;
    }

    /**
     * The undiscounted out-of-the-money price (the call when x &le; 0, where d1 = m + t; else the put, where
     * −d1 = m − t), leaving Φ(−|d1|) in {@code out.mills}: the Mills ratio that the price needs also gives
     * N(d1) and N(−d1) without cancellation.
     */
    private static double otmPriceAndLowerTail(
        final double x, final double h, final double t, final double forward, final double strike, final double pdf,
        final OptionGreeks out)
    {
        final double m = -Math.abs(h);
        final double side = x <= 0.0 ? 1.0 : -1.0;
        final double forwardPdf = forward * pdf;
        final double bound = x <= 0.0 ? forward : strike;
        if (NormalisedBlack.isBody(m, t))
        {
            final double a = m + t;
            final double yA = Normal.lowerCdfOverPdf(-Math.abs(a));
            final double yC = Normal.lowerCdfOverPdf(m - t);
            // Φ(−|d1|) = φ(d1)·Y(−|d1|), and −|d1| is −|a| for the call side, c for the put side
            out.mills = pdf * (side > 0.0 ? yA : yC);
            return bodyOtmPrice(a, yA, yC, bound, forwardPdf);
        }
        if (m + t > NormalisedBlack.DIRECT_LIMIT)
        {
            final double otm = bound - forwardPdf * NormalisedBlack.millsSum(m, t, side, out);
            out.mills *= pdf;
            return otm;
        }
        final double otm = forwardPdf * NormalisedBlack.millsDifference(m, t, side, out);
        final double cdfAtSide = pdf * out.mills;
        out.mills = side > 0.0 && m + t > 0.0 ? 1.0 - cdfAtSide : cdfAtSide;
        return otm;
    }

    /**
     * The undiscounted out-of-the-money price in the body ({@link NormalisedBlack#isBody}) from Y(−|a|) and Y(c):
     * the plain difference when a &le; 0, the gap to the bound when a &gt; 0. Callers take both Mills ratios from
     * the same two call sites whichever the sign of a, so that both run on every call and the JIT inlines them.
     */
    private static double bodyOtmPrice(
        final double a, final double yMinusAbsA, final double yC, final double bound, final double forwardPdf)
    {
        return a > 0.0 ? bound - forwardPdf * (yMinusAbsA + yC) : forwardPdf * (yMinusAbsA - yC);
    }

    /**
     * ln(F/K) to within about an ulp of the exact value for the double inputs: the rounding of F/K is recovered
     * exactly (Dekker's product) and added back, which matters for short-dated wings where the price moves by
     * ln(F/K)/σ²T relative per unit of ln(F/K).
     *
     * @return ln(forward/strike).
     */
    public static double logMoneyness(final double forward, final double strike)
    {
        final double ratio = forward / strike;
        if (!(ratio >= Double.MIN_NORMAL && ratio <= Double.MAX_VALUE && strike < SPLIT_LIMIT))
        {
            return Math.log(forward) - Math.log(strike);
        }
        final double product = ratio * strike;
        final double residual = (forward - product) - productError(ratio, strike, product);
        return Logarithm.log(ratio) + residual / forward;
    }

    /**
     * @return the undiscounted intrinsic value max(±(F − K), 0).
     */
    public static double intrinsic(final boolean isCall, final double forward, final double strike)
    {
        return Math.max(isCall ? forward - strike : strike - forward, 0.0);
    }

    /**
     * The undiscounted out-of-the-money price (the call when F &le; K, else the put), given
     * F·φ(d1) = K·φ(d2).
     */
    static double otmPrice(
        final double x, final double h, final double t, final double forward, final double strike,
        final double forwardPdf)
    {
        final double m = -Math.abs(h);
        final double bound = x <= 0.0 ? forward : strike;
        if (NormalisedBlack.isBody(m, t))
        {
            final double a = m + t;
            return bodyOtmPrice(a, Normal.lowerCdfOverPdf(-Math.abs(a)), Normal.lowerCdfOverPdf(m - t), bound,
                forwardPdf);
        }
        if (m + t > NormalisedBlack.DIRECT_LIMIT)
        {
            return bound - forwardPdf * NormalisedBlack.millsSum(m, t);
        }
        return forwardPdf * NormalisedBlack.millsDifference(m, t);
    }

    private static double inTheMoneyIntrinsic(
        final boolean isCall, final double x, final double forward, final double strike)
    {
        if (isCall)
        {
            return x > 0.0 ? forward - strike : 0.0;
        }
        return x < 0.0 ? strike - forward : 0.0;
    }

    private static void intrinsicGreeks(
        final boolean isCall, final double forward, final double strike, final double years, final double rate,
        final OptionGreeks out)
    {
        final double discount = Exponential.exp(-rate * years);
        final double price = discount * intrinsic(isCall, forward, strike);
        final double step = forward == strike ? 0.5 : (forward > strike) == isCall ? 1.0 : 0.0;
        final double delta = discount * (isCall ? step : -step);
        out.clear();
        out.price = price;
        out.delta = delta;
        out.theta = rate * price * INV_DAYS_PER_YEAR;
        out.charm = rate * delta * INV_DAYS_PER_YEAR;
        out.rho = -years * price / 100.0;
    }

    /**
     * @return a·b − product exactly, where product is the rounded a·b (Dekker, with Veltkamp splits).
     */
    private static double productError(final double a, final double b, final double product)
    {
        final double ca = 134217729.0 * a;
        final double aHigh = ca - (ca - a);
        final double aLow = a - aHigh;
        final double cb = 134217729.0 * b;
        final double bHigh = cb - (cb - b);
        final double bLow = b - bHigh;
        return ((aHigh * bHigh - product) + aHigh * bLow + aLow * bHigh) + aLow * bLow;
    }
}
