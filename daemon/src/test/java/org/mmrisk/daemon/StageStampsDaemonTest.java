package org.mmrisk.daemon;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.json.EventJsonReader;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.stamps.Stage;
import org.mmrisk.daemon.stamps.StageHistograms;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real daemon with {@code stamps.dir} set: inputs stamped with their send time on the feed's clock give, at a clean
 * shutdown, a histogram per stage and a summary in which every stage of the path counts the same batches and no stage
 * is longer than the whole run, as the test's own clock saw it. Without the key nothing is written.
 */
class StageStampsDaemonTest
{
    private static final long TIMEOUT_MS = 60_000;

    @TempDir
    Path dir;

    @Test
    void shouldWriteEveryStageAtShutdownWhenStamped() throws Exception
    {
        final LoadedConfig config = ConfigLoader.load(writeConfig("stamps: {dir: stage-stamps}\n"));
        final SystemEpochNanoClock clock = new SystemEpochNanoClock();
        final long startNs = clock.nanoTime();
        try (RiskDaemon daemon = RiskDaemon.launch(config, Throwable::printStackTrace))
        {
            assertThat(daemon.awaitRecovery(TIMEOUT_MS)).isTrue();
            writeInputs(config, clock);
            awaitOutputs(daemon);
        }
        final long runNs = clock.nanoTime() - startNs;

        final Path stamps = dir.resolve("stage-stamps");
        for (final Stage stage : Stage.values())
        {
            assertThat(stamps.resolve("stage-" + stage.label() + ".hgrm")).exists();
        }
        final Map<String, long[]> summary = read(stamps.resolve(StageHistograms.SUMMARY));
        final long batches = summary.get(Stage.DAEMON.label())[0];
        assertThat(batches).as("batches with an output and a stamped cause").isPositive();
        for (final Stage stage : Stage.values())
        {
            final long[] figures = summary.get(stage.label());
            assertThat(figures[0]).as(stage.label() + " count").isEqualTo(batches);
            assertThat(figures[5]).as(stage.label() + " max, ns").isBetween(0L, runNs);
        }
    }

    @Test
    void shouldWriteNothingWithoutTheKey() throws Exception
    {
        final LoadedConfig config = ConfigLoader.load(writeConfig(""));
        try (RiskDaemon daemon = RiskDaemon.launch(config, Throwable::printStackTrace))
        {
            assertThat(daemon.awaitRecovery(TIMEOUT_MS)).isTrue();
            writeInputs(config, new SystemEpochNanoClock());
            awaitOutputs(daemon);
        }

        assertThat(config.stampsDir()).isNull();
        try (var files = Files.list(dir))
        {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("daemon.yaml", "data");
        }
    }

    /** @return per stage: count, p50, p90, p99, p99.9, max. */
    private static Map<String, long[]> read(final Path summary) throws Exception
    {
        final Map<String, long[]> figures = new HashMap<>();
        for (final String line : Files.readAllLines(summary))
        {
            if (line.startsWith("#"))
            {
                continue;
            }
            final String[] words = line.split(" ");
            final long[] values = new long[6];
            for (int i = 0; i < values.length; i++)
            {
                values[i] = Long.parseLong(words[i + 1]);
            }
            figures.put(words[0], values);
        }
        return figures;
    }

    private Path writeConfig(final String stamps) throws Exception
    {
        final Path file = dir.resolve("daemon.yaml");
        Files.writeString(file, String.join("\n",
            "dataDir: data",
            "inputs: [market, fills]",
            "queueBlockSizeMb: 1",
            "ring: {size: 1024, waitStrategy: sleeping}",
            "ingress: {idleStrategy: backoff, batchLimit: 16, timerIntervalMs: 20}",
            "egress: {heartbeatIntervalMs: 50}",
            stamps));
        return file;
    }

    /** The replay test's script, its times moved to end a few seconds ago, each input stamped with its send time. */
    private static void writeInputs(final LoadedConfig config, final SystemEpochNanoClock clock)
    {
        final String events = TestTimes.shiftedToEndAt(ReplayRunnerTest.EVENTS, Instant.now().minusSeconds(5));
        final EventJsonReader reader = new EventJsonReader();
        final EventJsonReader.Result result = new EventJsonReader.Result();
        final RiskEvent event = new RiskEvent();
        final InputEncoder encoder = new InputEncoder();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
        try (ChronicleQueue market = Queues.open(config.inputDir("market"), config.queueBlockSizeBytes());
            ChronicleQueue fills = Queues.open(config.inputDir("fills"), config.queueBlockSizeBytes());
            SbeAppender marketAppender = new SbeAppender(market);
            SbeAppender fillAppender = new SbeAppender(fills))
        {
            for (final String line : events.split("\n"))
            {
                if (reader.parse(line, event, result).reason != null || event.type == EventType.TIMER)
                {
                    continue;
                }
                event.sendTimeNs = clock.nanoTime();
                final int length = encoder.encode(event, buffer, 0);
                (event.type == EventType.FILL ? fillAppender : marketAppender).append(buffer, 0, length);
            }
        }
    }

    /** Until the engine has written quotes and a few heartbeats (the batches after the script). */
    private static void awaitOutputs(final RiskDaemon daemon) throws InterruptedException
    {
        final long deadlineMs = System.currentTimeMillis() + TIMEOUT_MS;
        while (daemon.counters().heartbeats.get() < 3 || daemon.counters().outputMessages.get() == 0)
        {
            assertThat(System.currentTimeMillis()).as("outputs and heartbeats within the timeout").isLessThan(deadlineMs);
            Thread.sleep(10);
        }
    }
}
