package org.mmrisk.core.engine;

import org.mmrisk.bench.engine.BenchBook;
import org.mmrisk.core.output.QuoteAdjustment;
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
 * The inventory skew of 1,000 quoted options after one index tick: shift, vol shift, spread and size multipliers
 * and the emit decision of every instrument of the underlying (the exposure is already updated). It lives in the
 * engine's package to drive the package-private skew directly.
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

    private final BenchBook book = new BenchBook();
    private final QuoteAdjustment adjustment = new QuoteAdjustment();
    private InventorySkew skew;
    private UnderlyingRisk underlying;
    private long nowNs;

    @Setup(Level.Trial)
    public void setUp()
    {
        final RiskEngine engine = book.build(OPTIONS, 8);
        skew = new InventorySkew(engine.config(), new EngineCounters());
        underlying = engine.underlyings().get(0);
        nowNs = book.nextTimeNs();
    }

    @Benchmark
    public int skewOfEveryInstrument()
    {
        // the portfolio delta moves a little, as after a tick
        underlying.delta += 1e-6;
        nowNs += 1_000;
        skew.prepare(underlying);
        int due = 0;
        for (int i = 0, n = underlying.instrumentCount(); i < n; i++)
        {
            final InstrumentState state = underlying.instrument(i);
            if (InventorySkew.isQuoted(state) && skew.update(state, underlying, adjustment, nowNs))
            {
                due++;
            }
        }
        return due;
    }
}
