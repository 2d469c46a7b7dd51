package org.mmrisk.core.engine;

import org.mmrisk.core.state.StateIo;

/**
 * The engine's counters: plain longs, written only by the engine thread. Deterministic engine state, so replay
 * and the daemon agree on them; the daemon copies them to its shared counters file at the end of a batch.
 * Rejections are counted twice: in {@link EngineCounter#REJECTED} and per {@link RejectReason}.
 */
public final class EngineCounters
{
    private final long[] counts = new long[EngineCounter.values().length];
    private final long[] rejects = new long[RejectReason.values().length];

    public void increment(final EngineCounter counter)
    {
        counts[counter.ordinal()]++;
    }

    public void add(final EngineCounter counter, final long delta)
    {
        counts[counter.ordinal()] += delta;
    }

    /**
     * Raises a gauge-like counter to {@code value} when it is higher.
     */
    public void max(final EngineCounter counter, final long value)
    {
        counts[counter.ordinal()] = Math.max(counts[counter.ordinal()], value);
    }

    public void reject(final RejectReason reason)
    {
        counts[EngineCounter.REJECTED.ordinal()]++;
        rejects[reason.ordinal()]++;
    }

    public long get(final EngineCounter counter)
    {
        return counts[counter.ordinal()];
    }

    public long rejected(final RejectReason reason)
    {
        return rejects[reason.ordinal()];
    }

    void exchangeState(final StateIo io)
    {
        io.i64s(counts, io.count(counts.length, counts.length, "engine counters"));
        io.i64s(rejects, io.count(rejects.length, rejects.length, "reject counters"));
    }
}
