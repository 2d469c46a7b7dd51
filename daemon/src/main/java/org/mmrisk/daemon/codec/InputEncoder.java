package org.mmrisk.daemon.codec;

import org.agrona.MutableDirectBuffer;
import org.mmrisk.codecs.ControlEncoder;
import org.mmrisk.codecs.FillEncoder;
import org.mmrisk.codecs.InstrumentDefinitionEncoder;
import org.mmrisk.codecs.MarketTickEncoder;
import org.mmrisk.codecs.MessageHeaderEncoder;
import org.mmrisk.codecs.PositionSnapshotEncoder;
import org.mmrisk.codecs.VolSmileUpdateEncoder;
import org.mmrisk.codecs.VolSurfaceUpdateEncoder;
import org.mmrisk.codecs.BooleanType;
import org.mmrisk.core.event.RiskEvent;

import java.nio.ByteOrder;

/**
 * Encodes a {@link RiskEvent} as the SBE input message a gateway would write: the feed simulator, the control
 * tool and tests use it. The inverse of {@link InputDecoder}. Every message carries its checksum
 * ({@link MessageChecksum}), written last. Owned by one thread; allocation-free.
 */
public final class InputEncoder
{
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final InstrumentDefinitionEncoder instrument = new InstrumentDefinitionEncoder();
    private final MarketTickEncoder tick = new MarketTickEncoder();
    private final FillEncoder fill = new FillEncoder();
    private final PositionSnapshotEncoder position = new PositionSnapshotEncoder();
    private final VolSmileUpdateEncoder smile = new VolSmileUpdateEncoder();
    private final VolSurfaceUpdateEncoder surface = new VolSurfaceUpdateEncoder();
    private final ControlEncoder control = new ControlEncoder();
    private final MessageChecksum checksum = new MessageChecksum();

