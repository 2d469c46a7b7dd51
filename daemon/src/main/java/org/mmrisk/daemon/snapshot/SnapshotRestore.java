package org.mmrisk.daemon.snapshot;

import org.agrona.concurrent.UnsafeBuffer;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.core.state.StateFormatException;
import org.mmrisk.core.state.StateReader;

/**
 * Restores an engine from a checked snapshot's state body. Start-up only (the main thread to vet a snapshot, the
 * engine thread to restore the engine it will run).
 */
public final class SnapshotRestore
{
    private SnapshotRestore()
    {
    }

    /**
     * @throws StateFormatException when the body does not restore completely (the engine must be discarded).
     */
    public static void restore(final RiskEngine engine, final Snapshot snapshot)
    {
        final StateReader reader = new StateReader(new UnsafeBuffer(snapshot.bytes()), snapshot.bodyOffset(),
            snapshot.bodyLength());
        engine.restoreState(reader);
        if (reader.remaining() != 0)
        {
            throw new StateFormatException(reader.remaining() + " bytes of state left over");
        }
    }
}
