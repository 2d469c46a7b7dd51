package org.mmrisk.core.engine;

import org.mmrisk.bench.engine.BenchBook;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.skew.SkewRule;
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
 * the engine does. {@code fullPass} applies the rule ({@link SkewBatch#quote}) to every instrument, the reference the
 * tests hold; {@code skewTable} lets the underlying's {@link SkewTable} dismiss those that cannot have moved and
 * decides the rest, as the engine does (the two decide the same; {@code SkewTableTest}). The portfolio delta follows
 * a mean-reverting walk, so some instruments cross their threshold at most ticks, most at none. Lives in the engine's
 * package to drive the package-private skew directly.
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
    private final QuoteAdjustment adjustment = new QuoteAdjustment();
    private final double[] deltaSteps = new double[STEPS];
    private SkewBatch batch;
    private UnderlyingRisk underlying;
    private double baseDelta;
    private double delta;
    private long nowNs;
    private int step;

    @Setup(Level.Trial)
    public void setUp()
    {
        final RiskEngine engine = book.build(OPTIONS, 8);
        batch = new SkewBatch(engine.config());
        underlying = engine.underlyings().get(0);
        baseDelta = underlying.delta();
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
        batch.prepare(underlying, delta, nowNs);
        int emitted = 0;
        for (int i = 0, n = underlying.instrumentCount(); i < n; i++)
        {
            final InstrumentState state = underlying.instrument(i);
            if (SkewBatch.isQuoted(state) && batch.quote(state, underlying, adjustment) == SkewRule.SEND)
            {
                emitted++;
            }
        }
        return emitted;
    }

    @Benchmark
    public int skewTable()
    {
        tick();
        final SkewTable table = underlying.skewTable;
        table.prepare(underlying, delta, nowNs);
        int emitted = 0;
        for (int i = table.firstCandidate(), n = table.count(); i < n; i = table.nextCandidate())
        {
            if (table.quote(i, adjustment) == SkewRule.SEND)
            {
                emitted++;
            }
        }
        return emitted;
    }

    private void tick()
    {
        delta = baseDelta + deltaSteps[step++ & (STEPS - 1)];
        nowNs += 10_000;
    }
}
