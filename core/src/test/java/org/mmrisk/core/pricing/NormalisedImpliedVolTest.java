package org.mmrisk.core.pricing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NormalisedImpliedVolTest
{
    @Test
    void shouldRecoverTotalStdDevOverWholeDomain()
    {
        final double[] xs = {0.0, -1e-14, -1e-8, -1e-4, -0.01, -0.1, -0.3, -0.7, -1.0, -1.6, -3.0, -7.0, -15.0,
            -40.0, -100.0, -300.0};
        double worstPrice = 0.0;
        double worstGap = 0.0;
        String at = "";
        int points = 0;
        for (final double x : xs)
        {
            for (double s = 1e-4; s < 40.0; s *= 1.07)
            {
                final double h = x / s;
                final double t = 0.5 * s;
                final double density = NormalisedBlack.density(h, t);
                final double beta = NormalisedBlack.otmCall(x, h, t, density);
                final double gap = NormalisedBlack.upperGap(x, h, t, density);
                if (!(beta > 1e-300) || !(gap > 1e-300))
                {
                    continue;
                }
                points++;
                final double found = NormalisedImpliedVol.solve(x, beta, gap);
                final double h2 = x / found;
                final double t2 = 0.5 * found;
                final double d2 = NormalisedBlack.density(h2, t2);
                final double priceError = Math.abs(NormalisedBlack.otmCall(x, h2, t2, d2) / beta - 1.0);
                final double gapError = Math.abs(NormalisedBlack.upperGap(x, h2, t2, d2) / gap - 1.0);
                // the error a one-ulp change of s would make, to judge conditioning
                final double sensitivity = Math.max(1.0, s * density / beta);
                if (priceError / sensitivity > worstPrice)
                {
                    worstPrice = priceError / sensitivity;
                    at = "x=" + x + " s=" + s + " found=" + found + " beta=" + beta + " err=" + priceError;
                }
                if (beta > 0.5 * Math.exp(0.5 * x))
                {
                    final double g = gapError / Math.max(1.0, s * density / gap);
                    if (g > 1e-14) System.out.println("gap x=" + x + " s=" + s + " found=" + found + " gap=" + gap + " err=" + gapError + " cond=" + s * density / gap);
                    worstGap = Math.max(worstGap, g);
                }
            }
        }
        System.out.printf("normalised IV: %d points, worst price error per unit conditioning %.3e (%s), " +
            "gap %.3e%n", points, worstPrice, at, worstGap);
        assertThat(worstPrice).isLessThan(1e-14);
    }
}
