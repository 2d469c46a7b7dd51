package org.mmrisk.daemon.codec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.mmrisk.codecs.ControlDecoder;
import org.mmrisk.codecs.FillDecoder;
import org.mmrisk.codecs.InstrumentDefinitionDecoder;
import org.mmrisk.codecs.JournalEntryDecoder;
import org.mmrisk.codecs.MarketTickDecoder;
import org.mmrisk.codecs.MessageHeaderDecoder;
import org.mmrisk.codecs.PositionSnapshotDecoder;
import org.mmrisk.codecs.VolSmileUpdateDecoder;
import org.mmrisk.codecs.VolSurfaceUpdateDecoder;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The {@code checksum} field of the input messages and of the journal entry (schema version 4): CRC32C (Castagnoli)
 * over the whole message as written in its Chronicle document — header, root block, groups and variable data — with
 * the checksum field's own 4 bytes taken as zero; stored little-endian as a uint32. Every 32-bit value is a valid
 * checksum.
 * <p>
 * Owned by one thread (it holds a scratch array); allocation-free: the message is fed to the JDK's CRC32C (an
 * intrinsic) straight from a heap or direct buffer (moving the direct buffer's position and limit), or through the
 * scratch array from a mapped one.
 */
public final class MessageChecksum
{
    /** The schema version that added the checksum field, the same for every message that has one. */
    public static final int SINCE_VERSION = InstrumentDefinitionDecoder.checksumSinceVersion();
    /** The length of the field. */
    public static final int LENGTH = 4;

    private static final byte[] ZEROS = new byte[LENGTH];
    private final CRC32C crc = new CRC32C();
    private final byte[] chunk = new byte[1024];

    /**
     * @param fieldOffset where the checksum field lies, from the start of the message (its header).
     * @return the checksum of the {@code length} bytes at {@code offset}, the field taken as zero.
     */
    public int compute(final DirectBuffer buffer, final int offset, final int length, final int fieldOffset)
    {
        crc.reset();
        update(buffer, offset, fieldOffset);
        crc.update(ZEROS, 0, LENGTH);
        update(buffer, offset + fieldOffset + LENGTH, length - fieldOffset - LENGTH);
        return (int)crc.getValue();
    }

    /**
     * Writes the checksum of an encoded message into its field.
     */
    public void seal(final MutableDirectBuffer buffer, final int offset, final int length, final int fieldOffset)
    {
        buffer.putInt(offset + fieldOffset, compute(buffer, offset, length, fieldOffset), ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @return whether the message's checksum field holds the checksum of its bytes.
     */
    public boolean verify(final DirectBuffer buffer, final int offset, final int length, final int fieldOffset)
    {
        return stored(buffer, offset, fieldOffset) == compute(buffer, offset, length, fieldOffset);
    }

    public static int stored(final DirectBuffer buffer, final int offset, final int fieldOffset)
    {
        return buffer.getInt(offset + fieldOffset, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @return where an input template's checksum field lies from the start of the message, or -1 for a template
     * that is not an input.
     */
    public static int inputFieldOffset(final int templateId)
    {
        final int header = MessageHeaderDecoder.ENCODED_LENGTH;
        switch (templateId)
        {
            case InstrumentDefinitionDecoder.TEMPLATE_ID: return header + InstrumentDefinitionDecoder.checksumEncodingOffset();
            case MarketTickDecoder.TEMPLATE_ID: return header + MarketTickDecoder.checksumEncodingOffset();
            case FillDecoder.TEMPLATE_ID: return header + FillDecoder.checksumEncodingOffset();
            case PositionSnapshotDecoder.TEMPLATE_ID: return header + PositionSnapshotDecoder.checksumEncodingOffset();
            case VolSmileUpdateDecoder.TEMPLATE_ID: return header + VolSmileUpdateDecoder.checksumEncodingOffset();
            case VolSurfaceUpdateDecoder.TEMPLATE_ID: return header + VolSurfaceUpdateDecoder.checksumEncodingOffset();
            case ControlDecoder.TEMPLATE_ID: return header + ControlDecoder.checksumEncodingOffset();
            default: return -1;
        }
    }

    /**
     * @return where the journal entry's checksum field lies from the start of the entry.
     */
    public static int journalFieldOffset()
    {
        return MessageHeaderDecoder.ENCODED_LENGTH + JournalEntryDecoder.checksumEncodingOffset();
    }

    private void update(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] array = buffer.byteArray();
        if (array != null)
        {
            crc.update(array, buffer.wrapAdjustment() + offset, length);
            return;
        }
        final ByteBuffer direct = buffer.byteBuffer();
        if (direct != null && direct.isDirect())
        {
            // read in place by the intrinsic; only this buffer's position and limit move (its users go by address)
            final int start = buffer.wrapAdjustment() + offset;
            direct.clear();
            direct.position(start).limit(start + length);
            crc.update(direct);
            return;
        }
        for (int done = 0; done < length; )
        {
            final int n = Math.min(chunk.length, length - done);
            buffer.getBytes(offset + done, chunk, 0, n);
            crc.update(chunk, 0, n);
            done += n;
        }
    }
}
