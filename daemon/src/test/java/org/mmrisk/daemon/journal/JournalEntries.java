package org.mmrisk.daemon.journal;

import org.mmrisk.codecs.JournalEntryEncoder;
import org.mmrisk.codecs.MessageHeaderEncoder;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.codec.MessageChecksum;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.ring.RingEvent;

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
