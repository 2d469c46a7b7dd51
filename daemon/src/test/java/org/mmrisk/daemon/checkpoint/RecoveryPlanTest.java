package org.mmrisk.daemon.checkpoint;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.core.output.CountingOutput;
import org.mmrisk.core.state.StateWriter;
import org.mmrisk.daemon.journal.JournalDamage;
import org.mmrisk.daemon.journal.JournalEntries;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A journal that retention has cut to start at sequence 5, and one checkpoint that holds sequences up to 4, taken under
 * configuration fingerprint 111: usable under that configuration; under another one only when the operator accepts
 * the change, and refused with a message that says so otherwise.
 */
class RecoveryPlanTest
{
    private static final long TAKEN_UNDER = 111;
    private static final long CHANGED = 222;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private ChronicleQueue journal;
    private CheckpointStore store;

    @BeforeEach
    void journalFromFiveAndASnapshotUpToFour() throws IOException
    {
        journal = Queues.open(dir.resolve("journal"));
        try (SbeAppender appender = new SbeAppender(journal))
        {
            for (long sequence = 5; sequence < 10; sequence++)
            {
                JournalEntries.appendTimer(appender, sequence);
            }
        }
        store = new CheckpointStore(dir.resolve("checkpoints"), 3);
        final StateWriter state = new StateWriter(1 << 12);
        new RiskEngine(new EngineConfig().conclude(), new CountingOutput()).saveState(state);
        new CheckpointFile().write(store.dir(), RiskEngine.stateVersion(), 4, 0, 0, TAKEN_UNDER, new long[] {-1},
            state.buffer().byteBuffer(), state.length());
    }

    @AfterEach
    void close()
    {
        journal.close();
    }

    @Test
    void shouldUseTheSnapshotTakenUnderTheRunningConfiguration()
    {
        final RecoveryPlan plan = choose(TAKEN_UNDER, false);

        assertThat(plan.checkpoint().journalSequence()).isEqualTo(4);
        assertThat(plan.configChanged()).isFalse();
        assertThat(plan.journal().entries()).isEqualTo(5);
    }

    @Test
    void shouldRefuseNamingTheWayOutWhenOnlyASnapshotOfAnotherConfigurationCoversTheJournal()
    {
        assertThatThrownBy(() -> choose(CHANGED, false))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("starts at sequence 5")
            .hasMessageContaining("no usable checkpoint")
            .hasMessageContaining("--accept-config-change");
        assertThat(log()).contains("not used: taken under another engine configuration");
    }

    @Test
    void shouldContinueFromTheSnapshotOfAnotherConfigurationWhenTheChangeIsAccepted()
    {
        final RecoveryPlan plan = choose(CHANGED, true);

        assertThat(plan.checkpoint().journalSequence()).isEqualTo(4);
        assertThat(plan.configChanged()).isTrue();
        assertThat(plan.journal().nextJournalSequence()).isEqualTo(10);
        assertThat(log()).contains("taken under another engine configuration (--accept-config-change");
    }

    @Test
    void shouldNeverUseASnapshotTakenWithAnotherInputList()
    {
        final long otherInputs = (1L << 32) | TAKEN_UNDER;

        assertThatThrownBy(() -> choose(otherInputs, true))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("no usable checkpoint")
            .hasMessageNotContaining("--accept-config-change");
        assertThat(log()).contains("not used: taken with another input list");
    }

    @Test
    void shouldRefuseToStartOnAJournalDamagedAfterTheCheckpointSayingWhatToDo() throws IOException
    {
        journal.close();
        JournalDamage.flipTimeBit(dir.resolve("journal"), 7);
        journal = Queues.open(dir.resolve("journal"));

        assertThatThrownBy(() -> choose(TAKEN_UNDER, false))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("cannot start: the journal is damaged after sequence 6")
            .hasMessageContaining("holds sequences up to 4")
            .hasMessageContaining(JournalDamage.cycleFile(dir.resolve("journal")).getFileName().toString())
            .hasMessageContaining("checksum mismatch")
            .hasMessageContaining("docs/recovery.md");
    }

    private RecoveryPlan choose(final long fingerprint, final boolean accept)
    {
        return RecoveryPlan.choose(store, journal, dir.resolve("journal"), 1, new EngineConfig().conclude(), fingerprint, accept,
            new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private String log()
    {
        return log.toString(StandardCharsets.UTF_8);
    }
}
