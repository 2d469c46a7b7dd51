package org.mmrisk.core.engine;

import org.mmrisk.bench.engine.BenchBook;
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
 * revaluation of every position. It lives in the engine's package to drive the package-private updater directly.
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
    private final EngineCounters counters = new EngineCounters();
    private ExposureUpdater updater;
    private UnderlyingRisk underlying;
    private InstrumentState index;
    private int next;

    @Setup(Level.Trial)
    public void setUp()
    {
        final RiskEngine engine = book.build(positions, 8);
        updater = new ExposureUpdater(engine.config(), counters);
        underlying = engine.underlyings().get(0);
        index = engine.instruments().get(BenchBook.INDEX);
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
        index.market().bid = priceUsd;
        index.market().ask = priceUsd;
        return book.nextTimeNs();
    }

    @Benchmark
    public double incremental()
    {
        final long nowNs = moveIndex();
        updater.update(underlying, nowNs);
        updater.reanchorAfterOutputs(underlying, nowNs);
        return underlying.delta();
    }

    /**
     * The part of {@link #incremental} that the batch's quotes wait for: the Taylor sums at the new index (the
     * re-anchor slice runs after the outputs).
     */
    @Benchmark
    public double incrementalBeforeQuotes()
    {
        updater.update(underlying, moveIndex());
        return underlying.delta();
    }

    @Benchmark
    public double fullRevaluation()
    {
        final long nowNs = moveIndex();
        updater.revalueAll(underlying, nowNs);
        underlying.sums().evaluate(nowNs);
        return underlying.delta();
    }

    @TearDown(Level.Trial)
    public void report()
    {
        System.out.printf("%n[exposure] positions=%d maxApproxError=%.2e of gross delta, jumps=%d, budget=%d%n",
            positions, counters.get(EngineCounter.MAX_APPROX_ERROR_PPB) / 1e9,
            counters.get(EngineCounter.JUMP_REVALUATIONS), counters.get(EngineCounter.BUDGET_REVALUATIONS));
    }
}
