package org.mmrisk.daemon.journal;

import net.openhft.chronicle.queue.ChronicleQueue;

import java.util.Arrays;

/**
 * How far the journal has consumed each input: the last input index it holds per source and the next journal
 * sequence. Found by reading the journal once at start-up, before any thread starts; then read-only.
 */
public final class JournalPosition
{
    private final long[] lastSourceIndex;
    private long nextJournalSequence;
    private long entries;

    private JournalPosition(final int sourceCount)
    {
        lastSourceIndex = new long[sourceCount];
        Arrays.fill(lastSourceIndex, -1);
    }

    public static JournalPosition scan(final ChronicleQueue journal, final int sourceCount)
    {
        final JournalPosition position = new JournalPosition(sourceCount);
        try (JournalReader reader = new JournalReader(journal))
        {
            while (reader.poll((event, sourceId, sourceIndex) ->
            {
                if (sourceId >= 0 && sourceId < sourceCount)
                {
                    position.lastSourceIndex[sourceId] = sourceIndex;
                }
                position.nextJournalSequence = event.journalSequence + 1;
                position.entries++;
            }) > 0)
            {
                // every entry read advances the position
            }
        }
        return position;
    }

    /**
     * @return per source id, the last input index journaled, or -1.
     */
    public long[] lastSourceIndex()
    {
        return lastSourceIndex.clone();
    }

    public long nextJournalSequence()
    {
        return nextJournalSequence;
    }

    public long entries()
    {
        return entries;
    }
}
