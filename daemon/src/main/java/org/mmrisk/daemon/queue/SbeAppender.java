package org.mmrisk.daemon.queue;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes SBE messages into a Chronicle queue without allocation: {@link #claim(int)} reserves space in the mapped
 * file and returns a buffer over it to encode into; {@link #commit()} publishes the excerpt.
 * <p>
 * Chronicle appenders belong to the thread that created them: so does this object.
 */
public final class SbeAppender implements AutoCloseable
{
    private final ExcerptAppender appender;
    private final UnsafeBuffer claimed = new UnsafeBuffer(0, 0);
    private DocumentContext context;

    public SbeAppender(final ChronicleQueue queue)
    {
        this.appender = queue.createAppender();
    }

    /**
     * @return a buffer of exactly {@code length} bytes over the queue's mapped file, valid until commit or abort.
     */
    public MutableDirectBuffer claim(final int length)
    {
        context = appender.writingDocument();
        final Bytes<?> bytes = context.wire().bytes();
        final long position = bytes.writePosition();
        bytes.writeSkip(length);
        claimed.wrap(bytes.addressForWrite(position), length);
        return claimed;
    }

    public void commit()
    {
        context.close();
        context = null;
    }

    public void abort()
    {
        context.rollbackOnClose();
        context.close();
        context = null;
    }

    /**
     * Copies an already encoded message into the queue.
     */
    public void append(final DirectBuffer buffer, final int offset, final int length)
    {
        claim(length).putBytes(0, buffer, offset, length);
        commit();
    }

    /**
     * @return the index of the last excerpt this appender wrote.
     */
    public long lastIndexAppended()
    {
        return appender.lastIndexAppended();
    }

    @Override
    public void close()
    {
        if (context != null)
        {
            abort();
        }
        appender.close();
    }
}
