package org.mmrisk.core.vol;


import org.junit.jupiter.api.Test;
import org.mmrisk.core.testing.AllocationProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmrisk.core.vol.TestSmiles.A;
import static org.mmrisk.core.vol.TestSmiles.B;
import static org.mmrisk.core.vol.TestSmiles.EXPIRY_NS;
import static org.mmrisk.core.vol.TestSmiles.M;
import static org.mmrisk.core.vol.TestSmiles.NOW_NS;
import static org.mmrisk.core.vol.TestSmiles.RHO;
import static org.mmrisk.core.vol.TestSmiles.SIGMA;
import static org.mmrisk.core.vol.TestSmiles.days;

/**
 * Steady-state updates and queries allocate nothing. Behaviour, not speed: the JMH benchmark measures speed.
 */
class VolSurfaceAllocationTest
{
    private static final int ITERATIONS = 2_000;

    private final VolSurface surface = TestSmiles.validSurface();
    private final VolPoint point = new VolPoint();
    private final long[] queryExpiryNs = { days(3), EXPIRY_NS[1], days(45), days(400) };
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
            surface.applySurface(EXPIRY_NS.length, EXPIRY_NS, A, B, RHO, M, SIGMA, NOW_NS);
            surface.applySmile(EXPIRY_NS[2], A[2], B[2], RHO[2], M[2], SIGMA[2], NOW_NS);
            surface.applySmile(days(60), Double.NaN, B[2], RHO[2], M[2], SIGMA[2], NOW_NS);
            final double k = -1.0 + (i % 20) * 0.1;
            for (final long expiryNs : queryExpiryNs)
            {
                surface.evaluate(expiryNs, k, NOW_NS, point);
                sink += point.impliedVol + point.dVolDk + surface.totalVariance(expiryNs, k, NOW_NS);
            }
        }
    }
}
