package org.mmrisk.bench.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.mmrisk.bench.latency.HarnessBook;
import org.mmrisk.bench.pricing.BenchDirectory;
import org.mmrisk.bench.pricing.JvmFlags;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.output.CountingOutput;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.counters.CountersFile;
import org.mmrisk.daemon.counters.DaemonCounters;
import org.mmrisk.daemon.journal.JournalReplayer;
import org.mmrisk.daemon.journal.Journaller;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.ring.RingEvent;
import org.mmrisk.daemon.storage.FreeSpaceGuard;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Recovery speed: a whole sequenced journal of {@value #EVENTS} events replayed through a fresh engine, as start-up
 * does (journal reading and SBE decoding included). The tape is what a desk's gateways write: index ticks with
 * small moves (90%), fills on the options (5%) and timers (5%), after the reference data of the latency harness's
 * 1,000-option book ({@link HarnessBook}: definitions, surface, first ticks, positions). Reported per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {
    "-Xms1g", "-Xmx1g",
    JvmFlags.EXPORT_MISC, JvmFlags.EXPORT_REF,
    JvmFlags.EXPORT_NIO_CH, JvmFlags.OPEN_REFLECT,
    JvmFlags.OPEN_NIO, JvmFlags.OPEN_NIO_CH,
    JvmFlags.OPEN_LANG, JvmFlags.OPEN_UTIL,
    JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER })
public class ReplayBenchmark
{
    static final int EVENTS = 1_000_000;
    static final int OPTIONS = 1_000;

    /** Events per ingress batch on the tape: 1 as at low rates, more as a loaded daemon's ingress makes them. */
    @Param({ "1", "64" })
    public int eventsPerBatch;

    private Path dir;
    private ChronicleQueue journal;

    @Setup(Level.Trial)
    public void writeJournal() throws IOException
    {
        dir = BenchDirectory.create("mmrisk-replay-bench");
        journal = Queues.open(dir.resolve("journal"), 256L << 20);
        try (CountersFile counters = CountersFile.create(dir.resolve("counters.dat").toFile());
            Journaller journaller = new Journaller(journal, new DaemonCounters(counters.manager(), List.of("in")),
                FreeSpaceGuard.unchecked()))
        {
            journaller.onStart();
            new TapeWriter(journaller, eventsPerBatch).write(1_795_000_000_000_000_000L);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long replayWholeJournal()
    {
        final RiskEngine engine = new RiskEngine(new EngineConfig().conclude(), new CountingOutput());
        return JournalReplayer.replay(journal, engine);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException
    {
        journal.close();
        BenchDirectory.delete(dir);
    }

    /**
     * Writes the tape through the real journaller, in batches of {@code eventsPerBatch} events.
     */
    private static final class TapeWriter
    {
        private final Journaller journaller;
        private final RingEvent slot = new RingEvent();
        private final InputEncoder encoder = new InputEncoder();
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
        private final int eventsPerBatch;
        private long sequence;

        TapeWriter(final Journaller journaller, final int eventsPerBatch)
        {
            this.journaller = journaller;
            this.eventsPerBatch = eventsPerBatch;
        }

        void write(final long startNs)
        {
            final HarnessBook book = new HarnessBook(OPTIONS, startNs, 10);
            book.writeReferenceData(startNs, new RiskEvent(), e -> append(e, startNs, false));
            final RiskEvent tick = new RiskEvent();
            final RiskEvent fill = new RiskEvent().reset();
            fill.type = EventType.FILL;
            fill.venue = org.mmrisk.core.event.AsciiCode.pack("DERIBIT");
            fill.quantity = 0.5;
            fill.price = 0.02;
            final RiskEvent timer = new RiskEvent().reset();
            timer.type = EventType.TIMER;
            final SplittableRandom random = new SplittableRandom(3);
            double indexUsd = HarnessBook.INITIAL_INDEX_USD;
            while (sequence < EVENTS)
            {
                final long timeNs = startNs + sequence * 10_000;
                final int pick = random.nextInt(100);
                if (pick < 90)
                {
                    indexUsd *= 1 + 2e-5 * (random.nextDouble() - 0.5);
                    HarnessBook.indexTick(indexUsd, timeNs, tick);
                    append(tick, timeNs, false);
                }
                else if (pick < 95)
                {
                    fill.instrumentId = HarnessBook.FIRST_OPTION_ID + random.nextInt(OPTIONS);
                    fill.fillId("tape-" + sequence);
                    fill.side = random.nextBoolean() ? Side.BUY : Side.SELL;
                    fill.exchangeTimeNs = timeNs;
                    append(fill, timeNs, false);
                }
                else
                {
                    append(timer, timeNs, true);
                }
            }
        }

        private void append(final RiskEvent event, final long timeNs, final boolean timer)
        {
            final int length = timer ? 0 : encoder.encode(event, buffer, 0);
            slot.event.copyFrom(event);
            slot.event.journalSequence = sequence;
            slot.event.timeNs = timeNs;
            slot.event.batchEnd = (sequence + 1) % eventsPerBatch == 0;
            slot.payload.putBytes(0, buffer, 0, length);
            slot.payloadLength = length;
            slot.sourceId = 0;
            slot.sourceIndex = sequence;
            slot.timer = timer;
            journaller.onEvent(slot, sequence, true);
            sequence++;
        }
    }
}
