package org.mmrisk.core.pricing;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pricing calls allocate nothing, even before the JIT could remove an allocation: measured with the thread's
 * allocation counter around 100,000 calls of each.
 */
class PricingAllocationTest
{
    private final OptionGreeks greeks = new OptionGreeks();
    private final InverseOptionGreeks inverse = new InverseOptionGreeks();
    private final ImpliedVolResult result = new ImpliedVolResult();
    private double sink;

    @Test
    void shouldNotAllocateOnThePricingCalls()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();
        run(1_000);
        final long before = threads.getThreadAllocatedBytes(threadId);
        run(100_000);
        final long after = threads.getThreadAllocatedBytes(threadId);
        assertThat(after - before).isZero();
        assertThat(sink).isFinite();
    }

    private void run(final int count)
    {
        for (int i = 0; i < count; i++)
        {
            final double strike = 40_000.0 + (i % 97) * 500.0;
            final double years = 1e-4 + (i % 31) * 0.05;
            final boolean isCall = (i & 1) == 0;
            Black76.greeks(isCall, 65_000.0, strike, years, 0.6, 0.03, greeks);
            InverseOptions.greeks(isCall, 65_000.0, strike, years, 0.6, inverse);
            final double price = Black76.price(isCall, 65_000.0, strike, years, 0.6, 0.03);
            ImpliedVol.solve(price, 65_000.0, strike, years, isCall, 0.03, result);
            sink += greeks.vega + inverse.premiumAdjustedDelta + (result.isOk() ? result.vol : 0.0);
        }
    }
}
