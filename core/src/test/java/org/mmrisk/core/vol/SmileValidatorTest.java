package org.mmrisk.core.vol;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SmileValidatorTest
{
    private final SmileValidator validator = new SmileValidator();

    @Test
    void shouldAcceptAnArbitrageFreeSmile()
    {
        assertThat(validate(0.02, 0.05, -0.1, 0.0, 0.2)).isEqualTo(SmileRejectReason.NONE);
    }

    @Test
    void shouldAcceptAFlatSmile()
    {
        assertThat(validate(0.04, 0.0, 0.0, 0.0, 0.1)).isEqualTo(SmileRejectReason.NONE);
    }

    @Test
    void shouldRejectNonFiniteParameters()
    {
        assertThat(validate(Double.NaN, 0.05, -0.1, 0.0, 0.2)).isEqualTo(SmileRejectReason.NOT_FINITE);
        assertThat(validate(0.02, Double.POSITIVE_INFINITY, -0.1, 0.0, 0.2)).isEqualTo(SmileRejectReason.NOT_FINITE);
        assertThat(validate(0.02, 0.05, -0.1, Double.NaN, 0.2)).isEqualTo(SmileRejectReason.NOT_FINITE);
    }

    @Test
    void shouldRejectNegativeB()
    {
        assertThat(validate(0.02, -0.01, -0.1, 0.0, 0.2)).isEqualTo(SmileRejectReason.NEGATIVE_B);
    }

    @Test
    void shouldRejectRhoOutOfRange()
    {
        assertThat(validate(0.02, 0.05, 1.0, 0.0, 0.2)).isEqualTo(SmileRejectReason.RHO_OUT_OF_RANGE);
        assertThat(validate(0.02, 0.05, -1.2, 0.0, 0.2)).isEqualTo(SmileRejectReason.RHO_OUT_OF_RANGE);
    }

    @Test
    void shouldRejectNonPositiveSigma()
    {
        assertThat(validate(0.02, 0.05, -0.1, 0.0, 0.0)).isEqualTo(SmileRejectReason.NON_POSITIVE_SIGMA);
        assertThat(validate(0.02, 0.05, -0.1, 0.0, -0.2)).isEqualTo(SmileRejectReason.NON_POSITIVE_SIGMA);
    }

    @Test
    void shouldRejectSlopeSteeperThanLeesBound()
    {
        assertThat(validate(0.02, 1.5, 0.5, 0.0, 0.2)).isEqualTo(SmileRejectReason.SLOPE_TOO_STEEP);
        assertThat(validate(0.02, 1.0, 0.98, 0.0, 0.2)).isNotEqualTo(SmileRejectReason.SLOPE_TOO_STEEP);
    }

    @Test
    void shouldRejectNegativeMinimumVariance()
    {
        assertThat(validate(-0.05, 0.05, 0.0, 0.0, 0.2)).isEqualTo(SmileRejectReason.NEGATIVE_MIN_VARIANCE);
    }

    @Test
    void shouldRejectZeroMinimumVariance()
    {
        // a + bσ√(1 − ρ²) = 0 exactly: zero implied vol at the bottom of the smile
        assertThat(validate(-0.125, 0.5, 0.0, 0.0, 0.25)).isEqualTo(SmileRejectReason.NEGATIVE_MIN_VARIANCE);
    }

    @Test
    void shouldRejectNegativeDensity()
    {
        assertThat(validator.validate(TestSmiles.vogt())).isEqualTo(SmileRejectReason.NEGATIVE_DENSITY);
    }

    @Test
    void shouldCheckDensityOnlyInsideTheConfiguredRange()
    {
        // Vogt's density is negative for k in about (0.64, 1.26) only; stdDevs 0 fixes the range at [kMin, kMax]
        assertThat(new SmileValidator(-1.5, 0.6, 0.0, 64).validate(TestSmiles.vogt()))
            .isEqualTo(SmileRejectReason.NONE);
        assertThat(new SmileValidator(-1.5, 0.8, 0.0, 64).validate(TestSmiles.vogt()))
            .isEqualTo(SmileRejectReason.NEGATIVE_DENSITY);
        // 8·√w(0) = 1.06 reaches into the negative region when the floor stops at 0.6
        assertThat(new SmileValidator(-1.5, 0.6, 8.0, 64).validate(TestSmiles.vogt()))
            .isEqualTo(SmileRejectReason.NEGATIVE_DENSITY);
    }

    @Test
    void shouldRejectCalendarArbitrage()
    {
        final SviSmile earlier = new SviSmile().set(0.02, 0.05, -0.1, 0.0, 0.2);
        final SviSmile lowerEverywhere = new SviSmile().set(0.01, 0.05, -0.1, 0.0, 0.2);
        final SviSmile crossingInTheWing = new SviSmile().set(0.03, 0.03, -0.1, 0.0, 0.2);

        assertThat(validator.checkCalendar(earlier, lowerEverywhere)).isEqualTo(SmileRejectReason.CALENDAR_ARBITRAGE);
        assertThat(validator.checkCalendar(earlier, crossingInTheWing))
            .isEqualTo(SmileRejectReason.CALENDAR_ARBITRAGE);
        assertThat(validator.checkCalendar(lowerEverywhere, earlier)).isEqualTo(SmileRejectReason.NONE);
        assertThat(validator.checkCalendar(earlier, new SviSmile().copyFrom(earlier)))
            .isEqualTo(SmileRejectReason.NONE);
    }

    @Test
    void shouldBuildTheConfiguredGrid()
    {
        assertThat(validator.kMin()).isEqualTo(SmileValidator.DEFAULT_K_MIN);
        assertThat(validator.kMax()).isEqualTo(SmileValidator.DEFAULT_K_MAX);
        assertThat(validator.stdDevs()).isEqualTo(SmileValidator.DEFAULT_STD_DEVS);
        assertThat(validator.gridPoints()).isEqualTo(SmileValidator.DEFAULT_GRID_POINTS);
    }

    @Test
    void shouldWidenTheRangeWithTheSmilesStandardDeviation()
    {
        // a 1-week 50% smile stays on the floor; a 1-year 60% smile reaches 8 × 0.6 = 4.8 either side
        assertThat(validator.lowestK(0.5 * 0.5 * 7.0 / 365.25)).isEqualTo(-1.5);
        assertThat(validator.highestK(0.5 * 0.5 * 7.0 / 365.25)).isEqualTo(1.5);
        assertThat(validator.lowestK(0.36)).isCloseTo(-4.8, within(1e-12));
        assertThat(validator.highestK(0.36)).isCloseTo(4.8, within(1e-12));
        // an asymmetric floor is kept on the side where it is wider
        final SmileValidator asymmetric = new SmileValidator(-3.0, 1.0, 8.0, 161);
        assertThat(asymmetric.lowestK(0.04)).isEqualTo(-3.0);
        assertThat(asymmetric.highestK(0.04)).isCloseTo(1.6, within(1e-12));
    }

    @Test
    void shouldRefuseABadGrid()
    {
        assertThatThrownBy(() -> new SmileValidator(1.0, -1.0, 8.0, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmileValidator(-1.0, 1.0, 8.0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmileValidator(Double.NaN, 1.0, 8.0, 8))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmileValidator(-1.0, 1.0, -1.0, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmileValidator(-1.0, 1.0, Double.POSITIVE_INFINITY, 64))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private SmileRejectReason validate(final double a, final double b, final double rho, final double m,
        final double sigma)
    {
        return validator.validate(new SviSmile().set(a, b, rho, m, sigma));
    }
}
