package org.mmrisk.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.daemon.checkpoint.CheckpointStore;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.egress.OutputAdapter;
import org.mmrisk.daemon.fault.FaultInjection;
import org.mmrisk.daemon.json.EventJsonReader;
import org.mmrisk.daemon.json.OutputJson;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.queue.SbeTailer;
import org.mmrisk.daemon.replay.ReplayRunner;
import org.mmrisk.daemon.retention.CycleFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real daemon on real Chronicle queues in a temporary directory: inputs through the input queues, decoded
 * outputs from the output queue, and a replay of its journal that must reproduce those outputs exactly.
 */
class DaemonIntegrationTest
{
    private static final long TIMEOUT_MS = 60_000;

    @TempDir
    Path dir;

    private final List<ObjectNode> outputs = new ArrayList<>();
    private final OutputJson json = new OutputJson();
    private long heartbeats;
    private double optionPositionInSnapshot;
    private QuoteAdjustment lastPerpQuote;

    @Test
    void shouldBookFillsEmitQuoteAdjustmentsAndReplayItsJournalToTheSameOutputs() throws Exception
    {
        final LoadedConfig config = ConfigLoader.load(writeConfig());
        try (RiskDaemon daemon = RiskDaemon.launch(config, Throwable::printStackTrace))
        {
            writeInputs(config);
            awaitOutputs(config);
        }
        readAllOutputs(config);

        assertThat(optionPositionInSnapshot).isEqualTo(10);
        assertThat(lastPerpQuote).isNotNull();
        assertThat(lastPerpQuote.kind).isEqualTo(InstrumentKind.PERPETUAL);
        assertThat(lastPerpQuote.shift).as("long call delta lowers the perpetual's quotes").isNegative();
        assertThat(heartbeats).isPositive();
        for (int i = 0; i < outputs.size(); i++)
        {
            assertThat(outputs.get(i).get("sequence").asLong()).isEqualTo(i);
        }

        final List<ObjectNode> replayed;
        try (ChronicleQueue journal = Queues.openExisting(config.journalDir()))
        {
            replayed = new ReplayRunner(config.engineConfig(), true).runJournal(journal).output().log();
        }
        replayed.forEach(node -> node.remove("symbol"));
        assertThat(replayed).isEqualTo(outputs);
        assertThat(outputs).as("the delta limit and the hedge band were crossed")
            .anyMatch(n -> "hedge".equals(n.get("type").asText()))
            .anyMatch(n -> "LIMIT_DELTA".equals(n.path("code").asText()));
        assertThat(outputs).as("the scenario outputs went through the queue and matched too")
            .anyMatch(n -> "scenarioGrid".equals(n.get("type").asText()) && n.get("points").size() > 0)
            .anyMatch(n -> "marginStatus".equals(n.get("type").asText()));
    }

