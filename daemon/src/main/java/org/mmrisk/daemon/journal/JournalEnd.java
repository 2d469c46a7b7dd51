package org.mmrisk.daemon.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.retention.CycleFiles;

/**
 * Whether the entries a reader could read reach the journal's real end. A cycle file cut short ({@code truncate})
 * or zeroed in the middle reads as if the journal ended at the damage: a tailer stops at the first blank excerpt
 * header, and a writer would append after the last entry it recorded, beyond the hole, where no reader ever gets.
 * <p>
 * The signal: Chronicle records, in the first page of each cycle file, the position of the last excerpt committed to
 * it (its write position; an excerpt still being written, as a writer killed mid-write leaves, is not counted). In
 * the journal's last cycle it must be the position of the last entry read; a later cycle that no entry was read
 * from must hold no excerpt. Stateless; called by the thread that read the journal, at start-up.
 */
final class JournalEnd
{
    private JournalEnd()
    {
    }

    /**
     * @param lastIndex          queue index of the last entry read, -1 for none.
     * @param lastHeaderPosition where that entry lies in its cycle file.
     * @param lastGoodSequence   its journal sequence, for the message.
     * @throws JournalCorruptException when the journal holds entries after the last one read.
     */
    static void check(final ChronicleQueue journal, final long lastIndex, final long lastHeaderPosition,
        final long lastGoodSequence)
    {
        final SingleChronicleQueue queue = (SingleChronicleQueue)journal;
        final int lastCycle = queue.lastCycle();
        if (lastIndex >= 0 && Queues.ROLL_CYCLE.toCycle(lastIndex) == lastCycle)
        {
            final long writePosition = writePosition(queue, lastCycle);
            if (writePosition > lastHeaderPosition)
            {
                throw unreadable(journal, lastCycle, lastGoodSequence, "it records an entry written at byte " +
                    writePosition + ", past the last readable entry (at byte " + lastHeaderPosition + "): the file " +
                    "was cut short or overwritten, and the entries after sequence " + lastGoodSequence + " are lost");
            }
            return;
        }
        final int fromCycle = lastIndex >= 0 ? Queues.ROLL_CYCLE.toCycle(lastIndex) + 1 : queue.firstCycle();
        try (ExcerptTailer tailer = journal.createTailer())
        {
            for (int cycle = Math.max(fromCycle, queue.firstCycle()); cycle <= lastCycle; cycle++)
            {
                final long excerpts = tailer.excerptsInCycle(cycle);
                if (excerpts > 0)
                {
                    throw unreadable(journal, cycle, lastGoodSequence, "it records " + excerpts + " excerpts, none " +
                        "of them readable: the journal's entries after sequence " + lastGoodSequence + " are lost");
                }
            }
        }
    }

    private static long writePosition(final SingleChronicleQueue queue, final int cycle)
    {
        final SingleChronicleQueueStore store = queue.storeForCycle(cycle, queue.epoch(), false, null);
        if (store == null)
        {
            return -1;
        }
        try
        {
            return store.writePosition();
        }
        finally
        {
            queue.closeStore(store);
        }
    }

    private static JournalCorruptException unreadable(final ChronicleQueue journal, final int cycle,
        final long lastGoodSequence, final String what)
    {
        return new JournalCorruptException("journal " + journal.fileAbsolutePath() + ": the readable entries end " +
            "before the file " + CycleFiles.fileName(cycle) + " does: " + what, lastGoodSequence);
    }
}
