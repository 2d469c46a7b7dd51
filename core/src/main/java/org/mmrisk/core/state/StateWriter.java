package org.mmrisk.core.state;

import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Records state into a growing buffer, little-endian, each value at the next position. Reuse it with
 * {@link #reset()}: once the buffer has grown to the state's size, writing allocates nothing. Owned by one thread.
 */
public final class StateWriter implements StateIo
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final ExpandableDirectByteBuffer buffer;
    private int position;

    public StateWriter(final int initialCapacity)
    {
        buffer = new ExpandableDirectByteBuffer(initialCapacity);
    }

    public void reset()
    {
        position = 0;
    }

    /**
     * @return the bytes written since {@link #reset()} are [0, {@link #length()}) of this buffer.
     */
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    public int length()
    {
        return position;
    }

    @Override
    public boolean isReading()
    {
        return false;
    }

    @Override
    public double f64(final double value)
    {
        buffer.putDouble(position, value, ORDER);
        position += Double.BYTES;
        return value;
    }

    @Override
    public long i64(final long value)
    {
        buffer.putLong(position, value, ORDER);
        position += Long.BYTES;
        return value;
    }

    @Override
    public int i32(final int value)
    {
        buffer.putInt(position, value, ORDER);
        position += Integer.BYTES;
        return value;
    }

    @Override
    public boolean bool(final boolean value)
    {
        buffer.putByte(position, value ? (byte)1 : (byte)0);
        position++;
        return value;
    }

    @Override
    public void section(final int tag)
    {
        i32(tag);
    }

    @Override
    public void bytes(final byte[] values, final int offset, final int length)
    {
        buffer.putBytes(position, values, offset, length);
        position += length;
    }

    @Override
    public String ascii(final String value)
    {
        position += buffer.putStringAscii(position, value, ORDER);
        return value;
    }
}
