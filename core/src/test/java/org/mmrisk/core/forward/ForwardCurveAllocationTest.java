package org.mmrisk.core.forward;


import org.junit.jupiter.api.Test;
import org.mmrisk.core.testing.AllocationProbe;
import org.mmrisk.core.time.YearFraction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steady-state updates and queries allocate nothing.
 */
class ForwardCurveAllocationTest
{
    private static final long NOW_NS = 1_735_689_600_000_000_000L;
    private static final int ITERATIONS = 2_000;

    private final ForwardCurve curve = new ForwardCurve(8, 0.05);
    private double sink;

    @Test
    void shouldNotAllocateOnUpdatesOrQueries()
    {
        final long allocated = AllocationProbe.leastAllocatedBytes(this::runSteadyState, 5, 5);

        assertThat(allocated).isZero();
        assertThat(sink).isPositive();
    }

    private void runSteadyState()
    {
        for (int i = 0; i < ITERATIONS; i++)
        {
            final double indexUsd = 95_000.0 + i % 100;
            curve.setFuture(days(87), 96_800.0 + i % 7, NOW_NS);
            curve.setFuture(days(178), 99_100.0 - i % 5, NOW_NS);
            curve.removeFuture(days(30));
            curve.setFuture(days(30), 95_900.0, NOW_NS);
            for (int day = 1; day < 400; day += 37)
            {
                sink += curve.forward(days(day), NOW_NS, indexUsd);
            }
        }
    }

    private static long days(final double days)
    {
        return NOW_NS + (long)(days * YearFraction.NANOS_PER_DAY);
    }
}
