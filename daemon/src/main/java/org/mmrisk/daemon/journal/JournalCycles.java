package org.mmrisk.daemon.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.codecs.JournalEntryDecoder;
import org.mmrisk.codecs.MessageHeaderDecoder;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeTailer;

/**
 * Where journal sequences lie among the journal's cycle files, for retention. Owned by the calling thread; each
 * call opens and closes its own tailer (Chronicle tailers belong to the thread that made them).
 */
public final class JournalCycles
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final JournalEntryDecoder entry = new JournalEntryDecoder();
    private long sequence;

    /**
     * @return the journal sequence of the first entry of {@code cycle}, or -1 when the cycle holds no entry.
     * @throws IllegalStateException when that entry is not a journal entry.
     */
    public long firstSequence(final ChronicleQueue journal, final int cycle)
    {
        sequence = -1;
        try (SbeTailer tailer = new SbeTailer(journal))
        {
            if (tailer.moveTo(Queues.ROLL_CYCLE.toIndex(cycle, 0)))
            {
                tailer.poll((buffer, offset, length, index) ->
                {
                    JournalDecoder.wrapEntry(header, entry, buffer, offset, length, index);
                    sequence = entry.sequence();
                });
            }
        }
        return sequence;
    }
}
