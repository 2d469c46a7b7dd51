package org.mmrisk.daemon.journal;

import org.mmrisk.codecs.JournalEntryEncoder;
import org.mmrisk.codecs.MessageHeaderEncoder;
import org.mmrisk.daemon.queue.Queues;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Damages a closed journal's cycle file the way disks and operators do: one bit flipped, the file cut short.
 */
public final class JournalDamage
{
    private JournalDamage()
    {
    }

    /**
     * @return the journal's only cycle file.
     */
    public static Path cycleFile(final Path journalDir) throws IOException
    {
        try (Stream<Path> files = Files.list(journalDir))
        {
            final List<Path> cycles = files.filter(f -> f.toString().endsWith(Queues.CYCLE_SUFFIX)).toList();
            if (cycles.size() != 1)
            {
                throw new IllegalStateException("expected one cycle file in " + journalDir + ": " + cycles);
            }
            return cycles.get(0);
        }
    }

    /**
     * Flips one bit of the engine time of the entry with {@code sequence}.
     */
    public static void flipTimeBit(final Path journalDir, final long sequence) throws IOException
    {
        final Path file = cycleFile(journalDir);
        final byte[] bytes = Files.readAllBytes(file);
        final int at = find(bytes, sequence);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            final long timeAt = at + MessageHeaderEncoder.ENCODED_LENGTH + JournalEntryEncoder.timeNsEncodingOffset();
            raf.seek(timeAt);
            raf.write(bytes[(int)timeAt] ^ 0x10);
        }
    }

    public static void truncate(final Path journalDir, final long length) throws IOException
    {
        try (RandomAccessFile raf = new RandomAccessFile(cycleFile(journalDir).toFile(), "rw"))
        {
            raf.setLength(length);
        }
    }

    /**
     * @return where the entry of {@code sequence} (header first) lies in the file.
     */
    private static int find(final byte[] bytes, final long sequence)
    {
        final ByteBuffer pattern = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
            .putShort((short)JournalEntryEncoder.BLOCK_LENGTH).putShort((short)JournalEntryEncoder.TEMPLATE_ID)
            .putShort((short)JournalEntryEncoder.SCHEMA_ID).putShort((short)JournalEntryEncoder.SCHEMA_VERSION)
            .putLong(sequence);
        final byte[] wanted = pattern.array();
        for (int i = 0; i + wanted.length <= bytes.length; i++)
        {
            int j = 0;
            while (j < wanted.length && bytes[i + j] == wanted[j])
            {
                j++;
            }
            if (j == wanted.length)
            {
                return i;
            }
        }
        throw new IllegalStateException("no journal entry of sequence " + sequence);
    }
}
