package org.mmrisk.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.DirectBuffer;
import org.mmrisk.codecs.JournalEntryDecoder;
import org.mmrisk.codecs.MessageHeaderDecoder;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.MarginStatus;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.output.ScenarioGridMessage;
import org.mmrisk.daemon.codec.DecodeError;
import org.mmrisk.daemon.codec.InputDecoder;
import org.mmrisk.daemon.egress.OutputAdapter;
import org.mmrisk.daemon.journal.JournalDecoder;
import org.mmrisk.daemon.json.EventJsonWriter;
import org.mmrisk.daemon.json.OutputJson;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeTailer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code risk tail}: prints any of the project's queues as JSON lines — input queues and the journal in the replay
 * format (so they can be replayed), the output queue as output objects. A message that does not decode is printed
 * as {@code {"type":"undecodable", ...}} and the tail goes on.
 * <p>
 * Every replay line carries {@code time}. A journal entry has the engine's time and batch end. An input message
 * has no engine time yet (ingress stamps it when it reads): its line takes the gateway's send time, which every
 * input message carries and which follows the queue's order; a message without one (a foreign writer's) takes its
 * venue time, else the time of reading.
 * <p>
 * {@code --type}, {@code --instrument}, {@code --underlying}, {@code --since} and {@code --until} select lines
 * ({@link TailFilter}); an unknown type is refused, listing the valid ones.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
    description = "Print a queue (input, control, journal or output) as JSON lines.")
public final class TailCommand implements Callable<Integer>, SbeTailer.MessageHandler, RiskOutput
{
    @Parameters(index = "0", description = "queue directory")
    Path queueDir;

    @Option(names = "--follow", description = "keep printing new messages until interrupted")
    boolean follow;

    @Option(names = "--from-end", description = "start at the end of the queue (with --follow)")
    boolean fromEnd;

    @Option(names = "--type", split = ",", paramLabel = "TYPE", description = "only lines of these types " +
        "(repeatable, or a comma list): instrument, tick, fill, position, vol, surface, control, timer, " +
        "quoteAdjustment, riskSnapshot, hedge, alert, scenarioGrid, marginStatus, heartbeat, undecodable")
    List<String> types = List.of();

    @Option(names = "--instrument", paramLabel = "ID", description = "only lines about this instrument id")
    Long instrumentId;

    @Option(names = "--underlying", paramLabel = "CODE", description = "only lines about this underlying (BTC): " +
        "its own field, else that of the line's instrument as defined earlier in the queue")
    String underlying;

    @Option(names = "--since", paramLabel = "TIME", description = "only lines at or after TIME: an ISO-8601 " +
        "instant, or a span before now (-30s, -5m, -2h, -1d)")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "only lines before TIME (as --since)")
    String until;

    /** What "now" is for a relative --since or --until. */
    InstantSource clock = InstantSource.system();

    @Spec
    CommandSpec spec;

    private PrintWriter out;
    private TailFilter filter;
    private final InputDecoder inputDecoder = new InputDecoder();
    private final RiskEvent event = new RiskEvent();
    private final EventJsonWriter eventWriter = new EventJsonWriter();
    private final OutputJson outputJson = new OutputJson();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final JournalDecoder journalDecoder = new JournalDecoder()
        .handler((e, sourceId, sourceIndex) -> print(eventWriter.node(e)));
    private final OutputAdapter outputAdapter = new OutputAdapter(this,
        (seq, wall, engine, lastOut, lastJournal) ->
            print(outputJson.heartbeat(seq, wall, engine, lastOut, lastJournal)));

    @Override
    public Integer call() throws InterruptedException
    {
        out = spec.commandLine().getOut();
        final Instant now = clock.instant();
        final long nowNs = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        filter = new TailFilter(types, instrumentId, underlying,
            since == null ? Long.MIN_VALUE : TimeArgument.parseNs("--since", since, nowNs),
            until == null ? Long.MAX_VALUE : TimeArgument.parseNs("--until", until, nowNs));
        try (ChronicleQueue queue = Queues.openExisting(queueDir); SbeTailer tailer = new SbeTailer(queue))
        {
            if (fromEnd)
            {
                tailer.toEnd();
            }
            while (true)
            {
                if (tailer.poll(this) == 0)
                {
                    if (!follow)
                    {
                        break;
                    }
                    out.flush();
                    // The reader went away (`risk tail --follow | head`): a JVM ignores SIGPIPE, so the failed write
                    // is the only sign. picocli's writer wraps System.out, a PrintStream that keeps the error to itself.
                    if (out.checkError() || System.out.checkError())
                    {
                        break;
                    }
                    Thread.sleep(50);
                }
            }
        }
        out.flush();
        return 0;
    }

    @Override
    public void onMessage(final DirectBuffer buffer, final int offset, final int length, final long index)
    {
        try
        {
            header.wrap(buffer, offset);
            final int templateId = length >= MessageHeaderDecoder.ENCODED_LENGTH ? header.templateId() : -1;
            if (templateId == JournalEntryDecoder.TEMPLATE_ID)
            {
                journalDecoder.onMessage(buffer, offset, length, index);
            }
            else if (templateId >= 30 && templateId < 40)
            {
                outputAdapter.onMessage(buffer, offset, length, index);
            }
            else
            {
                final DecodeError error = inputDecoder.decode(buffer, offset, length, event);
                if (error == null)
                {
                    event.timeNs = inputTimeNs(event);
                    print(eventWriter.node(event));
                }
                else
                {
                    print(undecodable(error.name(), index));
                }
            }
        }
        catch (final RuntimeException ex)
        {
            print(undecodable(ex.getMessage(), index));
        }
    }

    /**
     * @return the engine time to print for an input message: its send time, else its venue time, else now.
     */
    static long inputTimeNs(final RiskEvent e)
    {
        if (e.sendTimeNs > 0)
        {
            return e.sendTimeNs;
        }
        if (e.exchangeTimeNs != RiskEvent.NULL_TIME)
        {
            return e.exchangeTimeNs;
        }
        final Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private ObjectNode undecodable(final String reason, final long index)
    {
        return outputJson.mapper().createObjectNode()
            .put("type", "undecodable")
            .put("reason", reason)
            .put("index", Long.toHexString(index));
    }

    private void print(final JsonNode line)
    {
        if (filter.accept(line))
        {
            out.println(line);
        }
    }

    @Override
    public void onQuoteAdjustment(final QuoteAdjustment adjustment)
    {
        print(outputJson.quote(adjustment, null));
    }

    @Override
    public void onRiskSnapshot(final RiskSnapshot snapshot)
    {
        print(outputJson.snapshot(snapshot));
    }

    @Override
    public void onAlert(final Alert alert)
    {
        print(outputJson.alert(alert));
    }

    @Override
    public void onHedgeSignal(final HedgeSignal signal)
    {
        print(outputJson.hedge(signal, null));
    }

    @Override
    public void onScenarioGrid(final ScenarioGridMessage grid)
    {
        print(outputJson.scenarioGrid(grid));
    }

    @Override
    public void onMarginStatus(final MarginStatus margin)
    {
        print(outputJson.marginStatus(margin));
    }
}
