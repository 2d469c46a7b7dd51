package org.mmrisk.daemon.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.codecs.JournalEntryEncoder;
import org.mmrisk.codecs.MessageHeaderEncoder;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.codec.MessageChecksum;
import org.mmrisk.daemon.json.EventJsonReader;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.ring.RingEvent;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes journal entries for tests that need a journal of given sequences without running a daemon.
 */
public final class JournalEntries
{
    private JournalEntries()
    {
    }

    /**
     * Appends an input entry holding {@code input} (from the first input source) as SBE, ending its batch when the
     * event says so, as the journaller writes one.
     */
    public static void appendInput(final SbeAppender appender, final long sequence, final RiskEvent input)
    {
        final RingEvent event = new RingEvent();
        event.payloadLength = new InputEncoder().encode(input, event.payload, 0);
        event.sourceIndex = sequence;
        event.event.journalSequence = sequence;
        event.event.timeNs = input.timeNs;
        event.event.batchEnd = input.batchEnd;
        Journaller.encode(event, appender.claim(Journaller.encodedLength(event.payloadLength)),
            new MessageHeaderEncoder(), new JournalEntryEncoder(), new MessageChecksum());
        appender.commit();
    }

    /**
     * Writes replay JSON lines, each of which must parse, as the input entries of a new journal in {@code journalDir},
     * numbered from {@code firstSequence}.
     *
     * @return the journal, open; the caller closes it.
     */
    public static ChronicleQueue writeJsonLines(final Path journalDir, final List<String> lines,
        final long firstSequence)
    {
        final ChronicleQueue journal = Queues.open(journalDir);
        final EventJsonReader reader = new EventJsonReader();
        final EventJsonReader.Result result = new EventJsonReader.Result();
        final RiskEvent event = new RiskEvent();
        try (SbeAppender appender = new SbeAppender(journal))
        {
            long sequence = firstSequence;
            for (final String line : lines)
            {
                reader.parse(line, event, result);
                assertThat(result.reason).as(line).isNull();
                appendInput(appender, sequence++, event);
            }
        }
        return journal;
    }

    /**
     * Appends a timer entry (no input) ending its batch, as the journaller writes one.
     */
    public static void appendTimer(final SbeAppender appender, final long sequence)
    {
        final RingEvent event = new RingEvent();
        event.timer = true;
        event.sourceIndex = -1;
        event.event.journalSequence = sequence;
        event.event.timeNs = sequence;
        event.event.batchEnd = true;
        Journaller.encode(event, appender.claim(Journaller.encodedLength(0)), new MessageHeaderEncoder(),
            new JournalEntryEncoder(), new MessageChecksum());
        appender.commit();
    }
}
