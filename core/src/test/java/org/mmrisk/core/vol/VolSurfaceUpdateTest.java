package org.mmrisk.core.vol;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.state.StateReader;
import org.mmrisk.core.state.StateWriter;
import org.mmrisk.core.time.YearFraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.mmrisk.core.vol.TestSmiles.A;
import static org.mmrisk.core.vol.TestSmiles.B;
import static org.mmrisk.core.vol.TestSmiles.EXPIRY_NS;
import static org.mmrisk.core.vol.TestSmiles.M;
import static org.mmrisk.core.vol.TestSmiles.NOW_NS;
import static org.mmrisk.core.vol.TestSmiles.RHO;
import static org.mmrisk.core.vol.TestSmiles.SIGMA;
import static org.mmrisk.core.vol.TestSmiles.VOGT;
import static org.mmrisk.core.vol.TestSmiles.days;

class VolSurfaceUpdateTest
{
    private final VolSurface surface = TestSmiles.validSurface();

    @Test
    void shouldHoldAWholeSurfaceInExpiryOrder()
    {
        assertThat(surface.expiryCount()).isEqualTo(EXPIRY_NS.length);
        for (int i = 0; i < EXPIRY_NS.length; i++)
        {
            assertThat(surface.expiryNs(i)).isEqualTo(EXPIRY_NS[i]);
            assertThat(surface.smile(i).a()).isEqualTo(A[i]);
            assertThat(surface.smile(i).b()).isEqualTo(B[i]);
        }
    }

    @Test
    void shouldSortSmilesAddedInAnyOrder()
    {
        final VolSurface fresh = new VolSurface();
        fresh.beginSurface();
        for (final int i : new int[]{ 2, 0, 3, 1 })
        {
            fresh.addSmile(EXPIRY_NS[i], A[i], B[i], RHO[i], M[i], SIGMA[i]);
        }

        assertThat(fresh.commitSurface(NOW_NS)).isEqualTo(SmileRejectReason.NONE);
        assertThat(stateOf(fresh)).isEqualTo(stateOf(surface));
    }

    @Test
    void shouldAcceptAParallelShiftWhole()
    {
        final double[] shifted = A.clone();
        for (int i = 0; i < shifted.length; i++)
        {
            shifted[i] += 0.01;
        }

        assertThat(applyWhole(EXPIRY_NS, shifted, B)).isEqualTo(SmileRejectReason.NONE);
        for (int i = 0; i < shifted.length; i++)
        {
            assertThat(surface.smile(i).a()).isEqualTo(shifted[i]);
        }
    }

    @Test
    void shouldRejectADownShiftThatBreaksOneExpiryWithoutApplyingAnyOfIt()
    {
        final double[] shifted = A.clone();
        for (int i = 0; i < shifted.length; i++)
        {
            shifted[i] -= 0.011;
        }

        // the 7-day smile goes below zero variance, the others would be fine: nothing may change
        assertRejectedWhole(EXPIRY_NS, shifted, B, SmileRejectReason.NEGATIVE_MIN_VARIANCE);
        assertThat(surface.lastRejectExpiryNs()).isEqualTo(EXPIRY_NS[0]);
    }

    @Test
    void shouldRejectAWholeSurfaceWithOneNonFiniteSmile()
    {
        final double[] a = A.clone();
        a[2] = Double.NaN;
        assertRejectedWhole(EXPIRY_NS, a, B, SmileRejectReason.NOT_FINITE);
    }

    @Test
    void shouldRejectAWholeSurfaceWithOneNegativeDensitySmile()
    {
        final VolSurface before = TestSmiles.validSurface();
        surface.beginSurface();
        surface.addSmile(EXPIRY_NS[0], A[0], B[0], RHO[0], M[0], SIGMA[0]);
        surface.addSmile(EXPIRY_NS[1], VOGT[0], VOGT[1], VOGT[2], VOGT[3], VOGT[4]);

        assertThat(surface.commitSurface(NOW_NS)).isEqualTo(SmileRejectReason.NEGATIVE_DENSITY);
        assertThat(stateOf(surface)).isEqualTo(stateOf(before));
        assertThat(surface.lastRejectExpiryNs()).isEqualTo(EXPIRY_NS[1]);
    }

