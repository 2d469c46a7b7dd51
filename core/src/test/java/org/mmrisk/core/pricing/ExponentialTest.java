package org.mmrisk.core.pricing;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExponentialTest
{
    @Test
    void shouldMatchHighPrecisionExpToAboutOneUlp()
    {
        final SplittableRandom random = new SplittableRandom(20261125L);
        double worstUlps = 0.0;
        for (int i = 0; i < 20_000; i++)
        {
            final double y = i % 2 == 0 ? random.nextDouble(-3.0, 3.0) : random.nextDouble(-745.0, 709.7);
            final double ours = Exponential.exp(y);
            final BigDecimal exact = HighPrecision.exp(HighPrecision.of(y));
            final double expected = exact.doubleValue();
            final BigDecimal error = new BigDecimal(ours).subtract(exact);
            worstUlps = Math.max(worstUlps, Math.abs(error.doubleValue()) / Math.ulp(expected));
        }
        System.out.printf("Exponential.exp worst error %.2f ulps%n", worstUlps);
        assertThat(worstUlps).isLessThan(1.5);
    }

    @Test
    void shouldHandToMathExpOutsideTheNormalRange()
    {
        assertThat(Exponential.exp(Double.NaN)).isNaN();
        assertThat(Exponential.exp(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Exponential.exp(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(Exponential.exp(710.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Exponential.exp(-740.0)).isEqualTo(Math.exp(-740.0));
        assertThat(Exponential.exp(0.0)).isEqualTo(1.0);
        assertThat(Exponential.exp(709.0)).isEqualTo(Math.exp(709.0), org.assertj.core.data.Offset.offset(
            2.0 * Math.ulp(Math.exp(709.0))));
    }
}
