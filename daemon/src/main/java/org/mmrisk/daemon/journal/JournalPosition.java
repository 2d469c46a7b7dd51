package org.mmrisk.daemon.journal;

import net.openhft.chronicle.queue.ChronicleQueue;

import java.util.Arrays;

/**
 * How far the journal has consumed each input: the last input index it holds per source and the next journal
 * sequence. Found by reading the journal once at start-up, before any thread starts; then read-only.
 * <p>
 * The same read verifies the journal from the checkpoint on: every entry after it checks out (layout, checksum, the
 * sequence after the previous one's) and the readable entries reach the journal's real end ({@link JournalEnd}),
 * so that the daemon never starts on a journal it could not replay, nor appends beyond a hole.
 */
public final class JournalPosition
{
    private final long[] lastSourceIndex;
    private long nextJournalSequence;
    private long entries;
    private long firstSequence = -1;

    private JournalPosition(final int sourceCount)
    {
        lastSourceIndex = new long[sourceCount];
        Arrays.fill(lastSourceIndex, -1);
    }

    public static JournalPosition scan(final ChronicleQueue journal, final int sourceCount)
    {
        return scan(journal, sourceCount, null, -1);
    }

    /**
     * Starts from a snapshot's input positions (when there is one) and reads the journal over them.
     *
     * @param snapshotSources  per source, the last input index the snapshot reflects; null for none.
     * @param checkpointSequence the last journal sequence the snapshot holds; -1 for none.
     * @throws JournalCorruptException when the journal after the checkpoint cannot be trusted.
     */
    public static JournalPosition scan(final ChronicleQueue journal, final int sourceCount,
        final long[] snapshotSources, final long checkpointSequence)
    {
        final JournalPosition position = new JournalPosition(sourceCount);
        if (snapshotSources != null)
        {
            System.arraycopy(snapshotSources, 0, position.lastSourceIndex, 0, Math.min(sourceCount,
                snapshotSources.length));
        }
        position.nextJournalSequence = checkpointSequence + 1;
        try (JournalReader reader = new JournalReader(journal).verifyAfter(checkpointSequence))
        {
            while (reader.poll((event, sourceId, sourceIndex) ->
            {
                if (position.firstSequence < 0)
                {
                    position.firstSequence = event.journalSequence;
                }
                if (event.journalSequence <= checkpointSequence)
                {
                    return;
                }
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
            JournalEnd.check(journal, reader.lastGoodIndex(), reader.lastHeaderPosition(), reader.lastGoodSequence());
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

    /**
     * @return journal entries after the snapshot (all of them without one): what recovery replays.
     */
    public long entries()
    {
        return entries;
    }

    /**
     * @return the sequence of the first entry the journal still holds, -1 when it is empty.
     */
    public long firstSequence()
    {
        return firstSequence;
    }
}
