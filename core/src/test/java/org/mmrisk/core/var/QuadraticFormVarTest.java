package org.mmrisk.core.var;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.pricing.Normal;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cumulants and the Cornish–Fisher VaR of ΔP = δ'f + ½f'Γf against a seeded Monte Carlo of the same quadratic
 * form: the sample moments agree with the closed forms to within a few Monte Carlo standard errors (estimated from
 * independent batches, not assumed).
 */
class QuadraticFormVarTest
{
    private static final double[] DELTA = { 12.0, -30.0, 5.0 };
    private static final double[] GAMMA = { -4.0, 10.0, 25.0 };
    private static final double[] SD = { 2.5, 1.2, 0.8 };
    private static final double[][] RHO = { { 1, 0.7, -0.2 }, { 0.7, 1, 0.1 }, { -0.2, 0.1, 1 } };

    private static QuadraticFormVar form(final double[] gamma)
    {
        final QuadraticFormVar var = new QuadraticFormVar(4);
        var.reset(3);
        for (int i = 0; i < 3; i++)
        {
            var.factor(i, DELTA[i], gamma[i]);
            for (int j = 0; j <= i; j++)
            {
                var.covariance(i, j, RHO[i][j] * SD[i] * SD[j]);
            }
        }
        var.compute(Normal.inverseCdf(0.99));
        return var;
    }

    /** Cholesky factor of the covariance, worked once here (not the code under test). */
    private static double[][] cholesky()
    {
        final double[][] l = new double[3][3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = RHO[i][j] * SD[i] * SD[j];
                for (int k = 0; k < j; k++)
                {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(sum) : sum / l[j][j];
            }
        }
        return l;
    }

    private static double[] simulate(final double[] gamma, final int paths, final long seed)
    {
        final double[][] l = cholesky();
        final SplittableRandom random = new SplittableRandom(seed);
        final double[] pnl = new double[paths];
        final double[] z = new double[3];
        for (int p = 0; p < paths; p++)
        {
            for (int i = 0; i < 3; i++)
            {
                z[i] = gaussian(random);
            }
            double value = 0;
            for (int i = 0; i < 3; i++)
            {
                double f = 0;
                for (int k = 0; k <= i; k++)
                {
                    f += l[i][k] * z[k];
                }
                value += DELTA[i] * f + 0.5 * gamma[i] * f * f;
            }
            pnl[p] = value;
        }
        return pnl;
    }

    static double gaussian(final SplittableRandom random)
    {
        return Normal.inverseCdf(random.nextDouble(0x1.0p-53, 1.0));
    }

    @Test
    void shouldMatchMonteCarloMomentsOfTheQuadraticForm()
    {
        final QuadraticFormVar var = form(GAMMA);
        final int batches = 20;
        final double[][] moments = new double[batches][];
        for (int b = 0; b < batches; b++)
        {
            moments[b] = centralMoments(simulate(GAMMA, 100_000, 1000 + b));
        }
        final double[] expected = {
            var.kappa1(), var.kappa2(), var.kappa3(), var.kappa4() + 3 * var.kappa2() * var.kappa2() };
        for (int k = 0; k < 4; k++)
        {
            double mean = 0;
            for (final double[] m : moments)
            {
                mean += m[k] / batches;
            }
            double squares = 0;
            for (final double[] m : moments)
            {
                squares += (m[k] - mean) * (m[k] - mean);
            }
            final double standardError = Math.sqrt(squares / (batches - 1) / batches);
            assertEquals(expected[k], mean, 4 * standardError + 1e-12, "moment " + (k + 1));
            // and the check has teeth: the standard error is small against the moment
            assertTrue(standardError < 0.05 * Math.abs(expected[k]), "moment " + (k + 1) + " resolved");
        }
    }

    /** Mean, variance, third and fourth central moments. */
    private static double[] centralMoments(final double[] x)
    {
        double mean = 0;
        for (final double v : x)
        {
            mean += v / x.length;
        }
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (final double v : x)
        {
            final double d = v - mean;
            m2 += d * d / x.length;
            m3 += d * d * d / x.length;
            m4 += d * d * d * d / x.length;
        }
        return new double[] { mean, m2, m3, m4 };
    }

    @Test
    void shouldApproximateTheMonteCarloQuantileByCornishFisher()
    {
        final QuadraticFormVar var = form(GAMMA);
        final double[] pnl = simulate(GAMMA, 2_000_000, 77);
        Arrays.sort(pnl);
        final double monteCarloVar = -pnl[(int)(0.01 * pnl.length)];
        // Cornish–Fisher is an expansion: a few per cent here, where the gamma part is a sizeable skew
        assertEquals(monteCarloVar, var.deltaGamma(), 0.03 * monteCarloVar);
        assertTrue(Math.abs(var.deltaGamma() - var.deltaNormal()) > 0.03 * monteCarloVar,
            "the gamma terms matter in this book");
    }

    @Test
    void shouldReduceToDeltaNormalWithoutGamma()
    {
        final QuadraticFormVar var = form(new double[3]);
        double variance = 0;
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                variance += DELTA[i] * DELTA[j] * RHO[i][j] * SD[i] * SD[j];
            }
        }
        assertEquals(2.3263478740408408 * Math.sqrt(variance), var.deltaNormal(), 1e-9);
        assertEquals(var.deltaNormal(), var.deltaGamma(), 1e-9);
        assertEquals(0, var.kappa3(), 0);
    }

    @Test
    void shouldReportALongStraddleOfPureGammaAsSmallLossAndShortAsLarge()
    {
        // ΔP = ½Γf², f ~ N(0, 1): chi-squared with one degree of freedom scaled by Γ/2
        final QuadraticFormVar var = new QuadraticFormVar(1);
        var.reset(1);
        var.factor(0, 0, -2);
        var.covariance(0, 0, 1);
        var.compute(Normal.inverseCdf(0.99));
        assertEquals(0, var.deltaNormal(), 0);
        // exact: the 99% quantile of chi-squared(1) is 6.6349; CF of a chi-squared is close but not exact
        assertEquals(6.6349, var.deltaGamma(), 0.15 * 6.6349);
        assertEquals(-1, var.kappa1(), 1e-15);
        assertEquals(2, var.kappa2(), 1e-15);
        assertEquals(-8, var.kappa3(), 1e-15);
        assertEquals(48, var.kappa4(), 1e-15);
    }

    @Test
    void shouldFallBackToTheNormalQuantileOutsideTheExpansionsDomain()
    {
        // a skew of 5 at the 1% point: the expansion's slope 1 + zγ1/3 − (6z² − 5)γ1²/36 is negative there
        final double z = Normal.inverseCdf(0.01);
        assertEquals(1 + 2 * z, CornishFisher.quantile(1, 4, 5 * 8, 0, z), 1e-12);
        // inside it, the expansion: skew 0.5, excess kurtosis 0.3, by hand
        final double w = z + (z * z - 1) * 0.5 / 6 + (z * z * z - 3 * z) * 0.3 / 24 -
            (2 * z * z * z - 5 * z) * 0.25 / 36;
        assertEquals(1 + 2 * w, CornishFisher.quantile(1, 4, 0.5 * 8, 0.3 * 16, z), 1e-12);
    }
}
