package org.mmrisk.bench.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.mmrisk.bench.codec.InputSamples;
import org.mmrisk.bench.pricing.BenchDirectory;
import org.mmrisk.bench.pricing.JvmFlags;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.counters.CountersFile;
import org.mmrisk.daemon.counters.DaemonCounters;
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
 * The journaller's cost per ring event: one market tick (its SBE bytes, engine time, batch flag) appended as a
 * journal entry to a real Chronicle queue, on tmpfs when {@code /dev/shm} exists. The benchmark thread plays the
 * journaller's thread (its appender is created there).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    JvmFlags.EXPORT_MISC, JvmFlags.EXPORT_REF,
    JvmFlags.EXPORT_NIO_CH, JvmFlags.OPEN_REFLECT,
    JvmFlags.OPEN_NIO, JvmFlags.OPEN_NIO_CH,
    JvmFlags.OPEN_LANG, JvmFlags.OPEN_UTIL,
    JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER })
public class JournallerBenchmark
{
    private Path dir;
    private ChronicleQueue journal;
    private CountersFile countersFile;
    private Journaller journaller;
    private final RingEvent slot = new RingEvent();
    private long sequence;

    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        dir = BenchDirectory.create("mmrisk-journal-bench");
        journal = Queues.open(dir.resolve("journal"));
        countersFile = CountersFile.create(dir.resolve("counters.dat").toFile());
        journaller = new Journaller(journal, new DaemonCounters(countersFile.manager(), List.of("market")),
            FreeSpaceGuard.unchecked());
        journaller.onStart();
        final RiskEvent tick = InputSamples.build(System.currentTimeMillis() * 1_000_000L).get(EventType.TICK);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
        final int length = new InputEncoder().encode(tick, buffer, 0);
        slot.event.copyFrom(tick);
        slot.payload.putBytes(0, buffer, 0, length);
        slot.payloadLength = length;
        slot.sourceId = 0;
        slot.timer = false;
    }

    /** @return the ring sequence journaled, so the work cannot be removed. */
    @Benchmark
    public long journalOneTick()
    {
        final long ringSequence = sequence++;
        slot.event.journalSequence = ringSequence;
        slot.event.timeNs = ringSequence;
        slot.sourceIndex = ringSequence;
        journaller.onEvent(slot, ringSequence, true);
        return journaller.journaledSequence().get();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException
    {
        journaller.close();
        journal.close();
        countersFile.close();
        BenchDirectory.delete(dir);
    }
}
