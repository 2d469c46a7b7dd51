package org.mmrisk.bench.latency;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class RatioTableTest
{
    @Test
    void shouldDivideTheDaemonByTheRelayAtEachPercentile()
    {
        final String table = RatioTable.render(List.of(
            summary("raw", 500, 900),
            summary("relay", 1_000, 4_000),
            summary("daemon", 1_500, 10_000)), "corrected");

        assertThat(table).contains("| busy-spin | 100,000 | p50 | 0.50 | 1.00 | 1.50 | 1.50× |");
        assertThat(table).contains("| busy-spin | 100,000 | p99 | 0.90 | 4.00 | 10.0 | 2.50× |");
    }

    @Test
    void shouldShowAMissingStageAsADash()
    {
        final String table = RatioTable.render(List.of(summary("daemon", 1_500, 10_000)), "corrected");

        assertThat(table).contains("| busy-spin | 100,000 | p50 | – | – | 1.50 | – |");
    }

    @Test
    void shouldNameHalfPercentilesWithAnUnderscore()
    {
        assertThat(RatioTable.percentileKey(50)).isEqualTo("50");
        assertThat(RatioTable.percentileKey(99.9)).isEqualTo("99_9");
    }

    private static Properties summary(final String stage, final long p50Ns, final long p99Ns)
    {
        final Properties p = new Properties();
        p.setProperty("stage", stage);
        p.setProperty("config", "busy-spin");
        p.setProperty("rate", "100000");
        p.setProperty("corrected.p50", Long.toString(p50Ns));
        p.setProperty("corrected.p99", Long.toString(p99Ns));
        return p;
    }
}
