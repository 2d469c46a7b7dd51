package org.mmrisk.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.MarginStatus;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.output.ScenarioGridMessage;
import org.mmrisk.daemon.checkpoint.Checkpoint;
import org.mmrisk.daemon.checkpoint.CheckpointFile;
import org.mmrisk.daemon.cli.RiskCli;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.egress.OutputAdapter;
import org.mmrisk.daemon.journal.JournalReader;
import org.mmrisk.daemon.json.EventJsonReader;
import org.mmrisk.daemon.json.JsonTime;
import org.mmrisk.daemon.json.OutputJson;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.queue.SbeTailer;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
    private static final long TIMEOUT_MS = 30_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Instruments and first prices (one crossed, rejected): the state the range starts from. */
    private static final String STAGE_1 = String.join("\n",
        "{\"type\":\"instrument\",\"instrumentId\":1,\"symbol\":\"BTC-INDEX\",\"venue\":\"DERIBIT\",\"kind\":\"INDEX\"," +
            "\"underlying\":\"BTC\",\"settlement\":\"LINEAR\",\"quoteCurrency\":\"USD\",\"settleCurrency\":\"USD\"," +
            "\"contractSize\":1,\"contractUnit\":\"COIN\",\"tickSize\":0.01}",
        "{\"type\":\"instrument\",\"instrumentId\":2,\"symbol\":\"BTC-PERPETUAL\",\"venue\":\"DERIBIT\"," +
            "\"kind\":\"PERPETUAL\",\"underlying\":\"BTC\",\"settlement\":\"INVERSE\",\"quoteCurrency\":\"USD\"," +
            "\"settleCurrency\":\"BTC\",\"contractSize\":10,\"contractUnit\":\"USD\",\"tickSize\":0.5}",
        "{\"type\":\"instrument\",\"instrumentId\":3,\"symbol\":\"BTC-27DEC26-100000-C\",\"venue\":\"DERIBIT\"," +
            "\"kind\":\"OPTION\",\"underlying\":\"BTC\",\"settlement\":\"INVERSE\",\"quoteCurrency\":\"BTC\"," +
            "\"settleCurrency\":\"BTC\",\"contractSize\":1,\"contractUnit\":\"COIN\",\"tickSize\":0.0001," +
            "\"expiry\":\"2026-12-27T08:00:00Z\",\"strike\":100000,\"putCall\":\"CALL\"}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:00Z\",\"instrumentId\":1,\"bid\":95000,\"ask\":95000}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:00.1Z\",\"instrumentId\":2,\"bid\":95000,\"ask\":95000.5}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:00.2Z\",\"instrumentId\":2,\"bid\":95001,\"ask\":95000}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:01Z\",\"instrumentId\":3,\"bid\":0.03,\"ask\":0.032," +
            "\"markIv\":0.55,\"underlyingPrice\":95500}");

    /** The incident: an option fill over the delta limit and the hedge band, prices moving, a partial hedge. */
    private static final String STAGE_2 = String.join("\n",
        "{\"type\":\"fill\",\"time\":\"2026-11-25T08:00:02Z\",\"exchangeTime\":\"2026-11-25T08:00:01.9Z\"," +
            "\"venue\":\"DERIBIT\",\"fillId\":\"a1\",\"instrumentId\":3,\"side\":\"BUY\",\"quantity\":10," +
            "\"price\":0.031,\"fee\":0.0003,\"feeCurrency\":\"BTC\"}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:03Z\",\"instrumentId\":1,\"bid\":95200,\"ask\":95200}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:03.1Z\",\"instrumentId\":2,\"bid\":95200,\"ask\":95200.5}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:03.2Z\",\"instrumentId\":3,\"bid\":0.031,\"ask\":0.033," +
            "\"markIv\":0.56,\"underlyingPrice\":95700}",
        "{\"type\":\"fill\",\"time\":\"2026-11-25T08:00:05Z\",\"exchangeTime\":\"2026-11-25T08:00:04.9Z\"," +
            "\"venue\":\"DERIBIT\",\"fillId\":\"a2\",\"instrumentId\":2,\"side\":\"SELL\",\"quantity\":100," +
            "\"price\":95200}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:06Z\",\"instrumentId\":1,\"bid\":95100,\"ask\":95100}");

    /** After the incident. */
    private static final String STAGE_3 = String.join("\n",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:07Z\",\"instrumentId\":1,\"bid\":95300,\"ask\":95300}",
        "{\"type\":\"fill\",\"time\":\"2026-11-25T08:00:08Z\",\"exchangeTime\":\"2026-11-25T08:00:07.9Z\"," +
            "\"venue\":\"DERIBIT\",\"fillId\":\"a3\",\"instrumentId\":2,\"side\":\"SELL\",\"quantity\":200," +
            "\"price\":95300}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:09Z\",\"instrumentId\":2,\"bid\":95300,\"ask\":95300.5}");

    private Path dir;

    private LoadedConfig config;
    private final List<ObjectNode> liveOutputs = new ArrayList<>();
    private final List<Entry> journal = new ArrayList<>();
    private long fromNs;
    private long toNs;
    private int rangeFirst;
    private int rangeEnd;

    /** One journal entry as the test reads it. */
    private record Entry(long sequence, long timeNs, boolean batchEnd, boolean timer)
    {
    }

    @BeforeAll
    void runTheDaemonOnAFeedInThreeStages(@TempDir final Path tempDir) throws Exception
    {
        dir = tempDir;
        final Path file = dir.resolve("daemon.yaml");
        Files.writeString(file, String.join("\n",
            "dataDir: data",
            "inputs: [market, fills]",
            "queueBlockSizeMb: 1",
            "ring: {size: 1024, waitStrategy: sleeping}",
            "ingress: {idleStrategy: backoff, batchLimit: 16, timerIntervalMs: 20}",
            "egress: {heartbeatIntervalMs: 50}",
            "recovery: {checkpointIntervalSeconds: 0.05, checkpointsKept: 1000}",
            "engine: {snapshotIntervalMs: 100, limits: {BTC: {delta: 0.5}}, scenario: {sliceEvaluations: 65536},",
            "  hedging: {BTC: {instrument: BTC-PERPETUAL, bandCoins: 0.2, target: zero, timeoutMs: 1000}}}",
            ""));
        config = ConfigLoader.load(file);
        int inputs = 0;
        try (RiskDaemon daemon = RiskDaemon.launch(config, Throwable::printStackTrace))
        {
            for (final String stage : List.of(STAGE_1, STAGE_2, STAGE_3))
            {
                inputs += writeInputs(stage);
                awaitJournaledInputs(inputs);
                // a few checkpoints and risk snapshots (engine time passes with the timers) between the stages
                awaitMore(daemon.counters().checkpointsWritten, 3);
            }
        }
        readJournal();
        readLiveOutputs();
        chooseTheMiddleStage();
    }

    @Test
    void shouldReplayTheDumpedRangeToTheLiveOutputsOfThatRange() throws Exception
    {
        final Path out = dir.resolve("incident");
        final Run dump = cli("dump", "--journal", config.journalDir(), "--from", JsonTime.format(fromNs), "--to",
            JsonTime.format(toNs), "--out", out, "--config", config.file());
        assertThat(dump.exitCode).as(dump.err).isZero();
        final JsonNode manifest = MAPPER.readTree(out.resolve("dump.json").toFile());
        assertThat(manifest.get("firstJournalSequence").asLong()).isEqualTo(journal.get(rangeFirst).sequence);
        assertThat(manifest.get("lastJournalSequence").asLong()).isEqualTo(journal.get(rangeEnd - 1).sequence);
        assertThat(manifest.at("/checkpoint/base").asText()).as("a checkpoint the daemon kept")
            .startsWith(config.checkpointDir().toString());
        assertThat(manifest.at("/checkpoint/baseJournalSequence").asLong())
            .isLessThan(journal.get(rangeFirst).sequence);
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
        final long first = journal.get(rangeFirst).timeNs;
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
        final JsonNode manifest = MAPPER.readTree(fromStart.resolve("dump.json").toFile());
        assertThat(manifest.at("/checkpoint/base").asText()).isEqualTo("journal start");
        assertThat(manifest.at("/checkpoint/rolledForwardEvents").asLong()).isEqualTo(journal.get(rangeFirst).sequence);

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
        final String before = JsonTime.format(journal.get(0).timeNs - 3_600_000_000_000L);
        final String alsoBefore = JsonTime.format(journal.get(0).timeNs - 60_000_000_000L);
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
            final ObjectNode node = (ObjectNode)MAPPER.readTree(line);
            // the replay names instruments; the output queue's messages carry ids only
            node.remove("symbol");
            nodes.add(node);
        }
        return nodes;
    }

    /**
     * @return the daemon's outputs whose engine time lies within the range's batches: those the range's events caused.
     */
    private List<ObjectNode> liveOutputsOfTheRange()
    {
        final long first = journal.get(rangeFirst).timeNs;
        final long last = journal.get(rangeEnd - 1).timeNs;
        final List<ObjectNode> inRange = new ArrayList<>();
        for (final ObjectNode node : liveOutputs)
        {
            final long timeNs = JsonTime.parseNs(node.get("time").asText());
            if (timeNs >= first && timeNs <= last)
            {
                inRange.add(node);
            }
        }
        return inRange;
    }

    /**
     * The middle stage's time range: from the engine time of the batch holding its first input to that of the batch
     * holding the last stage's first input. The range is then every batch whose first entry's time lies in it
     * (ingress stamps a duty cycle's events with one time, so a timer batch just before may share it). Engine times
     * never go back in the journal, and the batches around the range end earlier than it starts or start after it
     * ends, so the outputs of the range are told from the others by their engine time.
     */
    private void chooseTheMiddleStage()
    {
        fromNs = journal.get(batchStart(nthInput(lines(STAGE_1)))).timeNs;
        toNs = journal.get(batchStart(nthInput(lines(STAGE_1) + lines(STAGE_2)))).timeNs;
        rangeFirst = firstBatchAtOrAfter(0, fromNs);
        rangeEnd = firstBatchAtOrAfter(rangeFirst + 1, toNs);
        for (int i = 1; i < journal.size(); i++)
        {
            assertThat(journal.get(i).timeNs).as("engine time at entry %d", i)
                .isGreaterThanOrEqualTo(journal.get(i - 1).timeNs);
        }
        assertThat(journal.get(rangeFirst - 1).timeNs).isLessThan(fromNs);
        assertThat(journal.get(rangeEnd - 1).timeNs).isLessThan(toNs);
    }

    private int firstBatchAtOrAfter(final int from, final long timeNs)
    {
        for (int i = from; i < journal.size(); i++)
        {
            if ((i == 0 || journal.get(i - 1).batchEnd) && journal.get(i).timeNs >= timeNs)
            {
                return i;
            }
        }
        throw new AssertionError("no batch starts at or after " + JsonTime.format(timeNs));
    }

    private int nthInput(final int inputsBefore)
    {
        int seen = 0;
        for (int i = 0; i < journal.size(); i++)
        {
            if (!journal.get(i).timer && seen++ == inputsBefore)
            {
                return i;
            }
        }
        throw new AssertionError("the journal holds " + seen + " inputs, expected more than " + inputsBefore);
    }

    private int batchStart(final int entry)
    {
        int i = entry;
        while (i > 0 && !journal.get(i - 1).batchEnd)
        {
            i--;
        }
        return i;
    }

    private static int lines(final String stage)
    {
        return stage.split("\n").length;
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

    private int writeInputs(final String stage)
    {
        // the daemon stamps engine time from its clock: fills must be recent for the fill-id horizon and the
        // exchange-time bound, and the option's expiry a month ahead
        final String events = TestTimes.shiftedToEndAt(stage, Instant.now().minusSeconds(1));
        final EventJsonReader reader = new EventJsonReader();
        final EventJsonReader.Result result = new EventJsonReader.Result();
        final RiskEvent event = new RiskEvent();
        final InputEncoder encoder = new InputEncoder();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
        int written = 0;
        try (ChronicleQueue market = Queues.open(config.inputDir("market"), config.queueBlockSizeBytes());
            ChronicleQueue fills = Queues.open(config.inputDir("fills"), config.queueBlockSizeBytes());
            SbeAppender marketAppender = new SbeAppender(market);
            SbeAppender fillAppender = new SbeAppender(fills))
        {
            for (final String line : events.split("\n"))
            {
                assertThat(reader.parse(line, event, result).reason).as(line).isNull();
                final int length = encoder.encode(event, buffer, 0);
                (event.type == EventType.FILL ? fillAppender : marketAppender).append(buffer, 0, length);
                written++;
            }
        }
        return written;
    }

    private void awaitJournaledInputs(final int inputs) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (true)
        {
            readJournal();
            final long journaled = journal.stream().filter(e -> !e.timer).count();
            if (journaled >= inputs)
            {
                return;
            }
            if (System.currentTimeMillis() > deadline)
            {
                throw new AssertionError("the journal holds " + journaled + " inputs after " + TIMEOUT_MS +
                    " ms, expected " + inputs);
            }
            Thread.sleep(10);
        }
    }

    private static void awaitMore(final AtomicCounter counter, final long more) throws InterruptedException
    {
        final long least = counter.get() + more;
        final long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (counter.get() < least)
        {
            if (System.currentTimeMillis() > deadline)
            {
                throw new AssertionError("counter '" + counter.label() + "' still " + counter.get() + " after " +
                    TIMEOUT_MS + " ms, expected at least " + least);
            }
            Thread.sleep(5);
        }
    }

    private void readJournal()
    {
        journal.clear();
        try (ChronicleQueue queue = Queues.openExisting(config.journalDir()); JournalReader reader = new JournalReader(queue))
        {
            while (reader.poll((event, sourceId, sourceIndex) -> journal.add(new Entry(event.journalSequence,
                event.timeNs, event.batchEnd, event.type == EventType.TIMER))) > 0)
            {
                // read to the end
            }
        }
    }

    private void readLiveOutputs() throws Exception
    {
        final OutputJson json = new OutputJson();
        final OutputAdapter adapter = new OutputAdapter(new RiskOutput()
        {
            public void onQuoteAdjustment(final QuoteAdjustment q)
            {
                liveOutputs.add(json.quote(q, null));
            }

            public void onRiskSnapshot(final RiskSnapshot s)
            {
                liveOutputs.add(json.snapshot(s));
            }

            public void onAlert(final Alert a)
            {
                liveOutputs.add(json.alert(a));
            }

            public void onHedgeSignal(final HedgeSignal h)
            {
                liveOutputs.add(json.hedge(h, null));
            }

            public void onScenarioGrid(final ScenarioGridMessage g)
            {
                liveOutputs.add(json.scenarioGrid(g));
            }

            public void onMarginStatus(final MarginStatus m)
            {
                liveOutputs.add(json.marginStatus(m));
            }
        }, (seq, wall, engine, lastOut, lastJournal) -> { });
        try (ChronicleQueue output = Queues.openExisting(config.outputDir()); SbeTailer tailer = new SbeTailer(output))
        {
            while (tailer.poll(adapter) > 0)
            {
                // read to the end
            }
        }
        // as text and back, as the replay's outputs are read: a number's JSON node type then follows its text
        for (int i = 0; i < liveOutputs.size(); i++)
        {
            liveOutputs.set(i, (ObjectNode)MAPPER.readTree(liveOutputs.get(i).toString()));
        }
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
