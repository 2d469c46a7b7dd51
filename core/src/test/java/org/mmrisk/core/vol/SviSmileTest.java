package org.mmrisk.core.vol;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.pricing.Black76;
import org.mmrisk.core.pricing.Normal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SviSmileTest
{
    private static final double YEARS = 0.25;
    private static final double K_MIN = -1.5;
    private static final double K_MAX = 1.5;

    private final SviSmile skewed = new SviSmile().set(0.02, 0.08, -0.4, 0.1, 0.15);

    @Test
    void shouldEvaluateTheRawSviFormula()
    {
        final double k = 0.3;
        final double x = k - 0.1;
        final double expected = 0.02 + 0.08 * (-0.4 * x + Math.sqrt(x * x + 0.15 * 0.15));

        assertThat(skewed.totalVariance(k)).isCloseTo(expected, within(1e-15));
        assertThat(skewed.impliedVol(k, YEARS)).isCloseTo(Math.sqrt(expected / YEARS), within(1e-15));
        assertThat(skewed.minTotalVariance()).isCloseTo(0.02 + 0.08 * 0.15 * Math.sqrt(1 - 0.16), within(1e-15));
    }

    @Test
    void shouldMatchFiniteDifferencesForTotalVarianceDerivatives()
    {
        final double h = 1e-4;
        for (double k = K_MIN; k <= K_MAX; k += 0.05)
        {
            final double up = skewed.totalVariance(k + h);
            final double mid = skewed.totalVariance(k);
            final double down = skewed.totalVariance(k - h);

            assertThat(skewed.dTotalVarianceDk(k)).as("w' at %s", k).isCloseTo((up - down) / (2 * h), within(1e-8));
            assertThat(skewed.d2TotalVarianceDk2(k)).as("w'' at %s", k)
                .isCloseTo((up - 2 * mid + down) / (h * h), within(1e-5));
        }
    }

    @Test
    void shouldMatchFiniteDifferencesForVolDerivatives()
    {
        final double h = 1e-4;
        for (double k = K_MIN; k <= K_MAX; k += 0.05)
        {
            final double up = skewed.impliedVol(k + h, YEARS);
            final double mid = skewed.impliedVol(k, YEARS);
            final double down = skewed.impliedVol(k - h, YEARS);

            assertThat(skewed.dVolDk(k, YEARS)).as("dσ/dk at %s", k).isCloseTo((up - down) / (2 * h), within(1e-7));
            assertThat(skewed.d2VolDk2(k, YEARS)).as("d²σ/dk² at %s", k)
                .isCloseTo((up - 2 * mid + down) / (h * h), within(1e-4));
        }
    }

    @Test
    void shouldHaveNoVolAtOrAfterExpiry()
    {
        assertThat(skewed.impliedVol(0.0, 0.0)).isNaN();
        assertThat(skewed.dVolDk(0.0, -1.0)).isNaN();
    }

    @Test
    void shouldMatchTheCallPriceSecondDerivativeInStrike()
    {
        // d²C/dK² = g(k)·n(d2)/(K·√w) for F = 1 and no discounting: the density the criterion is built on
        final double forward = 1.0;
        final double h = 1e-3;
        for (double k = -1.0; k <= 1.0; k += 0.1)
        {
            final double strike = forward * Math.exp(k);
            final double butterfly = (callPrice(skewed, forward, strike + h) - 2 * callPrice(skewed, forward, strike) +
                callPrice(skewed, forward, strike - h)) / (h * h);
            final double w = skewed.totalVariance(k);
            final double d2 = -k / Math.sqrt(w) - 0.5 * Math.sqrt(w);
            final double expected = skewed.density(k) * Normal.pdf(d2) / (strike * Math.sqrt(w));

            assertThat(butterfly).as("density at k=%s", k).isCloseTo(expected, within(1e-4 * Math.abs(expected) + 1e-7));
        }
    }

    @Test
    void shouldGiveCallPricesConvexInStrikeForAValidSmile()
    {
        for (int i = 0; i < TestSmiles.EXPIRY_NS.length; i++)
        {
            final SviSmile smile = TestSmiles.smile(i);
            assertThat(new SmileValidator().validate(smile)).isEqualTo(SmileRejectReason.NONE);
            assertThat(smallestButterfly(smile, 400)).as("smile %s", i).isGreaterThan(-1e-13);
        }
        assertThat(new SmileValidator().validate(skewed)).isEqualTo(SmileRejectReason.NONE);
        assertThat(smallestButterfly(skewed, 400)).isGreaterThan(-1e-13);
    }

    @Test
    void shouldFindANegativeButterflyWhereTheDensityCheckFails()
    {
        final SviSmile vogt = TestSmiles.vogt();
        assertThat(new SmileValidator().validate(vogt)).isEqualTo(SmileRejectReason.NEGATIVE_DENSITY);

        // independent of g(k): three strikes inside the checked range whose butterfly costs less than nothing
        assertThat(smallestButterfly(vogt, 400)).isLessThan(-1e-9);
    }

    /**
     * @return min over the grid of C(K−h) − 2C(K) + C(K+h), strikes equally spaced in K over [e^kMin, e^kMax].
     */
    private static double smallestButterfly(final SviSmile smile, final int points)
    {
        final double forward = 1.0;
        final double low = Math.exp(K_MIN);
        final double step = (Math.exp(K_MAX) - low) / (points - 1);
        double smallest = Double.MAX_VALUE;
        double previous = callPrice(smile, forward, low);
        double current = callPrice(smile, forward, low + step);
        for (int i = 2; i < points; i++)
        {
            final double next = callPrice(smile, forward, low + i * step);
            smallest = Math.min(smallest, previous - 2 * current + next);
            previous = current;
            current = next;
        }
        return smallest;
    }

    private static double callPrice(final SviSmile smile, final double forward, final double strike)
    {
        final double vol = smile.impliedVol(Math.log(strike / forward), YEARS);
        return Black76.price(true, forward, strike, YEARS, vol, 0.0);
    }
}
