package org.mmrisk.daemon.incident;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.journal.JournalCorruptException;
import org.mmrisk.daemon.journal.JournalReader;
import org.mmrisk.daemon.json.JsonTime;

import java.nio.file.Path;

/**
 * The journal entries an incident time range holds, found by one read of the journal. Entries carry the engine time
 * ingress stamped, and the range is cut in whole ingress batches: it starts with the first batch whose first entry's
 * time is at or after {@code from} and ends before the first batch after it whose first entry's time is at or after
 * {@code to}. A batch is never split, because the engine computes a batch's outputs only at its end and a checkpoint is
 * only ever a state between batches. Immutable once found; built by the calling thread.
 */
public final class JournalRange
{
    private long journalFirstSequence = -1;
    private long journalFirstTimeNs = RiskEvent.NULL_TIME;
    private long journalLastTimeNs = RiskEvent.NULL_TIME;
    private long firstSequence = -1;
    private long lastSequence = -1;
    private long firstTimeNs = RiskEvent.NULL_TIME;
    private long lastTimeNs = RiskEvent.NULL_TIME;
    private boolean ended;

    private JournalRange()
    {
    }

    /**
     * @throws IllegalArgumentException one line when the directory holds no journal, or no batch starts in the range.
     */
    public static JournalRange find(final ChronicleQueue journal, final Path journalDir, final long fromNs,
        final long toNs)
    {
        final JournalRange range = new JournalRange();
        final boolean[] batchStart = {true};
        try (JournalReader reader = new JournalReader(journal))
        {
            final int[] read = new int[1];
            while (!range.ended && (read[0] = reader.poll((event, sourceId, sourceIndex) ->
            {
                range.onEntry(event, batchStart[0], fromNs, toNs);
                batchStart[0] = event.batchEnd;
            })) > 0)
            {
                // each poll reads one entry
            }
        }
        catch (final JournalCorruptException ex)
        {
            if (ex.lastGoodSequence() < 0)
            {
                throw new IllegalArgumentException("not a journal: " + journalDir + " holds messages that are not " +
                    "journal entries (an input or the output queue?): " + ex.getMessage(), ex);
            }
            if (range.firstSequence < 0 || !range.ended)
            {
                throw new IllegalArgumentException("the journal is damaged before the range ends: " + ex.getMessage(),
                    ex);
            }
        }
        range.checkNotEmpty(journalDir, fromNs, toNs);
        return range;
    }

    private void onEntry(final RiskEvent event, final boolean batchStart, final long fromNs, final long toNs)
    {
        if (journalFirstSequence < 0)
        {
            journalFirstSequence = event.journalSequence;
            journalFirstTimeNs = event.timeNs;
        }
        journalLastTimeNs = event.timeNs;
        if (batchStart)
        {
            if (firstSequence < 0 && event.timeNs >= fromNs && event.timeNs < toNs)
            {
                firstSequence = event.journalSequence;
                firstTimeNs = event.timeNs;
            }
            else if (firstSequence >= 0 && event.timeNs >= toNs)
            {
                ended = true;
                return;
            }
        }
        if (firstSequence >= 0)
        {
            lastSequence = event.journalSequence;
            lastTimeNs = event.timeNs;
        }
    }

    private void checkNotEmpty(final Path journalDir, final long fromNs, final long toNs)
    {
        if (journalFirstSequence < 0)
        {
            throw new IllegalArgumentException("the journal " + journalDir + " is empty");
        }
        if (firstSequence < 0)
        {
            throw new IllegalArgumentException("no journal batch starts in [" + JsonTime.format(fromNs) + ", " +
                JsonTime.format(toNs) + "): the journal " + journalDir + " holds events from " +
                JsonTime.format(journalFirstTimeNs) + " to " + JsonTime.format(journalLastTimeNs));
        }
    }

    /**
     * @return the sequence of the first entry the journal holds (retention may have removed earlier ones).
     */
    public long journalFirstSequence()
    {
        return journalFirstSequence;
    }

    /**
     * @return the journal sequence of the range's first entry (a batch's first).
     */
    public long firstSequence()
    {
        return firstSequence;
    }

    /**
     * @return the journal sequence of the range's last entry (a batch's last, or the journal's last).
     */
    public long lastSequence()
    {
        return lastSequence;
    }

    public long firstTimeNs()
    {
        return firstTimeNs;
    }

    public long lastTimeNs()
    {
        return lastTimeNs;
    }

    public long events()
    {
        return lastSequence - firstSequence + 1;
    }
}
