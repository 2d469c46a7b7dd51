package org.mmrisk.core.pricing;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NormalTest
{
    private static final BigDecimal SQRT2 = BigDecimal.valueOf(2).sqrt(HighPrecision.MC);

    @Test
    void shouldMatchHighPrecisionCdfInBothTails()
    {
        double worst = 0.0;
        for (double z = -38.3; z < 8.2; z += 0.0173)
        {
            final double expected = HighPrecision.cdf(HighPrecision.of(z)).doubleValue();
            final double relative = Math.abs(Normal.cdf(z) / expected - 1.0);
            worst = Math.max(worst, relative);
        }
        System.out.printf("Normal.cdf worst relative error %.3e%n", worst);
        assertThat(worst).isLessThan(2e-15);
    }

    @Test
    void shouldMatchHighPrecisionScaledComplementaryErrorFunction()
    {
        double worst = 0.0;
        for (double u = -5.0; u < 60.0; u += 0.0191)
        {
            // erfcx(u) = exp(u²)·2·Φ(−u√2)
            final BigDecimal bigU = HighPrecision.of(u);
            final BigDecimal expected = HighPrecision.exp(bigU.multiply(bigU, HighPrecision.MC))
                .multiply(HighPrecision.cdf(bigU.multiply(SQRT2, HighPrecision.MC).negate()), HighPrecision.MC)
                .multiply(BigDecimal.valueOf(2), HighPrecision.MC);
            final double relative = Math.abs(ErrorFunction.erfcx(u) / expected.doubleValue() - 1.0);
            worst = Math.max(worst, relative);
        }
        System.out.printf("erfcx worst relative error %.3e%n", worst);
        assertThat(worst).isLessThan(2e-15);
    }

    @Test
    void shouldMatchHighPrecisionErfAndErfc()
    {
        double worstErfc = 0.0;
        double worstErf = 0.0;
        for (double u = -6.0; u < 26.0; u += 0.0237)
        {
            // erfc(u) = 2·Φ(−u√2)
            final BigDecimal erfc = HighPrecision.cdf(HighPrecision.of(u).multiply(SQRT2, HighPrecision.MC).negate())
                .multiply(BigDecimal.valueOf(2), HighPrecision.MC);
            final BigDecimal erf = BigDecimal.ONE.subtract(erfc, HighPrecision.MC);
            worstErfc = Math.max(worstErfc, Math.abs(ErrorFunction.erfc(u) / erfc.doubleValue() - 1.0));
            if (erf.signum() != 0)
            {
                worstErf = Math.max(worstErf, Math.abs(ErrorFunction.erf(u) / erf.doubleValue() - 1.0));
            }
        }
        System.out.printf("erfc worst relative error %.3e, erf %.3e%n", worstErfc, worstErf);
        assertThat(worstErfc).isLessThan(2e-15);
        assertThat(worstErf).isLessThan(2e-15);
    }

    @Test
    void shouldInvertCdfToDoublePrecision()
    {
        double worstLower = 0.0;
        for (double z = -37.0; z < 0.0; z += 0.0113)
        {
            final double back = Normal.inverseCdf(Normal.cdf(z));
            worstLower = Math.max(worstLower, Math.abs(back - z) / Math.max(1.0, Math.abs(z)));
        }
        double worstUpperUlps = 0.0;
        for (double z = 0.0; z < 8.0; z += 0.0113)
        {
            // near 1 the probability itself is coarse: ask that Φ(Φ⁻¹(p)) gives p back to a few ulps
            final double p = Normal.cdf(z);
            worstUpperUlps = Math.max(worstUpperUlps, Math.abs(Normal.cdf(Normal.inverseCdf(p)) - p) / Math.ulp(p));
        }
        System.out.printf("inverseCdf worst lower error %.3e, upper %.1f ulps%n", worstLower, worstUpperUlps);
        assertThat(worstLower).isLessThan(1e-15);
        assertThat(worstUpperUlps).isLessThanOrEqualTo(2.0);
    }
}
