package org.mmrisk.bench.latency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LagTrendTest
{
    private static final long SECOND_NS = 1_000_000_000L;

    @Test
    void shouldCallBoundedLatencySustained()
    {
        final LagTrend trend = new LagTrend(0, 9);
        for (int s = 0; s < 9; s++)
        {
            trend.record(s * SECOND_NS, 20_000);
            trend.record(s * SECOND_NS + 1, s == 7 ? 3_000_000 : 40_000);
        }

        assertThat(trend.earlyMaxNs()).isEqualTo(40_000);
        assertThat(trend.sustained()).isTrue();
    }

    @Test
    void shouldCallGrowingLatencyNotSustained()
    {
        final LagTrend trend = new LagTrend(0, 9);
        for (int s = 0; s < 9; s++)
        {
            trend.record(s * SECOND_NS, (s + 1) * 50_000_000L);
        }

        assertThat(trend.lateMaxNs()).isEqualTo(400_000_000L);
        assertThat(trend.sustained()).isFalse();
    }

    @Test
    void shouldCallALargeLagThatKeepsGrowingNotSustained()
    {
        final LagTrend trend = new LagTrend(0, 3);
        trend.record(0, 2_700_000_000L);
        trend.record(SECOND_NS, 3_700_000_000L);
        trend.record(2 * SECOND_NS, 4_700_000_000L);

        assertThat(trend.sustained()).isFalse();
    }

    @Test
    void shouldCallASecondWithoutOutputsNotSustained()
    {
        final LagTrend trend = new LagTrend(0, 3);
        trend.record(0, 10_000);
        trend.record(2 * SECOND_NS, 10_000);

        assertThat(trend.sustained()).isFalse();
    }

    @Test
    void shouldIgnoreSendsOutsideTheWindow()
    {
        final LagTrend trend = new LagTrend(10 * SECOND_NS, 1);
        trend.record(9 * SECOND_NS, 999_000_000L);
        trend.record(11 * SECOND_NS, 999_000_000L);
        trend.record(10 * SECOND_NS, 5_000);

        assertThat(trend.lateMaxNs()).isEqualTo(5_000);
    }
}
