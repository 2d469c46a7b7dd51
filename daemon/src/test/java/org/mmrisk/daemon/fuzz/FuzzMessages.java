package org.mmrisk.daemon.fuzz;

import org.agrona.concurrent.UnsafeBuffer;
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
import org.mmrisk.daemon.codec.DecodeError;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.codec.MessageChecksum;
import org.mmrisk.daemon.ring.RingEvent;

import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * Hostile input, seeded: valid messages of every input template, the same with a wrong schema id, version,
 * template or block length, truncated, with trailing bytes, oversized (whole message, fill id, smile count),
 * randomly mutated (bytes flipped, numbers replaced by NaN, infinities, zero, negatives or huge values; half of them
 * with their checksum made right again, as a gateway that writes hostile values faithfully would), corrupted on the
 * way (one bit of the root block flipped: {@code BAD_CHECKSUM}), and plain garbage. {@link #next()} writes one into {@link #buffer()} and returns its length; {@link #expected()} is the
 * decode error it must raise when that follows from how it was made, or null when it depends on the mutation.
 * Owned by the test thread.
 */
final class FuzzMessages
{
    /** Input templates, in the order the generator cycles through their valid forms. */
    private static final EventType[] TYPES = {EventType.INSTRUMENT, EventType.TICK, EventType.FILL,
        EventType.POSITION, EventType.VOL, EventType.SURFACE, EventType.CONTROL};
    private static final int[] INPUT_TEMPLATES = {InstrumentDefinitionDecoder.TEMPLATE_ID,
        MarketTickDecoder.TEMPLATE_ID, FillDecoder.TEMPLATE_ID, PositionSnapshotDecoder.TEMPLATE_ID,
        VolSmileUpdateDecoder.TEMPLATE_ID, VolSurfaceUpdateDecoder.TEMPLATE_ID, ControlDecoder.TEMPLATE_ID};
    private static final double[] HOSTILE_NUMBERS = {Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 0, -1, -1e308, 1e308, Double.MIN_VALUE};
    private static final long DAY_NS = 86_400_000_000_000L;

    private final SplittableRandom random;
    private final long nowNs;
    private final RiskEvent event = new RiskEvent();
    private final InputEncoder encoder = new InputEncoder();
    private final MessageChecksum checksum = new MessageChecksum();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[RingEvent.MAX_PAYLOAD_LENGTH + 1024]);
    private DecodeError expected;
    private EventType lastType;
    private long fillSequence;

    FuzzMessages(final long seed, final long nowNs)
    {
        this.random = new SplittableRandom(seed);
        this.nowNs = nowNs;
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return the decode error the last message must raise, or null when it may decode (or fail for a reason that
     * depends on the random mutation).
     */
    DecodeError expected()
    {
        return expected;
    }

    /**
     * @return the template the last message started from, or null for garbage.
     */
    EventType lastType()
    {
        return lastType;
    }

    /**
     * Writes the next message at offset 0 of {@link #buffer()}.
     *
     * @return its length.
     */
    int next()
    {
        expected = null;
        final int kind = random.nextInt(100);
        if (kind < 5)
        {
            lastType = null;
            return garbage();
        }
        final int length = valid(TYPES[random.nextInt(TYPES.length)]);
        if (kind < 30)
        {
            return length;
        }
        if (kind < 48)
        {
            return mutate(length);
        }
        if (kind < 55)
        {
            return corrupt(length);
        }
        if (kind < 60)
        {
            return wrongSchema(length);
        }
        if (kind < 65)
        {
            return wrongVersion(length);
        }
        if (kind < 70)
        {
            return unknownTemplate(length);
        }
        if (kind < 75)
        {
            return shortBlock(length);
        }
        if (kind < 85)
        {
            expected = DecodeError.TRUNCATED;
            return random.nextInt(length);
        }
        if (kind < 92)
        {
            return trailing(length);
        }
        return oversized(length);
    }

    private int garbage()
    {
        final int length = random.nextInt(300);
        for (int i = 0; i < length; i++)
        {
            buffer.putByte(i, (byte)random.nextInt(256));
        }
        return length;
    }

    private int mutate(final int length)
    {
        final int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++)
        {
            final int at = random.nextInt(length);
            if (random.nextBoolean() && at + Double.BYTES <= length)
            {
                buffer.putDouble(at, HOSTILE_NUMBERS[random.nextInt(HOSTILE_NUMBERS.length)], ByteOrder.LITTLE_ENDIAN);
            }
            else
            {
                buffer.putByte(at, (byte)(buffer.getByte(at) ^ (1 << random.nextInt(8))));
            }
        }
        if (random.nextBoolean())
        {
            reseal(length);
        }
        return length;
    }

    /**
     * One bit of the root block flipped after the message was sealed: every length still holds, only the checksum
     * tells.
     */
    private int corrupt(final int length)
    {
        final int block = buffer.getShort(0, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int at = MessageHeaderDecoder.ENCODED_LENGTH + random.nextInt(block);
        buffer.putByte(at, (byte)(buffer.getByte(at) ^ (1 << random.nextInt(8))));
        expected = DecodeError.BAD_CHECKSUM;
        return length;
    }

    /**
     * Seals a mutated message again when it still names an input template and has room for the checksum.
     */
    private void reseal(final int length)
    {
        final int templateId = buffer.getShort(2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int fieldOffset = MessageChecksum.inputFieldOffset(templateId);
        if (fieldOffset >= 0 && fieldOffset + MessageChecksum.LENGTH <= length)
        {
            checksum.seal(buffer, 0, length, fieldOffset);
        }
    }

    private int wrongSchema(final int length)
    {
        final int schemaId = random.nextInt(65_536);
        buffer.putShort(4, (short)(schemaId == MessageHeaderDecoder.SCHEMA_ID ? schemaId + 1 : schemaId),
            ByteOrder.LITTLE_ENDIAN);
        expected = DecodeError.WRONG_SCHEMA;
        return length;
    }

    private int wrongVersion(final int length)
    {
        final int version = random.nextBoolean() ? 0 :
            MessageHeaderDecoder.SCHEMA_VERSION + 1 + random.nextInt(1000);
        buffer.putShort(6, (short)version, ByteOrder.LITTLE_ENDIAN);
        expected = DecodeError.UNSUPPORTED_VERSION;
        return length;
    }

    private int unknownTemplate(final int length)
    {
        int template;
        do
        {
            template = random.nextInt(65_536);
        }
        while (isInputTemplate(template));
        buffer.putShort(2, (short)template, ByteOrder.LITTLE_ENDIAN);
        expected = DecodeError.UNKNOWN_TEMPLATE;
        return length;
    }

    private int shortBlock(final int length)
    {
        final int block = buffer.getShort(0, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        buffer.putShort(0, (short)random.nextInt(block), ByteOrder.LITTLE_ENDIAN);
        expected = DecodeError.BAD_BLOCK_LENGTH;
        return length;
    }

    private int trailing(final int length)
    {
        final int extra = 1 + random.nextInt(32);
        for (int i = 0; i < extra; i++)
        {
            buffer.putByte(length + i, (byte)random.nextInt(256));
        }
        expected = DecodeError.TRAILING_BYTES;
        return length + extra;
    }

    private int oversized(final int length)
    {
        expected = DecodeError.OVERSIZED_FIELD;
        if (lastType == EventType.FILL && random.nextBoolean())
        {
            final int idLengthAt = MessageHeaderDecoder.ENCODED_LENGTH + FillDecoder.BLOCK_LENGTH;
            // the length prefix is one byte (uint8)
            buffer.putByte(idLengthAt, (byte)(RiskEvent.MAX_FILL_ID_LENGTH + 1 + random.nextInt(255 - 64)));
            return length;
        }
        if (lastType == EventType.SURFACE && random.nextBoolean())
        {
            final int countAt = MessageHeaderDecoder.ENCODED_LENGTH + VolSurfaceUpdateDecoder.BLOCK_LENGTH + 2;
            buffer.putShort(countAt, (short)(RiskEvent.MAX_SMILES + 1 + random.nextInt(1000)), ByteOrder.LITTLE_ENDIAN);
            return length;
        }
        final int total = RingEvent.MAX_PAYLOAD_LENGTH + 1 + random.nextInt(1000);
        for (int i = length; i < total; i++)
        {
            buffer.putByte(i, (byte)random.nextInt(256));
        }
        return total;
    }

    private static boolean isInputTemplate(final int template)
    {
        for (final int t : INPUT_TEMPLATES)
        {
            if (t == template)
            {
                return true;
            }
        }
        return false;
    }

    private int valid(final EventType type)
    {
        lastType = type;
        event.reset();
        event.type = type;
        event.sendTimeNs = nowNs;
        event.instrumentId = 1 + random.nextInt(20);
        switch (type)
        {
            case INSTRUMENT: instrument(); break;
            case TICK: tick(); break;
            case FILL: fill(); break;
            case POSITION: event.quantity = random.nextInt(21) - 10; event.price = 100 + random.nextInt(100); break;
            case VOL: event.underlying = AsciiCode.pack(underlying()); smile(); break;
            case SURFACE: event.underlying = AsciiCode.pack(underlying()); surface(); break;
            default: control(); break;
        }
        return encoder.encode(event, buffer, 0);
    }

    private void instrument()
    {
        final InstrumentKind[] kinds = InstrumentKind.values();
        event.kind = kinds[random.nextInt(kinds.length)];
        event.settlement = random.nextBoolean() ? Settlement.LINEAR : Settlement.INVERSE;
        event.contractUnit = random.nextBoolean() ? ContractUnit.COIN : ContractUnit.USD;
        event.putCall = random.nextBoolean() ? PutCall.CALL : PutCall.PUT;
        event.expiryNs = nowNs + (1 + random.nextInt(90)) * DAY_NS;
        event.strike = 1_000 * (1 + random.nextInt(150));
        event.contractSize = random.nextBoolean() ? 1 : 10;
        event.tickSize = 0.5;
        event.venue = AsciiCode.pack("DERIBIT");
        event.underlying = AsciiCode.pack(underlying());
        event.quoteCurrency = AsciiCode.pack("USD");
        event.settleCurrency = event.underlying;
        event.symbol("FUZZ-" + event.instrumentId);
    }

    private void tick()
    {
        final double mid = 100 + random.nextDouble() * 100_000;
        event.exchangeTimeNs = nowNs;
        event.bid = mid * 0.999;
        event.ask = mid * 1.001;
        event.mark = mid;
        event.markIv = 0.3 + random.nextDouble();
        event.underlyingPrice = mid;
    }

    private void fill()
    {
        event.exchangeTimeNs = nowNs;
        event.venue = AsciiCode.pack("DERIBIT");
        event.fillId("fuzz-" + (random.nextInt(10) == 0 ? fillSequence : ++fillSequence));
        event.side = random.nextBoolean() ? Side.BUY : Side.SELL;
        event.quantity = 1 + random.nextInt(10);
        event.price = 100 + random.nextInt(1000);
        event.fee = 0.01;
        event.feeCurrency = AsciiCode.pack("USD");
    }

    private void smile()
    {
        event.addSmile(nowNs + (1 + random.nextInt(90)) * DAY_NS, 0.01, 0.05, -0.3, 0, 0.2);
    }

    private void surface()
    {
        final int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++)
        {
            smile();
        }
    }

    private void control()
    {
        final ControlCommand[] commands = ControlCommand.values();
        event.command = commands[random.nextInt(commands.length)];
        event.underlying = AsciiCode.pack(underlying());
        event.limitName("delta");
        event.value = 1 + random.nextInt(100);
        if (event.command == ControlCommand.SET_EQUITY)
        {
            // the coin's balance (named or not) or the USD one
            final int currency = random.nextInt(3);
            event.currency = currency == 0 ? AsciiCode.NONE : currency == 1 ? event.underlying : AsciiCode.pack("USD");
        }
    }

    private String underlying()
    {
        return random.nextBoolean() ? "BTC" : "ETH";
    }
}
