package org.mmrisk.core.var;

/**
 * The Cornish–Fisher expansion of a quantile from the first four cumulants (Cornish and Fisher 1937; the form of
 * Jaschke 2002, "The Cornish-Fisher expansion in the context of delta-gamma-normal approximations"):
 * q = κ1 + √κ2 · (z + (z²−1)γ1/6 + (z³−3z)γ2/24 − (2z³−5z)γ1²/36), with γ1 = κ3/κ2^1.5 and γ2 = κ4/κ2²; where that
 * polynomial is not increasing at z (Maillard, "A user's guide to the Cornish Fisher expansion", 2012: its domain of
 * validity) the normal quantile κ1 + √κ2·z instead. Stateless.
 */
public final class CornishFisher
{
    private CornishFisher()
    {
    }

    /**
     * @param z the standard normal quantile of the probability wanted (negative for a lower tail).
     * @return the approximate quantile; κ1 when κ2 ≤ 0 (a distribution with no spread); κ1 + √κ2·z where the
     * expansion is not increasing at z (skew or kurtosis beyond its domain of validity).
     */
    public static double quantile(final double kappa1, final double kappa2, final double kappa3, final double kappa4,
        final double z)
    {
        if (!(kappa2 > 0))
        {
            return kappa1;
        }
        final double sd = Math.sqrt(kappa2);
        final double skew = kappa3 / (kappa2 * sd);
        final double excessKurtosis = kappa4 / (kappa2 * kappa2);
        final double z2 = z * z;
        final double w = z + (z2 - 1) * skew / 6 + (z2 * z - 3 * z) * excessKurtosis / 24 -
            (2 * z2 * z - 5 * z) * skew * skew / 36;
        // outside its domain of validity (Maillard 2012) the expansion stops increasing in z and its quantile means
        // nothing, however large: then the normal quantile of the first two cumulants
        final double slope = 1 + z * skew / 3 + (z2 - 1) * excessKurtosis / 8 - (6 * z2 - 5) * skew * skew / 36;
        return kappa1 + sd * (slope > 0 ? w : z);
    }
}
