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