    /**
     * @return the encoded length in bytes, header included; the buffer must have room (1 KiB is enough).
     * @throws IllegalArgumentException for a TIMER event, which has no input message.
     */
    public int encode(final RiskEvent e, final MutableDirectBuffer buffer, final int offset)
    {
        final int length = encodeBody(e, buffer, offset);
        final int templateId = buffer.getShort(offset + MessageHeaderEncoder.templateIdEncodingOffset(),
            ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        checksum.seal(buffer, offset, length, MessageChecksum.inputFieldOffset(templateId));
        return length;
    }

    private int encodeBody(final RiskEvent e, final MutableDirectBuffer buffer, final int offset)
    {
        switch (e.type)
        {
            case INSTRUMENT: return encodeInstrument(e, buffer, offset);
            case TICK: return encodeTick(e, buffer, offset);
            case FILL: return encodeFill(e, buffer, offset);
            case POSITION: return encodePosition(e, buffer, offset);
            case VOL: return encodeSmile(e, buffer, offset);
            case SURFACE: return encodeSurface(e, buffer, offset);
            case CONTROL: return encodeControl(e, buffer, offset);
            default: throw new IllegalArgumentException("no input message for " + e.type);
        }
    }

    private int encodeInstrument(final RiskEvent e, final MutableDirectBuffer buffer, final int offset)
    {
        final InstrumentDefinitionEncoder m = instrument.wrapAndApplyHeader(buffer, offset, header)
            .instrumentId(e.instrumentId)
            .sendTimeNs(e.sendTimeNs)
            .expiryNs(e.expiryNs)
            .strike(e.strike)
            .contractSize(e.contractSize)
            .tickSize(e.tickSize);
        final int body = m.offset();
        buffer.putByte(body + InstrumentDefinitionEncoder.kindEncodingOffset(), ordinal(e.kind));
        buffer.putByte(body + InstrumentDefinitionEncoder.settlementEncodingOffset(), ordinal(e.settlement));
        buffer.putByte(body + InstrumentDefinitionEncoder.contractUnitEncodingOffset(), ordinal(e.contractUnit));
        buffer.putByte(body + InstrumentDefinitionEncoder.putCallEncodingOffset(), ordinal(e.putCall));
        Codes.putCode(buffer, body + InstrumentDefinitionEncoder.venueEncodingOffset(), e.venue);
        Codes.putCode(buffer, body + InstrumentDefinitionEncoder.underlyingEncodingOffset(), e.underlying);
        Codes.putCode(buffer, body + InstrumentDefinitionEncoder.quoteCurrencyEncodingOffset(), e.quoteCurrency);
        Codes.putCode(buffer, body + InstrumentDefinitionEncoder.settleCurrencyEncodingOffset(), e.settleCurrency);
        Codes.putChars(buffer, body + InstrumentDefinitionEncoder.symbolEncodingOffset(),
            InstrumentDefinitionEncoder.symbolLength(), e.symbol, e.symbolLength);
        return MessageHeaderEncoder.ENCODED_LENGTH + m.encodedLength();
    }

    private int encodeTick(final RiskEvent e, final MutableDirectBuffer buffer, final int offset)
    {
        final MarketTickEncoder m = tick.wrapAndApplyHeader(buffer, offset, header)
            .instrumentId(e.instrumentId)
            .sendTimeNs(e.sendTimeNs)
            .exchangeTimeNs(e.exchangeTimeNs)
            .bid(e.bid)
            .ask(e.ask)
            .mark(e.mark)
            .markIv(e.markIv)
            .underlyingPrice(e.underlyingPrice)
            .fundingRate(e.fundingRate)
            .bidSize(e.bidSize)
            .askSize(e.askSize);
        return MessageHeaderEncoder.ENCODED_LENGTH + m.encodedLength();
    }

    private int encodeFill(final RiskEvent e, final MutableDirectBuffer buffer, final int offset)
    {
        final FillEncoder m = fill.wrapAndApplyHeader(buffer, offset, header)
            .instrumentId(e.instrumentId)
            .sendTimeNs(e.sendTimeNs)
            .exchangeTimeNs(e.exchangeTimeNs)
            .quantity(e.quantity)
            .price(e.price)
            .fee(e.fee);
        buffer.putByte(m.offset() + FillEncoder.sideEncodingOffset(), ordinal(e.side));
        Codes.putCode(buffer, m.offset() + FillEncoder.venueEncodingOffset(), e.venue);
        Codes.putCode(buffer, m.offset() + FillEncoder.feeCurrencyEncodingOffset(), e.feeCurrency);
        m.putFillId(e.fillId, 0, e.fillIdLength);
        return MessageHeaderEncoder.ENCODED_LENGTH + m.encodedLength();
    }

    private int encodePosition(final RiskEvent e, final MutableDirectBuffer buffer, final int offset)
    {
        final PositionSnapshotEncoder m = position.wrapAndApplyHeader(buffer, offset, header)
            .instrumentId(e.instrumentId)
            .sendTimeNs(e.sendTimeNs)
            .quantity(e.quantity)
            .avgPrice(e.price);
        return MessageHeaderEncoder.ENCODED_LENGTH + m.encodedLength();
    }

    private int encodeSmile(final RiskEvent e, final MutableDirectBuffer buffer, final int offset)
    {
        final VolSmileUpdateEncoder m = smile.wrapAndApplyHeader(buffer, offset, header)
            .sendTimeNs(e.sendTimeNs)
            .expiryNs(e.smileExpiryNs[0])
            .a(e.sviA[0])
            .b(e.sviB[0])
            .rho(e.sviRho[0])
            .m(e.sviM[0])
            .sigma(e.sviSigma[0]);
        Codes.putCode(buffer, m.offset() + VolSmileUpdateEncoder.underlyingEncodingOffset(), e.underlying);
        return MessageHeaderEncoder.ENCODED_LENGTH + m.encodedLength();
    }

    private int encodeSurface(final RiskEvent e, final MutableDirectBuffer buffer, final int offset)
    {
        final VolSurfaceUpdateEncoder m = surface.wrapAndApplyHeader(buffer, offset, header)
            .sendTimeNs(e.sendTimeNs);
        Codes.putCode(buffer, m.offset() + VolSurfaceUpdateEncoder.underlyingEncodingOffset(), e.underlying);
        final VolSurfaceUpdateEncoder.SmilesEncoder smiles = m.smilesCount(e.smileCount);
        for (int i = 0; i < e.smileCount; i++)
        {
            smiles.next()
                .expiryNs(e.smileExpiryNs[i])
                .a(e.sviA[i])
                .b(e.sviB[i])
                .rho(e.sviRho[i])
                .m(e.sviM[i])
                .sigma(e.sviSigma[i]);
        }
        return MessageHeaderEncoder.ENCODED_LENGTH + m.encodedLength();
    }

    private int encodeControl(final RiskEvent e, final MutableDirectBuffer buffer, final int offset)
    {
        final ControlEncoder m = control.wrapAndApplyHeader(buffer, offset, header)
            .sendTimeNs(e.sendTimeNs)
            .value(e.value)
            .correlationId(e.correlationId);
        buffer.putByte(m.offset() + ControlEncoder.commandEncodingOffset(), ordinal(e.command));
        Codes.putCode(buffer, m.offset() + ControlEncoder.underlyingEncodingOffset(), e.underlying);
        Codes.putChars(buffer, m.offset() + ControlEncoder.limitNameEncodingOffset(), ControlEncoder.limitNameLength(),
            e.limitName, e.limitNameLength);
        Codes.putCode(buffer, m.offset() + ControlEncoder.currencyEncodingOffset(), e.currency);
        return MessageHeaderEncoder.ENCODED_LENGTH + m.encodedLength();
    }

    /**
     * Core enums share the wire's ordinals; an absent value is written as the wire's null (255).
     */
    private static byte ordinal(final Enum<?> value)
    {
        return value == null ? (byte)BooleanType.NULL_VAL.value() : (byte)value.ordinal();
    }
}