    /**
     * Snapshots are taken while running and at shutdown; a restart restores the newest, passes over a damaged one
     * (logged) for the next, and in every case ends in exactly the state of one replay of the whole journal.
     */
    @Test
    void shouldRestartFromTheNewestGoodSnapshotAndMatchAFullJournalReplay() throws Exception
    {
        final Path file = writeConfig();
        Files.writeString(file, Files.readString(file) +
            "recovery: {checkpointIntervalSeconds: 0.05, checkpointsKept: 2}\n");
        final LoadedConfig config = ConfigLoader.load(file);
        final byte[][] finalState = new byte[1][];
        try (RiskDaemon daemon = RiskDaemon.launch(config, Throwable::printStackTrace, e -> finalState[0] = save(e)))
        {
            writeInputs(config);
            awaitOutputs(config);
            assertThat(daemon.awaitRecovery(TIMEOUT_MS)).isTrue();
            awaitAtLeast(daemon.counters().checkpointsTaken, 2);
            assertThat(daemon.counters().checkpointsTaken.get()).as("periodic snapshots").isGreaterThan(1);
        }
        final List<Path> snapshots = new CheckpointStore(config.checkpointDir(), 2).files();
        assertThat(snapshots).hasSize(2);
        assertThat(finalState[0]).isEqualTo(replayWholeJournal(config));

        try (RiskDaemon daemon = RiskDaemon.launch(config, Throwable::printStackTrace, e -> finalState[0] = save(e)))
        {
            assertThat(daemon.awaitRecovery(TIMEOUT_MS)).isTrue();
            assertThat(daemon.counters().recoveredEvents.get()).as("the shutdown snapshot holds everything").isZero();
        }
        assertThat(finalState[0]).isEqualTo(replayWholeJournal(config));

        final Path newest = new CheckpointStore(config.checkpointDir(), 2).files().get(0);
        final byte[] damaged = Files.readAllBytes(newest);
        damaged[damaged.length / 2] ^= 0x5a;
        Files.write(newest, damaged);
        try (RiskDaemon daemon = RiskDaemon.launch(config, Throwable::printStackTrace, e -> finalState[0] = save(e)))
        {
            assertThat(daemon.awaitRecovery(TIMEOUT_MS)).isTrue();
            assertThat(daemon.counters().recoveredEvents.get()).as("the older snapshot, then the journal after it")
                .isPositive();
        }
        assertThat(finalState[0]).isEqualTo(replayWholeJournal(config));
    }

    /**
     * Input files of days before the retention are deleted once every kept snapshot has read past them; the journal
     * (today's only) stays, and a restart still ends in the state of one full journal replay.
     */
    @Test
    void shouldDeleteInputDaysTheKeptSnapshotsHaveReadPast() throws Exception
    {
        final Path file = writeConfig();
        Files.writeString(file, Files.readString(file) +
            "recovery: {snapshotIntervalSeconds: 0.05, snapshotsKept: 2, queueRetentionDays: 1}\n");
        final LoadedConfig config = ConfigLoader.load(file);
        final int oldDay = (int)(System.currentTimeMillis() / 86_400_000L) - 10;
        writeGarbageOn(config, oldDay);
        final Path oldFile = config.inputDir("market").resolve(CycleFiles.fileName(oldDay));
        assertThat(oldFile).exists();
        final byte[][] finalState = new byte[1][];
        try (RiskDaemon daemon = RiskDaemon.launch(config, Throwable::printStackTrace, e -> finalState[0] = save(e)))
        {
            writeInputs(config);
            awaitOutputs(config);
            awaitAtLeast(daemon.counters().queueFilesDeleted, 1);
            assertThat(daemon.counters().queueFilesDeleted.get()).isEqualTo(1);
        }
        assertThat(oldFile).doesNotExist();

        try (RiskDaemon daemon = RiskDaemon.launch(config, Throwable::printStackTrace, e -> finalState[0] = save(e)))
        {
            assertThat(daemon.awaitRecovery(TIMEOUT_MS)).isTrue();
        }
        assertThat(finalState[0]).isEqualTo(replayWholeJournal(config));
    }

