package org.mmrisk.daemon.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.core.engine.RiskEngine;

/**
 * Drives an engine through a whole journal exactly as it ran live: every event, and {@code onBatchEnd} after each
 * journaled batch end. Used by recovery and by {@code risk replay --journal}. Runs on the engine's owning thread.
 */
public final class JournalReplayer
{
    private JournalReplayer()
    {
    }

    /**
     * @return the number of events replayed.
     */
    public static long replay(final ChronicleQueue journal, final RiskEngine engine)
    {
        return replay(journal, engine, Long.MAX_VALUE);
    }

    /**
     * Replays entries with a journal sequence below {@code endSequence} only: recovery stops where the journal ended
     * at start-up, because the running journaller may already be appending this run's events.
     *
     * @return the number of events replayed.
     */
    public static long replay(final ChronicleQueue journal, final RiskEngine engine, final long endSequence)
    {
        final long[] count = new long[1];
        final boolean[] done = new boolean[1];
        try (JournalReader reader = new JournalReader(journal))
        {
            final JournalDecoder.EntryHandler handler = (event, sourceId, sourceIndex) ->
            {
                if (event.journalSequence >= endSequence)
                {
                    done[0] = true;
                    return;
                }
                engine.onEvent(event);
                if (event.batchEnd)
                {
                    engine.onBatchEnd();
                }
                count[0]++;
            };
            while (!done[0] && reader.poll(handler) > 0)
            {
                // each poll applies one entry
            }
        }
        return count[0];
    }
}
