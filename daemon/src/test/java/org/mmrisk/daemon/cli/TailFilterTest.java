package org.mmrisk.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.egress.OutputEncoder;
import org.mmrisk.daemon.json.EventJsonReader;
import org.mmrisk.daemon.json.JsonTime;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.ring.RingEvent;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code risk tail} with {@code --type}, {@code --instrument}, {@code --underlying}, {@code --since} and
 * {@code --until}, on an input queue of two underlyings and on an output queue. Relative times count back from a
 * clock the test sets.
 */
class TailFilterTest
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String DEFINITIONS =
        "\"venue\":\"DERIBIT\",\"kind\":\"INDEX\",\"settlement\":\"LINEAR\",\"quoteCurrency\":\"USD\"," +
        "\"settleCurrency\":\"USD\",\"contractSize\":1,\"contractUnit\":\"COIN\",\"tickSize\":0.01}";
    /** Line i (from 0) is at 08:00:0i. */
    private static final List<String> EVENTS = List.of(
        "{\"type\":\"instrument\",\"time\":\"2026-11-25T08:00:00Z\",\"instrumentId\":1,\"symbol\":\"BTC-INDEX\"," +
            "\"underlying\":\"BTC\"," + DEFINITIONS,
        "{\"type\":\"instrument\",\"time\":\"2026-11-25T08:00:01Z\",\"instrumentId\":11,\"symbol\":\"ETH-INDEX\"," +
            "\"underlying\":\"ETH\"," + DEFINITIONS,
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:02Z\",\"instrumentId\":1,\"bid\":95000,\"ask\":95001}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:03Z\",\"instrumentId\":11,\"bid\":3500,\"ask\":3501}",
        "{\"type\":\"fill\",\"time\":\"2026-11-25T08:00:04Z\",\"exchangeTime\":\"2026-11-25T08:00:03.9Z\"," +
            "\"venue\":\"DERIBIT\",\"fillId\":\"f1\"," +
            "\"instrumentId\":11,\"side\":\"BUY\",\"quantity\":2,\"price\":3500,\"fee\":0,\"feeCurrency\":\"USD\"}",
        "{\"type\":\"vol\",\"time\":\"2026-11-25T08:00:05Z\",\"underlying\":\"ETH\"," +
            "\"expiry\":\"2026-12-27T08:00:00Z\",\"a\":0.02,\"b\":0.1,\"rho\":-0.2,\"m\":0,\"sigma\":0.2}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:06Z\",\"instrumentId\":1,\"bid\":95100,\"ask\":95101}");
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:07Z");

    @TempDir
    Path dir;

    @Test
    void shouldKeepOnlyTheTypesNamedRepeatedOrAsAList()
    {
        final Path queue = inputQueue();

        assertThat(tail(queue, "--type", "tick,fill")).containsExactly(2, 3, 4, 6);
        assertThat(tail(queue, "--type", "fill", "--type", "instrument")).containsExactly(0, 1, 4);
    }

    @Test
    void shouldKeepAnUnderlyingsLinesIncludingThoseOfItsInstrumentsDefinedEarlier()
    {
        final Path queue = inputQueue();

        assertThat(tail(queue, "--underlying", "ETH")).containsExactly(1, 3, 4, 5);
        assertThat(tail(queue, "--underlying", "BTC")).containsExactly(0, 2, 6);
        assertThat(tail(queue, "--underlying", "SOL")).isEmpty();
    }

    @Test
    void shouldKeepAnInstrumentsLinesOnly()
    {
        final Path queue = inputQueue();

        assertThat(tail(queue, "--instrument", "11")).containsExactly(1, 3, 4);
        assertThat(tail(queue, "--instrument", "11", "--type", "tick")).containsExactly(3);
    }

    @Test
    void shouldKeepTheLinesFromSinceInclusiveToUntilExclusive()
    {
        final Path queue = inputQueue();

        assertThat(tail(queue, "--since", "2026-11-25T08:00:02Z", "--until", "2026-11-25T08:00:05Z"))
            .containsExactly(2, 3, 4);
        assertThat(tail(queue, "--since", "2026-11-25T08:00:04.5Z")).containsExactly(5, 6);
        assertThat(tail(queue, "--until", "2026-11-25T08:00:00.000000001Z")).containsExactly(0);
    }

    @Test
    void shouldCountARelativeTimeBackFromTheClock()
    {
        final Path queue = inputQueue();

        assertThat(tail(queue, "--since", "-3s")).as("from 08:00:04").containsExactly(4, 5, 6);
        assertThat(tail(queue, "--since", "-0.1m", "--until", "-2500ms")).as("from 08:00:01 to 08:00:04.5")
            .containsExactly(1, 2, 3, 4);
        assertThat(tail(queue, "--until", "-1h")).isEmpty();
    }

    @Test
    void shouldRefuseUnknownTypesListingTheValidOnes()
    {
        final Path queue = inputQueue();

        final Run run = run(queue, "--type", "tick,quote,trade");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err.strip()).isEqualTo("risk tail: --type: unknown quote, trade; valid: instrument, tick, " +
            "fill, position, vol, surface, control, timer, quoteAdjustment, riskSnapshot, hedge, alert, " +
            "scenarioGrid, marginStatus, heartbeat, undecodable");
    }

    @Test
    void shouldRefuseATimeThatIsNeitherAnInstantNorASpan()
    {
        final Run run = run(inputQueue(), "--since", "5 minutes ago");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip()).startsWith("risk tail: --since: not an ISO-8601 instant").endsWith(
            ": 5 minutes ago");
    }

    @Test
    void shouldFilterTheOutputQueueByUnderlyingTypeInstrumentAndTime()
    {
        final Path queue = dir.resolve("output");
        final OutputEncoder encoder = new OutputEncoder();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
        try (ChronicleQueue output = Queues.open(queue); SbeAppender appender = new SbeAppender(output))
        {
            encoder.encodeHeartbeat(1, 0, JsonTime.parseNs("2026-11-25T08:00:00Z"), 0, 0, buffer);
            appender.append(buffer, 0, OutputEncoder.HEARTBEAT_LENGTH);
            encoder.encode(quote(1, 3, "BTC", "2026-11-25T08:00:01Z"), buffer);
            appender.append(buffer, 0, OutputEncoder.QUOTE_LENGTH);
            encoder.encode(quote(2, 13, "ETH", "2026-11-25T08:00:02Z"), buffer);
            appender.append(buffer, 0, OutputEncoder.QUOTE_LENGTH);
            encoder.encodeHeartbeat(2, 0, JsonTime.parseNs("2026-11-25T08:00:03Z"), 2, 0, buffer);
            appender.append(buffer, 0, OutputEncoder.HEARTBEAT_LENGTH);
        }

        assertThat(tail(queue)).containsExactly(0, 1, 2, 3);
        assertThat(tail(queue, "--underlying", "ETH")).containsExactly(2);
        assertThat(tail(queue, "--instrument", "3")).containsExactly(1);
        assertThat(tail(queue, "--type", "heartbeat")).containsExactly(0, 3);
        assertThat(tail(queue, "--since", "2026-11-25T08:00:01.5Z")).as("a heartbeat by its engine time")
            .containsExactly(2, 3);
    }

    private static QuoteAdjustment quote(final long sequence, final int instrumentId, final String underlying,
        final String time)
    {
        final QuoteAdjustment q = new QuoteAdjustment();
        q.sequence = sequence;
        q.timeNs = JsonTime.parseNs(time);
        q.instrumentId = instrumentId;
        q.underlying = AsciiCode.pack(underlying);
        q.kind = InstrumentKind.OPTION;
        q.state = QuotingState.values()[0];
        return q;
    }

    /**
     * @return the index of each printed line in the queue: the line's time in whole seconds after 08:00:00.
     */
    private List<Integer> tail(final Path queue, final String... options)
    {
        final Run run = run(queue, options);
        assertThat(run.exitCode).as(run.err).isZero();
        final List<Integer> indexes = new ArrayList<>();
        for (final String line : run.out.lines().toList())
        {
            final JsonNode node = read(line);
            final JsonNode time = node.has("time") ? node.get("time") : node.get("engineTime");
            indexes.add((int)((JsonTime.parseNs(time.asText()) - JsonTime.parseNs("2026-11-25T08:00:00Z")) /
                1_000_000_000L));
        }
        return indexes;
    }

    private static JsonNode read(final String line)
    {
        try
        {
            return MAPPER.readTree(line);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static Run run(final Path queue, final String... options)
    {
        final CommandLine cli = RiskCli.commandLine();
        ((TailCommand)cli.getSubcommands().get("tail").getCommand()).clock = InstantSource.fixed(NOW);
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        final List<String> args = new ArrayList<>(List.of("tail", queue.toString()));
        args.addAll(List.of(options));
        return new Run(cli.execute(args.toArray(new String[0])), out.toString(), err.toString());
    }

    private Path inputQueue()
    {
        final Path queueDir = dir.resolve("input");
        final EventJsonReader reader = new EventJsonReader();
        final EventJsonReader.Result result = new EventJsonReader.Result();
        final InputEncoder encoder = new InputEncoder();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[RingEvent.MAX_PAYLOAD_LENGTH]);
        try (ChronicleQueue queue = Queues.open(queueDir); SbeAppender appender = new SbeAppender(queue))
        {
            for (final String line : EVENTS)
            {
                final RiskEvent event = new RiskEvent();
                reader.parse(line, event, result);
                assertThat(result.reason).as(line).isNull();
                event.sendTimeNs = event.timeNs;
                appender.append(buffer, 0, encoder.encode(event, buffer, 0));
            }
        }
        return queueDir;
    }

    private record Run(int exitCode, String out, String err)
    {
    }
}