    /**
     * A changed limit with --accept-config-change: the shutdown snapshot of the old configuration is restored, the
     * new limit replaces its limit, and a snapshot under the new configuration is taken at once, so the next start
     * needs no acceptance.
     */
    @Test
    void shouldContinueUnderAChangedConfigurationWhenTheOperatorAcceptsIt() throws Exception
    {
        final Path file = writeConfig();
        // snapshots at shutdown only, so that one taken while running comes from the accepted change
        Files.writeString(file, Files.readString(file) + "recovery: {checkpointIntervalSeconds: 0}\n");
        final LoadedConfig before = ConfigLoader.load(file);
        final double[] deltaLimit = new double[1];
        final java.util.function.Consumer<org.mmrisk.core.engine.RiskEngine> limitOnShutdown = engine ->
            deltaLimit[0] = engine.underlyings().get(0).limit(org.mmrisk.core.limits.LimitKind.DELTA);
        try (RiskDaemon daemon = RiskDaemon.launch(before, Throwable::printStackTrace, limitOnShutdown))
        {
            writeInputs(before);
            awaitOutputs(before);
        }
        assertThat(deltaLimit[0]).isEqualTo(0.5);
        Files.writeString(file, Files.readString(file).replace("delta: 0.5", "delta: 0.8"));
        final LoadedConfig after = ConfigLoader.load(file);
        assertThat(after.configFingerprint()).isNotEqualTo(before.configFingerprint());

        try (RiskDaemon daemon = RiskDaemon.launch(after, Throwable::printStackTrace, limitOnShutdown, true))
        {
            assertThat(daemon.awaitRecovery(TIMEOUT_MS)).isTrue();
            assertThat(daemon.counters().recoveredEvents.get()).as("from the snapshot, not the journal").isZero();
            awaitAtLeast(daemon.counters().checkpointsWritten, 1);
            assertThat(daemon.counters().checkpointsWritten.get()).as("a snapshot under the new configuration")
                .isPositive();
        }
        assertThat(deltaLimit[0]).isEqualTo(0.8);

        deltaLimit[0] = 0;
        try (RiskDaemon daemon = RiskDaemon.launch(after, Throwable::printStackTrace, limitOnShutdown))
        {
            assertThat(daemon.awaitRecovery(TIMEOUT_MS)).isTrue();
            assertThat(daemon.counters().recoveredEvents.get()).isZero();
        }
        assertThat(deltaLimit[0]).isEqualTo(0.8);
    }

    /**
     * An accepted change with journal to replay after the snapshot: the new configuration (a delta limit and a hedge
     * band the book never reaches) makes fewer outputs of the replayed events than the old run wrote (no limit alerts,
     * no hedge signals), and the daemon still
     * numbers its live outputs after the last one written: the output queue's sequence has no repeats and no gaps.
     */
    @Test
    void shouldNumberLiveOutputsAfterTheLastWrittenWhenAnAcceptedChangeReplaysFewer() throws Exception
    {
        restartUnderLimitsThatCutTheReplaysOutputs(true);
    }

    /**
     * The same change without the flag: the whole journal is replayed under the new limits, and live outputs are
     * still numbered after the last one written.
     */
    @Test
    void shouldNumberLiveOutputsAfterTheLastWrittenWhenAWholeReplayUnderAChangeMakesFewer() throws Exception
    {
        restartUnderLimitsThatCutTheReplaysOutputs(false);
    }

    /**
     * Egress fails in the middle of a batch (a fault injected at its fourth output): the daemon records the failure,
     * writes no final checkpoint and hands no state over, and a restart writes the batch's missing outputs with the
     * next sequence numbers and ends in the state of one replay of the whole journal.
     */
    @Test
    void shouldNotCheckpointAFailedBatchAndRestartWithItsMissingOutputs() throws Exception
    {
        final Path file = writeConfig();
        // one checkpoint at the first batch end (before any input), the next a day of engine time later
        Files.writeString(file, Files.readString(file) + "recovery: {checkpointIntervalSeconds: 86400}\n");
        final LoadedConfig config = ConfigLoader.load(file);
        final byte[][] finalState = new byte[1][];
        final int outputsBeforeFault = 3;
        try (RiskDaemon daemon = RiskDaemon.launch(config, error -> { }, e -> finalState[0] = save(e)))
        {
            assertThat(daemon.awaitRecovery(TIMEOUT_MS)).isTrue();
            awaitAtLeast(daemon.counters().checkpointsWritten, 1);
            FaultInjection.arm(FaultInjection.EGRESS_WRITE, false, outputsBeforeFault);
            writeInputs(config);
            awaitFailure(daemon);
            assertThat(daemon.failure().describe()).contains("fault injected at egress.write");
        }
        finally
        {
            FaultInjection.disarm();
        }
        assertThat(finalState[0]).as("no state handed over after a failure").isNull();
        assertThat(new CheckpointStore(config.checkpointDir(), 3).files()).as("only the checkpoint before the inputs")
            .hasSize(1);
        readAllOutputs(config);
        assertThat(outputs).hasSize(outputsBeforeFault);

        try (RiskDaemon daemon = RiskDaemon.launch(config, Throwable::printStackTrace, e -> finalState[0] = save(e)))
        {
            assertThat(daemon.awaitRecovery(TIMEOUT_MS)).isTrue();
            assertThat(daemon.counters().recoveryOutputsRewritten.get()).as("the failed batch's outputs").isPositive();
        }
        assertThat(finalState[0]).isEqualTo(replayWholeJournal(config));
        outputs.clear();
        readAllOutputs(config);
        assertThat(outputs.size()).isGreaterThan(outputsBeforeFault);
        for (int i = 0; i < outputs.size(); i++)
        {
            assertThat(outputs.get(i).get("sequence").asLong()).as("output %d", i).isEqualTo(i);
        }
    }

