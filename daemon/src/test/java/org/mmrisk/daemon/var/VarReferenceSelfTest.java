package org.mmrisk.daemon.var;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The reference checked against itself by independent means: the normal quantiles against published values, the
 * derived cumulants of the quadratic form against a seeded Monte Carlo of it, Cornish-Fisher against exact cases
 * and the Monte Carlo quantile, and Black-76's delta and gamma against finite differences of its price.
 */
class VarReferenceSelfTest
{
    @Test
    void shouldGiveThePublishedNormalQuantiles()
    {
        // Abramowitz and Stegun table 26.5 / any statistical table, to the digits printed there
        assertThat(VarReference.inverseCdf(0.99)).isCloseTo(2.3263478740408408, within(1e-13));
        assertThat(VarReference.inverseCdf(0.975)).isCloseTo(1.959963984540054, within(1e-13));
        assertThat(VarReference.inverseCdf(0.999)).isCloseTo(3.090232306167813, within(1e-12));
        assertThat(VarReference.inverseCdf(0.5)).isCloseTo(0, within(1e-15));
        assertThat(VarReference.cdf(1.96)).isCloseTo(0.9750021048517795, within(1e-15));
        assertThat(VarReference.cdf(-3)).isCloseTo(0.0013498980316301, within(1e-16));
        assertThat(VarReference.cdf(1)).isCloseTo(0.8413447460685429, within(1e-16));
        assertThat(VarReference.cdf(-2.5)).isCloseTo(0.006209665325776132, within(1e-15)); // 1 − erf: a few 1e-14 of itself
        assertThat(VarReference.cdf(-5) / 2.866515718791939e-7).isCloseTo(1, within(1e-13));
    }

    /**
     * Two correlated factors, long gamma on one and short on the other, with delta: the derived κ1..κ4 against the
     * sample cumulants of 4,000,000 seeded draws. Sampling error of a k-statistic of this size is below 0.5% of
     * κ2 and κ3's scale and 2% of κ4's: 1%, 3%, 6% leave margin.
     */
    @Test
    void shouldMatchTheQuadraticFormsCumulantsByMonteCarlo()
    {
        final double[][] c = VarReference.priceCovariance(new double[] { 100_000, 3_500 }, new double[] { 0.6, 0.8 },
            new double[][] { { 1, 0.7 }, { 0.7, 1 } }, 1);
        final double[] delta = { 3, -40 };
        final double[] gamma = { 4e-4, -0.02 };
        final double[] derived = VarReference.cumulants(delta, gamma, c);
        final double[] sample = VarReference.sampleCumulants(
            VarReference.simulate(VarReference.quadraticBook(delta, gamma), c, 4_000_000, 21));
        final double scale = Math.sqrt(derived[1]);
        assertThat(sample[0]).isCloseTo(derived[0], within(0.005 * scale));
        assertThat(sample[1]).isCloseTo(derived[1], within(0.01 * derived[1]));
        assertThat(sample[2]).isCloseTo(derived[2], within(0.03 * Math.abs(derived[2])));
        assertThat(sample[3]).isCloseTo(derived[3], within(0.06 * Math.abs(derived[3])));
        assertThat(derived[2]).as("non-trivial skew").isNotCloseTo(0, within(0.05 * Math.pow(derived[1], 1.5)));
    }

    /** A linear book is normal: Cornish-Fisher is z·σ exactly and equals the delta-normal VaR. */
    @Test
    void shouldReduceToTheDeltaNormalVarWithoutGamma()
    {
        final double[][] c = VarReference.priceCovariance(new double[] { 100_000, 3_500 }, new double[] { 0.6, 0.8 },
            new double[][] { { 1, 0.5 }, { 0.5, 1 } }, 1);
        final double[] delta = { 2, 30 };
        final double normal = VarReference.deltaNormal(delta, c, 0.99);
        // by hand: σ_BTC = 100,000 × 0.6/√365.25 = 3,139.46 USD per coin, σ_ETH = 3,500 × 0.8/√365.25 = 146.51;
        // var = (2·3139.46)² + (30·146.51)² + 2·0.5·(2·3139.46)(30·146.51) = 3.9425e7 + 1.9319e7 + 2.7598e7
        // = 8.6342e7, √ = 9,292.0, × 2.32635 = 21,616
        assertThat(normal).isCloseTo(21_616, within(5.0));
        assertThat(VarReference.deltaGamma(delta, new double[2], c, 0.99)).isCloseTo(normal, within(1e-9 * normal));
    }

