package org.mmrisk.daemon.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Reads and writes fixed-width zero-padded ASCII fields of SBE messages without allocation. Stateless.
 * An 8-byte code field read as a little-endian long is exactly {@code AsciiCode.pack} of its text.
 */
public final class Codes
{
    private Codes()
    {
    }

    public static long getCode(final DirectBuffer buffer, final int index)
    {
        return buffer.getLong(index, ByteOrder.LITTLE_ENDIAN);
    }

    public static void putCode(final MutableDirectBuffer buffer, final int index, final long code)
    {
        buffer.putLong(index, code, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Copies a zero-padded char field into {@code dst}.
     *
     * @return the number of characters before the first zero.
     */
    public static int getChars(final DirectBuffer buffer, final int index, final int fieldLength, final byte[] dst)
    {
        int length = 0;
        while (length < fieldLength && length < dst.length)
        {
            final byte b = buffer.getByte(index + length);
            if (b == 0)
            {
                break;
            }
            dst[length++] = b;
        }
        return length;
    }

    public static void putChars(final MutableDirectBuffer buffer, final int index, final int fieldLength, final byte[] src,
        final int length)
    {
        buffer.putBytes(index, src, 0, length);
        buffer.setMemory(index + length, fieldLength - length, (byte)0);
    }
}
