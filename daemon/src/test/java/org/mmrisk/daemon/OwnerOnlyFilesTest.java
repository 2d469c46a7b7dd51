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
import org.mmrisk.daemon.feed.FillLog;
import org.mmrisk.daemon.json.EngineStateFile;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Everything a daemon and a gateway of this project create is its owner's alone, directories above the queues
 * included, whatever the process's umask (a test JVM's is usually 022): the queues' directories and files, the
 * checkpoints, the counters file and the error log, the state written at shutdown, the feed's fill log.
 */
class OwnerOnlyFilesTest
{
    private static final long TIMEOUT_MS = 20_000;

    @TempDir
    Path dir;

    @Test
    void shouldCreateEveryDirectoryAndFileOwnerOnly() throws Exception
    {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "needs POSIX permissions");
        final Path configFile = Files.writeString(dir.resolve("daemon.yaml"), String.join("\n",
            "dataDir: data/nested",
            "inputs: [market, fills]",
            "queueBlockSizeMb: 1",
            "ring: {size: 1024, waitStrategy: sleeping}",
            "ingress: {idleStrategy: backoff, timerIntervalMs: 20}",
            "egress: {heartbeatIntervalMs: 50}",
            ""));
        final LoadedConfig config = ConfigLoader.load(configFile);
        final Path state = config.dataDir().resolve("state.json");
        try (RiskDaemon daemon = RiskDaemon.launch(config, Throwable::printStackTrace,
            engine -> EngineStateFile.write(engine, state)))
        {
            assertThat(daemon.awaitRecovery(TIMEOUT_MS)).isTrue();
            writeTick(config);
            final long deadline = System.currentTimeMillis() + TIMEOUT_MS;
            while (daemon.counters().messagesRead(0).get() < 1)
            {
                assertThat(System.currentTimeMillis()).as("the tick read in time").isLessThan(deadline);
                Thread.sleep(10);
            }
        }
        try (FillLog log = new FillLog(config.dataDir().resolve("fills.log")))
        {
            assertThat(log).isNotNull();
        }

        final TreeMap<String, String> modes = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir.resolve("data")))
        {
            paths.forEach(path -> modes.put(dir.relativize(path).toString(), mode(path)));
        }
        assertThat(modes).as("what the daemon created").containsKeys("data", "data/nested", "data/nested/input",
            "data/nested/input/market", "data/nested/control", "data/nested/journal", "data/nested/output",
            "data/nested/snapshots", "data/nested/counters.dat", "data/nested/errors.dat", "data/nested/state.json",
            "data/nested/fills.log");
        assertThat(modes.keySet()).as("cycle files, metadata and checkpoints")
            .anyMatch(path -> path.startsWith("data/nested/input/market/") && path.endsWith(".cq4"))
            .anyMatch(path -> path.startsWith("data/nested/journal/") && path.endsWith(".cq4"))
            .anyMatch(path -> path.endsWith("/" + Queues.METADATA_FILE))
            .anyMatch(path -> path.startsWith("data/nested/snapshots/snapshot-"));
        final List<String> open = modes.entrySet().stream()
            .filter(entry -> !entry.getValue().endsWith("------")) // rwxrwxrwx: the group's and others' six
            .map(entry -> entry.getKey() + " " + entry.getValue()).toList();
        assertThat(open).as("paths with group or other permissions").isEmpty();
    }

    private static String mode(final Path path)
    {
        try
        {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        }
        catch (final IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static void writeTick(final LoadedConfig config)
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
        try (ChronicleQueue market = Queues.open(config.inputDir("market"), config.queueBlockSizeBytes());
            SbeAppender appender = new SbeAppender(market))
        {
            appender.append(buffer, 0, new InputEncoder().encode(tick, buffer, 0));
        }
    }
}
