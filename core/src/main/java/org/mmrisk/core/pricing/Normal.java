package org.mmrisk.core.pricing;

/**
 * The standard normal distribution. Stateless.
 */
public final class Normal
{
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private Normal()
    {
    }

    public static double pdf(final double x)
    {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /**
     * Cumulative distribution, Hart's double-precision rational approximation (absolute error about 1e-15).
     */
    public static double cdf(final double x)
    {
        final double z = Math.abs(x);
        double c;
        if (z > 37.0)
        {
            c = 0.0;
        }
        else
        {
            final double e = Math.exp(-z * z / 2.0);
            if (z < 7.07106781186547)
            {
                double n = 3.52624965998911e-02 * z + 0.700383064443688;
                n = n * z + 6.37396220353165;
                n = n * z + 33.912866078383;
                n = n * z + 112.079291497871;
                n = n * z + 221.213596169931;
                n = n * z + 220.206867912376;
                double d = 8.83883476483184e-02 * z + 1.75566716318264;
                d = d * z + 16.064177579207;
                d = d * z + 86.7807322029461;
                d = d * z + 296.564248779674;
                d = d * z + 637.333633378831;
                d = d * z + 793.826512519948;
                d = d * z + 440.413735824752;
                c = e * n / d;
            }
            else
            {
                double f = z + 0.65;
                f = z + 4.0 / f;
                f = z + 3.0 / f;
                f = z + 2.0 / f;
                f = z + 1.0 / f;
                c = e / f / 2.506628274631;
            }
        }
        return x <= 0 ? c : 1.0 - c;
    }
}
