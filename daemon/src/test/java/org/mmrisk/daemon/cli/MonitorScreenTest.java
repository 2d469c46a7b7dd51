package org.mmrisk.daemon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmrisk.daemon.cli.MonitorScreen.Liveness;

/**
 * The monitor's status line from a given last heartbeat and a given clock, and its rejects by reason.
 */
class MonitorScreenTest
{
    private static final long NOW_NS = 1_795_000_000_000_000_000L;
    private static final long INTERVAL_NS = 1_000_000_000L;
    private static final Path DATA = Path.of("/data/risk");

    @TempDir
    Path dir;

    @Test
    void shouldSayOnEveryRefreshThatNoDaemonRanOnTheDirectory() throws Exception
    {
        final Path config = dir.resolve("daemon.yaml");
        Files.writeString(config, "dataDir: never-used\n");
        final StringWriter out = new StringWriter();
        final picocli.CommandLine cli = RiskCli.commandLine();
        cli.setOut(new PrintWriter(out, true));

        final int exitCode = cli.execute("monitor", "--config", config.toString(), "--seconds", "0.05",
            "--interval-ms", "10");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).startsWith("NO DAEMON").contains("never-used");
    }

    @Test
    void shouldShowAMarginUtilizationAsAPercentageAndAnAbsentOneAsADash()
    {
        assertThat(MonitorScreen.percent(0.4567)).isEqualTo(String.format("%.1f", 45.67));
        assertThat(MonitorScreen.percent(Double.NaN)).isEqualTo("-");
    }

    @Test
    void shouldSayPlainlyThatNoDaemonEverRanWithoutACountersFile()
    {
        assertThat(MonitorScreen.liveness(false, MonitorScreen.NO_HEARTBEAT, NOW_NS, INTERVAL_NS))
            .isEqualTo(Liveness.NO_DAEMON);
        assertThat(MonitorScreen.status(false, MonitorScreen.NO_HEARTBEAT, NOW_NS, INTERVAL_NS, DATA))
            .startsWith("NO DAEMON").contains("/data/risk").contains("no daemon has run");
    }

    @Test
    void shouldSayWhenTheOutputQueueHoldsNoHeartbeat()
    {
        assertThat(MonitorScreen.status(true, MonitorScreen.NO_HEARTBEAT, NOW_NS, INTERVAL_NS, DATA))
            .startsWith("NO HEARTBEAT");
    }

    @Test
    void shouldShowTheAgeOfTheLastHeartbeatWhileLive()
    {
        final long last = NOW_NS - 400_000_000L;

        assertThat(MonitorScreen.liveness(true, last, NOW_NS, INTERVAL_NS)).isEqualTo(Liveness.LIVE);
        assertThat(MonitorScreen.status(true, last, NOW_NS, INTERVAL_NS, DATA))
            .isEqualTo("daemon LIVE: last heartbeat 0.4 s ago (every 1.0 s)");
    }

    @Test
    void shouldTurnStaleAfterThreeIntervalsAndDeadAfterTen()
    {
        assertThat(MonitorScreen.liveness(true, NOW_NS - 3 * INTERVAL_NS, NOW_NS, INTERVAL_NS)).isEqualTo(Liveness.LIVE);
        assertThat(MonitorScreen.liveness(true, NOW_NS - 3 * INTERVAL_NS - 1, NOW_NS, INTERVAL_NS))
            .isEqualTo(Liveness.STALE);
        assertThat(MonitorScreen.liveness(true, NOW_NS - 10 * INTERVAL_NS, NOW_NS, INTERVAL_NS))
            .isEqualTo(Liveness.STALE);
        assertThat(MonitorScreen.liveness(true, NOW_NS - 10 * INTERVAL_NS - 1, NOW_NS, INTERVAL_NS))
            .isEqualTo(Liveness.DEAD);
    }

    @Test
    void shouldSayTheFiguresOfADeadDaemonAreNotLive()
    {
        assertThat(MonitorScreen.status(true, NOW_NS - 42 * INTERVAL_NS, NOW_NS, INTERVAL_NS, DATA))
            .startsWith("daemon DEAD: no heartbeat for 42.0 s").contains("not live");
    }

    @Test
    void shouldListRejectsByReasonNotOnlyTheTotal()
    {
        final Map<String, Long> counters = Map.of(
            "engine: rejected", 3L,
            "engine: rejected INVALID_CONTROL", 1L,
            "engine: rejected UNKNOWN_UNDERLYING", 2L,
            "engine: rejected STALE_TICK", 0L,
            "ingress: rejected WRONG_SCHEMA", 4L,
            "ingress: rejected TRUNCATED", 0L,
            "engine: events", 100L);

        assertThat(MonitorScreen.rejects(counters))
            .isEqualTo("rejected 7: engine INVALID_CONTROL 1, UNKNOWN_UNDERLYING 2; ingress WRONG_SCHEMA 4");
        assertThat(MonitorScreen.rejects(Map.of("engine: rejected", 0L))).isEqualTo("rejected 0");
    }
}
