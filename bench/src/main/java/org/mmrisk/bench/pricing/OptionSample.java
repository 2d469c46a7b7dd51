package org.mmrisk.bench.pricing;

import org.mmrisk.core.pricing.Black76;

/**
 * A fixed, deterministic book of options over a crypto desk's working range (strikes 0.6F–1.6F, one day to one
 * year, vol 25%–150%, calls and puts), in arrays so that a benchmark walks different inputs each call and the JIT
 * cannot fold a constant one. Options whose time value is below {@link #MIN_TIME_VALUE_RATIO} of the forward (below
 * any venue's tick) are drawn again, so that every implied volatility is a real solve for both libraries.
 */
final class OptionSample
{
    static final double FORWARD = 65_000.0;
    static final double RATE = 0.03;
    static final double MIN_TIME_VALUE_RATIO = 1e-5;

    final int size;
    final boolean[] isCall;
    final double[] strike;
    final double[] years;
    final double[] vol;
    final double[] price;
    final double[] undiscountedPrice;

    OptionSample(final int size)
    {
        this.size = size;
        isCall = new boolean[size];
        strike = new double[size];
        years = new double[size];
        vol = new double[size];
        price = new double[size];
        undiscountedPrice = new double[size];
        long seed = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < size; )
        {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            final double u1 = (seed >>> 11) * 0x1.0p-53;
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            final double u2 = (seed >>> 11) * 0x1.0p-53;
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            final double u3 = (seed >>> 11) * 0x1.0p-53;
            isCall[i] = (i & 1) == 0;
            strike[i] = FORWARD * 0.6 * Math.pow(1.6 / 0.6, u1);
            years[i] = (1.0 / 365.25) * Math.pow(365.25, u2);
            vol[i] = 0.25 + 1.25 * u3;
            price[i] = Black76.price(isCall[i], FORWARD, strike[i], years[i], vol[i], RATE);
            undiscountedPrice[i] = price[i] / Math.exp(-RATE * years[i]);
            final double timeValue = undiscountedPrice[i] - Black76.intrinsic(isCall[i], FORWARD, strike[i]);
            if (timeValue >= MIN_TIME_VALUE_RATIO * FORWARD)
            {
                i++;
            }
        }
    }
}