    /**
     * Start-up recovery fails (a fault injected once the journal is replayed): Disruptor goes on delivering ring
     * events to the engine thread all the same, and the engine must take none of them: no output and no checkpoint of
     * a half-recovered engine, while the journaller keeps what ingress reads for the next start.
     */
    @Test
    void shouldTakeNoLiveInputAndWriteNoCheckpointAfterAFailedRecovery() throws Exception
    {
        final Path file = writeConfig();
        Files.writeString(file, Files.readString(file) + "recovery: {checkpointIntervalSeconds: 0.05}\n");
        final LoadedConfig config = ConfigLoader.load(file);
        try (RiskDaemon daemon = RiskDaemon.launch(config, Throwable::printStackTrace))
        {
            writeInputs(config);
            awaitOutputs(config);
        }
        readAllOutputs(config);
        final int outputsBefore = outputs.size();
        final List<Path> checkpointsBefore = new CheckpointStore(config.checkpointDir(), 3).files();
        final byte[][] finalState = new byte[1][];
        FaultInjection.arm(FaultInjection.RECOVERY_REPLAYED, false, 0);
        try (RiskDaemon daemon = RiskDaemon.launch(config, error -> { }, e -> finalState[0] = save(e)))
        {
            awaitFailure(daemon);
            assertThat(daemon.failure().describe()).contains("fault injected at recovery.replayed");
            final long journaledBefore = daemon.counters().journalEntries.get();
            writeInputs(config);
            // the journaller has taken the new inputs: the engine has seen them too, and refused them
            awaitAtLeast(daemon.counters().journalEntries, journaledBefore + 10);
        }
        finally
        {
            FaultInjection.disarm();
        }
        assertThat(finalState[0]).as("no state handed over").isNull();
        assertThat(new CheckpointStore(config.checkpointDir(), 3).files()).isEqualTo(checkpointsBefore);
        outputs.clear();
        readAllOutputs(config);
        assertThat(outputs).as("no output from the half-recovered engine").hasSize(outputsBefore);
    }

