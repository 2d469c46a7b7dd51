package org.mmrisk.daemon.codec;

import org.agrona.DirectBuffer;
import org.mmrisk.codecs.ControlDecoder;
import org.mmrisk.codecs.FillDecoder;
import org.mmrisk.codecs.InstrumentDefinitionDecoder;
import org.mmrisk.codecs.MarketTickDecoder;
import org.mmrisk.codecs.MessageHeaderDecoder;
import org.mmrisk.codecs.PositionSnapshotDecoder;
import org.mmrisk.codecs.VolSmileUpdateDecoder;
import org.mmrisk.codecs.VolSurfaceUpdateDecoder;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ContractUnit;
import org.mmrisk.core.event.ControlCommand;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Settlement;
import org.mmrisk.core.event.Side;

/**
 * Decodes one SBE input message into a {@link RiskEvent}: checks the header (schema, version, template, block
 * length) and every length before it reads, so a hostile or truncated message is rejected, never read past.
 * Holds its flyweights as final fields; owned by one thread (ingress, a replay or a tail tool); allocation-free.
 * <p>
 * Enum values the wire does not know decode to null; the engine then rejects the event as missing that field.
 * <p>
 * A message of version 4 on carries a checksum ({@link MessageChecksum}), checked once its structure is: a mismatch
 * is {@link DecodeError#BAD_CHECKSUM}. An older message has none and is accepted unless checksums are required
 * ({@link #requireChecksum(boolean)}, {@code ingress.requireChecksum}): then it is {@link DecodeError#MISSING_CHECKSUM}.
 */
