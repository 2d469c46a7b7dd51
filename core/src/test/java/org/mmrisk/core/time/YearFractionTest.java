package org.mmrisk.core.time;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class YearFractionTest
{
    @Test
    void shouldCountOneYearAs365AndAQuarterDays()
    {
        final long nowNs = 1_735_689_600_000_000_000L;
        final long inAYearNs = nowNs + (long)(365.25 * YearFraction.NANOS_PER_DAY);

        assertThat(YearFraction.years(nowNs, inAYearNs)).isEqualTo(1.0);
        assertThat(YearFraction.NANOS_PER_YEAR).isEqualTo(365.25 * 86_400.0 * 1e9);
    }

    @Test
    void shouldBeNegativeBeforeAndZeroAtTheStart()
    {
        final long nowNs = 1_735_689_600_000_000_000L;

        assertThat(YearFraction.years(nowNs, nowNs)).isZero();
        assertThat(YearFraction.years(nowNs, nowNs - YearFraction.NANOS_PER_DAY))
            .isCloseTo(-1.0 / 365.25, within(1e-15));
    }
}
