package org.mmrisk.daemon.queue;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * Damages a record of a queue as a disk or a stray write would: flips bits of its 4-byte Chronicle header (length in
 * the low 30 bits, the not-complete and metadata flags in the top two) in the cycle file.
 */
public final class CorruptRecords
{
    public static final int NOT_COMPLETE = 0x8000_0000;
    public static final int METADATA = 0x4000_0000;

    private CorruptRecords()
    {
    }

    public static void flipHeaderBits(final ChronicleQueue queue, final Path queueDir, final long index,
        final int bits) throws IOException
    {
        final long headerPosition;
        final ExcerptTailer tailer = queue.createTailer();
        try
        {
            if (!tailer.moveToIndex(index))
            {
                throw new IllegalArgumentException("no record at index " + Long.toHexString(index));
            }
            try (DocumentContext context = tailer.readingDocument())
            {
                headerPosition = context.wire().bytes().readPosition() - 4;
            }
        }
        finally
        {
            tailer.close();
        }
        try (RandomAccessFile file = new RandomAccessFile(queueDir.resolve(Queues.cycleFileName(index)).toFile(), "rw"))
        {
            file.seek(headerPosition);
            final int header = Integer.reverseBytes(file.readInt());
            file.seek(headerPosition);
            file.writeInt(Integer.reverseBytes(header ^ bits));
        }
    }
}
