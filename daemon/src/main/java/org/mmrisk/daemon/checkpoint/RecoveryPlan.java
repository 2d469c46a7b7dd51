package org.mmrisk.daemon.checkpoint;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.core.output.CountingOutput;
import org.mmrisk.core.state.StateFormatException;
import org.mmrisk.daemon.config.ConfigFingerprint;
import org.mmrisk.daemon.journal.JournalCorruptException;
import org.mmrisk.daemon.journal.JournalPosition;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * How start-up rebuilds the engine: the newest checkpoint that checks out (file checksum, layout, input list, the
 * engine configuration it was taken under, and a trial restore), then the journal after it; without one, the whole journal.
 * When the operator accepts a configuration change, the newest checkpoint that checks out is used whatever engine
 * configuration it was taken under ({@code configChanged}); the input list must always match. Refuses when the journal no longer holds the events
 * between the checkpoint and its first entry (retention removed them): no state could be rebuilt.
 * Built once by the main thread before any other thread starts.
 *
 * @param configChanged the checkpoint was taken under another engine configuration, accepted by the operator.
 */
public record RecoveryPlan(Checkpoint checkpoint, JournalPosition journal, boolean configChanged)
{
    public static RecoveryPlan choose(final CheckpointStore store, final ChronicleQueue journal, final Path journalDir,
        final int sources, final EngineConfig engineConfig, final long configFingerprint,
        final boolean acceptConfigChange, final PrintStream log)
    {
        final Choice choice = new Choice();
        final Checkpoint checkpoint = choice.newestUsable(store, sources, engineConfig, configFingerprint,
            acceptConfigChange, log);
        final long checkpointSequence = checkpoint == null ? -1 : checkpoint.journalSequence();
        final JournalPosition position = scan(journal, sources, checkpoint, checkpointSequence);
        final long first = position.firstSequence();
        if (first > checkpointSequence + 1)
        {
            throw new IllegalStateException("cannot rebuild the engine state: the journal " + journalDir +
                " starts at sequence " + first + ", but " + (checkpoint == null ? "no usable checkpoint exists" :
                "the newest usable checkpoint holds sequences up to " + checkpointSequence) + " in " + store.dir() +
                ", so the events in between are gone. " + (choice.passedOverForConfig ?
                "Checkpoints taken under another engine configuration were passed over: start with the configuration " +
                "they were taken under, or with --accept-config-change to continue from the newest one under this " +
                "configuration. " : "") + "Otherwise put back the missing journal files or a checkpoint that covers " +
                "them (or move the data directory aside to start empty)");
        }
        final boolean configChanged = checkpoint != null &&
            !ConfigFingerprint.sameEngine(checkpoint.configFingerprint(), configFingerprint);
        if (checkpoint == null)
        {
            log.println("risk daemon: recovery: no checkpoint; replaying the whole journal (" + position.entries() +
                " events)");
        }
        else
        {
            log.println("risk daemon: recovery: from checkpoint " + checkpoint.path().getFileName() + " (journal " +
                "sequence " + checkpointSequence + ")" + (configChanged ? ", taken under another engine configuration " +
                "(--accept-config-change: its state continues under this one)" : "") + ", then " +
                position.entries() + " journal events after it");
        }
        return new RecoveryPlan(checkpoint, position, configChanged);
    }

    /**
     * Reads and verifies the journal from the checkpoint on.
     *
     * @throws IllegalStateException when it cannot be trusted: what is wrong, where, and what the operator can do.
     */
    private static JournalPosition scan(final ChronicleQueue journal, final int sources, final Checkpoint checkpoint,
        final long checkpointSequence)
    {
        try
        {
            return JournalPosition.scan(journal, sources, checkpoint == null ? null : checkpoint.lastSourceIndex(),
                checkpointSequence);
        }
        catch (final JournalCorruptException ex)
        {
            throw new IllegalStateException("cannot start: the journal is damaged after sequence " +
                ex.lastGoodSequence() + (checkpoint == null ? "" : " (the checkpoint " + checkpoint.path().getFileName() +
                " holds sequences up to " + checkpointSequence + ")") + ". " + ex.getMessage() + ". Nothing was " +
                "started or written. Put back an intact copy of the journal file (docs/recovery.md#a-damaged-journal); " +
                "or, to give up the events after sequence " + ex.lastGoodSequence() + ", move the data " +
                "directory aside and start empty", ex);
        }
    }

    /**
     * One search of the checkpoint directory, newest first.
     */
    private static final class Choice
    {
        private boolean passedOverForConfig;

        Checkpoint newestUsable(final CheckpointStore store, final int sources, final EngineConfig engineConfig,
            final long configFingerprint, final boolean acceptConfigChange, final PrintStream log)
        {
            for (final Path file : store.files())
            {
                try
                {
                    final Checkpoint checkpoint = CheckpointFile.read(file, RiskEngine.stateVersion());
                    if (checkpoint.lastSourceIndex().length != sources ||
                        !ConfigFingerprint.sameInputs(checkpoint.configFingerprint(), configFingerprint))
                    {
                        throw new InvalidCheckpointException("taken with another input list (" +
                            checkpoint.lastSourceIndex().length + " sources, configured " + sources + "): its input " +
                            "positions belong to those inputs");
                    }
                    if (!ConfigFingerprint.sameEngine(checkpoint.configFingerprint(), configFingerprint) &&
                        !acceptConfigChange)
                    {
                        passedOverForConfig = true;
                        throw new InvalidCheckpointException("taken under another engine configuration (start with " +
                            "--accept-config-change to continue from it under this one)");
                    }
                    trialRestore(engineConfig, checkpoint);
                    return checkpoint;
                }
                catch (final InvalidCheckpointException ex)
                {
                    log.println("risk daemon: recovery: checkpoint " + file.getFileName() + " not used: " +
                        ex.getMessage());
                }
            }
            return null;
        }

        private static void trialRestore(final EngineConfig engineConfig, final Checkpoint checkpoint)
            throws InvalidCheckpointException
        {
            try
            {
                CheckpointRestore.restore(new RiskEngine(engineConfig, new CountingOutput()), checkpoint);
            }
            catch (final StateFormatException ex)
            {
                throw new InvalidCheckpointException(ex.getMessage());
            }
            catch (final RuntimeException ex)
            {
                // a state taken under another configuration may not fit this one (e.g. other bucket edges)
                throw new InvalidCheckpointException("does not restore under this configuration: " + ex);
            }
        }
    }
}
