package org.mmrisk.daemon;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.errors.ErrorLogFile;
import org.mmrisk.daemon.queue.CorruptRecords;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A daemon whose input holds a corrupt record followed by good ones hands its error handler the stall, naming the
 * queue's file and index, after {@code ingress.stallTimeoutMs} from the config, and reads nothing after the record;
 * the daemon's error log holds the stall once.
 */
class DaemonInputStallTest
{
    private static final long TIMEOUT_MS = 20_000;

    @TempDir
    Path dir;

    @Test
    void shouldHandTheErrorHandlerTheStallOfAnInputWithACorruptRecord() throws Exception
    {
        final Path configFile = Files.writeString(dir.resolve("daemon.yaml"), String.join("\n",
            "dataDir: data",
            "inputs: [market, fills]",
            "queueBlockSizeMb: 1",
            "ring: {size: 1024, waitStrategy: sleeping}",
            "ingress: {idleStrategy: backoff, timerIntervalMs: 20, stallTimeoutMs: 300}",
            "egress: {heartbeatIntervalMs: 50}",
            ""));
        final LoadedConfig config = ConfigLoader.load(configFile);
        final Path marketDir = config.inputDir("market");
        final long corruptIndex;
        try (ChronicleQueue market = Queues.open(marketDir, config.queueBlockSizeBytes());
            SbeAppender appender = new SbeAppender(market))
        {
            write(appender, 3);
            corruptIndex = appender.lastIndexAppended() - 1;
            CorruptRecords.flipHeaderBits(market, marketDir, corruptIndex, CorruptRecords.NOT_COMPLETE);
            write(appender, 3);
        }

        final CompletableFuture<Throwable> error = new CompletableFuture<>();
        final long startNs = System.nanoTime();
        try (RiskDaemon daemon = RiskDaemon.launch(config, error::complete))
        {
            final Throwable stall = error.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            assertThat(System.nanoTime() - startNs).as("not before the stall timeout")
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(300));
            assertThat(stall).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(marketDir.toAbsolutePath().toString())
                .hasMessageContaining("record at index " + Long.toHexString(corruptIndex) + " ")
                .hasMessageContaining(Queues.cycleFileName(corruptIndex));
            assertThat(daemon.counters().messagesRead(0).get()).as("only the records before the corrupt one")
                .isEqualTo(1);
            assertThat(daemon.counters().inputStalls.get()).isEqualTo(1);
            final List<String> logged = new ArrayList<>();
            try (ErrorLogFile errors = ErrorLogFile.openReader(config.errorLogFile().toFile()))
            {
                errors.read((count, firstMs, lastMs, stackTrace) -> logged.add(count + " " + stackTrace));
            }
            assertThat(logged).as("the error log holds what the handler was told, before it was told").hasSize(1);
            assertThat(logged.get(0)).startsWith("1 java.lang.IllegalStateException: " + stall.getMessage());
        }
    }

    private static void write(final SbeAppender appender, final int count)
    {
        final RiskEvent tick = new RiskEvent().reset();
        tick.type = EventType.TICK;
        tick.instrumentId = 1;
        tick.venue = AsciiCode.pack("DERIBIT");
        tick.sendTimeNs = System.currentTimeMillis() * 1_000_000L;
        tick.exchangeTimeNs = tick.sendTimeNs;
        tick.bid = 100_000;
        tick.ask = 100_001;
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final int length = new InputEncoder().encode(tick, buffer, 0);
        for (int i = 0; i < count; i++)
        {
            appender.append(buffer, 0, length);
        }
    }
}
