package org.mmrisk.daemon.ingress;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.counters.CountersFile;
import org.mmrisk.daemon.counters.DaemonCounters;
import org.mmrisk.daemon.queue.CorruptRecords;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.queue.SbeTailer;
import org.mmrisk.daemon.ring.RingEvent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A record whose 4-byte Chronicle header is corrupt (length in the low 30 bits, the not-complete and metadata flags in
 * the top two) stops a Chronicle reader at it for ever, while the writer goes on appending after it. Ingress must
 * notice (the queue holds records beyond its reader for the stall timeout of wall time) and stop, naming the queue
 * file and index; a slow writer, or one in the middle of a write, must not trip it. The clock is the test's.
 */
class IngressCorruptRecordTest
{
    private static final long TIMER_NS = 100_000_000L;
    private static final long STALL_NS = 2_000_000_000L;
    private static final int NOT_COMPLETE = CorruptRecords.NOT_COMPLETE;

    @TempDir
    Path dir;

    private final RiskEvent tick = new RiskEvent();
    private final InputEncoder encoder = new InputEncoder();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
    private final RingBuffer<RingEvent> ring =
        RingBuffer.createMultiProducer(RingEvent::new, 1024, new BusySpinWaitStrategy());
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private ChronicleQueue input;
    private SbeAppender appender;
    private CountersFile countersFile;
    private DaemonCounters counters;
    private IngressAgent ingress;
    private long nowNs = 1_795_000_000_000_000_000L;

    @AfterEach
    void close()
    {
        ingress.onClose();
        appender.close();
        input.close();
        countersFile.close();
    }

    @ParameterizedTest(name = "header bits flipped: {0}")
    @ValueSource(ints = { NOT_COMPLETE, 0xC000_0000, 0x0000_0100, 0x3FFF_FFFF })
    void shouldStopNamingTheQueueFileAndIndexWhenACorruptHeaderHidesLaterRecords(final int flippedBits)
        throws IOException
    {
        open();
        final long[] index = write(5);
        flipHeaderBits(index[2], flippedBits);
        start();
        write(3);

        // The fault itself: the reader never gets past the corrupt record, whatever is appended after it.
        for (int i = 0; i < 15; i++)
        {
            step(TIMER_NS);
        }
        final long readBeforeStop = counters.messagesRead(0).get();
        // (a lengthened record can swallow later ones, and its garbage may parse as a record of its own or not: what
        // holds is that the later records are hidden)
        assertThat(readBeforeStop).as("the records after the corrupt one are hidden").isLessThan(8);
        assertThat(input.lastIndex()).as("the queue holds the later records").isEqualTo(index[2] + 5);

        // The cure: once the queue has held records beyond the reader for the stall timeout, ingress stops.
        assertThatThrownBy(() ->
        {
            for (int i = 0; i < 10; i++)
            {
                step(TIMER_NS);
            }
        }).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(input.fileAbsolutePath())
            .hasMessageContaining(Queues.cycleFileName(index[2]))
            .hasMessageContaining("docs/recovery.md");
        assertThat(counters.inputStalls.get()).isEqualTo(1);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("corrupt record header");
        assertThat(nowNs - startNs).as("stopped after the stall timeout, not before")
            .isGreaterThanOrEqualTo(STALL_NS);
    }

    /**
     * A metadata flag set on a data record hides it instead: Chronicle reads it as metadata and numbers the records
     * after it one lower, so the reader reads them all and then stays one short of the queue's end. Ingress still
     * stops, once it has read them; the hidden record itself is lost to the reader.
     */
    @Test
    void shouldStopWhenAMetadataFlagHidesARecord() throws IOException
    {
        open();
        final long[] index = write(5);
        flipHeaderBits(index[2], CorruptRecords.METADATA);
        start();
        write(3);
        assertThatThrownBy(() ->
        {
            for (int i = 0; i < 40; i++)
            {
                step(TIMER_NS);
            }
        }).isInstanceOf(IllegalStateException.class).hasMessageContaining("corrupt record header");
        assertThat(counters.messagesRead(0).get()).as("every record but the hidden one").isEqualTo(7);
        assertThat(counters.inputStalls.get()).isEqualTo(1);
    }

    @Test
    void shouldNameTheIndexOfTheRecordItCannotRead() throws IOException
    {
        open();
        final long[] index = write(5);
        flipHeaderBits(index[2], NOT_COMPLETE);
        start();
        write(3);
        assertThatThrownBy(() ->
        {
            for (int i = 0; i < 40; i++)
            {
                step(TIMER_NS);
            }
        }).hasMessageContaining("record at index " + Long.toHexString(index[2]) + " ")
            .hasMessageContaining("up to index " + Long.toHexString(index[2] + 5));
        assertThat(counters.messagesRead(0).get()).isEqualTo(2);

        final long timers = counters.timersInjected.get();
        for (int i = 0; i < 20; i++)
        {
            nowNs += TIMER_NS;
            assertThat(ingress.doWork()).as("a stopped ingress does nothing").isZero();
        }
        assertThat(counters.timersInjected.get()).as("no timers, so no heartbeats").isEqualTo(timers);
        assertThat(counters.inputStalls.get()).as("counted once").isEqualTo(1);
    }

    @Test
    void shouldNotStopForAWriterInTheMiddleOfAWrite()
    {
        open();
        start();
        write(2);
        final int length = encodeTick();
        appender.claim(length).putBytes(0, buffer, 0, length);
        for (int i = 0; i < 100; i++)
        {
            step(TIMER_NS);
        }
        assertThat(counters.messagesRead(0).get()).isEqualTo(2);
        appender.commit();
        step(TIMER_NS);
        assertThat(counters.messagesRead(0).get()).as("the finished write is read").isEqualTo(3);
        assertThat(counters.inputStalls.get()).isZero();
    }

