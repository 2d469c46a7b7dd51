package org.mmrisk.daemon.journal;

import org.mmrisk.codecs.JournalEntryEncoder;
import org.mmrisk.codecs.MessageHeaderEncoder;
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
