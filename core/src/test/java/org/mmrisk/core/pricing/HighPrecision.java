package org.mmrisk.core.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A slow, independent reference in 80-digit decimal arithmetic: exp, ln, Φ and the Black-76 price and Greeks,
 * evaluated from the exact values of the double inputs. Used where double-precision references (Strata
 * included) lose relative precision: the far wings.
 */
final class HighPrecision
{
    static final MathContext MC = new MathContext(80, RoundingMode.HALF_EVEN);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal TINY = new BigDecimal("1e-85");
    private static final BigDecimal PI = machinPi();
    private static final BigDecimal SQRT_2PI = PI.multiply(TWO, MC).sqrt(MC);
    private static final int CONTINUED_FRACTION_DEPTH = 220;

    private HighPrecision()
    {
    }

    /**
     * π = 16·atan(1/5) − 4·atan(1/239) (Machin), so that no constant here is typed in by hand.
     */
    private static BigDecimal machinPi()
    {
        return arctanOfInverse(5).multiply(BigDecimal.valueOf(16), MC)
            .subtract(arctanOfInverse(239).multiply(BigDecimal.valueOf(4), MC), MC);
    }

    private static BigDecimal arctanOfInverse(final int n)
    {
        final BigDecimal x = BigDecimal.ONE.divide(BigDecimal.valueOf(n), MC);
        final BigDecimal x2 = x.multiply(x, MC);
        BigDecimal power = x;
        BigDecimal sum = x;
        for (int k = 1; k < 400; k++)
        {
            power = power.multiply(x2, MC).negate();
            final BigDecimal term = power.divide(BigDecimal.valueOf(2L * k + 1), MC);
            sum = sum.add(term, MC);
            if (term.abs().compareTo(TINY) < 0)
            {
                break;
            }
        }
        return sum;
    }

    static BigDecimal of(final double value)
    {
        return new BigDecimal(value);
    }

    static BigDecimal exp(final BigDecimal x)
    {
        if (x.signum() == 0)
        {
            return BigDecimal.ONE;
        }
        // exp(x) = exp(x/2^k)^(2^k) with |x/2^k| < 2^-10: a short Taylor series, then k squarings.
        final int k = Math.max(0, (int)Math.ceil(Math.log(Math.abs(x.doubleValue())) / Math.log(2)) + 10);
        final BigDecimal y = x.divide(TWO.pow(k), MC);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int n = 1; n < 200; n++)
        {
            term = term.multiply(y, MC).divide(BigDecimal.valueOf(n), MC);
            sum = sum.add(term, MC);
            if (term.abs().compareTo(TINY) < 0)
            {
                break;
            }
        }
        for (int i = 0; i < k; i++)
        {
            sum = sum.multiply(sum, MC);
        }
        return sum;
    }

    static BigDecimal log(final BigDecimal x)
    {
        // Halley on exp(z) = x from the double logarithm: three steps take 1e-16 far past 80 digits.
        BigDecimal z = new BigDecimal(Math.log(x.doubleValue()));
        for (int i = 0; i < 3; i++)
        {
            final BigDecimal e = exp(z);
            z = z.add(TWO.multiply(x.subtract(e, MC), MC).divide(x.add(e, MC), MC), MC);
        }
        return z;
    }

    static BigDecimal pdf(final BigDecimal z)
    {
        return exp(z.multiply(z, MC).multiply(HALF, MC).negate()).divide(SQRT_2PI, MC);
    }

    static BigDecimal cdf(final BigDecimal z)
    {
        if (z.signum() > 0)
        {
            return BigDecimal.ONE.subtract(cdf(z.negate()), MC);
        }
        if (z.doubleValue() >= -5.0)
        {
            return seriesCdf(z);
        }
        return continuedFractionCdf(z);
    }

    /**
     * Φ(z) = ½ + φ(z)·Σ z^{2n+1}/(2n+1)!!: all terms of one sign, at most 7 digits lost at z = −5.
     */
    private static BigDecimal seriesCdf(final BigDecimal z)
    {
        final BigDecimal z2 = z.multiply(z, MC);
        BigDecimal term = z;
        BigDecimal sum = z;
        for (int n = 1; n < 2000; n++)
        {
            term = term.multiply(z2, MC).divide(BigDecimal.valueOf(2L * n + 1), MC);
            sum = sum.add(term, MC);
            if (term.abs().compareTo(TINY) < 0)
            {
                break;
            }
        }
        return HALF.add(pdf(z).multiply(sum, MC), MC);
    }

    /**
     * Φ(−a) = φ(a)/(a + 1/(a + 2/(a + 3/(a + …)))): 220 levels give better than 1e-60 for a &ge; 5.
     */
    private static BigDecimal continuedFractionCdf(final BigDecimal z)
    {
        final BigDecimal a = z.negate();
        BigDecimal tail = BigDecimal.ZERO;
        for (int k = CONTINUED_FRACTION_DEPTH; k >= 1; k--)
        {
            tail = BigDecimal.valueOf(k).divide(a.add(tail, MC), MC);
        }
        return pdf(z).divide(a.add(tail, MC), MC);
    }

    /**
     * The Black-76 price and Greeks in the units of {@link OptionGreeks} (r as given, forward fixed).
     */
    static final class Black
    {
        final BigDecimal price;
        final BigDecimal delta;
        final BigDecimal gamma;
        final BigDecimal vega;
        final BigDecimal theta;
        final BigDecimal vanna;
        final BigDecimal volga;
        final BigDecimal d1;

        Black(
            final boolean isCall, final double forwardValue, final double strikeValue, final double yearsValue,
            final double volValue, final double rateValue)
        {
            final BigDecimal forward = of(forwardValue);
            final BigDecimal strike = of(strikeValue);
            final BigDecimal years = of(yearsValue);
            final BigDecimal vol = of(volValue);
            final BigDecimal rate = of(rateValue);
            final BigDecimal sqrtT = years.sqrt(MC);
            final BigDecimal stdDev = vol.multiply(sqrtT, MC);
            final BigDecimal x = log(forward.divide(strike, MC));
            d1 = x.divide(stdDev, MC).add(stdDev.multiply(HALF, MC), MC);
            final BigDecimal d2 = d1.subtract(stdDev, MC);
            final BigDecimal discount = exp(rate.multiply(years, MC).negate());
            final BigDecimal n1 = pdf(d1);
            final BigDecimal undiscounted = isCall ?
                forward.multiply(cdf(d1), MC).subtract(strike.multiply(cdf(d2), MC), MC) :
                strike.multiply(cdf(d2.negate()), MC).subtract(forward.multiply(cdf(d1.negate()), MC), MC);
            price = discount.multiply(undiscounted, MC);
            delta = discount.multiply(isCall ? cdf(d1) : cdf(d1.negate()).negate(), MC);
            gamma = discount.multiply(n1, MC).divide(forward.multiply(stdDev, MC), MC);
            final BigDecimal vegaPerUnit = discount.multiply(forward, MC).multiply(n1, MC).multiply(sqrtT, MC);
            vega = vegaPerUnit.movePointLeft(2);
            final BigDecimal decay = discount.multiply(forward, MC).multiply(n1, MC).multiply(vol, MC)
                .divide(TWO.multiply(sqrtT, MC), MC);
            theta = rate.multiply(price, MC).subtract(decay, MC).divide(of(Black76.DAYS_PER_YEAR), MC);
            vanna = discount.multiply(n1, MC).multiply(d2, MC).divide(vol, MC).negate().movePointLeft(2);
            volga = vegaPerUnit.multiply(d1, MC).multiply(d2, MC).divide(vol, MC).movePointLeft(4);
        }
    }
}
