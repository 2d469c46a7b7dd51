package org.mmrisk.daemon.snapshot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What retention may delete rests on the kept snapshots' headers: the earliest position among them, per field.
 */
class SnapshotStoreTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReportTheEarliestPositionAmongTheKeptSnapshots() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(dir, 3);
        write(100, 7, 50);
        write(200, 9, 40);
        write(300, 12, 60);

        final SnapshotPosition earliest = store.earliestKept();

        assertThat(earliest.journalSequence()).isEqualTo(100);
        assertThat(earliest.lastSourceIndex()).containsExactly(7, 40);
    }

    @Test
    void shouldAnswerNothingWhileAKeptSnapshotsHeaderCannotBeRead() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(dir, 3);
        write(200, 9, 40);
        Files.write(write(100, 1, 1), new byte[] {1, 2, 3});

        assertThat(SnapshotFile.readPosition(dir.resolve(SnapshotFile.fileName(100)))).isNull();
        assertThat(store.earliestKept()).as("a restart might fall back to it: no deletion on a guess").isNull();
    }

    @Test
    void shouldHaveNothingToSayWithoutSnapshots()
    {
        assertThat(new SnapshotStore(dir, 3).earliestKept()).isNull();
    }

    private Path write(final long journalSequence, final long... lastSourceIndex) throws IOException
    {
        final ByteBuffer body = ByteBuffer.allocateDirect(16);
        return new SnapshotFile().write(dir, 1, journalSequence, 0, 0, 42, lastSourceIndex, body, 16);
    }
}
