package org.mmrisk.daemon.checkpoint;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.daemon.counters.DaemonCounters;
import org.mmrisk.daemon.retention.QueueRetention;

import java.io.IOException;
import org.agrona.ErrorHandler;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;

/**
 * The checkpoint thread: writes each state the engine thread handed over ({@link CheckpointTaker}) to a file, then
 * deletes all but the newest checkpoints kept and the queue files none of the kept ones needs ({@link QueueRetention}).
 * A failed write (disk full, permissions) is logged and counted; the daemon runs on, and the previous checkpoints stay.
 * Owned by its agent thread.
 */
public final class CheckpointWriter implements Agent
{
    private static final long FINAL_WRITE_TIMEOUT_NS = 10_000_000_000L;

    private final CheckpointTaker taker;
    private final CheckpointStore store;
    private final long configFingerprint;
    private final DaemonCounters counters;
    private final PrintStream log;
    private final ErrorHandler errors;
    private final QueueRetention retention;
    private final CheckpointFile file = new CheckpointFile();
    private final BooleanSupplier daemonFailed;

    /**
     * @param daemonFailed true once any daemon thread has failed: from then on nothing handed over is written, since
     *                     a state taken around a failure need not be one the journal reproduces.
     * @param errors       told of each failed write or retention round besides {@code log} (the daemon's error log);
     *                     neither stops the daemon.
     */
    public CheckpointWriter(final CheckpointTaker taker, final CheckpointStore store, final long configFingerprint,
        final DaemonCounters counters, final QueueRetention retention, final PrintStream log,
        final BooleanSupplier daemonFailed, final ErrorHandler errors)
    {
        this.errors = errors;
        this.daemonFailed = daemonFailed;
        this.retention = retention;
        this.taker = taker;
        this.store = store;
        this.configFingerprint = configFingerprint;
        this.counters = counters;
        this.log = log;
    }

    @Override
    public int doWork()
    {
        int work = 0;
        for (final CheckpointTaker.Slot slot : taker.slots())
        {
            if (slot.status == CheckpointTaker.Slot.READY)
            {
                try
                {
                    if (!daemonFailed.getAsBoolean())
                    {
                        write(slot);
                    }
                }
                finally
                {
                    slot.status = CheckpointTaker.Slot.FREE;
                }
                work++;
            }
        }
        return work;
    }

    private void write(final CheckpointTaker.Slot slot)
    {
        try
        {
            file.write(store.dir(), RiskEngine.stateVersion(), slot.journalSequence, slot.engineTimeNs,
                slot.takenEpochNs, configFingerprint, slot.lastSourceIndex, slot.state.buffer().byteBuffer(),
                slot.state.length());
            counters.checkpointsWritten.increment();
            store.prune();
        }
        catch (final IOException | UncheckedIOException ex)
        {
            counters.checkpointsFailed.increment();
            log.println("risk daemon: checkpoint at journal sequence " + slot.journalSequence + " not written: " + ex);
            errors.onError(ex);
            return;
        }
        applyRetention();
    }

    private void applyRetention()
    {
        try
        {
            final CheckpointPosition earliest = store.earliestKept();
            if (earliest != null)
            {
                counters.queueFilesDeleted.getAndAdd(
                    retention.apply(earliest.journalSequence(), earliest.lastSourceIndex()));
            }
        }
        catch (final RuntimeException ex)
        {
            log.println("risk daemon: retention: skipped this round: " + ex);
            errors.onError(ex);
        }
    }

    /**
     * Clean shutdown, on the engine thread after the ring stopped: records the final state and writes it here,
     * once the checkpoint thread has finished what it holds.
     */
    public void writeFinal(final RiskEngine engine, final long journalSequence, final EpochNanoClock clock)
    {
        final CheckpointTaker.Slot slot = taker.takeNow(engine, journalSequence, clock.nanoTime());
        final long deadlineNs = System.nanoTime() + FINAL_WRITE_TIMEOUT_NS;
        while (slot.status != CheckpointTaker.Slot.FREE)
        {
            if (System.nanoTime() > deadlineNs)
            {
                log.println("risk daemon: the final checkpoint was not written within 10 s");
                return;
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public String roleName()
    {
        return "checkpoint";
    }
}
