package org.mmrisk.core.vol;

import org.mmrisk.core.time.YearFraction;

/**
 * The engine's one realized-volatility estimator: an exponentially weighted average of index log-returns' products
 * per year of elapsed engine time, rate ← keep·rate + (1 − keep)·r_a·r_b / Δt, keep = 2^(−Δt / half-life). Δt is the
 * engine time between the two prices of the return, so irregular spacing weighs each return by the time it covers.
 * <p>
 * Two uses (docs/var.md): the spread multiplier's per-tick variance rate of each index (a = b, started at
 * {@code engine.indexVolatility}², half-life {@code engine.realizedVolHalfLifeSeconds}), and the VaR's covariance
 * of every pair of indices sampled on one grid of engine time ({@code engine.var.*}), where the same rule also
 * keeps the total weight ({@link #weight}) so that the estimate is the normalised average of the returns seen.
 * Stateless; allocation-free.
 */
public final class RealizedVariance
{
    private static final double LN2 = Math.log(2);

    private RealizedVariance()
    {
    }

    /**
     * @return the weight the previous estimate keeps after {@code dtNs} of engine time.
     */
    public static double keep(final long dtNs, final long halfLifeNs)
    {
        return Math.exp(-LN2 * dtNs / halfLifeNs);
    }

    /**
     * @return the estimate after one more return pair covering {@code dtNs}: keep·previous + (1 − keep)·a·b/Δt_years.
     */
    public static double update(final double previous, final double keep, final double returnA, final double returnB,
        final long dtNs)
    {
        final double dtYears = dtNs / YearFraction.NANOS_PER_YEAR;
        return keep * previous + (1 - keep) * returnA * returnB / dtYears;
    }

    /**
     * @return the total weight after one more return: keep·previous + (1 − keep). Dividing an {@link #update}d sum
     * started at 0 by this weight started at 0 gives the weighted average with no prior.
     */
    public static double weight(final double previous, final double keep)
    {
        return keep * previous + (1 - keep);
    }
}
