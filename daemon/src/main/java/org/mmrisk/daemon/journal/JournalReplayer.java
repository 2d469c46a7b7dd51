package org.mmrisk.daemon.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.core.engine.RejectReason;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.core.event.RiskEvent;

import java.io.PrintStream;
import java.util.function.LongConsumer;

/**
 * Drives an engine through a whole journal exactly as it ran live: every event, and {@code onBatchEnd} after each
 * journaled batch end. Used by recovery and by {@code risk replay --journal}. Runs on the engine's owning thread.
 */
public final class JournalReplayer
{
    /** Events between two progress reports of a long replay. */
    public static final long PROGRESS_EVERY = 1_000_000;

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
        return replay(journal, engine, -1, endSequence, count -> { });
    }

    /**
     * Replays the entries with a journal sequence after {@code afterSequence} (the last one a restored snapshot
     * holds; -1 for all) and below {@code endSequence}, reporting progress every {@link #PROGRESS_EVERY} events.
     *
     * @return the number of events replayed.
     * @throws JournalCorruptException at the first entry after {@code afterSequence} that does not check out: nothing
     *                                 from it on is applied.
     */
    public static long replay(final ChronicleQueue journal, final RiskEngine engine, final long afterSequence,
        final long endSequence, final LongConsumer progress)
    {
        return replay(journal, engine, afterSequence, endSequence, progress, Rejects.NONE);
    }

    /**
     * Told of each entry the engine rejects during a replay, on the replaying thread.
     */
    @FunctionalInterface
    public interface Rejects
    {
        Rejects NONE = (entry, event, reason) -> { };

        /**
         * @param entry  the entry's number among those replayed, from 1.
         * @param event  the entry (valid during the call only).
         * @param reason why the engine rejected it.
         */
        void onReject(long entry, RiskEvent event, RejectReason reason);
    }

    /**
     * As {@link #replay(ChronicleQueue, RiskEngine, long, long, LongConsumer)}, telling {@code rejects} of each entry
     * the engine rejects.
     */
    public static long replay(final ChronicleQueue journal, final RiskEngine engine, final long afterSequence,
        final long endSequence, final LongConsumer progress, final Rejects rejects)
    {
        final long[] count = new long[1];
        final boolean[] done = new boolean[1];
        try (JournalReader reader = new JournalReader(journal).verifyAfter(afterSequence))
        {
            final JournalDecoder.EntryHandler handler = (event, sourceId, sourceIndex) ->
            {
                if (event.journalSequence >= endSequence)
                {
                    done[0] = true;
                    return;
                }
                if (event.journalSequence <= afterSequence)
                {
                    return;
                }
                final RejectReason reason = engine.onEvent(event);
                ++count[0];
                if (reason != null)
                {
                    rejects.onReject(count[0], event, reason);
                }
                if (event.batchEnd)
                {
                    engine.onBatchEnd();
                }
                if (count[0] % PROGRESS_EVERY == 0)
                {
                    progress.accept(count[0]);
                }
            };
            while (!done[0] && reader.poll(handler) > 0)
            {
                // each poll applies one entry
            }
        }
        return count[0];
    }

    /**
     * A progress display for long replays: one line per {@link #PROGRESS_EVERY} events, with the share done.
     */
    public static LongConsumer printingProgress(final PrintStream out, final long total)
    {
        final long startNs = System.nanoTime();
        return count ->
        {
            final double seconds = (System.nanoTime() - startNs) / 1e9;
            out.printf("risk daemon: recovery: replayed %,d of %,d journal events (%.0f%%, %.0f events/s)%n", count,
                total, total > 0 ? 100.0 * count / total : 100.0, count / Math.max(seconds, 1e-9));
        };
    }
}
