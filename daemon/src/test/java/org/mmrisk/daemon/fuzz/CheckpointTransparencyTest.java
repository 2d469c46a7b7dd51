package org.mmrisk.daemon.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.engine.EngineCounter;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.state.StateWriter;
import org.mmrisk.daemon.codec.InputDecoder;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.replay.RecordingOutput;
import org.mmrisk.daemon.ring.RingEvent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Taking a snapshot must not change what the engine does: the daemon saves the engine's state at batch ends only
 * when a snapshot buffer is free, which depends on how fast the writer thread is, so a save with any effect on the
 * engine would make the live run differ from a replay of its journal. Two engines under the daemon's default
 * configuration see the same hostile input (decoded {@link FuzzMessages}, with timers and seeded batch ends); one
 * saves its state after every batch; their outputs must be the same, one for one, and so must their counters.
 */
class CheckpointTransparencyTest
{
    private static final int MESSAGES = 30_000;
    private static final long START_NS = 1_767_225_600_000_000_000L;
    private static final long STEP_NS = 1_000_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {7201, 424242})
    void shouldEmitTheSameWhetherOrNotTheStateIsSavedAtBatchEnds(final long seed) throws Exception
    {
        final EngineConfig config = defaultEngineConfig();
        final RecordingOutput plainOutput = new RecordingOutput(true, id -> null);
        final RecordingOutput savingOutput = new RecordingOutput(true, id -> null);
        final RiskEngine plain = new RiskEngine(config, plainOutput);
        final RiskEngine saving = new RiskEngine(config, savingOutput);
        final StateWriter state = new StateWriter(1 << 16);

        final FuzzMessages fuzz = new FuzzMessages(seed, START_NS);
        final SplittableRandom batches = new SplittableRandom(seed + 1);
        final InputDecoder decoder = new InputDecoder();
        final RiskEvent event = new RiskEvent();
        long timeNs = START_NS;
        for (int i = 0; i < MESSAGES; i++)
        {
            final int length = fuzz.next();
            timeNs += STEP_NS;
            if (i % 10 == 0)
            {
                event.reset();
                event.type = EventType.TIMER;
            }
            else if (length > RingEvent.MAX_PAYLOAD_LENGTH || decoder.decode(fuzz.buffer(), 0, length, event) != null)
            {
                continue;
            }
            event.timeNs = timeNs;
            event.batchEnd = batches.nextInt(4) == 0;
            plain.onEvent(event);
            saving.onEvent(event);
            if (event.batchEnd)
            {
                plain.onBatchEnd();
                saving.onBatchEnd();
                state.reset();
                saving.saveState(state);
            }
        }

        final List<ObjectNode> expected = plainOutput.log();
        final List<ObjectNode> actual = savingOutput.log();
        assertThat(plain.counters().get(EngineCounter.QUOTES_EMITTED)).as("quotes of the run").isPositive();
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++)
        {
            assertThat(actual.get(i)).as("output %d", i).isEqualTo(expected.get(i));
        }
        assertThat(actual).hasSameSizeAs(expected);
        for (final EngineCounter counter : EngineCounter.VALUES)
        {
            assertThat(saving.counters().get(counter)).as(counter.key()).isEqualTo(plain.counters().get(counter));
        }
    }

    private EngineConfig defaultEngineConfig() throws Exception
    {
        final Path file = dir.resolve("daemon.yaml");
        Files.writeString(file, "dataDir: data\ninputs: [market, fills]\n");
        return ConfigLoader.load(file).engineConfig();
    }
}
