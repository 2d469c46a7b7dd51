package org.mmrisk.core.vol;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.time.YearFraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mmrisk.core.vol.TestSmiles.EXPIRY_NS;
import static org.mmrisk.core.vol.TestSmiles.NOW_NS;
import static org.mmrisk.core.vol.TestSmiles.days;

class VolSurfaceQueryTest
{
    private static final double[] KS = { -1.5, -0.7, -0.2, 0.0, 0.15, 0.6, 1.5 };

    private final VolSurface surface = TestSmiles.validSurface();
    private final VolPoint point = new VolPoint();

    @Test
    void shouldReturnTheQuotedSmileAtAQuotedExpiry()
    {
        for (int i = 0; i < EXPIRY_NS.length; i++)
        {
            final SviSmile smile = TestSmiles.smile(i);
            final double years = YearFraction.years(NOW_NS, EXPIRY_NS[i]);
            for (final double k : KS)
            {
                assertThat(surface.evaluate(EXPIRY_NS[i], k, NOW_NS, point)).isTrue();
                assertThat(point.years).isEqualTo(years);
                assertThat(point.totalVariance).isEqualTo(smile.totalVariance(k));
                assertThat(point.impliedVol).isCloseTo(smile.impliedVol(k, years), within(1e-15));
                assertThat(point.dVolDk).isCloseTo(smile.dVolDk(k, years), within(1e-14));
                assertThat(point.d2VolDk2).isCloseTo(smile.d2VolDk2(k, years), within(1e-12));
            }
        }
    }

    @Test
    void shouldInterpolateTotalVarianceBetweenNeighbours()
    {
        for (final double k : KS)
        {
            final double w30 = surface.totalVariance(EXPIRY_NS[1], k, NOW_NS);
            final double w90 = surface.totalVariance(EXPIRY_NS[2], k, NOW_NS);
            for (int day = 31; day < 90; day += 7)
            {
                assertThat(surface.totalVariance(days(day), k, NOW_NS)).isBetween(w30, w90);
            }
        }
    }

    @Test
    void shouldInterpolateTotalVarianceLinearlyInTime()
    {
        final double t1 = YearFraction.years(NOW_NS, EXPIRY_NS[1]);
        final double t2 = YearFraction.years(NOW_NS, EXPIRY_NS[2]);
        for (final double k : KS)
        {
            final double w1 = surface.totalVariance(EXPIRY_NS[1], k, NOW_NS);
            final double w2 = surface.totalVariance(EXPIRY_NS[2], k, NOW_NS);
            for (int day = 31; day < 90; day += 3)
            {
                final long expiryNs = days(day);
                final double t = YearFraction.years(NOW_NS, expiryNs);

                assertThat(surface.totalVariance(expiryNs, k, NOW_NS))
                    .isCloseTo(w1 + (w2 - w1) * (t - t1) / (t2 - t1), within(1e-14));
            }
        }
    }

    @Test
    void shouldHoldEveryQuotedImpliedVolWhenTimePasses()
    {
        // no new fit for 5 days: each smile keeps its implied vols, so its total variance shrinks with T
        final long laterNs = days(5);
        for (int i = 0; i < EXPIRY_NS.length; i++)
        {
            final double fitYears = YearFraction.years(NOW_NS, EXPIRY_NS[i]);
            final double laterYears = YearFraction.years(laterNs, EXPIRY_NS[i]);
            for (final double k : KS)
            {
                assertThat(surface.impliedVol(EXPIRY_NS[i], k, laterNs))
                    .isCloseTo(TestSmiles.smile(i).impliedVol(k, fitYears), within(1e-14));
                assertThat(surface.totalVariance(EXPIRY_NS[i], k, laterNs))
                    .isCloseTo(TestSmiles.smile(i).totalVariance(k) * laterYears / fitYears, within(1e-15));
            }
        }
    }

    @Test
    void shouldInterpolateTheHeldSmilesWhenTimePasses()
    {
        // between two expiries, linear in T of the two smiles as they stand now (vols held since the fit)
        final long laterNs = days(20);
        final long expiryNs = days(50);
        final double k = 0.1;
        final double t1 = YearFraction.years(laterNs, EXPIRY_NS[1]);
        final double t2 = YearFraction.years(laterNs, EXPIRY_NS[2]);
        final double t = YearFraction.years(laterNs, expiryNs);
        final double w1 = square(TestSmiles.smile(1).impliedVol(k, YearFraction.years(NOW_NS, EXPIRY_NS[1]))) * t1;
        final double w2 = square(TestSmiles.smile(2).impliedVol(k, YearFraction.years(NOW_NS, EXPIRY_NS[2]))) * t2;

        assertThat(surface.totalVariance(expiryNs, k, laterNs))
            .isCloseTo(w1 + (w2 - w1) * (t - t1) / (t2 - t1), within(1e-15));
    }

