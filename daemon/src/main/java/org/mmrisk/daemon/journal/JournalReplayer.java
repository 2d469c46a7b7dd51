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
        long count = 0;
        try (JournalReader reader = new JournalReader(journal))
        {
            final JournalDecoder.EntryHandler handler = (event, sourceId, sourceIndex) ->
            {
                engine.onEvent(event);
                if (event.batchEnd)
                {
                    engine.onBatchEnd();
                }
            };
            while (reader.poll(handler) > 0)
            {
                count++;
            }
        }
        return count;
    }
}