    /**
     * One factor, short gamma and no delta: L = ½|γ|y², a scaled χ²₁. Its exact 99% quantile is ½|γ|s²·z²_{0.995}
     * (z_{0.995} = 2.5758); Cornish-Fisher on so skewed a law is only approximate, so the check is the Monte Carlo
     * order statistic of the same quadratic form, and the exact value for the Monte Carlo.
     */
    @Test
    void shouldAgreeWithTheExactAndSimulatedQuantileOfAShortGammaBook()
    {
        final double[][] c = VarReference.priceCovariance(new double[] { 100_000 }, new double[] { 0.6 },
            new double[][] { { 1 } }, 1);
        final double[] delta = { 0 };
        final double[] gamma = { -1e-3 };
        final double exact = 0.5 * 1e-3 * c[0][0] * Math.pow(VarReference.inverseCdf(0.995), 2);
        final double mc = VarReference.lossQuantile(
            VarReference.simulate(VarReference.quadraticBook(delta, gamma), c, 2_000_000, 7), 0.99);
        assertThat(mc).isCloseTo(exact, within(0.01 * exact));
        // κ of L = ½γ'y²/… : κ1 = ½|γ|s², κ2 = ½γ²s⁴, κ3 = γ³s⁶ (as a loss, positive), κ4 = 3γ⁴s⁸
        final double[] k = VarReference.cumulants(delta, gamma, c);
        final double s2 = c[0][0];
        assertThat(k[0]).isCloseTo(-0.5e-3 * s2, within(1e-9 * s2 * 1e-3));
        assertThat(k[1]).isCloseTo(0.5e-6 * s2 * s2, within(1e-9 * s2 * s2 * 1e-6));
        assertThat(k[2]).isCloseTo(-1e-9 * s2 * s2 * s2, within(1e-9 * Math.pow(s2, 3) * 1e-9));
        assertThat(k[3]).isCloseTo(3e-12 * s2 * s2 * s2 * s2, within(1e-9 * Math.pow(s2, 4) * 1e-12));
        // Cornish-Fisher for χ²₁ (γ1 = 2√2, γ2 = 12) overshoots the exact quantile at 99%: about 6.94 vs 6.63 in units
        // of ½|γ|s² (the known behaviour of the expansion on heavy skew); keep within 10%
        final double cf = VarReference.cornishFisherLoss(k, 0.99);
        assertThat(cf).isCloseTo(exact, within(0.10 * exact));
    }

    @Test
    void shouldDifferentiateBlackConsistently()
    {
        final double f = 100_000;
        final double h = 1;
        for (final double k : new double[] { 80_000, 100_000, 125_000 })
        {
            final double up = VarReference.black(f + h, k, 0.1, 0.6, true);
            final double mid = VarReference.black(f, k, 0.1, 0.6, true);
            final double down = VarReference.black(f - h, k, 0.1, 0.6, true);
            assertThat(VarReference.blackDelta(f, k, 0.1, 0.6, true)).isCloseTo((up - down) / (2 * h), within(1e-7));
            assertThat(VarReference.blackGamma(f, k, 0.1, 0.6)).isCloseTo((up - 2 * mid + down) / (h * h),
                within(1e-8));
            // put-call parity, rate 0
            assertThat(mid - VarReference.black(f, k, 0.1, 0.6, false)).isCloseTo(f - k, within(1e-8));
        }
    }
}