    @Test
    void shouldRejectAWholeSurfaceWithCalendarArbitrage()
    {
        final double[] a = A.clone();
        a[3] = a[2] - 0.01;
        final double[] b = B.clone();
        b[3] = b[2];
        assertRejectedWhole(EXPIRY_NS, a, b, SmileRejectReason.CALENDAR_ARBITRAGE);
        assertThat(surface.lastRejectExpiryNs()).isEqualTo(EXPIRY_NS[3]);
    }

    @Test
    void shouldRejectAWholeSurfaceWithADuplicateExpiry()
    {
        final long[] expiryNs = EXPIRY_NS.clone();
        expiryNs[3] = expiryNs[1];
        assertRejectedWhole(expiryNs, A, B, SmileRejectReason.DUPLICATE_EXPIRY);
    }

    @Test
    void shouldRejectAWholeSurfaceWithAnExpiredSmile()
    {
        final long[] expiryNs = EXPIRY_NS.clone();
        expiryNs[0] = NOW_NS;
        assertRejectedWhole(expiryNs, A, B, SmileRejectReason.EXPIRED);
    }

    @Test
    void shouldRejectAWholeSurfaceLargerThanCapacity()
    {
        final VolSurface small = new VolSurface(3, new SmileValidator());
        assertThat(small.applySurface(3, EXPIRY_NS, A, B, RHO, M, SIGMA, NOW_NS)).isEqualTo(SmileRejectReason.NONE);
        final double[][] before = stateOf(small);

        assertThat(small.applySurface(4, EXPIRY_NS, A, B, RHO, M, SIGMA, NOW_NS))
            .isEqualTo(SmileRejectReason.TOO_MANY_EXPIRIES);
        assertThat(stateOf(small)).isEqualTo(before);
    }

    @Test
    void shouldRejectAnEmptySurface()
    {
        assertRejectedWhole(new long[0], new double[0], new double[0], SmileRejectReason.EMPTY_SURFACE);
        assertThat(surface.lastRejectExpiryNs()).isEqualTo(VolSurface.NO_EXPIRY);
    }

    @Test
    void shouldInsertOneSmileBetweenNeighbours()
    {
        final long expiryNs = days(60);

        assertThat(surface.applySmile(expiryNs, 0.035, 0.065, -0.1, 0.0, 0.2, NOW_NS))
            .isEqualTo(SmileRejectReason.NONE);
        assertThat(surface.expiryCount()).isEqualTo(5);
        assertThat(surface.expiryNs(2)).isEqualTo(expiryNs);
        assertThat(surface.smile(2).a()).isEqualTo(0.035);
        assertThat(surface.expiryNs(3)).isEqualTo(EXPIRY_NS[2]);
    }

    @Test
    void shouldReplaceOneSmile()
    {
        assertThat(surface.applySmile(EXPIRY_NS[1], 0.02, 0.05, -0.2, 0.05, 0.2, NOW_NS))
            .isEqualTo(SmileRejectReason.NONE);
        assertThat(surface.expiryCount()).isEqualTo(EXPIRY_NS.length);
        assertThat(surface.smile(1).rho()).isEqualTo(-0.2);
        assertThat(surface.smile(1).m()).isEqualTo(0.05);
        assertThat(surface.smile(0).a()).isEqualTo(A[0]);
    }

    @Test
    void shouldStartAnEmptySurfaceFromOneSmile()
    {
        final VolSurface fresh = new VolSurface();

        assertThat(fresh.applySmile(EXPIRY_NS[1], A[1], B[1], RHO[1], M[1], SIGMA[1], NOW_NS))
            .isEqualTo(SmileRejectReason.NONE);
        assertThat(fresh.expiryCount()).isEqualTo(1);
    }

    @Test
    void shouldRejectOneSmileForEachParameterReason()
    {
        assertRejectedSmile(EXPIRY_NS[1], Double.NaN, 0.05, -0.1, 0.0, 0.2, SmileRejectReason.NOT_FINITE);
        assertRejectedSmile(EXPIRY_NS[1], 0.02, -0.05, -0.1, 0.0, 0.2, SmileRejectReason.NEGATIVE_B);
        assertRejectedSmile(EXPIRY_NS[1], 0.02, 0.05, -1.0, 0.0, 0.2, SmileRejectReason.RHO_OUT_OF_RANGE);
        assertRejectedSmile(EXPIRY_NS[1], 0.02, 0.05, -0.1, 0.0, 0.0, SmileRejectReason.NON_POSITIVE_SIGMA);
        assertRejectedSmile(EXPIRY_NS[1], 0.02, 1.9, -0.1, 0.0, 0.2, SmileRejectReason.SLOPE_TOO_STEEP);
        assertRejectedSmile(EXPIRY_NS[1], -0.02, 0.05, -0.1, 0.0, 0.2, SmileRejectReason.NEGATIVE_MIN_VARIANCE);
        assertRejectedSmile(
            EXPIRY_NS[1], VOGT[0], VOGT[1], VOGT[2], VOGT[3], VOGT[4], SmileRejectReason.NEGATIVE_DENSITY);
    }

