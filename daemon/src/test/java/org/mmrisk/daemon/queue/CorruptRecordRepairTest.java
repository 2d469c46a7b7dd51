package org.mmrisk.daemon.queue;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repair docs/recovery.md gives for a corrupt record in today's cycle file of an input: move the file aside,
 * copy the records before the corrupt one back into the queue in order (they get the same indices, so the daemon
 * resumes after the last one it journaled), and let the gateway write again from the corrupt record on.
 */
class CorruptRecordRepairTest
{
    @TempDir
    Path dir;

    @Test
    void shouldGiveTheRecordsBeforeTheCorruptOneTheirIndicesBackAndReadWhatFollows() throws IOException
    {
        final Path queueDir = dir.resolve("fills");
        final long[] index = new long[6];
        try (ChronicleQueue queue = Queues.open(queueDir, 1 << 20); SbeAppender appender = new SbeAppender(queue))
        {
            for (int i = 0; i < 5; i++)
            {
                index[i] = append(appender, i);
            }
        }
        corrupt(queueDir, index[3]);
        final long journaled = index[2];

        // move today's cycle file aside and read what can be read from it: the records before the corrupt one
        final Path aside = Files.createDirectories(dir.resolve("fills.corrupt"));
        final String cycleFile = Queues.cycleFileName(index[0]);
        Files.move(queueDir.resolve(cycleFile), aside.resolve(cycleFile));
        final List<byte[]> readable = new ArrayList<>();
        try (ChronicleQueue corrupt = Queues.openExisting(aside); SbeTailer tailer = new SbeTailer(corrupt))
        {
            while (tailer.poll((buffer, offset, length, i) ->
            {
                final byte[] bytes = new byte[length];
                buffer.getBytes(offset, bytes);
                readable.add(bytes);
            }) > 0)
            {
                assertThat(readable).hasSizeLessThanOrEqualTo(5);
            }
        }
        assertThat(readable).hasSize(3);

        try (ChronicleQueue queue = Queues.open(queueDir, 1 << 20); SbeAppender appender = new SbeAppender(queue))
        {
            for (int i = 0; i < readable.size(); i++)
            {
                appender.append(new UnsafeBuffer(readable.get(i)), 0, readable.get(i).length);
                assertThat(appender.lastIndexAppended()).as("record %d keeps its index", i).isEqualTo(index[i]);
            }
            index[3] = append(appender, 30);      // the gateway writes again from the corrupt record on
            try (SbeTailer daemon = new SbeTailer(queue))
            {
                assertThat(daemon.resumeAfter(journaled)).as("the daemon resumes after what it journaled").isTrue();
                final long[] read = new long[2];
                assertThat(daemon.poll((buffer, offset, length, i) ->
                {
                    read[0] = buffer.getInt(offset);
                    read[1] = i;
                })).isEqualTo(1);
                assertThat(read).containsExactly(30, index[3]);
            }
        }
    }

    private static long append(final SbeAppender appender, final int value)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[40]);
        buffer.putInt(0, value);
        appender.append(buffer, 0, 40);
        return appender.lastIndexAppended();
    }

    private static void corrupt(final Path queueDir, final long index) throws IOException
    {
        try (ChronicleQueue queue = Queues.open(queueDir, 1 << 20))
        {
            CorruptRecords.flipHeaderBits(queue, queueDir, index, CorruptRecords.NOT_COMPLETE);
        }
    }
}
