package org.mmrisk.daemon.engine;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.daemon.DaemonFailure;
import org.mmrisk.daemon.checkpoint.Checkpoint;
import org.mmrisk.daemon.checkpoint.CheckpointRestore;
import org.mmrisk.daemon.checkpoint.CheckpointTaker;
import org.mmrisk.daemon.checkpoint.CheckpointWriter;
import org.mmrisk.daemon.checkpoint.RecoveryPlan;
import org.mmrisk.daemon.counters.DaemonCounters;
import org.mmrisk.daemon.egress.EgressPublisher;
import org.mmrisk.daemon.fault.FaultInjection;
import org.mmrisk.daemon.journal.JournalReplayer;
import org.mmrisk.daemon.ring.RingEvent;
import org.mmrisk.daemon.stamps.StageStamps;
import org.mmrisk.daemon.storage.FreeSpaceGuard;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The engine thread's ring consumer: hands each event to the {@link RiskEngine}; at the end of an ingress batch
 * (the event's {@code batchEnd}, never the Disruptor's own batch boundary) lets the engine compute the batch while
 * the journaller writes it, and holds the batch's first output — and anything else that leaves the thread — until
 * the journaller has written that event ({@link JournalGate}: LMAX's gating).
 * <p>
 * At start-up, on the engine thread, the engine is restored from the chosen checkpoint (if any) and the journal after
 * it, as it was before this run, is replayed, so a restarted daemon
 * continues from the exact state (and output sequence) its journal implies; ingress resumes each input after the
 * last index the journal holds. Replayed outputs the output queue already holds are skipped, later ones (lost when
 * the previous run died between journaling a batch and writing its outputs) are written ({@link ResumingOutput}).
 * Timer events also drive egress's heartbeat. The engine, egress and this handler are owned by the engine thread;
 * egress's Chronicle appender is created on it in {@link #onStart()}. The recovery figures are published to other
 * threads through {@link #awaitRecovery(long)}.
 */
public final class EngineHandler implements EventHandler<RingEvent>
{
    private final EngineConfig engineConfig;
    private final ChronicleQueue outputQueue;
    private final Sequence journaled;
    private final IdleStrategy journalWait;
    private final DaemonCounters counters;
    private final EpochNanoClock clock;
    private final long heartbeatIntervalNs;
    private final ChronicleQueue journal;
    private final long recoverUntilSequence;
    private final long lastWrittenOutputSequence;
    private final Checkpoint checkpoint;
    private final boolean configChanged;
    private final CheckpointTaker checkpoints;
    private final CheckpointWriter checkpointWriter;
    private final DaemonFailure failure;
    private final FreeSpaceGuard outputSpace;
    private final CountDownLatch recovery = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Consumer<RiskEngine> shutdownListener = engine -> { };
    private StageStamps stamps = StageStamps.DISABLED;
    private Path stampsDir;
    private EgressPublisher egress;
    private JournalGate gate;
    private RiskEngine engine;
    private long nextHeartbeatNs = Long.MIN_VALUE;
    private boolean live;
    private long lastJournalSequence = -1;
    private long recovered;
    private long outputsRewritten;
    private long recoveryNs;

    public EngineHandler(final EngineConfig engineConfig, final ChronicleQueue outputQueue, final Sequence journaled,
        final IdleStrategy journalWait, final DaemonCounters counters, final EpochNanoClock clock,
        final long heartbeatIntervalNs, final ChronicleQueue journal, final long lastWrittenOutputSequence,
        final RecoveryPlan plan, final CheckpointTaker checkpoints, final CheckpointWriter checkpointWriter,
        final DaemonFailure failure, final FreeSpaceGuard outputSpace)
    {
        this.failure = failure;
        this.outputSpace = outputSpace;
        this.checkpoint = plan.checkpoint();
        this.configChanged = plan.configChanged();
        this.checkpoints = checkpoints;
        this.checkpointWriter = checkpointWriter;
        this.engineConfig = engineConfig;
        this.outputQueue = outputQueue;
        this.journaled = journaled;
        this.journalWait = journalWait;
        this.counters = counters;
        this.clock = clock;
        this.heartbeatIntervalNs = heartbeatIntervalNs;
        this.journal = journal;
        this.recoverUntilSequence = plan.journal().nextJournalSequence();
        this.lastWrittenOutputSequence = lastWrittenOutputSequence;
    }

    /**
     * Called on the engine thread once the ring has stopped, with the engine's final state (e.g. to write it out).
     * Set before the daemon starts.
     */
    public void shutdownListener(final Consumer<RiskEngine> listener)
    {
        shutdownListener = listener;
    }

    /**
     * Stamps each batch's stages on the engine thread and, at a clean shutdown, writes their histograms into
     * {@code dir} (docs/latency-stages.md). Set before the daemon starts; without it nothing is stamped.
     */
    public void stageStamps(final StageStamps stamps, final Path dir)
    {
        this.stamps = stamps;
        this.stampsDir = dir;
    }

    @Override
    public void onStart()
    {
        final long startNs = System.nanoTime();
        egress = new EgressPublisher(outputQueue, counters, lastWrittenOutputSequence, outputSpace, stamps);
        final ResumingOutput resuming = new ResumingOutput(egress, lastWrittenOutputSequence);
        gate = new JournalGate(resuming, journaled, journalWait, failure::failed, stamps);
        engine = new RiskEngine(engineConfig, gate);
        long afterSequence = -1;
        if (checkpoint != null)
        {
            CheckpointRestore.restore(engine, checkpoint);
            afterSequence = checkpoint.journalSequence();
            FaultInjection.reached(FaultInjection.RECOVERY_RESTORED);
            if (configChanged)
            {
                applyChangedConfiguration();
            }
        }
        recovered = JournalReplayer.replay(journal, engine, afterSequence, recoverUntilSequence,
            JournalReplayer.printingProgress(System.out, recoverUntilSequence - 1 - afterSequence));
        lastJournalSequence = Math.max(afterSequence, recoverUntilSequence - 1);
        FaultInjection.reached(FaultInjection.RECOVERY_REPLAYED);
        // A replay under the same configuration ends at or after the last output written; one under another (an
        // accepted change, or a whole-journal replay after a change) may have made fewer outputs than the previous
        // runs wrote: live outputs are numbered after the last one written either way, never twice.
        engine.continueOutputSequenceAfter(lastWrittenOutputSequence);
        resuming.live();
        counters.publish(engine.counters());
        outputsRewritten = counters.outputMessages.get();
        counters.recoveredEvents.setRelease(recovered);
        counters.recoveryOutputsRewritten.setRelease(outputsRewritten);
        recoveryNs = System.nanoTime() - startNs;
        live = true;
        recovery.countDown();
    }

    /**
     * The operator accepted a configuration change: its limits replace the checkpoint's (each change logged), and a
     * checkpoint under the new configuration is taken at the first batch end.
     */
    private void applyChangedConfiguration()
    {
        engine.applyConfiguredLimits((key, restored, configured, applied) -> System.out.println(
            "risk daemon: recovery: " + key + ": checkpoint " + restored + ", configuration " + configured +
            (applied ? ": the configuration's value applies" : ": the checkpoint's value stays (it cannot change " +
            "under positions already booked)")));
        checkpoints.requestAtNextBatchEnd();
    }

    @Override
    public void onEvent(final RingEvent slot, final long ringSequence, final boolean endOfBatch)
    {
        if (!live)
        {
            // Disruptor goes on to deliver events after onStart threw: an engine that did not recover must not
            // apply them, number outputs from the wrong sequence, or be checkpointed
            throw new IllegalStateException("start-up recovery failed; the engine takes no live event");
        }
        stamps.taken(slot);
        engine.onEvent(slot.event);
        lastJournalSequence = slot.event.journalSequence;
        checkpoints.onInput(slot.sourceId, slot.sourceIndex);
        if (slot.event.batchEnd)
        {
            gate.arm(ringSequence);
            engine.onBatchEnd();
            gate.pass();
            counters.publish(engine.counters());
            counters.engineTimeNs.setRelease(engine.timeNs());
            checkpoints.onBatchEnd(engine, lastJournalSequence, clock);
            stamps.batchEnded();
        }
        if (slot.timer && slot.event.timeNs >= nextHeartbeatNs)
        {
            egress.heartbeat(clock.nanoTime(), engine.timeNs(), lastJournalSequence);
            nextHeartbeatNs = slot.event.timeNs + heartbeatIntervalNs;
        }
    }

    /**
     * Also runs when the engine thread stops on an exception (Disruptor's contract). After any daemon failure the
     * engine may hold half a batch, or events the journal does not, so then no checkpoint and no state file are
     * written: the next start recovers from the last checkpoint and the journal, as after a kill.
     */
    @Override
    public void onShutdown()
    {
        if (egress != null)
        {
            egress.close();
        }
        try
        {
            if (failure.failed())
            {
                System.err.println("risk daemon: no final checkpoint and no state file: the daemon failed (" +
                    failure.describe() + "); the next start recovers from the last checkpoint and the journal");
            }
            else if (engine != null)
            {
                checkpointWriter.writeFinal(engine, lastJournalSequence, clock);
                shutdownListener.accept(engine);
                writeStageStamps();
            }
        }
        finally
        {
            stopped.countDown();
        }
    }

    /**
     * Cold path, at a clean shutdown: the stage histograms go to their directory; a failure to write them is reported
     * and does not fail the shutdown.
     */
    private void writeStageStamps()
    {
        if (stamps.enabled() && stampsDir != null)
        {
            try
            {
                stamps.histograms().write(stampsDir);
                System.out.println("risk daemon: stage stamps written to " + stampsDir);
            }
            catch (final RuntimeException ex)
            {
                System.err.println("risk daemon: stage stamps not written to " + stampsDir + ": " + ex);
            }
        }
    }

    /**
     * Waits (any thread) until the engine thread has finished {@link #onShutdown()}: egress closed, the shutdown
     * listener run. The ring's own shutdown returns before that.
     *
     * @return false when it did not finish within the timeout.
     */
    public boolean awaitStopped(final long timeoutMs) throws InterruptedException
    {
        return stopped.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Waits (any thread) until start-up recovery has finished.
     *
     * @return false when it did not finish within the timeout.
     */
    public boolean awaitRecovery(final long timeoutMs) throws InterruptedException
    {
        return recovery.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /**
     * @return how many journaled events were replayed at start-up to rebuild the engine's state (after
     * {@link #awaitRecovery}).
     */
    public long recoveredEvents()
    {
        return recovered;
    }

    /**
     * @return outputs written during recovery because the previous run had journaled their cause but died before
     * writing them (after {@link #awaitRecovery}).
     */
    public long outputsRewritten()
    {
        return outputsRewritten;
    }

    /**
     * @return how long the start-up replay took, ns (after {@link #awaitRecovery}).
     */
    public long recoveryNs()
    {
        return recoveryNs;
    }

    /**
     * @return the engine, for inspection after the ring has stopped.
     */
    public RiskEngine engine()
    {
        return engine;
    }
}
