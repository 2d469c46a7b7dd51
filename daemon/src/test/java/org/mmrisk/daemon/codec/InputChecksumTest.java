package org.mmrisk.daemon.codec;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.mmrisk.codecs.FillDecoder;
import org.mmrisk.codecs.MarketTickDecoder;
import org.mmrisk.codecs.MessageHeaderDecoder;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input checksum as the README's wire contract defines it: CRC32C over the whole message with the field's four
 * bytes taken as zero; a mismatch is BAD_CHECKSUM, a message of a version without one is accepted unless required.
 */
class InputChecksumTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    private final InputEncoder encoder = new InputEncoder();
    private final InputDecoder decoder = new InputDecoder();
    private final RiskEvent decoded = new RiskEvent();

    static RiskEvent fill()
    {
        final RiskEvent e = new RiskEvent().reset();
        e.type = EventType.FILL;
        e.instrumentId = 42;
        e.sendTimeNs = 1_000;
        e.exchangeTimeNs = 2_000;
        e.venue = AsciiCode.pack("DERIBIT");
        e.fillId("0b5e4c9e-1f3a-4d2b-9a7c-5e6f7a8b9c0d");
        e.side = Side.SELL;
        e.quantity = 2.5;
        e.price = 0.0345;
        e.fee = -0.0001;
        e.feeCurrency = AsciiCode.pack("BTC");
        return e;
    }

    private static RiskEvent tick()
    {
        final RiskEvent e = new RiskEvent().reset();
        e.type = EventType.TICK;
        e.instrumentId = 7;
        e.sendTimeNs = 1_000;
        e.bid = 99_999.5;
        e.ask = 100_000.0;
        return e;
    }

    @Test
    void shouldWriteTheCrc32cOfTheWholeMessageWithTheFieldAsZero()
    {
        final int length = encoder.encode(fill(), buffer, 0);
        final int fieldAt = MessageHeaderDecoder.ENCODED_LENGTH + FillDecoder.checksumEncodingOffset();
        final byte[] copy = new byte[length];
        buffer.getBytes(0, copy);
        copy[fieldAt] = copy[fieldAt + 1] = copy[fieldAt + 2] = copy[fieldAt + 3] = 0;
        final CRC32C expected = new CRC32C();
        expected.update(copy, 0, length);

        assertThat(buffer.getShort(6, ByteOrder.LITTLE_ENDIAN)).as("schema version").isEqualTo((short)6);
        assertThat(buffer.getInt(fieldAt, ByteOrder.LITTLE_ENDIAN)).isEqualTo((int)expected.getValue());
        assertThat(decoder.decode(buffer, 0, length, decoded)).isNull();
        assertThat(decoded.quantity).isEqualTo(2.5);
    }

    @Test
    void shouldRefuseAFillWithOneBitOfItsQuantityFlipped()
    {
        final int length = encoder.encode(fill(), buffer, 0);
        final int quantityAt = MessageHeaderDecoder.ENCODED_LENGTH + FillDecoder.quantityEncodingOffset();
        buffer.putByte(quantityAt + 6, (byte)(buffer.getByte(quantityAt + 6) ^ 0x04));

        assertThat(decoder.decode(buffer, 0, length, decoded)).isEqualTo(DecodeError.BAD_CHECKSUM);
    }

    @Test
    void shouldRefuseAFlipInTheVariableDataAndInTheChecksumItself()
    {
        final int length = encoder.encode(fill(), buffer, 0);
        buffer.putByte(length - 1, (byte)(buffer.getByte(length - 1) ^ 0x01));
        assertThat(decoder.decode(buffer, 0, length, decoded)).as("last byte of the fill id")
            .isEqualTo(DecodeError.BAD_CHECKSUM);

        encoder.encode(fill(), buffer, 0);
        final int fieldAt = MessageHeaderDecoder.ENCODED_LENGTH + FillDecoder.checksumEncodingOffset();
        buffer.putByte(fieldAt, (byte)(buffer.getByte(fieldAt) ^ 0x80));
        assertThat(decoder.decode(buffer, 0, length, decoded)).as("the checksum field")
            .isEqualTo(DecodeError.BAD_CHECKSUM);
    }

    @Test
    void shouldAcceptAMessageOfVersion3WithoutAChecksumUnlessOneIsRequired()
    {
        final int length = version3Tick();

        assertThat(decoder.decode(buffer, 0, length, decoded)).isNull();
        assertThat(decoded.bid).isEqualTo(99_999.5);
        assertThat(decoder.requireChecksum(true).decode(buffer, 0, length, decoded))
            .isEqualTo(DecodeError.MISSING_CHECKSUM);
    }

    @Test
    void shouldCheckTheStructureBeforeTheChecksum()
    {
        final int length = encoder.encode(tick(), buffer, 0);
        assertThat(decoder.decode(buffer, 0, length - 1, decoded)).isEqualTo(DecodeError.TRUNCATED);
        assertThat(decoder.decode(buffer, 0, length + 3, decoded)).isEqualTo(DecodeError.TRAILING_BYTES);
    }

    /**
     * A tick as a gateway of schema version 3 writes it: the root block ends where version 4's checksum (and version
     * 6's sizes after it) start.
     *
     * @return its length.
     */
    int version3Tick()
    {
        encoder.encode(tick(), buffer, 0);
        buffer.putShort(0, (short)MarketTickDecoder.checksumEncodingOffset(), ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(6, (short)3, ByteOrder.LITTLE_ENDIAN);
        return MessageHeaderDecoder.ENCODED_LENGTH + MarketTickDecoder.checksumEncodingOffset();
    }
}
