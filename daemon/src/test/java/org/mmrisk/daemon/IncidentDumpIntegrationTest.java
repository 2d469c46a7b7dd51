package org.mmrisk.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.daemon.checkpoint.Checkpoint;
import org.mmrisk.daemon.checkpoint.CheckpointFile;
import org.mmrisk.daemon.cli.RiskCli;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.json.JsonTime;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An incident cut out of a live daemon's data and replayed: the daemon runs with frequent checkpoints on a feed in
 * three stages, {@code risk dump} cuts out the middle stage's time range, and {@code risk replay --checkpoint} of the
 * dump must reproduce the daemon's outputs of that range exactly: every field of every quote adjustment, hedge
 * signal, alert, risk snapshot, scenario grid and margin status, their output sequence numbers, engine times and
 * cause journal sequences included. The live outputs of the range are found on the daemon's output queue by engine
 * time alone (the range's batches' times), not by anything the dump reports. One daemon run serves every test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentDumpIntegrationTest
{
    private Path dir;
    private LiveIncidentRun run;
    private LoadedConfig config;
    private List<LiveIncidentRun.Entry> journal;
    private List<ObjectNode> liveOutputs;
    private long fromNs;
    private long toNs;
    private int rangeFirst;
    private int rangeEnd;

    @BeforeAll
    void runTheDaemonOnAFeedInThreeStages(@TempDir final Path tempDir) throws Exception
    {
        dir = tempDir;
        run = LiveIncidentRun.run(dir);
        config = run.config;
        journal = run.journal;
        liveOutputs = run.liveOutputs;
        fromNs = run.fromNs;
        toNs = run.toNs;
        rangeFirst = run.rangeFirst;
        rangeEnd = run.rangeEnd;
    }

    @Test
    void shouldReplayTheDumpedRangeToTheLiveOutputsOfThatRange() throws Exception
    {
        final Path out = dir.resolve("incident");
        final Run dump = cli("dump", "--journal", config.journalDir(), "--from", JsonTime.format(fromNs), "--to",
            JsonTime.format(toNs), "--out", out, "--config", config.file());
        assertThat(dump.exitCode).as(dump.err).isZero();
        final JsonNode manifest = LiveIncidentRun.MAPPER.readTree(out.resolve("dump.json").toFile());
        assertThat(manifest.get("firstJournalSequence").asLong()).isEqualTo(journal.get(rangeFirst).sequence());
        assertThat(manifest.get("lastJournalSequence").asLong()).isEqualTo(journal.get(rangeEnd - 1).sequence());
        assertThat(manifest.at("/checkpoint/base").asText()).as("a checkpoint the daemon kept")
            .startsWith(config.checkpointDir().toString());
        assertThat(manifest.at("/checkpoint/baseJournalSequence").asLong())
            .isLessThan(journal.get(rangeFirst).sequence());
        assertThat(Files.readString(out.resolve("config.yaml"))).isEqualTo(Files.readString(config.file()));
        assertThat(manifest.at("/config/fingerprint").asText())
            .isEqualTo(String.format("%016x", config.configFingerprint()));
        assertThat(Files.readAllLines(out.resolve("events.jsonl"))).hasSize(rangeEnd - rangeFirst);

        final List<ObjectNode> expected = liveOutputsOfTheRange();
        assertThat(expected).as("the range holds each kind of output")
            .anyMatch(n -> type(n).equals("quoteAdjustment"))
            .anyMatch(n -> type(n).equals("hedge"))
            .anyMatch(n -> type(n).equals("alert") && n.get("code").asText().equals("LIMIT_DELTA"))
            .anyMatch(n -> type(n).equals("riskSnapshot"));
        assertThat(expected.get(0).get("sequence").asLong()).as("outputs before the range exist").isPositive();
        assertThat(replay(out)).isEqualTo(expected);
    }

    /**
     * The checkpoint also starts a replay of the daemon's journal: the entries after it, to the journal's end,
     * reproduce every live output from the range's start on.
     */
    @Test
    void shouldReplayTheJournalAfterTheCheckpointToEveryLaterLiveOutput() throws Exception
    {
        final Path out = dir.resolve("journal-replay");
        assertThat(cli("dump", "--journal", config.journalDir(), "--from", JsonTime.format(fromNs), "--to",
            JsonTime.format(toNs), "--out", out, "--config", config.file()).exitCode).isZero();
        final Path outputs = out.resolve("replayed.jsonl");
        final Run replay = cli("replay", "--checkpoint", out.resolve("checkpoint.snap"), "--journal",
            config.journalDir(), "--config", config.file(), "--state-out", out.resolve("state.json"),
            "--outputs-out", outputs);
        assertThat(replay.exitCode).as(replay.err).isZero();
        final long first = journal.get(rangeFirst).timeNs();
        final List<ObjectNode> expected = liveOutputs.stream()
            .filter(n -> JsonTime.parseNs(n.get("time").asText()) >= first).toList();
        assertThat(expected.size()).isGreaterThan(liveOutputsOfTheRange().size());
        assertThat(read(outputs)).isEqualTo(expected);
    }

    /**
     * Without a checkpoint before the range the state is rebuilt from the journal's start: the same state, byte for
     * byte, as the kept checkpoint rolled forward, and the same outputs.
     */
    @Test
    void shouldRebuildTheSameStateFromTheJournalStartWithoutACheckpoint() throws Exception
    {
        final Path withCheckpoints = dir.resolve("with");
        assertThat(cli("dump", "--journal", config.journalDir(), "--from", JsonTime.format(fromNs), "--to",
            JsonTime.format(toNs), "--out", withCheckpoints, "--config", config.file()).exitCode).isZero();
        // the same configuration, but its data directory has no checkpoints
        final Path elsewhere = dir.resolve("elsewhere.yaml");
        Files.writeString(elsewhere, Files.readString(config.file()).replace("dataDir: data", "dataDir: empty"));
        final Path fromStart = dir.resolve("start");
        final Run dump = cli("dump", "--journal", config.journalDir(), "--from", JsonTime.format(fromNs), "--to",
            JsonTime.format(toNs), "--out", fromStart, "--config", elsewhere);
        assertThat(dump.exitCode).as(dump.err).isZero();
        final JsonNode manifest = LiveIncidentRun.MAPPER.readTree(fromStart.resolve("dump.json").toFile());
        assertThat(manifest.at("/checkpoint/base").asText()).isEqualTo("journal start");
        assertThat(manifest.at("/checkpoint/rolledForwardEvents").asLong()).isEqualTo(journal.get(rangeFirst).sequence());

        assertThat(body(fromStart.resolve("checkpoint.snap"))).isEqualTo(body(withCheckpoints.resolve("checkpoint.snap")));
        assertThat(replay(fromStart)).isEqualTo(liveOutputsOfTheRange());
    }

    @Test
    void shouldRefuseACheckpointTakenUnderAnotherEngineConfiguration() throws Exception
    {
        final Path other = dir.resolve("other.yaml");
        Files.writeString(other, Files.readString(config.file()).replace("delta: 0.5", "delta: 0.8"));
        final Path kept = CheckpointFileNames.oldest(config.checkpointDir());
        final Run dump = cli("dump", "--journal", config.journalDir(), "--from", JsonTime.format(fromNs), "--to",
            JsonTime.format(toNs), "--out", dir.resolve("refused"), "--config", other, "--checkpoint", kept);
        assertOneLineRefusal(dump, "risk dump: the checkpoint " + kept + " was taken under another engine configuration");
        assertThat(dir.resolve("refused")).doesNotExist();

        final Path out = dir.resolve("good");
        assertThat(cli("dump", "--journal", config.journalDir(), "--from", JsonTime.format(fromNs), "--to",
            JsonTime.format(toNs), "--out", out, "--config", config.file(), "--checkpoint", kept).exitCode).isZero();
        final Run replay = cli("replay", "--checkpoint", out.resolve("checkpoint.snap"), "--events",
            out.resolve("events.jsonl"), "--config", other, "--state-out", dir.resolve("state.json"));
        assertOneLineRefusal(replay, "risk replay: the checkpoint " + out.resolve("checkpoint.snap") +
            " was taken under another engine configuration");
        final Run builtIn = cli("replay", "--checkpoint", out.resolve("checkpoint.snap"), "--events",
            out.resolve("events.jsonl"), "--state-out", dir.resolve("state.json"));
        assertOneLineRefusal(builtIn, "risk replay: the checkpoint");
        assertThat(builtIn.err).contains("the built-in configuration");
        assertOneLineRefusal(cli("replay", "--checkpoint", out.resolve("events.jsonl"), "--events",
            out.resolve("events.jsonl"), "--config", config.file(), "--state-out", dir.resolve("state.json")),
            "risk replay: not a usable checkpoint: " + out.resolve("events.jsonl"));
        assertThat(replay(out)).as("the named checkpoint, rolled forward").isEqualTo(liveOutputsOfTheRange());
    }

    @Test
    void shouldRefuseBadRangesAndDirectories() throws Exception
    {
        final String from = JsonTime.format(fromNs);
        final String to = JsonTime.format(toNs);
        final Path journalDir = config.journalDir();
        assertOneLineRefusal(cli("dump", "--journal", journalDir, "--from", to, "--to", from, "--out",
            dir.resolve("a"), "--config", config.file()), "risk dump: --from " + to + " is not before --to " + from);
        assertOneLineRefusal(cli("dump", "--journal", journalDir, "--from", from, "--to", from, "--out",
            dir.resolve("a"), "--config", config.file()), "risk dump: --from " + from + " is not before --to");
        final String before = JsonTime.format(journal.get(0).timeNs() - 3_600_000_000_000L);
        final String alsoBefore = JsonTime.format(journal.get(0).timeNs() - 60_000_000_000L);
        assertOneLineRefusal(cli("dump", "--journal", journalDir, "--from", before, "--to", alsoBefore, "--out",
            dir.resolve("a"), "--config", config.file()), "risk dump: no journal batch starts in [" + before);
        assertOneLineRefusal(cli("dump", "--journal", config.outputDir(), "--from", from, "--to", to, "--out",
            dir.resolve("a"), "--config", config.file()), "risk dump: not a journal: " + config.outputDir());
        assertOneLineRefusal(cli("dump", "--journal", dir, "--from", from, "--to", to, "--out",
            dir.resolve("a"), "--config", config.file()), "risk dump: not a queue");
        assertOneLineRefusal(cli("dump", "--journal", journalDir, "--from", "yesterday", "--to", to, "--out",
            dir.resolve("a"), "--config", config.file()), "risk dump: --from: not an ISO-8601 instant");
        final Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("notes.txt"), "keep\n");
        assertOneLineRefusal(cli("dump", "--journal", journalDir, "--from", from, "--to", to, "--out", full,
            "--config", config.file()), "risk dump: --out " + full + " is not empty");
        assertThat(full.resolve("notes.txt")).hasContent("keep");
        assertThat(dir.resolve("a")).doesNotExist();

        final Path newest = CheckpointFileNames.newest(config.checkpointDir());
        assertOneLineRefusal(cli("dump", "--journal", journalDir, "--from", from, "--to", to, "--out",
            dir.resolve("a"), "--config", config.file(), "--checkpoint", newest),
            "risk dump: the checkpoint " + newest + " holds journal sequences up to");
    }

    /**
     * A configuration file without an engine section runs the built-in engine: its fingerprint's engine half is the
     * built-in one, which a replay without --config checks checkpoints against.
     */
    @Test
    void shouldFingerprintTheBuiltInEngineAsAFileWithoutAnEngineSection() throws Exception
    {
        final Path plain = dir.resolve("plain.yaml");
        Files.writeString(plain, "dataDir: data\ninputs: [a, b, c]\n");
        final long file = ConfigLoader.load(plain).configFingerprint();
        assertThat((int)ConfigLoader.builtInFingerprint()).isEqualTo((int)file);
        assertThat((int)ConfigLoader.builtInFingerprint()).isNotEqualTo((int)config.configFingerprint());
    }

    private List<ObjectNode> replay(final Path out) throws Exception
    {
        final Path outputs = out.resolve("replayed.jsonl");
        final Run replay = cli("replay", "--checkpoint", out.resolve("checkpoint.snap"), "--events",
            out.resolve("events.jsonl"), "--config", out.resolve("config.yaml"), "--state-out",
            out.resolve("state.json"), "--outputs-out", outputs, "--strict");
        assertThat(replay.exitCode).as(replay.err).isZero();
        assertThat(replay.err).as("the reject before the range is the checkpoint's, not the replay's")
            .contains(" 0 rejected").doesNotContain("CROSSED_MARKET");
        return read(outputs);
    }

    private static List<ObjectNode> read(final Path outputs) throws Exception
    {
        final List<ObjectNode> nodes = new ArrayList<>();
        for (final String line : Files.readAllLines(outputs))
        {
            final ObjectNode node = (ObjectNode)LiveIncidentRun.MAPPER.readTree(line);
            // the replay names instruments; the output queue's messages carry ids only
            node.remove("symbol");
            nodes.add(node);
        }
        return nodes;
    }

    private List<ObjectNode> liveOutputsOfTheRange()
    {
        return run.liveOutputsOfTheRange();
    }

    private static String type(final JsonNode node)
    {
        return node.get("type").asText();
    }

    private static byte[] body(final Path file) throws Exception
    {
        final Checkpoint checkpoint = CheckpointFile.read(file, org.mmrisk.core.engine.RiskEngine.stateVersion());
        return Arrays.copyOfRange(checkpoint.bytes(), checkpoint.bodyOffset(),
            checkpoint.bodyOffset() + checkpoint.bodyLength());
    }

    private static void assertOneLineRefusal(final Run run, final String start)
    {
        assertThat(run.exitCode).as(run.err).isEqualTo(2);
        assertThat(run.err.strip().lines()).as(run.err).hasSize(1);
        assertThat(run.err).startsWith(start);
    }

    private static Run cli(final String verb, final Object... args)
    {
        final List<String> all = new ArrayList<>();
        all.add(verb);
        for (final Object arg : args)
        {
            all.add(String.valueOf(arg));
        }
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine cli = RiskCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        final int exitCode = cli.execute(all.toArray(new String[0]));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err)
    {
    }

    /** The daemon's checkpoint files by name, which sorts them by journal position. */
    private static final class CheckpointFileNames
    {
        static Path oldest(final Path dir) throws Exception
        {
            return sorted(dir).get(0);
        }

        static Path newest(final Path dir) throws Exception
        {
            final List<Path> files = sorted(dir);
            return files.get(files.size() - 1);
        }

        private static List<Path> sorted(final Path dir) throws Exception
        {
            try (var entries = Files.list(dir))
            {
                return entries.filter(p -> p.getFileName().toString().endsWith(CheckpointFile.SUFFIX)).sorted()
                    .toList();
            }
        }
    }
}
