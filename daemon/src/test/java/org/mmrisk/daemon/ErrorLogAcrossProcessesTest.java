package org.mmrisk.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.cli.RiskCli;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.counters.CountersFile;
import org.mmrisk.daemon.counters.DaemonCounters;
import org.mmrisk.daemon.queue.CorruptRecords;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's read side across processes: errors recorded by the daemon's handlers in one JVM (a real daemon's
 * included) are read by {@code risk errors} in another, distinct and counted; counters written by one JVM are read by
 * {@code risk stat} in another, which writes nothing into the file.
 */
class ErrorLogAcrossProcessesTest
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void shouldReadTheErrorsAnotherProcessRecordedOncePerDistinctErrorWithTheirCountsAndTimes() throws Exception
    {
        final Path file = dir.resolve("errors.dat");
        final Process writer = java(RecordErrorsMain.class.getName(), file.toString());
        assertThat(writer.waitFor(50, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).as(Files.readString(dir.resolve("process.err"))).isZero();

        final StringWriter out = new StringWriter();
        final picocli.CommandLine cli = RiskCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("errors", "--file", file.toString(), "--json")).isZero();

        final JsonNode errors = MAPPER.readTree(out.toString());
        assertThat(errors).hasSize(2);
        final JsonNode ring = errors.get(0);
        assertThat(ring.get("count").asInt()).isEqualTo(2);
        assertThat(ring.get("firstTime").asText()).isEqualTo("1970-01-01T00:00:01Z");
        assertThat(ring.get("lastTime").asText()).isEqualTo("1970-01-01T00:01:01Z");
        assertThat(ring.get("stackTrace").asText())
            .startsWith("java.lang.IllegalStateException: ring consumer failed at ring sequence 42")
            .contains("Caused by: java.lang.ArithmeticException: division of the book by zero")
            .contains("at org.mmrisk.daemon.RecordErrorsMain.failure");
        final JsonNode shutdown = errors.get(1);
        assertThat(shutdown.get("count").asInt()).isEqualTo(1);
        assertThat(shutdown.get("firstTime").asText()).isEqualTo("1970-01-01T00:02:00Z")
            .isEqualTo(shutdown.get("lastTime").asText());
        assertThat(shutdown.get("stackTrace").asText())
            .startsWith("java.lang.IllegalStateException: queue would not close");
        assertThat(Files.readString(dir.resolve("process.err"))).as("standard error still has each report")
            .contains("reported: java.lang.IllegalStateException: ring consumer failed at ring sequence 42");
    }

    @Test
    @Timeout(60)
    void shouldReadLiveCountersFromAnotherProcessWithoutWritingIntoTheFile() throws Exception
    {
        final Path file = dir.resolve("counters.dat");
        try (CountersFile counters = CountersFile.create(file.toFile()))
        {
            final DaemonCounters daemonCounters = new DaemonCounters(counters, List.of("market"));
            daemonCounters.ringEventsPublished.setRelease(1234);
            daemonCounters.heartbeats.setRelease(-7);
            final byte[] before = Files.readAllBytes(file);

            final Process reader = java(RiskCli.class.getName(), "stat", "--counters", file.toString(), "--json",
                "--filter", "^(ingress: ring events|egress: heartbeats)");
            assertThat(reader.waitFor(50, TimeUnit.SECONDS)).isTrue();
            final String printed = Files.readString(dir.resolve("process.log"));
            assertThat(reader.exitValue()).as(Files.readString(dir.resolve("process.err"))).isZero();

            final JsonNode stat = MAPPER.readTree(printed);
            assertThat(stat).hasSize(2);
            assertThat(stat.get(0).get("label").asText()).isEqualTo("ingress: ring events published");
            assertThat(stat.get(0).get("value").asLong()).isEqualTo(1234);
            assertThat(stat.get(0).get("typeId").asInt()).isEqualTo(DaemonCounters.TYPE_INGRESS);
            assertThat(stat.get(1).get("label").asText()).isEqualTo("egress: heartbeats");
            assertThat(stat.get(1).get("value").asLong()).isEqualTo(-7);
            assertThat(stat.get(1).get("typeId").asInt()).isEqualTo(DaemonCounters.TYPE_EGRESS);
            assertThat(stat.get(1).get("id").asInt()).isEqualTo(idOf(counters.reader(), "egress: heartbeats"));
            assertThat(Files.readAllBytes(file)).as("the reader wrote nothing").isEqualTo(before);
        }
    }

    /**
     * A real daemon process stops on a corrupt input record (exit 2, halting at once): its error log, read by
     * {@code risk errors --config} here, holds the stall that stopped it, observed once.
     */
    @Test
    @Timeout(90)
    void shouldFindTheErrorThatStoppedADaemonProcessInItsErrorLog() throws Exception
    {
        final Path configFile = Files.writeString(dir.resolve("daemon.yaml"), String.join("\n",
            "dataDir: data",
            "inputs: [market]",
            "queueBlockSizeMb: 1",
            "ring: {size: 1024, waitStrategy: sleeping}",
            "ingress: {idleStrategy: backoff, timerIntervalMs: 20, stallTimeoutMs: 300}",
            ""));
        final LoadedConfig config = ConfigLoader.load(configFile);
        final Path marketDir = config.inputDir("market");
        try (ChronicleQueue market = Queues.open(marketDir, config.queueBlockSizeBytes());
            SbeAppender appender = new SbeAppender(market))
        {
            writeTicks(appender, 3);
            CorruptRecords.flipHeaderBits(market, marketDir, appender.lastIndexAppended() - 1,
                CorruptRecords.NOT_COMPLETE);
            writeTicks(appender, 3);
        }

        final Process daemon = java(RiskCli.class.getName(), "daemon", "--config", configFile.toString());
        assertThat(daemon.waitFor(80, TimeUnit.SECONDS)).isTrue();
        final String stderr = Files.readString(dir.resolve("process.err"));
        assertThat(daemon.exitValue()).as(stderr).isEqualTo(2);

        final StringWriter out = new StringWriter();
        final picocli.CommandLine cli = RiskCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("errors", "--config", configFile.toString(), "--json")).isZero();
        final JsonNode errors = MAPPER.readTree(out.toString());
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("count").asInt()).isEqualTo(1);
        assertThat(errors.get(0).get("stackTrace").asText())
            .startsWith("java.lang.IllegalStateException: risk daemon: input " + marketDir.toAbsolutePath())
            .contains("a corrupt record header");
        assertThat(stderr).as("standard error has it too").contains("a corrupt record header");
    }

    private static void writeTicks(final SbeAppender appender, final int count)
    {
        final RiskEvent tick = new RiskEvent().reset();
        tick.type = EventType.TICK;
        tick.instrumentId = 1;
        tick.venue = AsciiCode.pack("DERIBIT");
        tick.sendTimeNs = 1_795_000_000_000_000_000L;
        tick.bid = 100_000;
        tick.ask = 100_001;
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final int length = new InputEncoder().encode(tick, buffer, 0);
        for (int i = 0; i < count; i++)
        {
            appender.append(buffer, 0, length);
        }
    }

    private static int idOf(final CountersReader reader, final String label)
    {
        final int[] id = {-1};
        reader.forEach((counterId, typeId, key, text) ->
        {
            if (text.equals(label))
            {
                id[0] = counterId;
            }
        });
        return id[0];
    }

    private Process java(final String mainClass, final String... args) throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle."))
            {
                command.add(arg);
            }
        }
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("process.log").toFile())
            .redirectError(dir.resolve("process.err").toFile()).start();
    }
}