public final class InputDecoder
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder instrument = new InstrumentDefinitionDecoder();
    private final MarketTickDecoder tick = new MarketTickDecoder();
    private final FillDecoder fill = new FillDecoder();
    private final PositionSnapshotDecoder position = new PositionSnapshotDecoder();
    private final VolSmileUpdateDecoder smile = new VolSmileUpdateDecoder();
    private final VolSurfaceUpdateDecoder surface = new VolSurfaceUpdateDecoder();
    private final ControlDecoder control = new ControlDecoder();
    private final MessageChecksum checksum = new MessageChecksum();
    private boolean requireChecksum;

    /**
     * @param requireChecksum whether a message without a checksum (a version before 4) is refused.
     */
    public InputDecoder requireChecksum(final boolean requireChecksum)
    {
        this.requireChecksum = requireChecksum;
        return this;
    }

    /**
     * @return null when {@code event} now holds the message (envelope fields untouched), else why not.
     */
    public DecodeError decode(final DirectBuffer buffer, final int offset, final int length, final RiskEvent event)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return DecodeError.TRUNCATED;
        }
        header.wrap(buffer, offset);
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            return DecodeError.WRONG_SCHEMA;
        }
        if (header.version() > MessageHeaderDecoder.SCHEMA_VERSION || header.version() < 1)
        {
            return DecodeError.UNSUPPORTED_VERSION;
        }
        final int blockLength = header.blockLength();
        final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int bodyLength = length - MessageHeaderDecoder.ENCODED_LENGTH;
        final int minBlock = minBlockLength(header.templateId(), header.version());
        if (minBlock < 0)
        {
            return DecodeError.UNKNOWN_TEMPLATE;
        }
        if (blockLength < minBlock)
        {
            return DecodeError.BAD_BLOCK_LENGTH;
        }
        if (bodyLength < blockLength)
        {
            return DecodeError.TRUNCATED;
        }
        event.reset();
        final DecodeError error = decodeBody(buffer, bodyOffset, blockLength, bodyLength, header.version(), event);
        return error != null ? error : checkChecksum(buffer, offset, length, header.version(), header.templateId());
    }

    /**
     * Last, once every length is known to be right: the whole message is then exactly {@code length} bytes.
     */
    private DecodeError checkChecksum(final DirectBuffer buffer, final int offset, final int length, final int version,
        final int templateId)
    {
        if (version < MessageChecksum.SINCE_VERSION)
        {
            return requireChecksum ? DecodeError.MISSING_CHECKSUM : null;
        }
        return checksum.verify(buffer, offset, length, MessageChecksum.inputFieldOffset(templateId)) ? null :
            DecodeError.BAD_CHECKSUM;
    }

    /**
     * @return the smallest block a message of this template and version can have (a reader of a newer schema
     * accepts older messages, whose later fields read as absent), or −1 for an unknown template.
     */
    private static int minBlockLength(final int templateId, final int version)
    {
        if (templateId == MarketTickDecoder.TEMPLATE_ID && version < MarketTickDecoder.fundingRateSinceVersion())
        {
            return MarketTickDecoder.fundingRateEncodingOffset();
        }
        if (templateId == ControlDecoder.TEMPLATE_ID && version < ControlDecoder.correlationIdSinceVersion())
        {
            return ControlDecoder.correlationIdEncodingOffset();
        }
        if (templateId == ControlDecoder.TEMPLATE_ID && version < ControlDecoder.currencySinceVersion() &&
            version >= MessageChecksum.SINCE_VERSION)
        {
            return ControlDecoder.currencyEncodingOffset();
        }
        if (templateId == MarketTickDecoder.TEMPLATE_ID && version < MarketTickDecoder.bidSizeSinceVersion() &&
            version >= MessageChecksum.SINCE_VERSION)
        {
            // the sizes come after the checksum, so a version 4 or 5 tick ends where they start
            return MarketTickDecoder.bidSizeEncodingOffset();
        }
        if (version < MessageChecksum.SINCE_VERSION)
        {
            // the checksum is the first field version 4 added to each input, so an older block ends where it starts
            final int fieldOffset = MessageChecksum.inputFieldOffset(templateId);
            return fieldOffset < 0 ? -1 : fieldOffset - MessageHeaderDecoder.ENCODED_LENGTH;
        }
        switch (templateId)
        {
            case InstrumentDefinitionDecoder.TEMPLATE_ID: return InstrumentDefinitionDecoder.BLOCK_LENGTH;
            case MarketTickDecoder.TEMPLATE_ID: return MarketTickDecoder.BLOCK_LENGTH;
            case FillDecoder.TEMPLATE_ID: return FillDecoder.BLOCK_LENGTH;
            case PositionSnapshotDecoder.TEMPLATE_ID: return PositionSnapshotDecoder.BLOCK_LENGTH;
            case VolSmileUpdateDecoder.TEMPLATE_ID: return VolSmileUpdateDecoder.BLOCK_LENGTH;
            case VolSurfaceUpdateDecoder.TEMPLATE_ID: return VolSurfaceUpdateDecoder.BLOCK_LENGTH;
            case ControlDecoder.TEMPLATE_ID: return ControlDecoder.BLOCK_LENGTH;
            default: return -1;
        }
    }

    private DecodeError decodeBody(final DirectBuffer buffer, final int offset, final int blockLength,
        final int bodyLength, final int version, final RiskEvent event)
    {
        switch (header.templateId())
        {
            case InstrumentDefinitionDecoder.TEMPLATE_ID:
                decodeInstrument(buffer, offset, blockLength, version, event);
                return exact(blockLength, bodyLength);
            case MarketTickDecoder.TEMPLATE_ID:
                decodeTick(buffer, offset, blockLength, version, event);
                return exact(blockLength, bodyLength);
            case FillDecoder.TEMPLATE_ID:
                return decodeFill(buffer, offset, blockLength, bodyLength, version, event);
            case PositionSnapshotDecoder.TEMPLATE_ID:
                decodePosition(buffer, offset, blockLength, version, event);
                return exact(blockLength, bodyLength);
            case VolSmileUpdateDecoder.TEMPLATE_ID:
                decodeSmile(buffer, offset, blockLength, version, event);
                return exact(blockLength, bodyLength);
            case VolSurfaceUpdateDecoder.TEMPLATE_ID:
                return decodeSurface(buffer, offset, blockLength, bodyLength, version, event);
            default:
                decodeControl(buffer, offset, blockLength, version, event);
                return exact(blockLength, bodyLength);
        }
    }

    private static DecodeError exact(final int consumed, final int available)
    {
        return consumed == available ? null : DecodeError.TRAILING_BYTES;
    }

    private void decodeInstrument(final DirectBuffer buffer, final int offset, final int blockLength,
        final int version, final RiskEvent e)
    {
        final InstrumentDefinitionDecoder d = instrument.wrap(buffer, offset, blockLength, version);
        e.type = EventType.INSTRUMENT;
        e.instrumentId = d.instrumentId();
        e.sendTimeNs = d.sendTimeNs();
        e.kind = InstrumentKind.fromOrdinal(d.kindRaw());
        e.settlement = Settlement.fromOrdinal(d.settlementRaw());
        e.contractUnit = ContractUnit.fromOrdinal(d.contractUnitRaw());
        e.putCall = PutCall.fromOrdinal(d.putCallRaw());
        e.expiryNs = d.expiryNs();
        e.strike = d.strike();
        e.contractSize = d.contractSize();
        e.tickSize = d.tickSize();
        e.venue = Codes.getCode(buffer, offset + InstrumentDefinitionDecoder.venueEncodingOffset());
        e.underlying = Codes.getCode(buffer, offset + InstrumentDefinitionDecoder.underlyingEncodingOffset());
        e.quoteCurrency = Codes.getCode(buffer, offset + InstrumentDefinitionDecoder.quoteCurrencyEncodingOffset());
        e.settleCurrency = Codes.getCode(buffer, offset + InstrumentDefinitionDecoder.settleCurrencyEncodingOffset());
        e.symbolLength = Codes.getChars(buffer, offset + InstrumentDefinitionDecoder.symbolEncodingOffset(),
            InstrumentDefinitionDecoder.symbolLength(), e.symbol);
    }

    private void decodeTick(final DirectBuffer buffer, final int offset, final int blockLength, final int version,
        final RiskEvent e)
    {
        final MarketTickDecoder d = tick.wrap(buffer, offset, blockLength, version);
        e.type = EventType.TICK;
        e.instrumentId = d.instrumentId();
        e.sendTimeNs = d.sendTimeNs();
        e.exchangeTimeNs = d.exchangeTimeNs();
        e.bid = d.bid();
        e.ask = d.ask();
        e.mark = d.mark();
        e.markIv = d.markIv();
        e.underlyingPrice = d.underlyingPrice();
        e.fundingRate = d.fundingRate();
        // a version-5 tick has no sizes: the decoder reads them as absent (NaN)
        e.bidSize = d.bidSize();
        e.askSize = d.askSize();
    }

    private DecodeError decodeFill(final DirectBuffer buffer, final int offset, final int blockLength,
        final int bodyLength, final int version, final RiskEvent e)
    {
        final int varOffset = blockLength + FillDecoder.fillIdHeaderLength();
        if (bodyLength < varOffset)
        {
            return DecodeError.TRUNCATED;
        }
        final FillDecoder d = fill.wrap(buffer, offset, blockLength, version);
        final int idLength = d.fillIdLength();
        if (idLength > RiskEvent.MAX_FILL_ID_LENGTH)
        {
            return DecodeError.OVERSIZED_FIELD;
        }
        if (bodyLength < varOffset + idLength)
        {
            return DecodeError.TRUNCATED;
        }
        e.type = EventType.FILL;
        e.instrumentId = d.instrumentId();
        e.sendTimeNs = d.sendTimeNs();
        e.exchangeTimeNs = d.exchangeTimeNs();
        e.side = Side.fromOrdinal(d.sideRaw());
        e.quantity = d.quantity();
        e.price = d.price();
        e.fee = d.fee();
        e.venue = Codes.getCode(buffer, offset + FillDecoder.venueEncodingOffset());
        e.feeCurrency = Codes.getCode(buffer, offset + FillDecoder.feeCurrencyEncodingOffset());
        e.fillIdLength = d.getFillId(e.fillId, 0, idLength);
        return exact(varOffset + idLength, bodyLength);
    }

    private void decodePosition(final DirectBuffer buffer, final int offset, final int blockLength,
        final int version, final RiskEvent e)
    {
        final PositionSnapshotDecoder d = position.wrap(buffer, offset, blockLength, version);
        e.type = EventType.POSITION;
        e.instrumentId = d.instrumentId();
        e.sendTimeNs = d.sendTimeNs();
        e.quantity = d.quantity();
        e.price = d.avgPrice();
    }

    private void decodeSmile(final DirectBuffer buffer, final int offset, final int blockLength, final int version,
        final RiskEvent e)
    {
        final VolSmileUpdateDecoder d = smile.wrap(buffer, offset, blockLength, version);
        e.type = EventType.VOL;
        e.sendTimeNs = d.sendTimeNs();
        e.underlying = Codes.getCode(buffer, offset + VolSmileUpdateDecoder.underlyingEncodingOffset());
        e.addSmile(d.expiryNs(), d.a(), d.b(), d.rho(), d.m(), d.sigma());
    }

    private DecodeError decodeSurface(final DirectBuffer buffer, final int offset, final int blockLength,
        final int bodyLength, final int version, final RiskEvent e)
    {
        final int groupHeader = org.mmrisk.codecs.GroupSizeEncodingDecoder.ENCODED_LENGTH;
        if (bodyLength < blockLength + groupHeader)
        {
            return DecodeError.TRUNCATED;
        }
        final int entryLength = buffer.getShort(offset + blockLength, java.nio.ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int count = buffer.getShort(offset + blockLength + 2, java.nio.ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        if (count > RiskEvent.MAX_SMILES)
        {
            return DecodeError.OVERSIZED_FIELD;
        }
        if (entryLength < VolSurfaceUpdateDecoder.SmilesDecoder.sbeBlockLength())
        {
            return DecodeError.BAD_BLOCK_LENGTH;
        }
        final int total = blockLength + groupHeader + count * entryLength;
        if (bodyLength < total)
        {
            return DecodeError.TRUNCATED;
        }
        final VolSurfaceUpdateDecoder d = surface.wrap(buffer, offset, blockLength, version);
        e.type = EventType.SURFACE;
        e.sendTimeNs = d.sendTimeNs();
        e.underlying = Codes.getCode(buffer, offset + VolSurfaceUpdateDecoder.underlyingEncodingOffset());
        for (final VolSurfaceUpdateDecoder.SmilesDecoder s : d.smiles())
        {
            e.addSmile(s.expiryNs(), s.a(), s.b(), s.rho(), s.m(), s.sigma());
        }
        return exact(total, bodyLength);
    }

    private void decodeControl(final DirectBuffer buffer, final int offset, final int blockLength, final int version,
        final RiskEvent e)
    {
        final ControlDecoder d = control.wrap(buffer, offset, blockLength, version);
        e.type = EventType.CONTROL;
        e.sendTimeNs = d.sendTimeNs();
        e.command = ControlCommand.fromOrdinal(d.commandRaw());
        e.value = d.value();
        e.underlying = Codes.getCode(buffer, offset + ControlDecoder.underlyingEncodingOffset());
        e.limitNameLength = Codes.getChars(buffer, offset + ControlDecoder.limitNameEncodingOffset(),
            ControlDecoder.limitNameLength(), e.limitName);
        e.correlationId = d.correlationId();
        // before version 5 a command had no currency: SET_EQUITY was always in the underlying's coin
        e.currency = version < ControlDecoder.currencySinceVersion() ? AsciiCode.NONE :
            Codes.getCode(buffer, offset + ControlDecoder.currencyEncodingOffset());
    }
}
