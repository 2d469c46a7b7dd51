package org.mmrisk.daemon.checkpoint;

import org.agrona.concurrent.EpochNanoClock;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.core.state.StateWriter;
import org.mmrisk.daemon.counters.DaemonCounters;

import java.util.Arrays;

/**
 * The engine thread's side of checkpoints: at a batch end, once the configured engine time has passed, records the
 * engine's state into one of two pre-allocated buffers and hands it to the checkpoint thread ({@link CheckpointWriter}),
 * which writes the file. The engine thread therefore stalls only for the in-memory walk (measured:
 * {@code checkpoint: longest engine stall}); when both buffers are still being written the checkpoint is skipped and
 * counted, never waited for.
 * <p>
 * Also tracks, per input source, the last input index the engine has seen (ring events carry it), which is what the
 * checkpoint records for the inputs. Owned by the engine thread; {@link Slot}s are shared with the checkpoint thread
 * through their volatile state.
 */
public final class CheckpointTaker
{
    /**
     * One buffer and what it reflects. FREE: the engine may fill it; READY: handed over; the checkpoint thread sets it
     * FREE again once written.
     */
    static final class Slot
    {
        static final int FREE = 0;
        static final int READY = 1;

        final StateWriter state = new StateWriter(1 << 20);
        final long[] lastSourceIndex;
        long journalSequence;
        long engineTimeNs;
        long takenEpochNs;
        volatile int status = FREE;

        Slot(final int sources)
        {
            lastSourceIndex = new long[sources];
        }
    }

    private final Slot[] slots;
    private final long intervalNs;
    private final DaemonCounters counters;
    private final long[] lastSourceIndex;
    private long nextDueNs = Long.MIN_VALUE;
    private boolean requested;

    /**
     * @param intervalNs engine time between checkpoints; 0 takes none while running (only {@link #takeNow}).
     */
    public CheckpointTaker(final int sources, final long[] lastSourceIndex, final long intervalNs,
        final DaemonCounters counters)
    {
        slots = new Slot[] { new Slot(sources), new Slot(sources) };
        this.lastSourceIndex = Arrays.copyOf(lastSourceIndex, sources);
        this.intervalNs = intervalNs;
        this.counters = counters;
    }

    Slot[] slots()
    {
        return slots;
    }

    /**
     * Takes a checkpoint at the next batch end whatever the interval (engine thread): after recovery under a changed
     * configuration, so that later restarts need no checkpoint taken under the old one.
     */
    public void requestAtNextBatchEnd()
    {
        requested = true;
    }

    /**
     * Notes the input position of a ring event (engine thread, every event).
     */
    public void onInput(final int sourceId, final long sourceIndex)
    {
        if (sourceId >= 0 && sourceId < lastSourceIndex.length)
        {
            lastSourceIndex[sourceId] = sourceIndex;
        }
    }

    /**
     * At a batch end: takes a checkpoint when one is due and a buffer is free.
     *
     * @param clock the wall clock, read only when a checkpoint is taken and only recorded in the file (the engine
     *              itself reads none).
     */
    public void onBatchEnd(final RiskEngine engine, final long journalSequence, final EpochNanoClock clock)
    {
        if (!requested && (intervalNs <= 0 || engine.timeNs() < nextDueNs))
        {
            return;
        }
        requested = false;
        nextDueNs = engine.timeNs() + intervalNs;
        final Slot slot = freeSlot();
        if (slot == null)
        {
            counters.checkpointsSkipped.increment();
            return;
        }
        fill(slot, engine, journalSequence, clock.nanoTime());
        slot.status = Slot.READY;
    }

    /**
     * Records the state now into a free buffer, waiting for one if need be (clean shutdown).
     *
     * @return the filled slot, handed over.
     */
    Slot takeNow(final RiskEngine engine, final long journalSequence, final long wallNs)
    {
        Slot slot;
        while ((slot = freeSlot()) == null)
        {
            Thread.onSpinWait();
        }
        fill(slot, engine, journalSequence, wallNs);
        slot.status = Slot.READY;
        return slot;
    }

    private Slot freeSlot()
    {
        for (final Slot slot : slots)
        {
            if (slot.status == Slot.FREE)
            {
                return slot;
            }
        }
        return null;
    }

    private void fill(final Slot slot, final RiskEngine engine, final long journalSequence, final long wallNs)
    {
        final long startNs = System.nanoTime();
        slot.state.reset();
        engine.saveState(slot.state);
        System.arraycopy(lastSourceIndex, 0, slot.lastSourceIndex, 0, lastSourceIndex.length);
        slot.journalSequence = journalSequence;
        slot.engineTimeNs = engine.timeNs();
        slot.takenEpochNs = wallNs;
        final long stallNs = System.nanoTime() - startNs;
        counters.checkpointsTaken.increment();
        counters.checkpointLastBytes.setRelease(slot.state.length());
        if (stallNs > counters.checkpointMaxStallNs.get())
        {
            counters.checkpointMaxStallNs.setRelease(stallNs);
        }
    }
}
