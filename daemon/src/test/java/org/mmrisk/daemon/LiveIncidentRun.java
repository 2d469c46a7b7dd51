package org.mmrisk.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.MarginStatus;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.output.ScenarioGridMessage;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live daemon with checkpoints every 50 ms of engine time, fed in three stages, each journaled and followed by a
 * few checkpoints and risk snapshots before the next: what {@link IncidentDumpIntegrationTest} cuts the middle stage
 * out of. After the run it holds the journal's entries, the daemon's outputs read from its output queue and the
 * middle stage's time range. Owned by the test's thread.
 */
final class LiveIncidentRun
{
    private static final long TIMEOUT_MS = 30_000;
    static final ObjectMapper MAPPER = new ObjectMapper();

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


    /** One journal entry as the test reads it. */
    record Entry(long sequence, long timeNs, boolean batchEnd, boolean timer)
    {
    }

    final LoadedConfig config;
    final List<ObjectNode> liveOutputs = new ArrayList<>();
    final List<Entry> journal = new ArrayList<>();
    long fromNs;
    long toNs;
    /** The range's entries are journal[rangeFirst, rangeEnd). */
    int rangeFirst;
    int rangeEnd;

    private LiveIncidentRun(final LoadedConfig config)
    {
        this.config = config;
    }

    static LiveIncidentRun run(final Path dir) throws Exception
    {
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
        final LiveIncidentRun run = new LiveIncidentRun(ConfigLoader.load(file));
        final LoadedConfig config = run.config;
        int inputs = 0;
        try (RiskDaemon daemon = RiskDaemon.launch(config, Throwable::printStackTrace))
        {
            for (final String stage : List.of(STAGE_1, STAGE_2, STAGE_3))
            {
                inputs += run.writeInputs(stage);
                run.awaitJournaledInputs(inputs);
                // a few checkpoints and risk snapshots (engine time passes with the timers) between the stages
                awaitMore(daemon.counters().checkpointsWritten, 3);
            }
        }
        run.readJournal();
        run.readLiveOutputs();
        run.chooseTheMiddleStage();
        return run;
    }

    /**
     * @return the daemon's outputs whose engine time lies within the range's batches: those the range's events caused.
     */
    List<ObjectNode> liveOutputsOfTheRange()
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

    static int lines(final String stage)
    {
        return stage.split("\n").length;
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

}
