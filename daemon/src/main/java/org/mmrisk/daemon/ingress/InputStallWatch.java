package org.mmrisk.daemon.ingress;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.daemon.queue.Queues;

/**
 * Tells a stalled input from an idle one: a source is stalled when its queue's end has been beyond the reader's
 * next index for {@code stallTimeoutNs} of wall time while every poll of it found nothing to read. Chronicle counts
 * only complete excerpts in its end, so a writer in the middle of a write (an incomplete header at the end of the
 * queue) is not "beyond" the reader; what is beyond yet unreadable sits behind a corrupt record header,
 * which a Chronicle reader waits on for ever.
 * <p>
 * The bound is wall time, not a count of checks: a slow writer, a busy machine or a reader held up by a full ring
 * never trips it, since every excerpt read clears the source.
 * <p>
 * Owned by the ingress thread; allocation-free.
 */
final class InputStallWatch
{
    private static final long NONE = Long.MIN_VALUE;

    private final long stallTimeoutNs;
    /** Per source: since when (wall clock) the queue has held an excerpt its reader could not read; NONE if not. */
    private final long[] unreadableSinceNs;
    /** Per source: when (wall clock) its last poll found nothing to read. */
    private final long[] lastEmptyPollNs;

    InputStallWatch(final int sources, final long stallTimeoutNs)
    {
        this.stallTimeoutNs = stallTimeoutNs;
        this.unreadableSinceNs = new long[sources];
        this.lastEmptyPollNs = new long[sources];
        java.util.Arrays.fill(unreadableSinceNs, NONE);
        java.util.Arrays.fill(lastEmptyPollNs, NONE);
    }

    /**
     * After a source's polls of one duty cycle.
     *
     * @param read    whether an excerpt was read.
     * @param drained whether the last poll found nothing to read (rather than stopping at the batch limit).
     */
    void polled(final int source, final boolean read, final boolean drained, final long nowNs)
    {
        if (read)
        {
            unreadableSinceNs[source] = NONE;
        }
        if (drained)
        {
            lastEmptyPollNs[source] = nowNs;
        }
    }

    /**
     * Whether the source must be looked at now: it was polled in this duty cycle and found nothing to read.
     */
    boolean drainedAt(final int source, final long nowNs)
    {
        return lastEmptyPollNs[source] == nowNs;
    }

    /**
     * @param nextIndex the reader's next index.
     * @param endIndex  the index the queue's next excerpt will have (past every complete one).
     * @return true when the source has been stalled for the timeout: its queue holds what its reader cannot read.
     */
    boolean stalled(final int source, final long nowNs, final long nextIndex, final long endIndex)
    {
        if (endIndex <= nextIndex)
        {
            unreadableSinceNs[source] = NONE;
            return false;
        }
        if (unreadableSinceNs[source] == NONE)
        {
            unreadableSinceNs[source] = nowNs;
            return false;
        }
        return nowNs - unreadableSinceNs[source] >= stallTimeoutNs;
    }

    /**
     * @return what the operator reads: the cycle file and index of the unreadable record, and what to do.
     */
    static String describe(final ChronicleQueue queue, final long nextIndex, final long endIndex)
    {
        return "risk daemon: input " + queue.fileAbsolutePath() + ": the record at index " +
            Long.toHexString(nextIndex) + " (file " + Queues.cycleFileName(nextIndex) + ") cannot be read, but the " +
            "queue holds records up to index " + Long.toHexString(endIndex - 1) + ": a corrupt record header. Stopping: " +
            "nothing after it would ever be read. Records before it are journaled; to recover, see docs/recovery.md " +
            "(\"A corrupt input record\")";
    }
}
