package org.mmrisk.daemon.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The start-up scan verifies the journal after the checkpoint: a flipped bit, a sequence gap and a cycle file cut
 * short (on an entry's boundary, where a reader sees a clean end, or inside one) each refuse, naming
 * the file and the last good sequence; an intact journal, one with a write still in flight (a writer killed
 * mid-write) and damage before the checkpoint do not.
 */
class JournalIntegrityTest
{
    /** Enough timer entries (about 58 bytes each) to fill more than 1 MB of the cycle file. */
    private static final int MANY = 30_000;
    private static final long SMALL_BLOCK = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void shouldAcceptAnIntactJournalAndOneWithAWriteInFlight()
    {
        try (ChronicleQueue journal = Queues.open(dir, SMALL_BLOCK))
        {
            appendTimers(journal, 0, MANY);
            assertThat(JournalPosition.scan(journal, 1).nextJournalSequence()).isEqualTo(MANY);

            final ExcerptAppender killedWriter = journal.createAppender();
            final DocumentContext inFlight = killedWriter.writingDocument();
            inFlight.wire().bytes().writeSkip(60);
            try (ChronicleQueue reopened = Queues.open(dir, SMALL_BLOCK))
            {
                assertThat(JournalPosition.scan(reopened, 1).nextJournalSequence()).isEqualTo(MANY);
            }
            inFlight.rollbackOnClose();
            inFlight.close();
            killedWriter.close();
        }
    }

    @Test
    void shouldRefuseAJournalCutShortOnAnEntryBoundary() throws IOException
    {
        shouldRefuseAJournalCutAt(1_000_000);
    }

    @Test
    void shouldRefuseAJournalCutShortInsideAnEntry() throws IOException
    {
        shouldRefuseAJournalCutAt(1_000_020);
    }

    private void shouldRefuseAJournalCutAt(final long length) throws IOException
    {
        try (ChronicleQueue journal = Queues.open(dir, SMALL_BLOCK))
        {
            appendTimers(journal, 0, MANY);
        }
        final String file = JournalDamage.cycleFile(dir).getFileName().toString();
        JournalDamage.truncate(dir, length);
        try (ChronicleQueue journal = Queues.open(dir, SMALL_BLOCK))
        {
            final JournalCorruptException refused = catchScan(journal);
            assertThat(refused.lastGoodSequence()).as("the entries before the cut").isBetween(MANY / 3L, MANY - 2L);
            assertThat(refused).hasMessageContaining(dir.toString()).hasMessageContaining(file)
                .hasMessageContaining("after sequence " + refused.lastGoodSequence());
        }
    }

    @Test
    void shouldRefuseAFlippedBitAfterTheCheckpointButNotBeforeIt() throws IOException
    {
        try (ChronicleQueue journal = Queues.open(dir, SMALL_BLOCK))
        {
            appendTimers(journal, 0, 1_000);
        }
        JournalDamage.flipTimeBit(dir, 700);
        try (ChronicleQueue journal = Queues.open(dir, SMALL_BLOCK))
        {
            assertThatThrownBy(() -> JournalPosition.scan(journal, 1, null, 500))
                .isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining("after sequence 699")
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining(JournalDamage.cycleFile(dir).getFileName().toString());

            final JournalPosition fromLaterCheckpoint = JournalPosition.scan(journal, 1, null, 800);
            assertThat(fromLaterCheckpoint.nextJournalSequence()).isEqualTo(1_000);
            assertThat(fromLaterCheckpoint.entries()).isEqualTo(199);
        }
    }

    @Test
    void shouldRefuseASequenceGap()
    {
        try (ChronicleQueue journal = Queues.open(dir, SMALL_BLOCK))
        {
            appendTimers(journal, 0, 10);
            appendTimers(journal, 11, 10);

            assertThatThrownBy(() -> JournalPosition.scan(journal, 1))
                .isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining("after sequence 9")
                .hasMessageContaining("sequence 11 follows sequence 9 (a gap: 1 missing)");
        }
    }

    private static JournalCorruptException catchScan(final ChronicleQueue journal)
    {
        try
        {
            JournalPosition.scan(journal, 1);
            throw new AssertionError("the scan passed");
        }
        catch (final JournalCorruptException ex)
        {
            return ex;
        }
    }

    private static void appendTimers(final ChronicleQueue journal, final long from, final int count)
    {
        try (SbeAppender appender = new SbeAppender(journal))
        {
            for (long sequence = from; sequence < from + count; sequence++)
            {
                JournalEntries.appendTimer(appender, sequence);
            }
        }
    }
}