    @Test
    void shouldNotStopForASlowWriterOrAnIdleQueue()
    {
        open();
        start();
        for (int message = 0; message < 10; message++)
        {
            write(1);
            for (int i = 0; i < 19; i++)
            {
                step(TIMER_NS);
            }
        }
        for (int i = 0; i < 100; i++)
        {
            step(TIMER_NS);
        }
        assertThat(counters.messagesRead(0).get()).isEqualTo(10);
        assertThat(counters.inputStalls.get()).isZero();
    }

    @Test
    void shouldNotStopWhenIngressItselfWasHeldUpLongerThanTheTimeout()
    {
        open();
        start();
        step(TIMER_NS);
        write(3);
        // a duty cycle that comes late (the ring was full, the thread descheduled) finds the records readable
        step(10 * STALL_NS);
        step(TIMER_NS);
        assertThat(counters.messagesRead(0).get()).isEqualTo(3);
        assertThat(counters.inputStalls.get()).isZero();
    }

    /**
     * A gateway that rolls to a new day's file and dies (or waits) in its first write there leaves an empty new cycle
     * file with an incomplete record: nothing is unreadable, and the reader must not be stopped.
     */
    @Test
    void shouldNotStopForAWriterInTheMiddleOfTheFirstWriteOfANewDay() throws IOException
    {
        final SetTimeProvider writerClock = new SetTimeProvider(Instant.ofEpochSecond(nowNs / 1_000_000_000L));
        try (ChronicleQueue writerQueue = SingleChronicleQueueBuilder.single(dir.resolve("market").toFile())
            .rollCycle(Queues.ROLL_CYCLE).blockSize(1 << 20).timeProvider(writerClock).build())
        {
            input = Queues.open(dir.resolve("market"), 1 << 20);
            appender = new SbeAppender(writerQueue);
            countersFile = CountersFile.create(dir.resolve("counters.dat").toFile());
            counters = new DaemonCounters(countersFile.manager(), List.of("market"));
            start();
            write(2);
            step(TIMER_NS);
            assertThat(counters.messagesRead(0).get()).isEqualTo(2);

            writerClock.advanceMillis(TimeUnit.DAYS.toMillis(1));
            final int length = encodeTick();
            appender.claim(length).putBytes(0, buffer, 0, length);
            try (Stream<Path> files = Files.list(dir.resolve("market")))
            {
                assertThat(files.filter(f -> f.toString().endsWith(Queues.CYCLE_SUFFIX)).count())
                    .as("the new day's file exists").isEqualTo(2);
            }
            for (int i = 0; i < 100; i++)
            {
                step(TIMER_NS);
            }
            assertThat(counters.inputStalls.get()).isZero();
            appender.commit();
            step(TIMER_NS);
            assertThat(counters.messagesRead(0).get()).as("the first record of the new day is read").isEqualTo(3);
            appender.close();
            appender = new SbeAppender(input);
        }
    }

    /**
     * Chronicle cannot position a reader past a corrupt record: it finds an index by scanning from the nearest index
     * entry, and the scan stops at the corrupt header. So there is no "skip this record" option, and
     * docs/recovery.md describes the recovery that works.
     */
    @Test
    void chronicleCannotMoveAReaderPastACorruptRecord() throws IOException
    {
        open();
        final long[] index = write(5);
        flipHeaderBits(index[2], NOT_COMPLETE);
        start();
        try (SbeTailer tailer = new SbeTailer(input))
        {
            assertThat(tailer.moveTo(index[2] + 1)).isFalse();
            assertThat(tailer.moveTo(index[1])).isTrue();
        }
    }

    private long startNs;

    private void open()
    {
        input = Queues.open(dir.resolve("market"), 1 << 20);
        appender = new SbeAppender(input);
        countersFile = CountersFile.create(dir.resolve("counters.dat").toFile());
        counters = new DaemonCounters(countersFile.manager(), List.of("market"));
    }

    private void start()
    {
        ingress = new IngressAgent(new ChronicleQueue[] { input }, new long[] { -1 }, ring, () -> nowNs, counters, 256,
            0, TIMER_NS, 0).stallTimeoutNs(STALL_NS).errorLog(new PrintStream(log, true, StandardCharsets.UTF_8));
        ingress.onStart();
        startNs = nowNs;
    }

    /**
     * One duty cycle after {@code elapsedNs} of wall time; the consumers keep up.
     */
    private void step(final long elapsedNs)
    {
        nowNs += elapsedNs;
        ingress.doWork();
    }

    private long[] write(final int count)
    {
        final long[] index = new long[count];
        for (int i = 0; i < count; i++)
        {
            appender.append(buffer, 0, encodeTick());
            index[i] = appender.lastIndexAppended();
        }
        return index;
    }

    private int encodeTick()
    {
        tick.reset();
        tick.type = EventType.TICK;
        tick.instrumentId = 1;
        tick.venue = AsciiCode.pack("DERIBIT");
        tick.sendTimeNs = nowNs;
        tick.exchangeTimeNs = nowNs;
        tick.bid = 100_000;
        tick.ask = 100_001;
        return encoder.encode(tick, buffer, 0);
    }

    private void flipHeaderBits(final long index, final int bits) throws IOException
    {
        CorruptRecords.flipHeaderBits(input, dir.resolve("market"), index, bits);
    }
}
