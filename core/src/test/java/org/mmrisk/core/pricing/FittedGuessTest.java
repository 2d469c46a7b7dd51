package org.mmrisk.core.pricing;

import java.util.SplittableRandom;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fitted starting point must be within a few 1e-5 wherever it answers (so that one correction suffices), and
 * must answer over the range a desk works in; outside it, NaN.
 */
class FittedGuessTest
{
    /** The fits' largest error on their own validation sample is 1.3e-5. */
    private static final double MAX_ERROR = 2e-5;

    @Test
    void shouldStartWithinItsStatedErrorOverItsRange()
    {
        final SplittableRandom random = new SplittableRandom(20261125L);
        double worst = 0.0;
        int answered = 0;
        for (int i = 0; i < 300_000; i++)
        {
            final double k = random.nextDouble(0.0, 0.6) * (i % 10 == 0 ? 0.03 : 1.0);
            final double x = -2.0 * k * k;
            // half by s (near the money, up to s = 2.5), half by |x|/s (out of the money, |x|/s up to 6)
            final double s = i % 2 == 0 || x == 0.0 ?
                Math.exp(random.nextDouble(Math.log(1e-4), Math.log(2.5))) :
                -x / Math.exp(random.nextDouble(Math.log(0.05), Math.log(6.0)));
            final double beta = NormalisedBlack.otmCall(x, s);
            final double bMax = Math.exp(0.5 * x);
            if (!(beta > 0.0 && beta < bMax))
            {
                continue;
            }
            final double guess = FittedGuess.stdDev(x, beta, bMax);
            if (Double.isNaN(guess))
            {
                continue;
            }
            answered++;
            worst = Math.max(worst, Math.abs(guess / s - 1.0));
        }
        System.out.printf("fitted guess: %d points answered, worst relative error %.2e%n", answered, worst);
        assertThat(answered).isGreaterThan(150_000);
        assertThat(worst).isLessThan(MAX_ERROR);
    }

    @Test
    void shouldAnswerOverTheWorkingRange()
    {
        // strikes 0.6F–1.6F, σ√T from 0.01 to 1.4, wherever the time value is at least 1e-6 of the bound
        for (double moneyness = 0.6; moneyness <= 1.6; moneyness += 0.01)
        {
            final double x = -Math.abs(Math.log(moneyness));
            final double bMax = Math.exp(0.5 * x);
            for (double s = 0.01; s <= 1.4; s *= 1.05)
            {
                final double beta = NormalisedBlack.otmCall(x, s);
                if (beta >= 1e-6 * bMax)
                {
                    assertThat(FittedGuess.stdDev(x, beta, bMax)).as("x=%s s=%s", x, s).isCloseTo(s,
                        Percentage.withPercentage(MAX_ERROR * 100.0));
                }
            }
        }
    }

    @Test
    void shouldDeclineOutsideItsRange()
    {
        final double farX = -1.0;
        assertThat(FittedGuess.stdDev(farX, NormalisedBlack.otmCall(farX, 0.5), Math.exp(0.5 * farX))).isNaN();
        final double x = -0.1;
        final double bMax = Math.exp(0.5 * x);
        assertThat(FittedGuess.stdDev(x, NormalisedBlack.otmCall(x, 3.0), bMax)).isNaN();
        assertThat(FittedGuess.stdDev(x, NormalisedBlack.otmCall(x, 0.015), bMax)).isNaN();
    }
}
