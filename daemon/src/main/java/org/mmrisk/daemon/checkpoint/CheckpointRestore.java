package org.mmrisk.daemon.checkpoint;

import org.agrona.concurrent.UnsafeBuffer;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.core.state.StateFormatException;
import org.mmrisk.core.state.StateReader;

/**
 * Restores an engine from a checked checkpoint's state body. Start-up only (the main thread to vet a checkpoint, the
 * engine thread to restore the engine it will run).
 */
public final class CheckpointRestore
{
    private CheckpointRestore()
    {
    }

    /**
     * @throws StateFormatException when the body does not restore completely (the engine must be discarded).
     */
    public static void restore(final RiskEngine engine, final Checkpoint checkpoint)
    {
        final StateReader reader = new StateReader(new UnsafeBuffer(checkpoint.bytes()), checkpoint.bodyOffset(),
            checkpoint.bodyLength());
        engine.restoreState(reader);
        if (reader.remaining() != 0)
        {
            throw new StateFormatException(reader.remaining() + " bytes of state left over");
        }
    }
}
