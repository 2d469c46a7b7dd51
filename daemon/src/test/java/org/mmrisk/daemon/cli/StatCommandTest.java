package org.mmrisk.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.engine.RejectReason;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.counters.CountersFile;
import org.mmrisk.daemon.counters.DaemonCounters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code risk stat} lists the counters a daemon allocated, with the values its writers set, as it finds them at
 * each run.
 */
class StatCommandTest
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldListEveryCounterOnceWithContiguousIdsAndTheValuesWritten() throws IOException
    {
        final Path file = dir.resolve("counters.dat");
        try (CountersFile counters = CountersFile.create(file.toFile()))
        {
            final DaemonCounters daemon = new DaemonCounters(counters, List.of("market", "fills"));
            daemon.journalEntries.setRelease(99);
            daemon.rejected(RejectReason.STALE_TICK).setRelease(3);

            final JsonNode all = json(CliRun.verb("stat").with("counters", file).flag("json"));

            final Set<String> labels = new HashSet<>();
            for (int i = 0; i < all.size(); i++)
            {
                assertThat(all.get(i).get("id").asInt()).isEqualTo(i);
                assertThat(labels.add(all.get(i).get("label").asText())).as("labels are distinct").isTrue();
            }
            assertThat(labels).contains("input market: messages read", "input fills: last index read");
            assertThat(value(all, "journal: entries written")).isEqualTo(99);
            assertThat(value(all, "engine: rejected STALE_TICK")).isEqualTo(3);
            assertThat(value(all, "input fills: last index read")).as("nothing read yet").isEqualTo(-1);

            daemon.journalEntries.setRelease(100);
            assertThat(value(json(CliRun.verb("stat").with("counters", file).flag("json")), "journal: entries written"))
                .as("read live").isEqualTo(100);
        }
    }

    @Test
    void shouldPrintOneLinePerCounterWithIdTypeValueAndLabelAndFilterByLabel()
    {
        final Path file = dir.resolve("counters.dat");
        try (CountersFile counters = CountersFile.create(file.toFile()))
        {
            new DaemonCounters(counters, List.of("market")).ringEventsPublished.setRelease(1_234_567);

            final CliRun.Result result = CliRun.verb("stat").with("counters", file).with("filter", "ring events")
                .run();

            assertThat(result.exitCode).as(result.err).isZero();
            assertThat(result.out).isEqualTo(
                "   0    1            1,234,567  ingress: ring events published" + System.lineSeparator());
            final CliRun.Result rejects = CliRun.verb("stat").with("counters", file)
                .with("filter", "^engine: rejected ").run();
            assertThat(rejects.out.lines()).hasSize(RejectReason.values().length)
                .allMatch(line -> line.substring(5, 9).equals(String.format("%4d", DaemonCounters.TYPE_ENGINE_REJECT)));
        }
    }

    @Test
    void shouldFindTheCountersFileFromTheDaemonsConfig() throws IOException
    {
        final Path config = Files.writeString(dir.resolve("daemon.yaml"), "dataDir: data\ninputs: [market]\n");
        final Path file = ConfigLoader.load(config).countersFile();
        Files.createDirectories(file.getParent());
        try (CountersFile counters = CountersFile.create(file.toFile()))
        {
            new DaemonCounters(counters, List.of("market")).heartbeats.setRelease(5);

            assertThat(value(json(CliRun.verb("stat").with("config", config).flag("json")), "egress: heartbeats"))
                .isEqualTo(5);
        }
    }

    @Test
    void shouldPrintOneArrayPerRefreshWhenWatching()
    {
        final Path file = dir.resolve("counters.dat");
        try (CountersFile counters = CountersFile.create(file.toFile()))
        {
            new DaemonCounters(counters, List.of("market"));

            final CliRun.Result result = CliRun.verb("stat").with("counters", file).with("watch", 0.001)
                .with("count", 3).with("filter", "heartbeats").flag("json").run();

            assertThat(result.exitCode).as(result.err).isZero();
            assertThat(result.out.lines()).hasSize(3)
                .allMatch(line -> line.equals(
                    "[{\"id\":8,\"typeId\":5,\"label\":\"egress: heartbeats\",\"value\":0}]"));
        }
    }

    @Test
    void shouldRefuseAMissingFileInOneLineNamingIt()
    {
        final Path missing = dir.resolve("nowhere").resolve("counters.dat");

        final CliRun.Result result = CliRun.verb("stat").with("counters", missing).run();

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.out).isEmpty();
        assertThat(result.err).isEqualTo("risk stat: no counters file at " + missing + " (is the daemon running?)" +
            System.lineSeparator());
    }

    @Test
    void shouldRefuseAFileThatIsNotACountersFile() throws IOException
    {
        final Path other = Files.writeString(dir.resolve("counters.dat"), "not counters at all");

        final CliRun.Result result = CliRun.verb("stat").with("counters", other).run();

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.err.strip()).isEqualTo("risk stat: not a complete counters file of this version: " + other);
    }

    @Test
    void shouldRequireWhereTheFileIs()
    {
        final CliRun.Result result = CliRun.verb("stat").run();

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.err).contains("--counters").contains("--config");
    }

    private static JsonNode json(final CliRun run) throws IOException
    {
        final CliRun.Result result = run.run();
        assertThat(result.exitCode).as(result.err).isZero();
        final JsonNode node = MAPPER.readTree(result.out);
        assertThat(node.isArray()).isTrue();
        return node;
    }

    private static long value(final JsonNode counters, final String label)
    {
        for (final JsonNode counter : counters)
        {
            if (counter.get("label").asText().equals(label))
            {
                return counter.get("value").asLong();
            }
        }
        throw new AssertionError("no counter " + label + " in " + counters);
    }
}