    private void restartUnderLimitsThatCutTheReplaysOutputs(final boolean accept) throws Exception
    {
        final Path file = writeConfig();
        // one snapshot at the first batch end (before any input), the next a day of engine time later
        Files.writeString(file, Files.readString(file) + "recovery: {checkpointIntervalSeconds: 86400}\n");
        final LoadedConfig before = ConfigLoader.load(file);
        try (RiskDaemon daemon = RiskDaemon.launch(before, Throwable::printStackTrace))
        {
            assertThat(daemon.awaitRecovery(TIMEOUT_MS)).isTrue();
            awaitAtLeast(daemon.counters().checkpointsWritten, 1);
            writeInputs(before);
            awaitOutputs(before);
        }
        final List<Path> snapshots = new CheckpointStore(before.checkpointDir(), 3).files();
        assertThat(snapshots).hasSize(2);
        Files.delete(snapshots.get(0));
        readAllOutputs(before);
        final int writtenBefore = outputs.size();
        Files.writeString(file, Files.readString(file).replace("delta: 0.5", "delta: 100")
            .replace("bandCoins: 0.2", "bandCoins: 100"));
        final LoadedConfig after = ConfigLoader.load(file);

        try (RiskDaemon daemon = RiskDaemon.launch(after, Throwable::printStackTrace, e -> { }, accept))
        {
            assertThat(daemon.awaitRecovery(TIMEOUT_MS)).isTrue();
            assertThat(daemon.counters().recoveredEvents.get()).as("the whole input replayed").isPositive();
            awaitOutputCount(after, writtenBefore + 1);
        }
        outputs.clear();
        readAllOutputs(after);
        assertThat(outputs.size()).as("live risk snapshots written after the restart").isGreaterThan(writtenBefore);
        for (int i = 0; i < outputs.size(); i++)
        {
            assertThat(outputs.get(i).get("sequence").asLong()).as("output %d", i).isEqualTo(i);
        }
    }

