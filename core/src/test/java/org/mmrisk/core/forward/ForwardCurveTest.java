package org.mmrisk.core.forward;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.time.YearFraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ForwardCurveTest
{
    /** 2025-01-01T00:00:00Z. */
    private static final long NOW_NS = 1_735_689_600_000_000_000L;
    private static final double INDEX_USD = 95_000.0;
    private static final long MARCH_NS = days(87);
    private static final long JUNE_NS = days(178);
    private static final double MARCH_USD = 96_800.0;
    private static final double JUNE_USD = 99_100.0;

    private final ForwardCurve curve = new ForwardCurve(ForwardCurve.DEFAULT_CAPACITY, 0.05);

    @Test
    void shouldBeExactAtFuturesExpiries()
    {
        setFutures();

        assertThat(curve.forward(MARCH_NS, NOW_NS, INDEX_USD)).isEqualTo(MARCH_USD);
        assertThat(curve.forward(JUNE_NS, NOW_NS, INDEX_USD)).isEqualTo(JUNE_USD);
        assertThat(curve.source(MARCH_NS, NOW_NS, INDEX_USD)).isEqualTo(ForwardSource.FUTURE);
    }

    @Test
    void shouldInterpolateTheAnnualisedBasisLinearlyInTime()
    {
        setFutures();
        final double marchYears = YearFraction.years(NOW_NS, MARCH_NS);
        final double juneYears = YearFraction.years(NOW_NS, JUNE_NS);
        final double marchBasis = Math.log(MARCH_USD / INDEX_USD) / marchYears;
        final double juneBasis = Math.log(JUNE_USD / INDEX_USD) / juneYears;

        for (int day = 88; day < 178; day += 10)
        {
            final long expiryNs = days(day);
            final double years = YearFraction.years(NOW_NS, expiryNs);
            final double basis = marchBasis + (juneBasis - marchBasis) * (years - marchYears) / (juneYears - marchYears);
            final double forward = curve.forward(expiryNs, NOW_NS, INDEX_USD);

            assertThat(forward).isCloseTo(INDEX_USD * Math.exp(basis * years), within(1e-8));
            assertThat(forward).isBetween(MARCH_USD, JUNE_USD);
            assertThat(curve.source(expiryNs, NOW_NS, INDEX_USD)).isEqualTo(ForwardSource.INTERPOLATED);
        }
    }

    @Test
    void shouldMeetTheFuturesAtBothEndsOfAnInterpolation()
    {
        setFutures();

        assertThat(curve.forward(MARCH_NS + 1, NOW_NS, INDEX_USD)).isCloseTo(MARCH_USD, within(1e-6));
        assertThat(curve.forward(JUNE_NS - 1, NOW_NS, INDEX_USD)).isCloseTo(JUNE_USD, within(1e-6));
    }

    @Test
    void shouldFallBackToTheIndexWithTheConfiguredBasisOutsideTheFutures()
    {
        setFutures();
        final long weeklyNs = days(7);
        final long decemberNs = days(360);

        assertThat(curve.forward(weeklyNs, NOW_NS, INDEX_USD))
            .isCloseTo(INDEX_USD * Math.exp(0.05 * YearFraction.years(NOW_NS, weeklyNs)), within(1e-8));
        assertThat(curve.forward(decemberNs, NOW_NS, INDEX_USD))
            .isCloseTo(INDEX_USD * Math.exp(0.05 * YearFraction.years(NOW_NS, decemberNs)), within(1e-8));
        assertThat(curve.source(weeklyNs, NOW_NS, INDEX_USD)).isEqualTo(ForwardSource.FALLBACK);
        assertThat(curve.source(decemberNs, NOW_NS, INDEX_USD)).isEqualTo(ForwardSource.FALLBACK);
    }

    @Test
    void shouldFallBackToThePerpetualWhenOneIsSet()
    {
        final double perpetualUsd = 95_040.0;
        final long expiryNs = days(30);
        curve.perpetualUsd(perpetualUsd);

        assertThat(curve.forward(expiryNs, NOW_NS, INDEX_USD))
            .isCloseTo(perpetualUsd * Math.exp(0.05 * YearFraction.years(NOW_NS, expiryNs)), within(1e-8));

        curve.perpetualUsd(Double.NaN);
        assertThat(curve.forward(expiryNs, NOW_NS, INDEX_USD))
            .isCloseTo(INDEX_USD * Math.exp(0.05 * YearFraction.years(NOW_NS, expiryNs)), within(1e-8));
    }

    @Test
    void shouldUseTheConfiguredFallbackBasis()
    {
        final long expiryNs = days(30);
        curve.fallbackBasisPerYear(0.0);

        assertThat(curve.forward(expiryNs, NOW_NS, INDEX_USD)).isEqualTo(INDEX_USD);
        assertThatThrownBy(() -> curve.fallbackBasisPerYear(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSettleOnTheIndexAtExpiry()
    {
        setFutures();

        assertThat(curve.forward(NOW_NS, NOW_NS, INDEX_USD)).isEqualTo(INDEX_USD);
        assertThat(curve.source(NOW_NS, NOW_NS, INDEX_USD)).isEqualTo(ForwardSource.EXPIRED);
    }

    @Test
    void shouldHaveNoForwardWithoutAnIndex()
    {
        setFutures();

        assertThat(curve.forward(days(100), NOW_NS, Double.NaN)).isNaN();
        assertThat(curve.forward(days(100), NOW_NS, 0.0)).isNaN();
        assertThat(curve.source(days(100), NOW_NS, -1.0)).isEqualTo(ForwardSource.NONE);
    }

    @Test
    void shouldUpdateAFutureInPlace()
    {
        setFutures();

        assertThat(curve.setFuture(MARCH_NS, 97_000.0, NOW_NS)).isEqualTo(ForwardRejectReason.NONE);
        assertThat(curve.futureCount()).isEqualTo(2);
        assertThat(curve.forward(MARCH_NS, NOW_NS, INDEX_USD)).isEqualTo(97_000.0);
    }

    @Test
    void shouldRejectBadMidsAndLeaveTheCurveAlone()
    {
        setFutures();

        assertThat(curve.setFuture(MARCH_NS, Double.NaN, NOW_NS)).isEqualTo(ForwardRejectReason.NOT_FINITE);
        assertThat(curve.setFuture(MARCH_NS, 0.0, NOW_NS)).isEqualTo(ForwardRejectReason.NON_POSITIVE_PRICE);
        assertThat(curve.setFuture(NOW_NS, 95_000.0, NOW_NS)).isEqualTo(ForwardRejectReason.EXPIRED);
        assertThat(curve.futureCount()).isEqualTo(2);
        assertThat(curve.forward(MARCH_NS, NOW_NS, INDEX_USD)).isEqualTo(MARCH_USD);
    }

    @Test
    void shouldMakeRoomByDroppingExpiredFutures()
    {
        final ForwardCurve small = new ForwardCurve(2, 0.0);
        assertThat(small.setFuture(days(7), 95_100.0, NOW_NS)).isEqualTo(ForwardRejectReason.NONE);
        assertThat(small.setFuture(MARCH_NS, MARCH_USD, NOW_NS)).isEqualTo(ForwardRejectReason.NONE);

        assertThat(small.setFuture(JUNE_NS, JUNE_USD, NOW_NS)).isEqualTo(ForwardRejectReason.TOO_MANY_EXPIRIES);
        assertThat(small.setFuture(JUNE_NS, JUNE_USD, days(8))).isEqualTo(ForwardRejectReason.NONE);
        assertThat(small.futureCount()).isEqualTo(2);
        assertThat(small.futureExpiryNs(0)).isEqualTo(MARCH_NS);
        assertThat(small.futureMidUsd(1)).isEqualTo(JUNE_USD);
    }

    @Test
    void shouldIgnoreExpiredFuturesInQueries()
    {
        setFutures();
        final long afterMarchNs = MARCH_NS + YearFraction.NANOS_PER_DAY;
        final long expiryNs = days(120);

        // March is gone: nothing brackets a 120-day expiry any more
        assertThat(curve.source(expiryNs, afterMarchNs, INDEX_USD)).isEqualTo(ForwardSource.FALLBACK);
    }

    @Test
    void shouldRemoveAFuture()
    {
        setFutures();

        assertThat(curve.removeFuture(MARCH_NS)).isTrue();
        assertThat(curve.removeFuture(MARCH_NS)).isFalse();
        assertThat(curve.futureCount()).isEqualTo(1);
        assertThat(curve.futureExpiryNs(0)).isEqualTo(JUNE_NS);
    }

    @Test
    void shouldKeepFuturesInExpiryOrder()
    {
        assertThat(curve.setFuture(JUNE_NS, JUNE_USD, NOW_NS)).isEqualTo(ForwardRejectReason.NONE);
        assertThat(curve.setFuture(MARCH_NS, MARCH_USD, NOW_NS)).isEqualTo(ForwardRejectReason.NONE);

        assertThat(curve.futureExpiryNs(0)).isEqualTo(MARCH_NS);
        assertThat(curve.futureExpiryNs(1)).isEqualTo(JUNE_NS);
    }

    private void setFutures()
    {
        assertThat(curve.setFuture(MARCH_NS, MARCH_USD, NOW_NS)).isEqualTo(ForwardRejectReason.NONE);
        assertThat(curve.setFuture(JUNE_NS, JUNE_USD, NOW_NS)).isEqualTo(ForwardRejectReason.NONE);
    }

    private static long days(final double days)
    {
        return NOW_NS + (long)(days * YearFraction.NANOS_PER_DAY);
    }
}
