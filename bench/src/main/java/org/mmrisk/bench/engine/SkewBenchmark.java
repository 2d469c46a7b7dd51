package org.mmrisk.bench.engine;

import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.core.engine.SkewProbe;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The quote decisions for 1,000 quoted options after one index tick (the exposure already updated): shift, vol shift,
 * spread and size multipliers and the emit decision of every instrument of the underlying, emissions remembered as
 * the engine does. {@code fullPass} applies the rule to every instrument, the reference the tests hold;
 * {@code skewTable} lets the underlying's skew table dismiss those that cannot have moved and decides the rest, as the
 * engine does (the two decide the same; {@code SkewTableTest}). The portfolio delta follows a mean-reverting walk, so
 * some instruments cross their threshold at most ticks, most at none. Driven through core's {@link SkewProbe}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class SkewBenchmark
{
    private static final int OPTIONS = 1_000;
    private static final int STEPS = 1 << 16;

    private final BenchBook book = new BenchBook();
    private final double[] deltaSteps = new double[STEPS];
    private SkewProbe probe;
    private double baseDelta;
    private double delta;
    private long nowNs;
    private int step;

    @Setup(Level.Trial)
    public void setUp()
    {
        final RiskEngine engine = book.build(OPTIONS, 8);
        probe = new SkewProbe(engine, 0);
        baseDelta = probe.delta();
        nowNs = book.nextTimeNs();
        final java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        double walk = 0;
        for (int i = 0; i < STEPS; i++)
        {
            walk = 0.999 * walk + 2e-3 * (random.nextDouble() - 0.5);
            deltaSteps[i] = walk;
        }
    }

    @Benchmark
    public int fullPass()
    {
        tick();
        return probe.fullPass(delta, nowNs);
    }

    @Benchmark
    public int skewTable()
    {
        tick();
        return probe.skewTable(delta, nowNs);
    }

    private void tick()
    {
        delta = baseDelta + deltaSteps[step++ & (STEPS - 1)];
        nowNs += 10_000;
    }
}
