package org.mmrisk.core.pricing;

/**
 * The test grid shared by the oracle tests: strikes 0.2F–5F, 1 hour to 3 years, vol 5%–300%, calls and puts,
 * three forwards and two rates. 31 × 12 × 14 × 2 = 10,416 points, visited in a fixed order.
 */
final class PricingGrid
{
    static final int STRIKES = 31;
    static final int TENORS = 12;
    static final int VOLS = 14;
    static final double ONE_HOUR_YEARS = 1.0 / (Black76.DAYS_PER_YEAR * 24.0);
    private static final double[] FORWARDS = {65_000.0, 3_400.0, 1.0};
    private static final double[] RATES = {0.0, 0.05};

    /**
     * Receives one grid point.
     */
    @FunctionalInterface
    interface PointConsumer
    {
        void accept(boolean isCall, double forward, double strike, double years, double vol, double rate);
    }

    private PricingGrid()
    {
    }

    static int size()
    {
        return STRIKES * TENORS * VOLS * 2;
    }

    static void forEach(final PointConsumer consumer)
    {
        int index = 0;
        for (int k = 0; k < STRIKES; k++)
        {
            final double moneyness = geometric(0.2, 5.0, k, STRIKES);
            for (int j = 0; j < TENORS; j++)
            {
                final double years = geometric(ONE_HOUR_YEARS, 3.0, j, TENORS);
                for (int v = 0; v < VOLS; v++)
                {
                    final double vol = geometric(0.05, 3.0, v, VOLS);
                    for (int c = 0; c < 2; c++)
                    {
                        final double forward = FORWARDS[index % FORWARDS.length];
                        final double rate = RATES[(index / FORWARDS.length) % RATES.length];
                        consumer.accept(c == 0, forward, forward * moneyness, years, vol, rate);
                        index++;
                    }
                }
            }
        }
    }

    private static double geometric(final double from, final double to, final int i, final int count)
    {
        return from * Math.pow(to / from, (double)i / (count - 1));
    }
}
