package org.mmrisk.daemon;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.output.CountingOutput;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.egress.DeadManSwitch;
import org.mmrisk.daemon.egress.OutputAdapter;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeTailer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dead-man rule as a consumer sees it: alive while heartbeats arrive, dead (treat as HALT) once they stop.
 */
class DeadManSwitchTest
{
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    private long nowNs;

    @Test
    void shouldCountTheDaemonDeadAfterTheMissedBeatsAndNotBeforeTheFirstBeat()
    {
        final DeadManSwitch deadMan = new DeadManSwitch(50 * MS, 3, () -> nowNs);
        assertThat(deadMan.isAlive(0)).as("no heartbeat yet: unknown, so not alive").isFalse();

        nowNs = 1_000 * MS;
        deadMan.onHeartbeat(0, 0, 0, 0, 0);
        assertThat(deadMan.isAlive(1_149 * MS)).isTrue();
        assertThat(deadMan.isAlive(1_151 * MS)).isFalse();
    }

    @Test
    void shouldSeeARealDaemonAliveWhileItRunsAndDeadOnceItsHeartbeatsStop() throws Exception
    {
        final LoadedConfig config = ConfigLoader.load(writeConfig());
        final DeadManSwitch deadMan = new DeadManSwitch(50 * MS, 3, System::nanoTime);
        final OutputAdapter adapter = new OutputAdapter(new CountingOutput(), deadMan);
        try (RiskDaemon daemon = RiskDaemon.launch(config, Throwable::printStackTrace))
        {
            assertThat(pollUntil(config, adapter, () -> deadMan.heartbeats() >= 3, 30_000)).isTrue();
            assertThat(deadMan.isAlive(System.nanoTime())).isTrue();
        }
        assertThat(pollUntil(config, adapter, () -> !deadMan.isAlive(System.nanoTime()), 5_000))
            .as("heartbeats stopped with the daemon: a consumer falls back to HALT").isTrue();
    }

    private static boolean pollUntil(final LoadedConfig config, final OutputAdapter adapter,
        final java.util.function.BooleanSupplier condition, final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        try (ChronicleQueue output = Queues.open(config.outputDir(), config.queueBlockSizeBytes());
            SbeTailer tailer = new SbeTailer(output))
        {
            while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline)
            {
                if (tailer.poll(adapter) == 0)
                {
                    Thread.sleep(5);
                }
            }
        }
        return condition.getAsBoolean();
    }

    private Path writeConfig() throws IOException
    {
        return Files.writeString(dir.resolve("daemon.yaml"), String.join("\n",
            "dataDir: data",
            "inputs: [market]",
            "queueBlockSizeMb: 1",
            "ring: {size: 1024, waitStrategy: sleeping}",
            "ingress: {idleStrategy: backoff, timerIntervalMs: 10}",
            "egress: {heartbeatIntervalMs: 50}",
            ""));
    }
}
