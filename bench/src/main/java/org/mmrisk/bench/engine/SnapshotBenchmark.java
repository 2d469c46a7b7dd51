package org.mmrisk.bench.engine;

import org.agrona.concurrent.UnsafeBuffer;
import org.mmrisk.bench.pricing.JvmFlags;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.output.CountingOutput;
import org.mmrisk.core.state.StateReader;
import org.mmrisk.core.state.StateWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What a snapshot costs the engine thread: {@code save} is the whole in-memory walk of the engine's state into a
 * reused buffer (the engine's stall; the file is written by another thread), for books of 1,000 and 10,000
 * positions with none or 100,000 remembered fill ids. {@code restore} is the start-up side, into a fresh engine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g", JvmFlags.EXPORT_MISC })
public class SnapshotBenchmark
{
    @Param({ "1000", "10000" })
    public int positions;

    @Param({ "0", "100000" })
    public int fillIds;

    private final BenchBook book = new BenchBook();
    private final StateWriter writer = new StateWriter(1 << 20);
    private RiskEngine engine;
    private UnsafeBuffer saved;
    private int savedLength;

    @Setup(Level.Trial)
    public void setUp()
    {
        engine = book.build(positions, 8, 1 << 18);
        for (int i = 0; i < fillIds; i++)
        {
            book.fill(engine, BenchBook.FIRST_OPTION + i % positions, "bench-fill-" + i,
                i % 2 == 0 ? Side.BUY : Side.SELL, 1, 0.01);
        }
        save();
        savedLength = writer.length();
        final byte[] bytes = new byte[savedLength];
        writer.buffer().getBytes(0, bytes);
        saved = new UnsafeBuffer(bytes);
        System.out.printf("%n[snapshot] positions=%d fillIds=%d state=%,d bytes%n", positions, fillIds, savedLength);
    }

    @Benchmark
    public int save()
    {
        writer.reset();
        engine.saveState(writer);
        return writer.length();
    }

    @Benchmark
    public long restore()
    {
        final RiskEngine fresh = new RiskEngine(engine.config(), new CountingOutput());
        fresh.restoreState(new StateReader(saved, 0, savedLength));
        return fresh.timeNs();
    }
}