    private static double square(final double x)
    {
        return x * x;
    }

    @Test
    void shouldExtrapolateBeforeTheFirstExpiryWithConstantVolAtFixedK()
    {
        final double firstYears = YearFraction.years(NOW_NS, EXPIRY_NS[0]);
        final SviSmile first = TestSmiles.smile(0);
        for (final double k : KS)
        {
            final long expiryNs = days(2);
            final double years = YearFraction.years(NOW_NS, expiryNs);

            assertThat(surface.impliedVol(expiryNs, k, NOW_NS)).isCloseTo(first.impliedVol(k, firstYears), within(1e-14));
            assertThat(surface.totalVariance(expiryNs, k, NOW_NS))
                .isCloseTo(first.totalVariance(k) * years / firstYears, within(1e-15));
            assertThat(surface.dVolDk(expiryNs, k, NOW_NS)).isCloseTo(first.dVolDk(k, firstYears), within(1e-13));
        }
    }

    @Test
    void shouldExtrapolateAfterTheLastExpiryWithConstantVolAtFixedK()
    {
        final double lastYears = YearFraction.years(NOW_NS, EXPIRY_NS[3]);
        final SviSmile last = TestSmiles.smile(3);
        for (final double k : KS)
        {
            final long expiryNs = days(400);
            final double years = YearFraction.years(NOW_NS, expiryNs);

            assertThat(surface.impliedVol(expiryNs, k, NOW_NS)).isCloseTo(last.impliedVol(k, lastYears), within(1e-14));
            assertThat(surface.totalVariance(expiryNs, k, NOW_NS))
                .isCloseTo(last.totalVariance(k) * years / lastYears, within(1e-14));
        }
    }

    @Test
    void shouldIgnoreExpiredSmilesInQueries()
    {
        // 10 days on, the 7-day smile is gone: a 12-day expiry extrapolates from the 30-day one, at its vols as fitted
        final long laterNs = days(10);
        final long expiryNs = days(12);
        final double thirtyDayYears = YearFraction.years(NOW_NS, EXPIRY_NS[1]);

        assertThat(surface.impliedVol(expiryNs, 0.2, laterNs))
            .isCloseTo(TestSmiles.smile(1).impliedVol(0.2, thirtyDayYears), within(1e-14));
    }

    @Test
    void shouldMatchFiniteDifferencesForTheVolSlopeAnywhere()
    {
        final double h = 1e-4;
        for (final long expiryNs : new long[]{ days(3), EXPIRY_NS[1], days(45), days(150), days(300) })
        {
            for (final double k : KS)
            {
                final double up = surface.impliedVol(expiryNs, k + h, NOW_NS);
                final double mid = surface.impliedVol(expiryNs, k, NOW_NS);
                final double down = surface.impliedVol(expiryNs, k - h, NOW_NS);
                surface.evaluate(expiryNs, k, NOW_NS, point);

                assertThat(point.dVolDk).isCloseTo((up - down) / (2 * h), within(1e-7));
                assertThat(point.d2VolDk2).isCloseTo((up - 2 * mid + down) / (h * h), within(1e-4));
            }
        }
    }

    @Test
    void shouldGiveStickyMoneynessForwardSensitivity()
    {
        // σ(K, F) = σ(ln(K/F)): dσ/dF = −(∂σ/∂k)/F, checked by bumping the forward at a fixed strike
        final long expiryNs = days(45);
        final double strike = 105_000.0;
        final double forward = 98_000.0;
        final double bumpUsd = 1.0;
        final double up = surface.impliedVol(expiryNs, Math.log(strike / (forward + bumpUsd)), NOW_NS);
        final double down = surface.impliedVol(expiryNs, Math.log(strike / (forward - bumpUsd)), NOW_NS);
        final double dVolDk = surface.dVolDk(expiryNs, Math.log(strike / forward), NOW_NS);

        assertThat(-dVolDk / forward).isCloseTo((up - down) / (2 * bumpUsd), within(1e-11));
    }

    @Test
    void shouldHaveNoAnswerAtOrAfterExpiry()
    {
        assertThat(surface.evaluate(NOW_NS, 0.0, NOW_NS, point)).isFalse();
        assertThat(point.impliedVol).isNaN();
        assertThat(surface.impliedVol(NOW_NS - 1, 0.0, NOW_NS)).isNaN();
    }

    @Test
    void shouldHaveNoAnswerOnAnEmptyOrFullyExpiredSurface()
    {
        assertThat(new VolSurface().evaluate(EXPIRY_NS[0], 0.0, NOW_NS, point)).isFalse();
        assertThat(point.totalVariance).isNaN();
        assertThat(surface.evaluate(days(400), 0.0, days(200), point)).isFalse();
    }
}
