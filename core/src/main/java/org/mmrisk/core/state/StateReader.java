package org.mmrisk.core.state;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Reads state recorded by a {@link StateWriter} from [offset, offset + length) of a buffer; reading past the end
 * or a block out of step is a {@link StateFormatException}. Used at start-up by one thread.
 */
public final class StateReader implements StateIo
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int MAX_ASCII_LENGTH = 1 << 16;

    private final DirectBuffer buffer;
    private final int limit;
    private int position;

    public StateReader(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.position = offset;
        this.limit = offset + length;
    }

    /**
     * @return bytes not read yet; a complete read leaves 0.
     */
    public int remaining()
    {
        return limit - position;
    }

    @Override
    public boolean isReading()
    {
        return true;
    }

    private int advance(final int size)
    {
        if (size < 0 || position + size > limit)
        {
            throw new StateFormatException("state ends early: " + size + " bytes wanted at " + position + " of " + limit);
        }
        final int at = position;
        position += size;
        return at;
    }

    @Override
    public double f64(final double value)
    {
        return buffer.getDouble(advance(Double.BYTES), ORDER);
    }

    @Override
    public long i64(final long value)
    {
        return buffer.getLong(advance(Long.BYTES), ORDER);
    }

    @Override
    public int i32(final int value)
    {
        return buffer.getInt(advance(Integer.BYTES), ORDER);
    }

    @Override
    public boolean bool(final boolean value)
    {
        final byte b = buffer.getByte(advance(1));
        if (b != 0 && b != 1)
        {
            throw new StateFormatException("boolean byte " + b + " at " + (position - 1));
        }
        return b == 1;
    }

    @Override
    public void section(final int tag)
    {
        final int at = position;
        final int recorded = i32(tag);
        if (recorded != tag)
        {
            throw new StateFormatException("expected block " + Integer.toHexString(tag) + " at " + at + ", found " +
                Integer.toHexString(recorded));
        }
    }

    @Override
    public void bytes(final byte[] values, final int offset, final int length)
    {
        buffer.getBytes(advance(length), values, offset, length);
    }

    @Override
    public String ascii(final String value)
    {
        final int length = buffer.getInt(advance(Integer.BYTES), ORDER);
        if (length < 0 || length > MAX_ASCII_LENGTH)
        {
            throw new StateFormatException("string length " + length + " at " + (position - Integer.BYTES));
        }
        return buffer.getStringWithoutLengthAscii(advance(length), length);
    }
}