    private static void awaitFailure(final RiskDaemon daemon) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!daemon.failure().failed())
        {
            if (System.currentTimeMillis() > deadline)
            {
                throw new AssertionError("the daemon did not fail within " + TIMEOUT_MS + " ms");
            }
            Thread.sleep(5);
        }
    }

    private static void awaitAtLeast(final org.agrona.concurrent.status.AtomicCounter counter, final long least)
        throws InterruptedException
    {
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

    private static void writeGarbageOn(final LoadedConfig config, final int day)
    {
        final SetTimeProvider clock = new SetTimeProvider(TimeUnit.DAYS.toNanos(day));
        Queues.createOwnerOnly(config.inputDir("market"));
        try (ChronicleQueue market = SingleChronicleQueueBuilder.single(config.inputDir("market").toFile())
            .rollCycle(Queues.ROLL_CYCLE).timeProvider(clock).build();
            SbeAppender appender = new SbeAppender(market))
        {
            appender.append(new UnsafeBuffer(new byte[3]), 0, 3);
        }
    }

    private static byte[] save(final org.mmrisk.core.engine.RiskEngine engine)
    {
        final org.mmrisk.core.state.StateWriter writer = new org.mmrisk.core.state.StateWriter(1 << 16);
        engine.saveState(writer);
        final byte[] bytes = new byte[writer.length()];
        writer.buffer().getBytes(0, bytes);
        return bytes;
    }

    private static byte[] replayWholeJournal(final LoadedConfig config)
    {
        final org.mmrisk.core.engine.RiskEngine engine = new org.mmrisk.core.engine.RiskEngine(config.engineConfig(),
            new org.mmrisk.core.output.CountingOutput());
        try (ChronicleQueue journal = Queues.openExisting(config.journalDir()))
        {
            org.mmrisk.daemon.journal.JournalReplayer.replay(journal, engine);
        }
        return save(engine);
    }

    private Path writeConfig() throws Exception
    {
        final Path file = dir.resolve("daemon.yaml");
        Files.writeString(file, String.join("\n",
            "dataDir: data",
            "inputs: [market, fills]",
            "queueBlockSizeMb: 1",
            "ring: {size: 1024, waitStrategy: sleeping}",
            "ingress: {idleStrategy: backoff, batchLimit: 16, timerIntervalMs: 20}",
            "egress: {heartbeatIntervalMs: 50}",
            // a large scenario slice, so that the short script's batches hold a few margin refreshes
            "engine: {snapshotIntervalMs: 100, limits: {BTC: {delta: 0.5}}, scenario: {sliceEvaluations: 65536},",
            "  hedging: {BTC: {instrument: BTC-PERPETUAL, bandCoins: 0.2, target: zero, timeoutMs: 1000}}}",
            ""));
        return file;
    }

    private void writeInputs(final LoadedConfig config)
    {
        // The daemon stamps engine time from its clock, so the script's times move with it: its last event lands a
        // few seconds before now, its fills within the fill-id horizon and its option's expiry 32 days ahead.
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
                if (reader.parse(line, event, result).reason != null)
                {
                    marketAppender.append(buffer, 0, 3);
                    continue;
                }
                if (event.type == org.mmrisk.core.event.EventType.TIMER)
                {
                    continue;
                }
                final int length = encoder.encode(event, buffer, 0);
                (event.type == org.mmrisk.core.event.EventType.FILL ? fillAppender : marketAppender)
                    .append(buffer, 0, length);
            }
        }
    }

    private void awaitOutputs(final LoadedConfig config) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        try (ChronicleQueue output = Queues.open(config.outputDir(), config.queueBlockSizeBytes());
            SbeTailer tailer = new SbeTailer(output))
        {
            final OutputAdapter adapter = adapter();
            while (optionPositionInSnapshot != 10 || heartbeats < 2)
            {
                if (System.currentTimeMillis() > deadline)
                {
                    throw new AssertionError("after " + TIMEOUT_MS + " ms the output queue holds no risk snapshot " +
                        "with the option fill booked (option position " + optionPositionInSnapshot + ", expected 10) " +
                        "or fewer than 2 heartbeats (" + heartbeats + ")");
                }
                if (tailer.poll(adapter) == 0)
                {
                    Thread.sleep(10);
                }
            }
        }
        outputs.clear();
    }

    /** Waits until the output queue holds more than the outputs written before a restart: live ones after it. */
    private void awaitOutputCount(final LoadedConfig config, final int count) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (true)
        {
            outputs.clear();
            readAllOutputs(config);
            if (outputs.size() >= count)
            {
                return;
            }
            if (System.currentTimeMillis() > deadline)
            {
                throw new AssertionError("the output queue holds " + outputs.size() + " outputs after " + TIMEOUT_MS +
                    " ms, expected at least " + count);
            }
            Thread.sleep(20);
        }
    }

    private void readAllOutputs(final LoadedConfig config)
    {
        heartbeats = 0;
        try (ChronicleQueue output = Queues.openExisting(config.outputDir()); SbeTailer tailer = new SbeTailer(output))
        {
            final OutputAdapter adapter = adapter();
            while (tailer.poll(adapter) > 0)
            {
                // read to the end
            }
        }
    }

    private OutputAdapter adapter()
    {
        return new OutputAdapter(new RiskOutput()
        {
            public void onQuoteAdjustment(final QuoteAdjustment q)
            {
                outputs.add(json.quote(q, null));
                if (q.kind == InstrumentKind.PERPETUAL)
                {
                    lastPerpQuote = new QuoteAdjustment();
                    lastPerpQuote.kind = q.kind;
                    lastPerpQuote.shift = q.shift;
                }
            }

            public void onRiskSnapshot(final RiskSnapshot s)
            {
                outputs.add(json.snapshot(s));
                for (int i = 0; i < s.positionCount; i++)
                {
                    if (s.instrumentId[i] == 3)
                    {
                        optionPositionInSnapshot = s.quantity[i];
                    }
                }
            }

            public void onAlert(final Alert a)
            {
                outputs.add(json.alert(a));
            }

            public void onHedgeSignal(final org.mmrisk.core.output.HedgeSignal h)
            {
                outputs.add(json.hedge(h, null));
            }

            public void onScenarioGrid(final org.mmrisk.core.output.ScenarioGridMessage g)
            {
                outputs.add(json.scenarioGrid(g));
            }

            public void onMarginStatus(final org.mmrisk.core.output.MarginStatus m)
            {
                outputs.add(json.marginStatus(m));
            }
        }, (seq, wall, engine, lastOut, lastJournal) -> heartbeats++);
    }
}
