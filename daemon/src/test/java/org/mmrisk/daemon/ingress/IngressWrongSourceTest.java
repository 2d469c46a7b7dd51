package org.mmrisk.daemon.ingress;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.codec.DecodeError;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.counters.CountersFile;
import org.mmrisk.daemon.counters.DaemonCounters;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.ring.RingEvent;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each source carries only its types: commands only from the control queue, every other input only from the inputs,
 * and from an input named in {@code ingress.inputTypes} only the types listed there. Anything else is
 * {@code WRONG_SOURCE}: counted, skipped, and logged once per queue.
 */
class IngressWrongSourceTest
{
    private static final long NOW_NS = 1_795_000_000_000_000_000L;

    @TempDir
    Path dir;

    private final InputEncoder encoder = new InputEncoder();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);

    @Test
    void shouldRefuseEachTypeFromASourceThatMayNotCarryItAndLogOncePerQueue()
    {
        final RingBuffer<RingEvent> ring =
            RingBuffer.createMultiProducer(RingEvent::new, 1024, new BusySpinWaitStrategy());
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (ChronicleQueue market = Queues.open(dir.resolve("market"));
            ChronicleQueue fills = Queues.open(dir.resolve("fills"));
            ChronicleQueue control = Queues.open(dir.resolve("control"));
            SbeAppender toMarket = new SbeAppender(market);
            SbeAppender toFills = new SbeAppender(fills);
            SbeAppender toControl = new SbeAppender(control);
            CountersFile countersFile = CountersFile.create(dir.resolve("counters.dat").toFile()))
        {
            write(toMarket, EventType.TICK);
            write(toMarket, EventType.CONTROL);     // refused: commands only from the control queue
            write(toMarket, EventType.FILL);
            write(toMarket, EventType.CONTROL);     // refused, only counted
            write(toFills, EventType.TICK);         // refused: fills carries fill and position only
            write(toFills, EventType.FILL);
            write(toFills, EventType.POSITION);
            write(toControl, EventType.FILL);       // refused: the control queue carries commands only
            write(toControl, EventType.CONTROL);
            final DaemonCounters counters = new DaemonCounters(countersFile.manager(),
                List.of("market", "fills", "control"));
            final IngressAgent ingress = new IngressAgent(new ChronicleQueue[] { market, fills, control },
                new long[] { -1, -1, -1 }, ring, () -> NOW_NS, counters, 256, 0, 60_000_000_000L, 0)
                .acceptedTypes(SourceTypes.of(List.of("market", "fills"),
                    Map.of("fills", List.of(EventType.FILL, EventType.POSITION))))
                .errorLog(new PrintStream(log, true, StandardCharsets.UTF_8));
            ingress.onStart();
            ingress.doWork();
            ingress.onClose();

            assertThat(counters.decodeError(DecodeError.WRONG_SOURCE).get()).isEqualTo(4);
            assertThat(published(ring)).containsExactly(
                EventType.TICK + "@0", EventType.FILL + "@0", EventType.FILL + "@1", EventType.POSITION + "@1",
                EventType.CONTROL + "@2", EventType.TIMER + "@-1");
            final String[] lines = log.toString(StandardCharsets.UTF_8).split("\n");
            assertThat(lines).hasSize(3);
            assertThat(lines[0]).contains(market.fileAbsolutePath()).contains("a message of type control,")
                .contains("index " + Long.toHexString(market.firstIndex() + 1)).contains("WRONG_SOURCE");
            assertThat(lines[1]).contains(fills.fileAbsolutePath()).contains("a message of type tick,")
                .contains("index " + Long.toHexString(fills.firstIndex()));
            assertThat(lines[2]).contains(control.fileAbsolutePath()).contains("a message of type fill,");
        }
    }

    @Test
    void shouldLetEveryInputCarryEveryInputTypeButCommandsByDefault()
    {
        final int[] accepted = SourceTypes.of(List.of("market", "fills"), Map.of());
        for (final EventType type : EventType.values())
        {
            final boolean input = type != EventType.CONTROL && type != EventType.TIMER;
            assertThat(SourceTypes.accepts(accepted[0], type)).as("market carries %s", type).isEqualTo(input);
            assertThat(SourceTypes.accepts(accepted[1], type)).as("fills carries %s", type).isEqualTo(input);
            assertThat(SourceTypes.accepts(accepted[2], type)).as("control carries %s", type)
                .isEqualTo(type == EventType.CONTROL);
        }
    }

    private static List<String> published(final RingBuffer<RingEvent> ring)
    {
        final List<String> events = new ArrayList<>();
        for (long sequence = 0; ring.isAvailable(sequence); sequence++)
        {
            final RingEvent slot = ring.get(sequence);
            events.add(slot.event.type + "@" + slot.sourceId);
        }
        return events;
    }

    private void write(final SbeAppender appender, final EventType type)
    {
        final RiskEvent event = new RiskEvent().reset();
        event.type = type;
        event.instrumentId = 1;
        event.venue = AsciiCode.pack("DERIBIT");
        event.sendTimeNs = NOW_NS;
        event.exchangeTimeNs = NOW_NS;
        switch (type)
        {
            case TICK ->
            {
                event.bid = 100_000;
                event.ask = 100_001;
            }
            case FILL ->
            {
                event.fillId("f-1");
                event.quantity = 1;
                event.price = 100;
            }
            default ->
            {
            }
        }
        appender.append(buffer, 0, encoder.encode(event, buffer, 0));
    }
}
