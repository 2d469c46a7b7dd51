package org.mmrisk.daemon.queue;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.Wires;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads SBE messages from a Chronicle queue without allocation: each excerpt is handed to a
 * {@link MessageHandler} as a buffer over the mapped file, valid only during the call.
 * <p>
 * Chronicle tailers belong to the thread that created them: so does this object.
 */
public final class SbeTailer implements AutoCloseable
{
    /**
     * Receives one excerpt.
     */
    @FunctionalInterface
    public interface MessageHandler
    {
        void onMessage(DirectBuffer buffer, int offset, int length, long index);
    }

    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final UnsafeBuffer message = new UnsafeBuffer(0, 0);
    private long lastHeaderPosition = -1;
    /** A second reader kept at the end of the queue, created on first use: see {@link #endIndex()}. */
    private ExcerptTailer end;

    public SbeTailer(final ChronicleQueue queue)
    {
        this.queue = queue;
        this.tailer = queue.createTailer();
    }

    /**
     * Positions the tailer so the next read is the excerpt after {@code index}.
     *
     * @return false when the index is not in the queue.
     */
    public boolean resumeAfter(final long index)
    {
        if (!tailer.moveToIndex(index))
        {
            return false;
        }
        try (DocumentContext context = tailer.readingDocument())
        {
            return context.isPresent();
        }
    }

    /**
     * Positions the tailer so the next read is the excerpt at {@code index}.
     *
     * @return false when the index is not in the queue.
     */
    public boolean moveTo(final long index)
    {
        return tailer.moveToIndex(index);
    }

    public SbeTailer toEnd()
    {
        tailer.toEnd();
        return this;
    }

    /**
     * @return 1 when an excerpt was handed to the handler, 0 when none is available.
     */
    public int poll(final MessageHandler handler)
    {
        try (DocumentContext context = tailer.readingDocument())
        {
            if (!context.isPresent())
            {
                return 0;
            }
            final Bytes<?> bytes = context.wire().bytes();
            final long position = bytes.readPosition();
            lastHeaderPosition = position - Wires.SPB_HEADER_SIZE;
            final int length = (int)bytes.readRemaining();
            if (length > 0)
            {
                message.wrap(bytes.addressForRead(position), length);
            }
            else
            {
                message.wrap(0, 0);
            }
            handler.onMessage(message, 0, length, context.index());
            return 1;
        }
    }

    /**
     * @return where the header of the last excerpt read lies in its cycle file (what Chronicle records as the write
     * position of the excerpt last written there), -1 before the first.
     */
    public long lastHeaderPosition()
    {
        return lastHeaderPosition;
    }

    /**
     * @return the index of the next excerpt to read.
     */
    public long index()
    {
        return tailer.index();
    }

    /**
     * The index the queue's next excerpt will have: past every complete excerpt, including any this reader cannot
     * reach. An excerpt being written is not counted. About a microsecond and allocation-free (a reader kept at the
     * end), where {@code ChronicleQueue.lastIndex()} costs milliseconds and kilobytes per call.
     */
    public long endIndex()
    {
        if (end == null)
        {
            end = queue.createTailer();
        }
        return end.toEnd().index();
    }

    @Override
    public void close()
    {
        tailer.close();
        if (end != null)
        {
            end.close();
        }
    }
}
