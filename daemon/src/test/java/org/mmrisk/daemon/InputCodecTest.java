package org.mmrisk.daemon;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.mmrisk.codecs.ControlDecoder;
import org.mmrisk.codecs.MarketTickDecoder;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ControlCommand;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.daemon.codec.DecodeError;
import org.mmrisk.daemon.codec.InputDecoder;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.codec.MessageChecksum;

import static org.assertj.core.api.Assertions.assertThat;

class InputCodecTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    private final InputEncoder encoder = new InputEncoder();
    private final InputDecoder decoder = new InputDecoder();
    private final RiskEvent decoded = new RiskEvent();

    private RiskEvent fill()
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

    private RiskEvent perpetualTick()
    {
        final RiskEvent e = new RiskEvent().reset();
        e.type = EventType.TICK;
        e.instrumentId = 7;
        e.sendTimeNs = 1_000;
        e.bid = 99_999.5;
        e.ask = 100_000.0;
        e.mark = 99_999.8;
        e.fundingRate = 0.0001;
        return e;
    }

    private RiskEvent setEquity(final String currency)
    {
        final RiskEvent e = new RiskEvent().reset();
        e.type = EventType.CONTROL;
        e.sendTimeNs = 1_000;
        e.command = ControlCommand.SET_EQUITY;
        e.underlying = AsciiCode.pack("BTC");
        e.value = 250_000;
        e.currency = currency == null ? AsciiCode.NONE : AsciiCode.pack(currency);
        e.correlationId = 9;
        return e;
    }

    @Test
    void shouldRoundTripTheCurrencyOfASetEquity()
    {
        int length = encoder.encode(setEquity("USD"), buffer, 0);
        assertThat(decoder.decode(buffer, 0, length, decoded)).isNull();
        assertThat(AsciiCode.toString(decoded.currency)).isEqualTo("USD");
        assertThat(decoded.command).isEqualTo(ControlCommand.SET_EQUITY);
        assertThat(decoded.value).isEqualTo(250_000);
        assertThat(decoded.correlationId).isEqualTo(9);

        length = encoder.encode(setEquity(null), buffer, 0);
        assertThat(decoder.decode(buffer, 0, length, decoded)).isNull();
        assertThat(decoded.currency).as("absent: the underlying's coin").isEqualTo(AsciiCode.NONE);
    }

    /**
     * A writer still on schema version 4 sends a control without the currency: its block ends where the currency
     * starts, its checksum covers what it wrote. It decodes as a command in the underlying's coin.
     */
    @Test
    void shouldDecodeAVersionFourControlWithoutTheCurrency()
    {
        encoder.encode(setEquity("USD"), buffer, 0);
        final int blockLength = ControlDecoder.currencyEncodingOffset();
        final int length = 8 + blockLength;
        buffer.putShort(0, (short)blockLength);
        buffer.putShort(6, (short)4);
        new MessageChecksum().seal(buffer, 0, length, MessageChecksum.inputFieldOffset(ControlDecoder.TEMPLATE_ID));

        assertThat(decoder.decode(buffer, 0, length, decoded)).isNull();
        assertThat(decoded.currency).isEqualTo(AsciiCode.NONE);
        assertThat(decoded.value).isEqualTo(250_000);
        assertThat(decoded.correlationId).isEqualTo(9);
        buffer.putShort(6, (short)5);
        assertThat(decoder.decode(buffer, 0, length, decoded)).as("a version 5 control needs the currency")
            .isEqualTo(DecodeError.BAD_BLOCK_LENGTH);
    }

    @Test
    void shouldRoundTripATickWithAFundingRate()
    {
        final int length = encoder.encode(perpetualTick(), buffer, 0);
        assertThat(decoder.decode(buffer, 0, length, decoded)).isNull();
        assertThat(decoded.fundingRate).isEqualTo(0.0001);
        assertThat(decoded.mark).isEqualTo(99_999.8);
    }

    /**
     * A gateway still on schema version 1 writes ticks without the funding field (nor the checksum and the sizes
     * that came later): the block ends where the funding rate starts and the header says version 1. Such ticks
     * decode, with no funding.
     */
    @Test
    void shouldDecodeAVersionOneTickWithoutTheFundingField()
    {
        encoder.encode(perpetualTick(), buffer, 0);
        final int blockLength = MarketTickDecoder.fundingRateEncodingOffset();
        buffer.putShort(0, (short)blockLength);
        buffer.putShort(6, (short)1);

        assertThat(decoder.decode(buffer, 0, 8 + blockLength, decoded)).isNull();
        assertThat(decoded.fundingRate).isNaN();
        assertThat(decoded.mark).isEqualTo(99_999.8);
        buffer.putShort(6, (short)2);
        assertThat(decoder.decode(buffer, 0, 8 + blockLength, decoded)).isEqualTo(DecodeError.BAD_BLOCK_LENGTH);
    }

    @Test
    void shouldRoundTripATicksDisplayedSizesAndTheirAbsence()
    {
        final RiskEvent tick = perpetualTick();
        tick.bidSize = 12_500;
        tick.askSize = 0.1;
        int length = encoder.encode(tick, buffer, 0);
        assertThat(decoder.requireChecksum(true).decode(buffer, 0, length, decoded)).isNull();
        assertThat(decoded.bidSize).isEqualTo(12_500);
        assertThat(decoded.askSize).isEqualTo(0.1);
        assertThat(decoded.bid).isEqualTo(99_999.5);

        length = encoder.encode(perpetualTick(), buffer, 0);
        assertThat(decoder.decode(buffer, 0, length, decoded)).isNull();
        assertThat(decoded.bidSize).isNaN();
        assertThat(decoded.askSize).isNaN();
    }

    /**
     * A gateway on schema version 5 writes ticks without sizes: the block ends where they start, its checksum covers
     * what it wrote. They decode with the sizes absent; the same block claiming version 6 is too short.
     */
    @Test
    void shouldDecodeAVersionFiveTickWithoutSizes()
    {
        final RiskEvent tick = perpetualTick();
        tick.bidSize = 3;
        tick.askSize = 4;
        encoder.encode(tick, buffer, 0);
        final int blockLength = MarketTickDecoder.bidSizeEncodingOffset();
        final int length = 8 + blockLength;
        buffer.putShort(0, (short)blockLength);
        buffer.putShort(6, (short)5);
        new MessageChecksum().seal(buffer, 0, length, MessageChecksum.inputFieldOffset(MarketTickDecoder.TEMPLATE_ID));

        assertThat(decoder.requireChecksum(true).decode(buffer, 0, length, decoded)).isNull();
        assertThat(decoded.bidSize).isNaN();
        assertThat(decoded.askSize).isNaN();
        assertThat(decoded.fundingRate).isEqualTo(0.0001);
        assertThat(decoded.mark).isEqualTo(99_999.8);
        buffer.putShort(6, (short)6);
        assertThat(decoder.decode(buffer, 0, length, decoded)).isEqualTo(DecodeError.BAD_BLOCK_LENGTH);
    }

    @Test
    void shouldRoundTripAFillWithItsStringId()
    {
        final int length = encoder.encode(fill(), buffer, 0);

        assertThat(decoder.decode(buffer, 0, length, decoded)).isNull();
        assertThat(decoded.type).isEqualTo(EventType.FILL);
        assertThat(new String(decoded.fillId, 0, decoded.fillIdLength)).isEqualTo("0b5e4c9e-1f3a-4d2b-9a7c-5e6f7a8b9c0d");
        assertThat(AsciiCode.toString(decoded.venue)).isEqualTo("DERIBIT");
        assertThat(decoded.side).isEqualTo(Side.SELL);
        assertThat(decoded.quantity).isEqualTo(2.5);
        assertThat(decoded.fee).isEqualTo(-0.0001);
        assertThat(decoded.exchangeTimeNs).isEqualTo(2_000);
    }

    @Test
    void shouldRejectTruncatedWrongSchemaUnknownTemplateAndNewerVersion()
    {
        final int length = encoder.encode(fill(), buffer, 0);
        assertThat(decoder.decode(buffer, 0, length - 1, decoded)).isEqualTo(DecodeError.TRUNCATED);
        assertThat(decoder.decode(buffer, 0, 5, decoded)).isEqualTo(DecodeError.TRUNCATED);

        buffer.putShort(4, (short)999);
        assertThat(decoder.decode(buffer, 0, length, decoded)).isEqualTo(DecodeError.WRONG_SCHEMA);

        encoder.encode(fill(), buffer, 0);
        buffer.putShort(6, (short)99);
        assertThat(decoder.decode(buffer, 0, length, decoded)).isEqualTo(DecodeError.UNSUPPORTED_VERSION);

        encoder.encode(fill(), buffer, 0);
        buffer.putShort(2, (short)31);
        assertThat(decoder.decode(buffer, 0, length, decoded)).isEqualTo(DecodeError.UNKNOWN_TEMPLATE);

        encoder.encode(fill(), buffer, 0);
        buffer.putShort(0, (short)4);
        assertThat(decoder.decode(buffer, 0, length, decoded)).isEqualTo(DecodeError.BAD_BLOCK_LENGTH);
    }

    @Test
    void shouldRejectAFillIdLongerThanSixtyFourBytesAndTrailingGarbage()
    {
        final int length = encoder.encode(fill(), buffer, 0);
        final int idLengthOffset = 8 + org.mmrisk.codecs.FillDecoder.BLOCK_LENGTH;
        buffer.putByte(idLengthOffset, (byte)65);
        assertThat(decoder.decode(buffer, 0, length + 100, decoded)).isEqualTo(DecodeError.OVERSIZED_FIELD);

        encoder.encode(fill(), buffer, 0);
        assertThat(decoder.decode(buffer, 0, length + 3, decoded)).isEqualTo(DecodeError.TRAILING_BYTES);
    }
}
