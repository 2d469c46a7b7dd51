package org.mmrisk.daemon.snapshot;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.daemon.counters.DaemonCounters;
import org.mmrisk.daemon.retention.QueueRetention;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * The snapshot thread: writes each state the engine thread handed over ({@link SnapshotTaker}) to a file, then
 * deletes all but the newest snapshots kept and the queue files none of the kept ones needs ({@link QueueRetention}).
 * A failed write (disk full, permissions) is logged and counted; the daemon runs on, and the previous snapshots stay.
 * Owned by its agent thread.
 */
public final class SnapshotWriter implements Agent
{
    private static final long FINAL_WRITE_TIMEOUT_NS = 10_000_000_000L;

    private final SnapshotTaker taker;
    private final SnapshotStore store;
    private final long configFingerprint;
    private final DaemonCounters counters;
    private final PrintStream log;
    private final QueueRetention retention;
    private final SnapshotFile file = new SnapshotFile();

    public SnapshotWriter(final SnapshotTaker taker, final SnapshotStore store, final long configFingerprint,
        final DaemonCounters counters, final QueueRetention retention, final PrintStream log)
    {
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
        for (final SnapshotTaker.Slot slot : taker.slots())
        {
            if (slot.status == SnapshotTaker.Slot.READY)
            {
                try
                {
                    write(slot);
                }
                finally
                {
                    slot.status = SnapshotTaker.Slot.FREE;
                }
                work++;
            }
        }
        return work;
    }

    private void write(final SnapshotTaker.Slot slot)
    {
        try
        {
            file.write(store.dir(), RiskEngine.stateVersion(), slot.journalSequence, slot.engineTimeNs,
                slot.takenEpochNs, configFingerprint, slot.lastSourceIndex, slot.state.buffer().byteBuffer(),
                slot.state.length());
            counters.snapshotsWritten.increment();
            store.prune();
        }
        catch (final IOException | UncheckedIOException ex)
        {
            counters.snapshotsFailed.increment();
            log.println("risk daemon: snapshot at journal sequence " + slot.journalSequence + " not written: " + ex);
            return;
        }
        applyRetention();
    }

    private void applyRetention()
    {
        try
        {
            final SnapshotPosition earliest = store.earliestKept();
            if (earliest != null)
            {
                counters.queueFilesDeleted.getAndAdd(
                    retention.apply(earliest.journalSequence(), earliest.lastSourceIndex()));
            }
        }
        catch (final RuntimeException ex)
        {
            log.println("risk daemon: retention: skipped this round: " + ex);
        }
    }

    /**
     * Clean shutdown, on the engine thread after the ring stopped: records the final state and writes it here,
     * once the snapshot thread has finished what it holds.
     */
    public void writeFinal(final RiskEngine engine, final long journalSequence, final EpochNanoClock clock)
    {
        final SnapshotTaker.Slot slot = taker.takeNow(engine, journalSequence, clock.nanoTime());
        final long deadlineNs = System.nanoTime() + FINAL_WRITE_TIMEOUT_NS;
        while (slot.status != SnapshotTaker.Slot.FREE)
        {
            if (System.nanoTime() > deadlineNs)
            {
                log.println("risk daemon: the final snapshot was not written within 10 s");
                return;
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public String roleName()
    {
        return "snapshot";
    }
}
