package org.mmrisk.daemon.ingress;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.codecs.FillDecoder;
import org.mmrisk.codecs.MarketTickDecoder;
import org.mmrisk.codecs.MessageHeaderDecoder;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.daemon.codec.DecodeError;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.counters.CountersFile;
import org.mmrisk.daemon.counters.DaemonCounters;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.ring.RingEvent;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corrupted input never reaches the ring: counted as BAD_CHECKSUM and logged once per queue with its index; a
 * message without a checksum is refused only when checksums are required.
 */
class IngressChecksumTest
{
    private static final long NOW_NS = 1_795_000_000_000_000_000L;

    @TempDir
    Path dir;

    private final RingBuffer<RingEvent> ring =
        RingBuffer.createMultiProducer(RingEvent::new, 1024, new BusySpinWaitStrategy());
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
    private final InputEncoder encoder = new InputEncoder();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @Test
    void shouldCountAndSkipAFillWhoseQuantityHasABitFlipped()
    {
        try (ChronicleQueue fills = Queues.open(dir.resolve("fills"));
            SbeAppender appender = new SbeAppender(fills);
            CountersFile countersFile = CountersFile.create(dir.resolve("counters.dat").toFile()))
        {
            appender.append(buffer, 0, encoder.encode(fill("good-1", 1), buffer, 0));
            final int length = encoder.encode(fill("flipped", 2), buffer, 0);
            final int quantityAt = MessageHeaderDecoder.ENCODED_LENGTH + FillDecoder.quantityEncodingOffset();
            buffer.putByte(quantityAt + 7, (byte)(buffer.getByte(quantityAt + 7) ^ 0x40));
            appender.append(buffer, 0, length);
            final long flippedIndex = appender.lastIndexAppended();
            appender.append(buffer, 0, length);
            appender.append(buffer, 0, encoder.encode(fill("good-2", 3), buffer, 0));

            final DaemonCounters counters = new DaemonCounters(countersFile.manager(), List.of("fills"));
            runOnce(new ChronicleQueue[] {fills}, counters, false);

            assertThat(counters.decodeError(DecodeError.BAD_CHECKSUM).get()).isEqualTo(2);
            assertThat(publishedFillQuantities(counters)).containsExactly(1.0, 3.0);
            final String[] lines = log.toString(StandardCharsets.UTF_8).split("\n");
            assertThat(lines).hasSize(1);
            assertThat(lines[0]).contains("fills").contains(Long.toHexString(flippedIndex)).contains("BAD_CHECKSUM");
        }
    }

    @Test
    void shouldRefuseAVersion3MessageOnlyWhenChecksumsAreRequired()
    {
        for (final boolean required : new boolean[] {false, true})
        {
            final Path queueDir = dir.resolve("market-" + required);
            try (ChronicleQueue market = Queues.open(queueDir);
                SbeAppender appender = new SbeAppender(market);
                CountersFile countersFile = CountersFile.create(dir.resolve("counters-" + required).toFile()))
            {
                encoder.encode(tick(), buffer, 0);
                // a version 3 block ends where the checksum (and the later sizes) start
                final int blockLength = MarketTickDecoder.checksumEncodingOffset();
                buffer.putShort(0, (short)blockLength, ByteOrder.LITTLE_ENDIAN);
                buffer.putShort(6, (short)3, ByteOrder.LITTLE_ENDIAN);
                appender.append(buffer, 0, 8 + blockLength);

                final DaemonCounters counters = new DaemonCounters(countersFile.manager(), List.of("market"));
                runOnce(new ChronicleQueue[] {market}, counters, required);

                assertThat(counters.decodeError(DecodeError.MISSING_CHECKSUM).get()).as("required: %s", required)
                    .isEqualTo(required ? 1 : 0);
                assertThat(counters.ringEventsPublished.get()).as("the tick and a timer, or the timer alone")
                    .isEqualTo(required ? 1 : 2);
            }
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("MISSING_CHECKSUM").contains("market-true");
    }

    private void runOnce(final ChronicleQueue[] queues, final DaemonCounters counters, final boolean required)
    {
        final long[] readFromStart = new long[queues.length];
        Arrays.fill(readFromStart, -1);
        final IngressAgent ingress = new IngressAgent(queues, readFromStart, ring, () -> NOW_NS, counters, 256, 0,
            60_000_000_000L, 0)
            .errorLog(new PrintStream(log, true, StandardCharsets.UTF_8))
            .requireChecksum(required);
        ingress.onStart();
        ingress.doWork();
        ingress.onClose();
    }

    private List<Double> publishedFillQuantities(final DaemonCounters counters)
    {
        final List<Double> quantities = new ArrayList<>();
        for (long sequence = 0; sequence < counters.ringEventsPublished.get(); sequence++)
        {
            final RiskEvent event = ring.get(sequence).event;
            if (ring.get(sequence).payloadLength > 0 && event.type == EventType.FILL)
            {
                quantities.add(event.quantity);
            }
        }
        return quantities;
    }

    private static RiskEvent fill(final String id, final double quantity)
    {
        final RiskEvent e = new RiskEvent().reset();
        e.type = EventType.FILL;
        e.instrumentId = 42;
        e.sendTimeNs = NOW_NS;
        e.exchangeTimeNs = NOW_NS;
        e.venue = AsciiCode.pack("DERIBIT");
        e.fillId(id);
        e.side = Side.BUY;
        e.quantity = quantity;
        e.price = 100;
        e.fee = 0;
        e.feeCurrency = AsciiCode.pack("USD");
        return e;
    }

    private static RiskEvent tick()
    {
        final RiskEvent e = new RiskEvent().reset();
        e.type = EventType.TICK;
        e.instrumentId = 7;
        e.sendTimeNs = NOW_NS;
        e.bid = 99_999.5;
        e.ask = 100_000.0;
        return e;
    }
}
