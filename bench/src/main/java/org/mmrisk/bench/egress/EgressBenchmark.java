package org.mmrisk.bench.egress;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.bench.pricing.BenchDirectory;
import org.mmrisk.bench.pricing.JvmFlags;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.daemon.counters.CountersFile;
import org.mmrisk.daemon.counters.DaemonCounters;
import org.mmrisk.daemon.egress.EgressPublisher;
import org.mmrisk.daemon.queue.Queues;
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
 * What one quote adjustment costs the engine thread in egress: claim in the output queue's mapped file, SBE encode
 * in place, commit, counters. A real Chronicle queue, on tmpfs when {@code /dev/shm} exists; the benchmark thread
 * plays the engine thread (its appender is created there).
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
public class EgressBenchmark
{
    private final QuoteAdjustment quote = new QuoteAdjustment();
    private Path dir;
    private ChronicleQueue output;
    private CountersFile countersFile;
    private EgressPublisher egress;

    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        dir = BenchDirectory.create("mmrisk-egress-bench");
        output = Queues.open(dir.resolve("output"));
        countersFile = CountersFile.create(dir.resolve("counters.dat").toFile());
        egress = new EgressPublisher(output, new DaemonCounters(countersFile.manager(), List.of("market")), -1,
            FreeSpaceGuard.unchecked());
        quote.timeNs = 1_795_000_000_000_000_000L;
        quote.instrumentId = 150;
        quote.kind = InstrumentKind.OPTION;
        quote.underlying = AsciiCode.pack("BTC");
        quote.shift = -0.00012;
        quote.shiftVol = -0.35;
        quote.bidSpreadMult = 1.2;
        quote.askSpreadMult = 1.2;
        quote.bidSizeMult = 1;
        quote.askSizeMult = 1;
        quote.state = QuotingState.NORMAL;
    }

    /** @return the sequence written, so the work cannot be removed. */
    @Benchmark
    public long appendOneQuote()
    {
        quote.sequence++;
        quote.causeJournalSequence = quote.sequence;
        quote.causeSendTimeNs = quote.timeNs;
        egress.onQuoteAdjustment(quote);
        return quote.sequence;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException
    {
        egress.close();
        output.close();
        countersFile.close();
        BenchDirectory.delete(dir);
    }
}
