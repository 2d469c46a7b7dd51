package org.mmrisk.core.pricing;

/**
 * Black-76 on the forward with discounting: price and every sensitivity from one pass.
 * Stateless and allocation-free; results go into a caller-supplied {@link OptionGreeks}.
 * <p>
 * V = D·(F·N(d1) − K·N(d2)) for a call and D·(K·N(−d2) − F·N(−d1)) for a put, with D = exp(−r·T),
 * d1 = (ln(F/K) + σ²T/2)/(σ√T), d2 = d1 − σ√T. Units are those of {@link OptionGreeks}.
 */
public final class Black76
{
    static final double DAYS_PER_YEAR = 365.25;
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private Black76()
    {
    }

    /**
     * @return the discounted price, in the forward's currency.
     */
    public static double price(
        final boolean isCall, final double forward, final double strike, final double years, final double vol,
        final double rate)
    {
        final double discount = Math.exp(-rate * years);
        final double stdDev = vol * Math.sqrt(years);
        final double d1 = Math.log(forward / strike) / stdDev + 0.5 * stdDev;
        final double d2 = d1 - stdDev;
        return isCall ?
            discount * (forward * Normal.cdf(d1) - strike * Normal.cdf(d2)) :
            discount * (strike * Normal.cdf(-d2) - forward * Normal.cdf(-d1));
    }

    /**
     * Price and all sensitivities in one pass that shares d1, d2, N(d1) and n(d1).
     */
    public static void greeks(
        final boolean isCall, final double forward, final double strike, final double years, final double vol,
        final double rate, final OptionGreeks out)
    {
        final double discount = Math.exp(-rate * years);
        final double sqrtT = Math.sqrt(years);
        final double stdDev = vol * sqrtT;
        final double d1 = Math.log(forward / strike) / stdDev + 0.5 * stdDev;
        final double d2 = d1 - stdDev;
        final double pdf = INV_SQRT_2PI * Math.exp(-0.5 * d1 * d1);
        final double nd1 = Normal.cdf(isCall ? d1 : -d1);
        final double nd2 = Normal.cdf(isCall ? d2 : -d2);
        final double sign = isCall ? 1.0 : -1.0;

        final double price = discount * sign * (forward * nd1 - strike * nd2);
        final double delta = discount * sign * nd1;
        final double gamma = discount * pdf / (forward * stdDev);
        final double vegaRaw = discount * forward * pdf * sqrtT;

        out.price = price;
        out.delta = delta;
        out.gamma = gamma;
        out.vega = vegaRaw / 100.0;
        out.theta = (rate * price - discount * forward * pdf * vol / (2.0 * sqrtT)) / DAYS_PER_YEAR;
        out.vanna = -discount * pdf * d2 / vol / 100.0;
        out.volga = vegaRaw * d1 * d2 / vol / 10_000.0;
        out.charm = -(-rate * delta - discount * pdf * d2 / (2.0 * years)) / DAYS_PER_YEAR;
        out.speed = -gamma / forward * (1.0 + d1 / stdDev);
        out.rho = -years * price / 100.0;
    }
}