    @Test
    void shouldRejectOneSmileBelowItsEarlierNeighbour()
    {
        assertRejectedSmile(EXPIRY_NS[2], A[1] - 0.001, B[1], RHO[1], M[1], SIGMA[1],
            SmileRejectReason.CALENDAR_ARBITRAGE);
    }

    @Test
    void shouldRejectOneSmileAboveItsLaterNeighbour()
    {
        assertRejectedSmile(EXPIRY_NS[1], A[2] + 0.001, B[2], RHO[2], M[2], SIGMA[2],
            SmileRejectReason.CALENDAR_ARBITRAGE);
        assertRejectedSmile(days(120), A[3] + 0.001, B[3], RHO[3], M[3], SIGMA[3],
            SmileRejectReason.CALENDAR_ARBITRAGE);
    }

    @Test
    void shouldCheckANewSmileAgainstItsNeighboursAsTheyStandNow()
    {
        // five days after the fit the 90-day smile, vols held, has 85/90 of its fitted total variance: a 30-day
        // smile at 97% of the 90-day one's fitted variance is above it now, which would let one sell the 90-day
        // and buy the 30-day for a riskless gain
        final long laterNs = days(5);
        final double scale = 0.97;

        assertThat(surface.applySmile(EXPIRY_NS[1], A[2] * scale, B[2] * scale, RHO[2], M[2], SIGMA[2], laterNs))
            .isEqualTo(SmileRejectReason.CALENDAR_ARBITRAGE);
        assertThat(surface.applySmile(EXPIRY_NS[1], A[2] * 0.9, B[2] * 0.9, RHO[2], M[2], SIGMA[2], laterNs))
            .as("below the held 90-day variance and above the held 7-day one").isEqualTo(SmileRejectReason.NONE);
    }

    @Test
    void shouldLeaveTheOtherSmilesReadingAsBeforeWhenOneIsRefitted()
    {
        // a re-fit of the 30-day smile ten days on leaves the 90-day one at the vols of its own, earlier fit
        final long laterNs = days(10);
        final double ninetyDayVolBefore = surface.impliedVol(EXPIRY_NS[2], 0.1, laterNs);

        assertThat(surface.applySmile(EXPIRY_NS[1], A[1] * 0.6, B[1] * 0.6, RHO[1], M[1], SIGMA[1], laterNs))
            .isEqualTo(SmileRejectReason.NONE);
        assertThat(surface.impliedVol(EXPIRY_NS[2], 0.1, laterNs)).isCloseTo(ninetyDayVolBefore, within(1e-15));
        assertThat(surface.impliedVol(EXPIRY_NS[2], 0.1, days(40)))
            .isCloseTo(TestSmiles.smile(2).impliedVol(0.1, YearFraction.years(NOW_NS, EXPIRY_NS[2])), within(1e-15));
        assertThat(surface.totalVariance(EXPIRY_NS[1], 0.1, laterNs))
            .as("the new smile is the 30-day total variance at its own fit")
            .isEqualTo(new SviSmile().set(A[1] * 0.6, B[1] * 0.6, RHO[1], M[1], SIGMA[1]).totalVariance(0.1));
    }

    @Test
    void shouldRestoreEachSmilesFitTimeFromACheckpoint()
    {
        final long laterNs = days(10);
        assertThat(surface.applySmile(EXPIRY_NS[1], A[1] * 0.6, B[1] * 0.6, RHO[1], M[1], SIGMA[1], laterNs))
            .isEqualTo(SmileRejectReason.NONE);
        final StateWriter writer = new StateWriter(1024);
        surface.exchangeState(writer);
        final VolSurface restored = new VolSurface();

        restored.exchangeState(new StateReader(writer.buffer(), 0, writer.length()));

        final long queryNs = days(20);
        for (final long expiryNs : new long[]{ EXPIRY_NS[1], days(60), EXPIRY_NS[2], days(300) })
        {
            assertThat(restored.impliedVol(expiryNs, -0.3, queryNs)).isEqualTo(surface.impliedVol(expiryNs, -0.3, queryNs));
        }
    }

