package org.mmrisk.core.engine;

import org.agrona.concurrent.UnsafeBuffer;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.state.StateReader;
import org.mmrisk.core.state.StateWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saves an engine's state and restores it into a fresh engine through the real state codec, for tests.
 */
final class EngineStates
{
    private EngineStates()
    {
    }

    static byte[] save(final RiskEngine engine)
    {
        final StateWriter writer = new StateWriter(1024);
        engine.saveState(writer);
        final byte[] bytes = new byte[writer.length()];
        writer.buffer().getBytes(0, bytes);
        return bytes;
    }

    /**
     * @return the saved state with the engine's counters and its next output sequence blanked: what an input
     * changes; an input rejected at the end of a batch changes only those two (counted, and alerted).
     */
    static byte[] saveWithoutCounters(final RiskEngine engine)
    {
        final byte[] bytes = save(engine);
        // layout (EngineStateCodec): section, version, engine time, then counters and reject counters, each a count
        // and its longs; ...; the next output sequence, then the END section
        final int countersStart = Integer.BYTES + Integer.BYTES + Long.BYTES;
        final int countersLength = Integer.BYTES + Long.BYTES * EngineCounter.values().length +
            Integer.BYTES + Long.BYTES * RejectReason.VALUES.length;
        java.util.Arrays.fill(bytes, countersStart, countersStart + countersLength, (byte)0);
        java.util.Arrays.fill(bytes, bytes.length - Integer.BYTES - Long.BYTES, bytes.length - Integer.BYTES, (byte)0);
        return bytes;
    }

    /**
     * Ends batches until one changes nothing: the re-anchoring sweep goes on at each batch end whatever the batch
     * held, so only a settled engine shows that a rejected input changed nothing.
     */
    static void settle(final RiskEngine engine)
    {
        byte[] state = saveWithoutCounters(engine);
        for (int i = 0; i < 100; i++)
        {
            engine.onBatchEnd();
            final byte[] next = saveWithoutCounters(engine);
            if (java.util.Arrays.equals(state, next))
            {
                return;
            }
            state = next;
        }
        throw new AssertionError("the engine does not settle");
    }

    /**
     * @return a new engine under {@code config} holding the saved state; the whole state must have been read.
     */
    static RiskEngine restore(final byte[] state, final EngineConfig config, final RiskOutput output)
    {
        final RiskEngine engine = new RiskEngine(config, output);
        final StateReader reader = new StateReader(new UnsafeBuffer(state), 0, state.length);
        engine.restoreState(reader);
        assertThat(reader.remaining()).isZero();
        return engine;
    }
}
