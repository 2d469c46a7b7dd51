package org.mmrisk.core.pricing;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The normalised inversion on its own, over a wider domain than any desk needs: x = ln(F/K) from 0 to −300 and
 * s = σ√T from 1e-4 to 40. The error that matters is the reprice error divided by the error a one-ulp change of s
 * would make (s·b'/b), which is what "machine precision" can mean for an ill-conditioned inversion.
 */
class NormalisedImpliedVolTest
{
    private double worst;
    private String worstAt = "";
    private int points;

    @Test
    void shouldRecoverTotalStdDevOverWholeDomain()
    {
        final double[] xs = {0.0, -1e-14, -1e-8, -1e-4, -0.01, -0.1, -0.3, -0.7, -1.0, -1.6, -3.0, -7.0, -15.0,
            -40.0, -100.0, -300.0};
        for (final double x : xs)
        {
            for (double s = 1e-4; s < 40.0; s *= 1.07)
            {
                check(x, s);
            }
        }
        report("grid");
    }

    @Test
    void shouldRecoverTotalStdDevAtRandomPoints()
    {
        final SplittableRandom random = new SplittableRandom(20261125L);
        for (int i = 0; i < 200_000; i++)
        {
            final double x = -Math.exp(random.nextDouble(Math.log(1e-6), Math.log(50.0)));
            final double s = Math.exp(random.nextDouble(Math.log(1e-3), Math.log(20.0)));
            check(x, s);
        }
        report("random");
    }

    private void check(final double x, final double s)
    {
        final double h = x / s;
        final double t = 0.5 * s;
        final double density = NormalisedBlack.density(h, t);
        final double beta = NormalisedBlack.otmCall(x, h, t, density);
        final double gap = NormalisedBlack.upperGap(x, h, t, density);
        if (!(beta > 1e-300) || !(gap > 1e-300))
        {
            return;
        }
        points++;
        final double found = NormalisedImpliedVol.solve(x, beta, gap);
        final double hFound = x / found;
        final double tFound = 0.5 * found;
        final double densityFound = NormalisedBlack.density(hFound, tFound);
        final boolean nearTop = beta > 0.5 * Math.exp(0.5 * x);
        // near the upper bound the gap carries the information, so that is what must come back
        final double error = nearTop ?
            Math.abs(NormalisedBlack.upperGap(x, hFound, tFound, densityFound) / gap - 1.0) /
                Math.max(1.0, s * density / gap) :
            Math.abs(NormalisedBlack.otmCall(x, hFound, tFound, densityFound) / beta - 1.0) /
                Math.max(1.0, s * density / beta);
        if (error > worst)
        {
            worst = error;
            worstAt = "x=" + x + " s=" + s + " found=" + found;
        }
    }

    private void report(final String what)
    {
        System.out.printf("normalised IV %s: %d points, worst reprice error per unit conditioning %.3e (%s)%n",
            what, points, worst, worstAt);
        assertThat(worst).isLessThan(5e-15);
    }
}