    @Test
    void shouldRejectAnExpiredSmile()
    {
        assertRejectedSmile(NOW_NS, A[0], B[0], RHO[0], M[0], SIGMA[0], SmileRejectReason.EXPIRED);
        assertRejectedSmile(NOW_NS - 1, A[0], B[0], RHO[0], M[0], SIGMA[0], SmileRejectReason.EXPIRED);
    }

    @Test
    void shouldRejectOneSmileTooMany()
    {
        final VolSurface small = new VolSurface(2, new SmileValidator());
        assertThat(small.applySurface(2, EXPIRY_NS, A, B, RHO, M, SIGMA, NOW_NS)).isEqualTo(SmileRejectReason.NONE);
        final double[][] before = stateOf(small);

        assertThat(small.applySmile(EXPIRY_NS[2], A[2], B[2], RHO[2], M[2], SIGMA[2], NOW_NS))
            .isEqualTo(SmileRejectReason.TOO_MANY_EXPIRIES);
        assertThat(stateOf(small)).isEqualTo(before);
        assertThat(small.applySmile(EXPIRY_NS[1], A[1], B[1], RHO[1], M[1], SIGMA[1], NOW_NS))
            .as("replacing needs no room").isEqualTo(SmileRejectReason.NONE);
    }

    @Test
    void shouldDropExpiredSmilesOnTheNextUpdate()
    {
        final long laterNs = EXPIRY_NS[0];
        final VolSurface small = new VolSurface(4, new SmileValidator());
        assertThat(small.applySurface(4, EXPIRY_NS, A, B, RHO, M, SIGMA, NOW_NS)).isEqualTo(SmileRejectReason.NONE);

        // full, but the 7-day expiry has passed: its room is reused
        assertThat(small.applySmile(days(365), 0.2, 0.12, -0.1, 0.0, 0.2, laterNs)).isEqualTo(SmileRejectReason.NONE);
        assertThat(small.expiryCount()).isEqualTo(4);
        assertThat(small.expiryNs(0)).isEqualTo(EXPIRY_NS[1]);
        assertThat(small.expiryNs(3)).isEqualTo(days(365));
    }

    @Test
    void shouldRefuseSurfaceCallsOutOfOrder()
    {
        final VolSurface fresh = new VolSurface();

        assertThatThrownBy(() -> fresh.addSmile(EXPIRY_NS[0], A[0], B[0], RHO[0], M[0], SIGMA[0]))
            .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fresh.commitSurface(NOW_NS)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldClear()
    {
        surface.clear();

        assertThat(surface.expiryCount()).isZero();
        assertThat(surface.impliedVol(EXPIRY_NS[0], 0.0, NOW_NS)).isNaN();
    }

    private SmileRejectReason applyWhole(final long[] expiryNs, final double[] a, final double[] b)
    {
        return surface.applySurface(expiryNs.length, expiryNs, a, b, RHO, M, SIGMA, NOW_NS);
    }

    private void assertRejectedWhole(
        final long[] expiryNs, final double[] a, final double[] b, final SmileRejectReason expected)
    {
        final double[][] before = stateOf(surface);

        assertThat(applyWhole(expiryNs, a, b)).isEqualTo(expected);
        assertThat(stateOf(surface)).isEqualTo(before);
    }

    private void assertRejectedSmile(
        final long expiryNs, final double a, final double b, final double rho, final double m, final double sigma,
        final SmileRejectReason expected)
    {
        final double[][] before = stateOf(surface);

        assertThat(surface.applySmile(expiryNs, a, b, rho, m, sigma, NOW_NS)).isEqualTo(expected);
        assertThat(stateOf(surface)).isEqualTo(before);
        assertThat(surface.lastRejectExpiryNs()).isEqualTo(expiryNs);
    }

    /**
     * Everything the surface holds, expiry and parameters per row, for before/after comparison.
     */
    static double[][] stateOf(final VolSurface surface)
    {
        final double[][] state = new double[surface.expiryCount()][];
        for (int i = 0; i < state.length; i++)
        {
            final SviSmile smile = surface.smile(i);
            state[i] = new double[]{
                surface.expiryNs(i), smile.a(), smile.b(), smile.rho(), smile.m(), smile.sigma() };
        }
        return state;
    }
}
