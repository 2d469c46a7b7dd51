package org.mmrisk.daemon.snapshot;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.core.engine.EngineConfig;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.core.output.CountingOutput;
import org.mmrisk.core.state.StateFormatException;
import org.mmrisk.daemon.config.ConfigFingerprint;
import org.mmrisk.daemon.journal.JournalPosition;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * How start-up rebuilds the engine: the newest snapshot that checks out (file checksum, layout, input list, the
 * engine configuration it was taken under, and a trial restore), then the journal after it; without one, the whole journal.
 * When the operator accepts a configuration change, the newest snapshot that checks out is used whatever engine
 * configuration it was taken under ({@code configChanged}); the input list must always match. Refuses when the journal no longer holds the events
 * between the snapshot and its first entry (retention removed them): no state could be rebuilt.
 * Built once by the main thread before any other thread starts.
 *
 * @param configChanged the snapshot was taken under another engine configuration, accepted by the operator.
 */
public record RecoveryPlan(Snapshot snapshot, JournalPosition journal, boolean configChanged)
{
    public static RecoveryPlan choose(final SnapshotStore store, final ChronicleQueue journal, final Path journalDir,
        final int sources, final EngineConfig engineConfig, final long configFingerprint,
        final boolean acceptConfigChange, final PrintStream log)
    {
        final Choice choice = new Choice();
        final Snapshot snapshot = choice.newestUsable(store, sources, engineConfig, configFingerprint,
            acceptConfigChange, log);
        final long snapshotSequence = snapshot == null ? -1 : snapshot.journalSequence();
        final JournalPosition position = JournalPosition.scan(journal, sources,
            snapshot == null ? null : snapshot.lastSourceIndex(), snapshotSequence);
        final long first = position.firstSequence();
        if (first > snapshotSequence + 1)
        {
            throw new IllegalStateException("cannot rebuild the engine state: the journal " + journalDir +
                " starts at sequence " + first + ", but " + (snapshot == null ? "no usable snapshot exists" :
                "the newest usable snapshot holds sequences up to " + snapshotSequence) + " in " + store.dir() +
                ", so the events in between are gone. " + (choice.passedOverForConfig ?
                "Snapshots taken under another engine configuration were passed over: start with the configuration " +
                "they were taken under, or with --accept-config-change to continue from the newest one under this " +
                "configuration. " : "") + "Otherwise put back the missing journal files or a snapshot that covers " +
                "them (or move the data directory aside to start empty)");
        }
        final boolean configChanged = snapshot != null &&
            !ConfigFingerprint.sameEngine(snapshot.configFingerprint(), configFingerprint);
        if (snapshot == null)
        {
            log.println("risk daemon: recovery: no snapshot; replaying the whole journal (" + position.entries() +
                " events)");
        }
        else
        {
            log.println("risk daemon: recovery: from snapshot " + snapshot.path().getFileName() + " (journal " +
                "sequence " + snapshotSequence + ")" + (configChanged ? ", taken under another engine configuration " +
                "(--accept-config-change: its state continues under this one)" : "") + ", then " +
                position.entries() + " journal events after it");
        }
        return new RecoveryPlan(snapshot, position, configChanged);
    }

    /**
     * One search of the snapshot directory, newest first.
     */
    private static final class Choice
    {
        private boolean passedOverForConfig;

        Snapshot newestUsable(final SnapshotStore store, final int sources, final EngineConfig engineConfig,
            final long configFingerprint, final boolean acceptConfigChange, final PrintStream log)
        {
            for (final Path file : store.files())
            {
                try
                {
                    final Snapshot snapshot = SnapshotFile.read(file, RiskEngine.stateVersion());
                    if (snapshot.lastSourceIndex().length != sources ||
                        !ConfigFingerprint.sameInputs(snapshot.configFingerprint(), configFingerprint))
                    {
                        throw new InvalidSnapshotException("taken with another input list (" +
                            snapshot.lastSourceIndex().length + " sources, configured " + sources + "): its input " +
                            "positions belong to those inputs");
                    }
                    if (!ConfigFingerprint.sameEngine(snapshot.configFingerprint(), configFingerprint) &&
                        !acceptConfigChange)
                    {
                        passedOverForConfig = true;
                        throw new InvalidSnapshotException("taken under another engine configuration (start with " +
                            "--accept-config-change to continue from it under this one)");
                    }
                    trialRestore(engineConfig, snapshot);
                    return snapshot;
                }
                catch (final InvalidSnapshotException ex)
                {
                    log.println("risk daemon: recovery: snapshot " + file.getFileName() + " not used: " +
                        ex.getMessage());
                }
            }
            return null;
        }

        private static void trialRestore(final EngineConfig engineConfig, final Snapshot snapshot)
            throws InvalidSnapshotException
        {
            try
            {
                SnapshotRestore.restore(new RiskEngine(engineConfig, new CountingOutput()), snapshot);
            }
            catch (final StateFormatException ex)
            {
                throw new InvalidSnapshotException(ex.getMessage());
            }
            catch (final RuntimeException ex)
            {
                // a state taken under another configuration may not fit this one (e.g. other bucket edges)
                throw new InvalidSnapshotException("does not restore under this configuration: " + ex);
            }
        }
    }
}
