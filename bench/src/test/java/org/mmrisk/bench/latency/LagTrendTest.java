package org.mmrisk.bench.latency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sustained means the lag neither grows nor stands: every second of the window saw an output, and the corrected p99
 * of the last ten seconds is under 1 ms. The writer here sends every millisecond (1,000/s).
 */
class LagTrendTest
{
    private static final long SECOND_NS = 1_000_000_000L;
    private static final long INTERVAL_NS = 1_000_000;

    /** One cause every millisecond of second {@code s}, each with latency {@code latencyNs}. */
    private static void second(final LagTrend trend, final int s, final long latencyNs)
    {
        for (int i = 0; i < 1_000; i++)
        {
            trend.record(s * SECOND_NS + i * INTERVAL_NS, latencyNs);
        }
    }

    @Test
    void shouldCallALowLatencyOverTheLastTenSecondsSustainedWhateverCameBefore()
    {
        final LagTrend trend = new LagTrend(0, 20, INTERVAL_NS);
        for (int s = 0; s < 20; s++)
        {
            second(trend, s, s < 10 ? 50_000_000 : 200_000);
        }
        // one 3 ms stall in the tail: with its two corrected companions (2 ms, 1 ms) 3 of 10,003 values, under 1%
        trend.record(15 * SECOND_NS + 1, 3_000_000);

        assertThat(trend.tailSeconds()).isEqualTo(10);
        assertThat(trend.tailP99Ns()).isLessThan(LagTrend.LIMIT_NS);
        assertThat(trend.sustained()).isTrue();
    }

    @Test
    void shouldCallAStandingBacklogNotSustainedThoughItDoesNotGrow()
    {
        final LagTrend trend = new LagTrend(0, 30, INTERVAL_NS);
        for (int s = 0; s < 30; s++)
        {
            second(trend, s, 4 * SECOND_NS);
        }

        assertThat(trend.lateMaxNs()).as("flat").isEqualTo(trend.earlyMaxNs());
        assertThat(trend.sustained()).isFalse();
    }

    @Test
    void shouldCallAGrowingLagNotSustained()
    {
        final LagTrend trend = new LagTrend(0, 12, INTERVAL_NS);
        for (int s = 0; s < 12; s++)
        {
            second(trend, s, (s + 1) * 100_000L);
        }

        // the tail is seconds 2..11: latencies 300 µs to 1.2 ms, a fifth of them at or over 1 ms
        assertThat(trend.tailUncorrectedP99Ns()).isGreaterThanOrEqualTo(LagTrend.LIMIT_NS);
        assertThat(trend.sustained()).isFalse();
    }

    @Test
    void shouldLookAtTheWholeWindowWhenItIsShorterThanTheTail()
    {
        final LagTrend trend = new LagTrend(0, 3, INTERVAL_NS);
        second(trend, 0, 2_000_000);
        second(trend, 1, 100_000);
        second(trend, 2, 100_000);

        assertThat(trend.tailSeconds()).isEqualTo(3);
        assertThat(trend.sustained()).as("a third of the window at 2 ms").isFalse();
    }

    @Test
    void shouldCallASecondWithoutOutputsNotSustained()
    {
        final LagTrend trend = new LagTrend(0, 3, INTERVAL_NS);
        second(trend, 0, 10_000);
        second(trend, 2, 10_000);

        assertThat(trend.sustained()).isFalse();
    }

    @Test
    void shouldIgnoreSendsOutsideTheWindow()
    {
        final LagTrend trend = new LagTrend(10 * SECOND_NS, 1, INTERVAL_NS);
        trend.record(9 * SECOND_NS, 999_000_000L);
        trend.record(11 * SECOND_NS, 999_000_000L);
        trend.record(10 * SECOND_NS, 5_000);

        assertThat(trend.lateMaxNs()).isEqualTo(5_000);
        assertThat(trend.tailUncorrectedP99Ns()).as("5,000 within HdrHistogram's 3 digits").isBetween(5_000L, 5_005L);
        assertThat(trend.sustained()).isTrue();
    }
}
