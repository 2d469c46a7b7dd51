package org.mmrisk.daemon.snapshot;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.core.engine.EngineConfig;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.core.output.CountingOutput;
import org.mmrisk.core.state.StateFormatException;
import org.mmrisk.daemon.journal.JournalPosition;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * How start-up rebuilds the engine: the newest snapshot that checks out (file checksum, layout, configuration, and
 * a trial restore), then the journal after it; without one, the whole journal. Refuses when the journal no longer
 * holds the events between the snapshot and its first entry (retention removed them): no state could be rebuilt.
 * Built once by the main thread before any other thread starts.
 */
public record RecoveryPlan(Snapshot snapshot, JournalPosition journal)
{
    public static RecoveryPlan choose(final SnapshotStore store, final ChronicleQueue journal, final Path journalDir,
        final int sources, final EngineConfig engineConfig, final long configFingerprint, final PrintStream log)
    {
        final Snapshot snapshot = newestUsable(store, sources, engineConfig, configFingerprint, log);
        final long snapshotSequence = snapshot == null ? -1 : snapshot.journalSequence();
        final JournalPosition position = JournalPosition.scan(journal, sources,
            snapshot == null ? null : snapshot.lastSourceIndex(), snapshotSequence);
        final long first = position.firstSequence();
        if (first > snapshotSequence + 1)
        {
            throw new IllegalStateException("cannot rebuild the engine state: the journal " + journalDir +
                " starts at sequence " + first + ", but " + (snapshot == null ? "no usable snapshot exists" :
                "the newest usable snapshot holds sequences up to " + snapshotSequence) + " in " + store.dir() +
                ", so the events in between are gone. Put back the missing journal files or a snapshot that covers " +
                "them (or move the data directory aside to start empty)");
        }
        if (snapshot == null)
        {
            log.println("risk daemon: recovery: no snapshot; replaying the whole journal (" + position.entries() +
                " events)");
        }
        else
        {
            log.println("risk daemon: recovery: from snapshot " + snapshot.path().getFileName() + " (journal " +
                "sequence " + snapshotSequence + "), then " + position.entries() + " journal events after it");
        }
        return new RecoveryPlan(snapshot, position);
    }

    private static Snapshot newestUsable(final SnapshotStore store, final int sources, final EngineConfig engineConfig,
        final long configFingerprint, final PrintStream log)
    {
        for (final Path file : store.files())
        {
            try
            {
                final Snapshot snapshot = SnapshotFile.read(file, RiskEngine.stateVersion(), configFingerprint);
                if (snapshot.lastSourceIndex().length != sources)
                {
                    throw new InvalidSnapshotException("taken with " + snapshot.lastSourceIndex().length +
                        " input sources, configured " + sources);
                }
                SnapshotRestore.restore(new RiskEngine(engineConfig, new CountingOutput()), snapshot);
                return snapshot;
            }
            catch (final InvalidSnapshotException | StateFormatException ex)
            {
                log.println("risk daemon: recovery: snapshot " + file.getFileName() + " not used: " + ex.getMessage());
            }
        }
        return null;
    }
}
