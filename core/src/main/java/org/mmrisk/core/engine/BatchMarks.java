package org.mmrisk.core.engine;

import org.mmrisk.core.state.StateIo;

/**
 * Whether the batch now running touched an underlying, and which journaled input caused it (for latency tracing
 * of the quotes it leads to). Owned by the engine thread; its fields are written only by its own methods: the
 * appliers touch, the engine's batch end reads and clears.
 */
public final class BatchMarks
{
    private boolean dirty;
    /** The underlying was touched by the batch now ending (set at batch end): it re-quotes. */
    private boolean wasDirty;
    /** An input of the batch now running touched the underlying (false between batches). */
    private boolean inputTouchedThisBatch;
    private long causeJournalSequence = -1;
    private long causeReceiveTimeNs = Long.MIN_VALUE;
    private long causeSendTimeNs = Long.MIN_VALUE;

    /**
     * An input changed the underlying: it is revalued at the end of the batch, and the input is the cause.
     */
    void touch(final long journalSequence, final long receiveTimeNs, final long sendTimeNs)
    {
        dirty = true;
        inputTouchedThisBatch = true;
        cause(journalSequence, receiveTimeNs, sendTimeNs);
    }

    /**
     * Time passed: the underlying is revalued at the end of the batch. The timer becomes the cause only of a batch in
     * which no input touched the underlying, so that an output traces back to the market data or fill that moved it
     * whenever there is one (ingress injects a due timer at the end of its batch).
     */
    void touchByTimer(final long journalSequence, final long receiveTimeNs, final long sendTimeNs)
    {
        dirty = true;
        if (!inputTouchedThisBatch)
        {
            cause(journalSequence, receiveTimeNs, sendTimeNs);
        }
    }

    private void cause(final long journalSequence, final long receiveTimeNs, final long sendTimeNs)
    {
        causeJournalSequence = journalSequence;
        causeReceiveTimeNs = receiveTimeNs;
        causeSendTimeNs = sendTimeNs;
    }

    /**
     * Something without a journaled cause of its own (a control, a settlement, a slice that revalued everything)
     * changed the underlying: the next batch end decides its state again.
     */
    void markDirty()
    {
        dirty = true;
    }

    /**
     * At batch end: whether the underlying re-quotes in this batch is whether it was touched.
     */
    void startBatchEnd()
    {
        wasDirty = dirty;
    }

    /**
     * The portfolio's rung changed: the underlying re-quotes in this batch, touched or not.
     */
    void requote()
    {
        wasDirty = true;
    }

    /**
     * The underlying's aggregates are current again.
     */
    void clean()
    {
        dirty = false;
    }

    /**
     * The batch is over: the next one starts without an input cause.
     */
    void endBatch()
    {
        inputTouchedThisBatch = false;
    }

    public boolean isDirty()
    {
        return dirty;
    }

    public boolean requotes()
    {
        return wasDirty;
    }

    public long causeJournalSequence()
    {
        return causeJournalSequence;
    }

    public long causeReceiveTimeNs()
    {
        return causeReceiveTimeNs;
    }

    public long causeSendTimeNs()
    {
        return causeSendTimeNs;
    }

    void exchangeState(final StateIo io)
    {
        dirty = io.bool(dirty);
        wasDirty = io.bool(wasDirty);
        causeJournalSequence = io.i64(causeJournalSequence);
        causeReceiveTimeNs = io.i64(causeReceiveTimeNs);
        causeSendTimeNs = io.i64(causeSendTimeNs);
    }
}
