package org.mmrisk.core.pricing;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogarithmTest
{
    @Test
    void shouldMatchHighPrecisionLogToAboutOneUlp()
    {
        final SplittableRandom random = new SplittableRandom(20261125L);
        double worstUlps = 0.0;
        for (int i = 0; i < 20_000; i++)
        {
            final double v = i % 2 == 0 ? random.nextDouble(0.5, 2.0) : Math.exp(random.nextDouble(-700.0, 700.0));
            final BigDecimal exact = HighPrecision.log(HighPrecision.of(v));
            final double expected = exact.doubleValue();
            final BigDecimal error = new BigDecimal(Logarithm.log(v)).subtract(exact);
            worstUlps = Math.max(worstUlps, Math.abs(error.doubleValue()) / Math.ulp(expected));
        }
        System.out.printf("Logarithm.log worst error %.2f ulps%n", worstUlps);
        assertThat(worstUlps).isLessThan(1.25);
    }

    @Test
    void shouldBeExactAtPowersOfTwoAndHandToMathLogOutsideTheNormalRange()
    {
        assertThat(Logarithm.log(1.0)).isEqualTo(0.0);
        assertThat(Logarithm.log(2.0)).isEqualTo(Math.log(2.0));
        assertThat(Logarithm.log(0.5)).isEqualTo(Math.log(0.5));
        assertThat(Logarithm.log(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Logarithm.log(-1.0)).isNaN();
        assertThat(Logarithm.log(Double.NaN)).isNaN();
        assertThat(Logarithm.log(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Logarithm.log(Double.MIN_VALUE)).isEqualTo(Math.log(Double.MIN_VALUE));
    }
}
