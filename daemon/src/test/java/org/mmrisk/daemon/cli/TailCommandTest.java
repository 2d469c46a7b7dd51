package org.mmrisk.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.codecs.JournalEntryEncoder;
import org.mmrisk.codecs.MessageHeaderEncoder;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.journal.Journaller;
import org.mmrisk.daemon.json.EventJsonReader;
import org.mmrisk.daemon.json.JsonTime;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.replay.ReplayRunner;
import org.mmrisk.daemon.ring.RingEvent;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code risk tail} prints input queues and the journal in the replay format: what it prints replays, line for line,
 * to the state the queue itself gives.
 */
class TailCommandTest
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> EVENTS = List.of(
        "{\"type\":\"instrument\",\"time\":\"2026-11-25T07:59:59Z\",\"instrumentId\":1,\"symbol\":\"BTC-INDEX\"," +
            "\"venue\":\"DERIBIT\",\"kind\":\"INDEX\",\"underlying\":\"BTC\",\"settlement\":\"LINEAR\"," +
            "\"quoteCurrency\":\"USD\",\"settleCurrency\":\"USD\",\"contractSize\":1,\"contractUnit\":\"COIN\"," +
            "\"tickSize\":0.01}",
        "{\"type\":\"instrument\",\"time\":\"2026-11-25T07:59:59Z\",\"instrumentId\":2,\"symbol\":\"BTC-PERPETUAL\"," +
            "\"venue\":\"DERIBIT\",\"kind\":\"PERPETUAL\",\"underlying\":\"BTC\",\"settlement\":\"INVERSE\"," +
            "\"quoteCurrency\":\"USD\",\"settleCurrency\":\"BTC\",\"contractSize\":10,\"contractUnit\":\"USD\"," +
            "\"tickSize\":0.5}",
        "{\"type\":\"instrument\",\"time\":\"2026-11-25T07:59:59Z\",\"instrumentId\":3," +
            "\"symbol\":\"BTC-27DEC26-100000-C\",\"venue\":\"DERIBIT\",\"kind\":\"OPTION\",\"underlying\":\"BTC\"," +
            "\"settlement\":\"INVERSE\",\"quoteCurrency\":\"BTC\",\"settleCurrency\":\"BTC\",\"contractSize\":1," +
            "\"contractUnit\":\"COIN\",\"tickSize\":0.0001,\"expiry\":\"2026-12-27T08:00:00Z\",\"strike\":100000," +
            "\"putCall\":\"CALL\"}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:00Z\",\"exchangeTime\":\"2026-11-25T07:59:59.9Z\"," +
            "\"instrumentId\":1,\"bid\":95000,\"ask\":95000}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:00.5Z\",\"instrumentId\":2,\"bid\":95000,\"ask\":95000.5}",
        "{\"type\":\"vol\",\"time\":\"2026-11-25T08:00:01Z\",\"underlying\":\"BTC\"," +
            "\"expiry\":\"2026-12-27T08:00:00Z\",\"a\":0.02,\"b\":0.1,\"rho\":-0.2,\"m\":0,\"sigma\":0.2}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:01Z\",\"instrumentId\":3,\"bid\":0.03,\"ask\":0.032," +
            "\"markIv\":0.55,\"underlyingPrice\":95500}",
        "{\"type\":\"fill\",\"time\":\"2026-11-25T08:00:02Z\",\"exchangeTime\":\"2026-11-25T08:00:01.9Z\"," +
            "\"venue\":\"DERIBIT\",\"fillId\":\"a1\",\"instrumentId\":3,\"side\":\"BUY\",\"quantity\":10," +
            "\"price\":0.031,\"fee\":0.0003,\"feeCurrency\":\"BTC\"}",
        "{\"type\":\"position\",\"time\":\"2026-11-25T08:00:03Z\",\"instrumentId\":2,\"quantity\":-500," +
            "\"avgPrice\":94000}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:04Z\",\"instrumentId\":2,\"bid\":95100,\"ask\":95100.5}",
        "{\"type\":\"control\",\"time\":\"2026-11-25T08:00:05Z\",\"command\":\"SET_EQUITY\",\"underlying\":\"BTC\"," +
            "\"value\":12}",
        "{\"type\":\"control\",\"time\":\"2026-11-25T08:00:05.5Z\",\"command\":\"SET_EQUITY\",\"underlying\":\"BTC\"," +
            "\"currency\":\"USD\",\"value\":250000}",
        "{\"type\":\"control\",\"time\":\"2026-11-25T08:00:06Z\",\"command\":\"CLEAR_LIMIT\",\"underlying\":\"BTC\"," +
            "\"limit\":\"delta\"}");
    /** The line of {@link #EVENTS} whose bid the queues carry as +Infinity. */
    private static final int INFINITE_BID_LINE = 10;

    @TempDir
    Path dir;

    @Test
    void shouldPrintEveryLineOfAnInputQueueWithATimeAndReplayItWithoutReject() throws IOException
    {
        final Path queueDir = dir.resolve("input");
        writeInputQueue(queueDir, parsedEvents(true));

        final List<String> lines = tail(queueDir);

        assertThat(lines).hasSize(EVENTS.size());
        for (int i = 0; i < lines.size(); i++)
        {
            final JsonNode line = MAPPER.readTree(lines.get(i));
            assertThat(JsonTime.parseNs(line.get("time").asText())).as(lines.get(i))
                .isEqualTo(JsonTime.parseNs(MAPPER.readTree(EVENTS.get(i)).get("time").asText()));
        }
        final ObjectNode tailed = replay(lines);
        assertThat(tailed.get("rejects")).hasSize(1);
        assertThat(tailed.get("rejects").get(0).get("line").asInt()).isEqualTo(INFINITE_BID_LINE);
        assertThat(tailed.get("rejects").get(0).get("reason").asText()).isEqualTo("NOT_FINITE");
        assertThat(lines.get(INFINITE_BID_LINE - 1)).contains("\"bid\":\"Infinity\"");
        assertThat(withoutRunRecords(tailed)).isEqualTo(withoutRunRecords(replay(withInfiniteBid(EVENTS))));
    }

    @Test
    void shouldPrintTheJournalWithEngineTimeAndBatchEndsAndReplayItToTheJournalsState() throws IOException
    {
        final Path journalDir = dir.resolve("journal");
        writeJournal(journalDir, parsedEvents(false));

        final List<String> lines = tail(journalDir);

        assertThat(lines).hasSize(EVENTS.size()).allMatch(line -> line.contains("\"time\":"));
        assertThat(lines.get(0)).contains("\"batchEnd\":false");
        assertThat(lines.get(11)).as("the USD balance's command keeps its currency")
            .contains("\"command\":\"SET_EQUITY\"").contains("\"currency\":\"USD\"");
        assertThat(lines.get(10)).doesNotContain("currency");
        final ObjectNode tailed = replay(lines);
        final ObjectNode journal;
        try (ChronicleQueue queue = Queues.openExisting(journalDir))
        {
            final ReplayRunner runner = new ReplayRunner(new EngineConfig().conclude(), false).runJournal(queue);
            assertThat(runner.summary()).isEqualTo("13 journal entries read, 13 applied, 0 rejected");
            journal = runner.state();
        }
        assertThat(tailed.get("rejects")).isEmpty();
        assertThat(withoutJournalSequences(withoutRunRecords(tailed)))
            .isEqualTo(withoutJournalSequences(withoutRunRecords(journal)));
    }

    /**
     * {@code risk tail --follow | head}: once the reader has gone, the follower stops instead of following for ever
     * (a JVM ignores SIGPIPE; the failed write is what tells it). Without the check this test runs into its timeout.
     */
    @Test
    @Timeout(30)
    void shouldStopFollowingOnceItsReaderHasGone() throws IOException
    {
        final Path queueDir = dir.resolve("input");
        writeInputQueue(queueDir, parsedEvents(true));
        final OutputStream closedPipe = new OutputStream()
        {
            @Override
            public void write(final int b) throws IOException
            {
                throw new IOException("Broken pipe");
            }
        };
        final CommandLine cli = RiskCli.commandLine();
        cli.setOut(new PrintWriter(closedPipe));
        assertThat(cli.execute("tail", queueDir.toString(), "--follow")).isZero();
    }

    @Test
    void shouldRefuseADirectoryThatIsNotAQueueAndWriteNothingIntoIt() throws IOException
    {
        final Path notAQueue = Files.createDirectories(dir.resolve("not-a-queue"));

        final CliRun.Result result = CliRun.verb("tail").argument(notAQueue).run();

        assertThat(result.exitCode).isNotZero();
        assertThat(result.out).isEmpty();
        assertThat(result.err.strip()).isEqualTo("risk tail: not a queue: " + notAQueue +
            " holds no metadata.cq4t or *.cq4 file");
        assertThat(listing(notAQueue)).isEmpty();
    }

    @Test
    void shouldNameTheQueuesInADirectoryOfQueues()
    {
        writeInputQueue(dir.resolve("input").resolve("market"), parsedEvents(false));

        final CliRun.Result result = CliRun.verb("tail").argument(dir.resolve("input")).run();

        assertThat(result.exitCode).isNotZero();
        assertThat(result.err).contains("not a queue: ").contains("; the queues in it: market");
    }

    @Test
    void shouldRefuseAMissingDirectory()
    {
        final CliRun.Result result = CliRun.verb("tail").argument(dir.resolve("missing")).run();

        assertThat(result.exitCode).isNotZero();
        assertThat(result.err.strip()).isEqualTo("risk tail: no such directory: " + dir.resolve("missing"));
        assertThat(dir.resolve("missing")).doesNotExist();
    }

    @Test
    void shouldReadAQueueWithoutWritingIntoIt() throws IOException
    {
        final Path queueDir = dir.resolve("input");
        writeInputQueue(queueDir, parsedEvents(false));
        final List<String> before = listing(queueDir);

        assertThat(tail(queueDir)).hasSize(EVENTS.size());

        assertThat(listing(queueDir)).isEqualTo(before);
    }

    /**
     * @return each file's name, size and modification time.
     */
    private static List<String> listing(final Path queueDir) throws IOException
    {
        try (Stream<Path> files = Files.list(queueDir))
        {
            return files.sorted().map(file -> file.getFileName() + " " + file.toFile().length() + " " +
                file.toFile().lastModified()).toList();
        }
    }

    private List<String> tail(final Path queueDir)
    {
        final CliRun.Result result = CliRun.verb("tail").argument(queueDir).run();
        assertThat(result.exitCode).as(result.err).isZero();
        return result.out.lines().toList();
    }

    private static ObjectNode replay(final List<String> lines) throws IOException
    {
        return new ReplayRunner(new EngineConfig().conclude(), false)
            .runLines(new BufferedReader(new StringReader(String.join("\n", lines)))).state();
    }

    /**
     * @return the state without what depends on how it was read: rejects (a journal replay keeps none) and counters
     * (a line refused at parse is not an engine reject).
     */
    private static ObjectNode withoutRunRecords(final ObjectNode state)
    {
        final ObjectNode copy = state.deepCopy();
        copy.remove("rejects");
        copy.remove("counters");
        return copy;
    }

    /**
     * @return the state without the quotes' journal sequences, which a replay line does not carry.
     */
    private static ObjectNode withoutJournalSequences(final ObjectNode state)
    {
        state.get("quotes").forEach(quote -> ((ObjectNode)quote).remove("causeJournalSequence"));
        return state;
    }

    private static List<String> withInfiniteBid(final List<String> events)
    {
        return events.stream().map(line -> events.indexOf(line) == INFINITE_BID_LINE - 1 ?
            line.replace("\"bid\":95100", "\"bid\":\"Infinity\"") : line).toList();
    }

    private static RiskEvent[] parsedEvents(final boolean infiniteBid)
    {
        final EventJsonReader reader = new EventJsonReader();
        final EventJsonReader.Result result = new EventJsonReader.Result();
        final RiskEvent[] events = new RiskEvent[EVENTS.size()];
        for (int i = 0; i < events.length; i++)
        {
            events[i] = new RiskEvent();
            reader.parse(EVENTS.get(i), events[i], result);
            assertThat(result.reason).as(EVENTS.get(i)).isNull();
            events[i].sendTimeNs = events[i].timeNs;
        }
        if (infiniteBid)
        {
            events[INFINITE_BID_LINE - 1].bid = Double.POSITIVE_INFINITY;
        }
        return events;
    }

    private static void writeInputQueue(final Path queueDir, final RiskEvent[] events)
    {
        final InputEncoder encoder = new InputEncoder();
        try (ChronicleQueue queue = Queues.open(queueDir); SbeAppender appender = new SbeAppender(queue))
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[RingEvent.MAX_PAYLOAD_LENGTH]);
            for (final RiskEvent event : events)
            {
                appender.append(buffer, 0, encoder.encode(event, buffer, 0));
            }
        }
    }

    /**
     * Writes the events as the journaller would: the first two in one batch, then one batch each.
     */
    private static void writeJournal(final Path journalDir, final RiskEvent[] events)
    {
        final InputEncoder encoder = new InputEncoder();
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final JournalEntryEncoder entry = new JournalEntryEncoder();
        final RingEvent ring = new RingEvent();
        try (ChronicleQueue queue = Queues.open(journalDir); SbeAppender appender = new SbeAppender(queue))
        {
            long sequence = 0;
            for (final RiskEvent event : events)
            {
                ring.payloadLength = encoder.encode(event, ring.payload, 0);
                ring.sourceIndex = sequence;
                ring.sourceId = 0;
                ring.event.timeNs = event.timeNs;
                ring.event.receiveTimeNs = event.timeNs;
                ring.event.batchEnd = sequence != 0;
                ring.event.journalSequence = ++sequence;
                Journaller.encode(ring, appender.claim(Journaller.encodedLength(ring.payloadLength)), header, entry,
                    new org.mmrisk.daemon.codec.MessageChecksum());
                appender.commit();
            }
        }
    }
}
