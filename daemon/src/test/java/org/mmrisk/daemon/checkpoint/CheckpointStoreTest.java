package org.mmrisk.daemon.checkpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What retention may delete rests on the kept checkpoints' headers: the earliest position among them, per field.
 */
class CheckpointStoreTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReportTheEarliestPositionAmongTheKeptSnapshots() throws IOException
    {
        final CheckpointStore store = new CheckpointStore(dir, 3);
        write(100, 7, 50);
        write(200, 9, 40);
        write(300, 12, 60);

        final CheckpointPosition earliest = store.earliestKept();

        assertThat(earliest.journalSequence()).isEqualTo(100);
        assertThat(earliest.lastSourceIndex()).containsExactly(7, 40);
    }

    @Test
    void shouldAnswerNothingWhileAKeptSnapshotsHeaderCannotBeRead() throws IOException
    {
        final CheckpointStore store = new CheckpointStore(dir, 3);
        write(200, 9, 40);
        Files.write(write(100, 1, 1), new byte[] {1, 2, 3});

        assertThat(CheckpointFile.readPosition(dir.resolve(CheckpointFile.fileName(100)))).isNull();
        assertThat(store.earliestKept()).as("a restart might fall back to it: no deletion on a guess").isNull();
    }

    @Test
    void shouldHaveNothingToSayWithoutSnapshots()
    {
        assertThat(new CheckpointStore(dir, 3).earliestKept()).isNull();
    }

    private Path write(final long journalSequence, final long... lastSourceIndex) throws IOException
    {
        final ByteBuffer body = ByteBuffer.allocateDirect(16);
        return new CheckpointFile().write(dir, 1, journalSequence, 0, 0, 42, lastSourceIndex, body, 16);
    }
}
