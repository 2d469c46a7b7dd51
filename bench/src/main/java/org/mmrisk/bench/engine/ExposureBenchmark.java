package org.mmrisk.bench.engine;

import org.mmrisk.core.engine.EngineCounter;
import org.mmrisk.core.engine.ExposureProbe;
import org.mmrisk.core.engine.RiskEngine;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The exposure update of one underlying after an index tick, without the rest of the batch (no quotes): the
 * incremental path (Taylor sums evaluated at the new index, plus one slice of exact re-anchors, which the engine runs
 * after the batch's outputs) against a full
 * revaluation of every position, driven through core's {@link ExposureProbe}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class ExposureBenchmark
{
    private static final int PRICES = 1 << 16;

    @Param({ "100", "1000", "10000" })
    public int positions;

    private final BenchBook book = new BenchBook();
    private final double[] pricesUsd = new double[PRICES];
    private ExposureProbe probe;
    private int next;

    @Setup(Level.Trial)
    public void setUp()
    {
        final RiskEngine engine = book.build(positions, 8);
        probe = new ExposureProbe(engine, 0, BenchBook.INDEX);
        final SplittableRandom random = new SplittableRandom(7);
        double price = 100_000;
        for (int i = 0; i < PRICES; i++)
        {
            price *= Math.exp(2e-5 * (random.nextDouble() * 2 - 1) * Math.sqrt(3));
            price = Math.min(101_000, Math.max(99_000, price));
            pricesUsd[i] = price;
        }
    }

    private long moveIndex()
    {
        final double priceUsd = pricesUsd[next++ & (PRICES - 1)];
        probe.moveIndex(priceUsd);
        return book.nextTimeNs();
    }

    @Benchmark
    public double incremental()
    {
        return probe.incremental(moveIndex());
    }

    /**
     * The part of {@link #incremental} that the batch's quotes wait for: the Taylor sums at the new index (the
     * re-anchor slice runs after the outputs).
     */
    @Benchmark
    public double incrementalBeforeQuotes()
    {
        return probe.incrementalBeforeQuotes(moveIndex());
    }

    @Benchmark
    public double fullRevaluation()
    {
        return probe.fullRevaluation(moveIndex());
    }

    @TearDown(Level.Trial)
    public void report()
    {
        System.out.printf("%n[exposure] positions=%d maxApproxError=%.2e of gross delta, jumps=%d, budget=%d%n",
            positions, probe.counters().get(EngineCounter.MAX_APPROX_ERROR_PPB) / 1e9,
            probe.counters().get(EngineCounter.JUMP_REVALUATIONS),
            probe.counters().get(EngineCounter.BUDGET_REVALUATIONS));
    }
}
