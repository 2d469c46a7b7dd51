package org.mmrisk.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.daemon.cli.RiskCli;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.json.EngineStateFile;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code risk ingest} into a live daemon: the book it pipes in ends in the positions {@code risk replay --events}
 * computes from the same lines.
 */
class IngestIntegrationTest
{
    private static final long TIMEOUT_MS = 20_000;
    private static final int GOOD_LINES = 8;

    @TempDir
    Path dir;

    @Test
    void shouldAppendTheLinesALiveDaemonBooksAsReplayDoes() throws Exception
    {
        final Path configFile = writeConfig();
        final LoadedConfig config = ConfigLoader.load(configFile);
        final String lines = TestTimes.shiftedToEndAt(ReplayRunnerTest.EVENTS, Instant.now().minusSeconds(5));
        final Path events = Files.writeString(dir.resolve("events.jsonl"), lines + "\n");
        final Path daemonState = dir.resolve("daemon-state.json");
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exitCode;
        try (RiskDaemon daemon = RiskDaemon.launch(config, Throwable::printStackTrace,
            engine -> EngineStateFile.write(engine, daemonState)))
        {
            assertThat(daemon.awaitRecovery(TIMEOUT_MS)).isTrue();
            exitCode = ingest(configFile, lines, out, err);
            assertThat(out.toString()).as("stderr: %s", err).contains(GOOD_LINES + " lines written");
            awaitEvents(daemon, GOOD_LINES);
        }

        assertThat(exitCode).as("a rejected line gives exit 1; stderr: %s", err).isEqualTo(1);
        assertThat(out.toString()).contains("8 lines written to input market, 4 rejected (MALFORMED_JSON 1, " +
            "MISSING_FIELD 1, TIMER_NOT_AN_INPUT 1, UNKNOWN_LINE_TYPE 1)");
        assertThat(err.toString()).contains("line 9: UNKNOWN_LINE_TYPE", "line 11: MISSING_FIELD: exchangeTime");

        final Path replayState = dir.resolve("replay-state.json");
        assertThat(RiskCli.commandLine().execute("replay", "--events", events.toString(), "--config",
            configFile.toString(), "--state-out", replayState.toString())).isZero();
        final JsonNode live = new ObjectMapper().readTree(daemonState.toFile()).get("positions");
        final JsonNode replayed = new ObjectMapper().readTree(replayState.toFile()).get("positions");
        assertThat(live).as("the option fill booked").hasSize(1);
        assertThat(live).isEqualTo(replayed);
    }

    /**
     * A command goes to the control queue ({@code risk control}): on an input queue the daemon would refuse it, so
     * ingest refuses it first.
     */
    @Test
    void shouldRefuseACommandForAnInputQueue() throws Exception
    {
        final Path configFile = writeConfig();
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exitCode = ingest(configFile, String.join("\n",
            "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:04Z\",\"instrumentId\":2,\"bid\":95100,\"ask\":95100.5}",
            "{\"type\":\"control\",\"time\":\"2026-11-25T08:00:05Z\",\"command\":\"SET_EQUITY\"," +
                "\"underlying\":\"BTC\",\"value\":12}"), out, err);
        assertThat(exitCode).isEqualTo(1);
        assertThat(out.toString()).contains("1 lines written to input market, 1 rejected (WRONG_SOURCE 1)");
        assertThat(err.toString()).contains("line 2: WRONG_SOURCE");
    }

    private static int ingest(final Path configFile, final String lines, final StringWriter out,
        final StringWriter err)
    {
        final InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream((lines + "\n").getBytes(StandardCharsets.UTF_8)));
        try
        {
            final CommandLine cli = RiskCli.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            return cli.execute("ingest", "--config", configFile.toString(), "--input", "market");
        }
        finally
        {
            System.setIn(stdin);
        }
    }

    private static void awaitEvents(final RiskDaemon daemon, final long count) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        // ingress has read them all: closing the daemon publishes what it read and drains the ring
        while (daemon.counters().messagesRead(0).get() < count)
        {
            assertThat(System.currentTimeMillis()).as("ingested messages read by ingress in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private Path writeConfig() throws Exception
    {
        return Files.writeString(dir.resolve("daemon.yaml"), String.join("\n",
            "dataDir: data",
            "inputs: [market, fills]",
            "queueBlockSizeMb: 1",
            "ring: {size: 1024, waitStrategy: sleeping}",
            "ingress: {idleStrategy: backoff, batchLimit: 16, timerIntervalMs: 20}",
            "egress: {heartbeatIntervalMs: 50}",
            ""));
    }
}
