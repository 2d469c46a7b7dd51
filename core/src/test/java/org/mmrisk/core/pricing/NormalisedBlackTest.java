package org.mmrisk.core.pricing;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Y(m + t) − Y(m − t), the cancellation-free core of every out-of-the-money price, in each of its regions
 * (asymptotic, Taylor, direct) against the 80-digit reference Y(z) = Φ(z)/φ(z).
 */
class NormalisedBlackTest
{
    @Test
    void shouldComputeMillsDifferenceToNearDoublePrecisionInEveryRegion()
    {
        double worst = 0.0;
        String worstAt = "";
        for (double m = -30.0; m <= 0.0; m += 0.37)
        {
            for (double t = 1e-4; t < 3.0; t *= 1.6)
            {
                if (m + t > NormalisedBlack.DIRECT_LIMIT)
                {
                    continue;
                }
                final BigDecimal bigM = HighPrecision.of(m);
                final BigDecimal bigT = HighPrecision.of(t);
                final double expected = mills(bigM.add(bigT)).subtract(mills(bigM.subtract(bigT)), HighPrecision.MC)
                    .doubleValue();
                final double relative = Math.abs(NormalisedBlack.millsDifference(m, t) / expected - 1.0);
                if (relative > worst)
                {
                    worst = relative;
                    worstAt = "m=" + m + " t=" + t;
                }
            }
        }
        System.out.printf("Mills difference worst relative error %.3e at %s%n", worst, worstAt);
        assertThat(worst).isLessThan(2e-14);
    }

    private static BigDecimal mills(final BigDecimal z)
    {
        return HighPrecision.cdf(z).divide(HighPrecision.pdf(z), HighPrecision.MC);
    }
}
