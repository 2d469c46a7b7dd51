package org.mmrisk.bench.ingress;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.mmrisk.bench.latency.HarnessBook;
import org.mmrisk.bench.latency.IndexWalk;
import org.mmrisk.bench.pricing.BenchDirectory;
import org.mmrisk.bench.pricing.JvmFlags;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.counters.CountersFile;
import org.mmrisk.daemon.counters.DaemonCounters;
import org.mmrisk.daemon.ingress.IngressAgent;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.ring.RingEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ingress thread's cost per input message, the first stage of the daemon's pipeline: {@link IngressAgent} tails
 * a real Chronicle input queue of {@value #TICKS} SBE index ticks, decodes each into a ring slot, keeps its raw
 * bytes, stamps it and publishes it (batches of up to 256, a multi-producer ring of 65,536 slots as the daemon's).
 * The benchmark thread plays ingress and, between duty cycles, the consumers: it marks everything published as
 * consumed, so the ring never holds ingress back. Reported per message; its inverse bounds the rate ingress can
 * sustain on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {
    JvmFlags.EXPORT_MISC, JvmFlags.EXPORT_REF,
    JvmFlags.EXPORT_NIO_CH, JvmFlags.OPEN_REFLECT,
    JvmFlags.OPEN_NIO, JvmFlags.OPEN_NIO_CH,
    JvmFlags.OPEN_LANG, JvmFlags.OPEN_UTIL,
    JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER })
public class IngressBenchmark
{
    static final int TICKS = 1_000_000;
    private static final int BATCH_LIMIT = 256;
    private static final long MAX_BATCH_HOLD_NS = 100_000L;
    private static final long TIMER_INTERVAL_NS = 100_000_000L;

    private Path dir;
    private ChronicleQueue input;
    private CountersFile countersFile;
    private DaemonCounters counters;
    private RingBuffer<RingEvent> ring;
    private Sequence consumed;
    private IngressAgent ingress;

    @Setup(Level.Trial)
    public void writeInput() throws IOException
    {
        dir = BenchDirectory.create("mmrisk-ingress-bench");
        input = Queues.open(dir.resolve("input"), 256L << 20);
        final long startNs = 1_795_000_000_000_000_000L;
        final IndexWalk walk = new IndexWalk(HarnessBook.INITIAL_INDEX_USD, 3);
        final RiskEvent tick = new RiskEvent();
        final InputEncoder encoder = new InputEncoder();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
        try (SbeAppender appender = new SbeAppender(input))
        {
            for (int i = 0; i < TICKS; i++)
            {
                HarnessBook.indexTick(walk.nextUsd(), startNs + i * 1_000L, tick);
                appender.append(buffer, 0, encoder.encode(tick, buffer, 0));
            }
        }
        countersFile = CountersFile.create(dir.resolve("counters.dat").toFile());
        counters = new DaemonCounters(countersFile.manager(), List.of("market"));
        ring = RingBuffer.createMultiProducer(RingEvent::new, 1 << 16, new BusySpinWaitStrategy());
        consumed = new Sequence(-1);
        ring.addGatingSequences(consumed);
    }

    /**
     * A fresh agent reads the input from its start; the ring (and its slots) stay from one invocation to the next.
     */
    @Setup(Level.Invocation)
    public void startIngress()
    {
        ingress = new IngressAgent(new ChronicleQueue[] { input }, new long[] { -1 }, ring, new SystemEpochNanoClock(),
            counters, BATCH_LIMIT, MAX_BATCH_HOLD_NS, TIMER_INTERVAL_NS, 0);
        ingress.onStart();
    }

    /** @return the journal sequence ingress would give next, so the work cannot be removed. */
    @Benchmark
    @OperationsPerInvocation(TICKS)
    public long readWholeInput()
    {
        // until a duty cycle finds nothing: the whole input read (the counters count each index once per data
        // directory, so a re-read of the same input does not move them)
        int work;
        do
        {
            work = ingress.doWork();
            // everything but the event ingress may still hold back (the ring's last claimed slot) is consumed
            consumed.set(ring.getCursor() - 1);
        }
        while (work > 0);
        return ingress.nextJournalSequence();
    }

    @TearDown(Level.Invocation)
    public void stopIngress()
    {
        ingress.onClose();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException
    {
        input.close();
        countersFile.close();
        BenchDirectory.delete(dir);
    }
}
