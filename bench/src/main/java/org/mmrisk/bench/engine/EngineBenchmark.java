package org.mmrisk.bench.engine;

import org.mmrisk.core.engine.EngineCounter;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
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
 * The engine handling ONE event end to end (validate, apply, batch end: exposure update and the inventory skew of
 * every instrument of the underlying), for books of 100 to 10,000 option positions:
 * <ul>
 *   <li>{@code indexTick}: the index moves a few dollars (a random walk, σ = 2e-5 per tick, reflected within ±1%);
 *       {@code incremental} re-anchors 8 instruments per batch, {@code full} revalues every instrument;</li>
 *   <li>{@code fill}: one fill with a fresh id on a rotating option, with its batch end;
 *       {@code fillWithoutBatchEnd}: the fill's own work only.</li>
 * </ul>
 * At tear-down the largest re-anchoring error seen (relative to the gross delta) is printed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class EngineBenchmark
{
    private static final int PRICES = 1 << 16;
    private static final int FILL_IDS = 1 << 14;

    @Param({ "100", "1000", "10000" })
    public int positions;

    @Param({ "incremental", "full" })
    public String revaluation;

    /** {@code engine.scenario.enabled}; {@code -p scenario=true,false} compares the engine with and without it. */
    @Param({ "true" })
    public boolean scenario;

    private final BenchBook book = new BenchBook();
    private final double[] pricesUsd = new double[PRICES];
    private final RiskEvent[] fills = new RiskEvent[FILL_IDS];
    private RiskEngine engine;
    private RiskEvent tick;
    private int next;

    @Setup(Level.Trial)
    public void setUp()
    {
        engine = book.build(positions, "full".equals(revaluation) ? Integer.MAX_VALUE : 8, 1024, scenario);
        final SplittableRandom random = new SplittableRandom(7);
        double price = 100_000;
        for (int i = 0; i < PRICES; i++)
        {
            price *= Math.exp(2e-5 * (random.nextDouble() * 2 - 1) * Math.sqrt(3));
            price = Math.min(101_000, Math.max(99_000, price));
            pricesUsd[i] = price;
        }
        for (int i = 0; i < FILL_IDS; i++)
        {
            fills[i] = fillEvent(i);
        }
        tick = new RiskEvent().reset();
        tick.type = EventType.TICK;
        tick.instrumentId = BenchBook.INDEX;
        tick.batchEnd = true;
    }

    private RiskEvent fillEvent(final int i)
    {
        final RiskEvent fill = new RiskEvent().reset();
        fill.type = EventType.FILL;
        fill.batchEnd = true;
        fill.instrumentId = BenchBook.FIRST_OPTION + i % positions;
        fill.venue = book.event().venue;
        fill.fillId("bench-" + i);
        fill.side = i % 2 == 0 ? Side.BUY : Side.SELL;
        fill.quantity = 0.1;
        fill.price = 0.01;
        fill.fee = 0;
        return fill;
    }

    @Benchmark
    public double indexTick()
    {
        final double priceUsd = pricesUsd[next++ & (PRICES - 1)];
        tick.timeNs = book.nextTimeNs();
        tick.bid = priceUsd;
        tick.ask = priceUsd;
        engine.onEvent(tick);
        engine.onBatchEnd();
        return engine.underlyings().get(0).delta();
    }

    @Benchmark
    public double fill()
    {
        final RiskEvent fill = fills[next++ & (FILL_IDS - 1)];
        fill.timeNs = book.nextTimeNs();
        fill.exchangeTimeNs = fill.timeNs;
        engine.onEvent(fill);
        engine.onBatchEnd();
        return engine.underlyings().get(0).delta();
    }

    /**
     * The fill's own work (validation, exactly-once check, position, O(1) change of the Taylor sums), without the
     * batch end that every event shares (quotes, guard).
     */
    @Benchmark
    public double fillWithoutBatchEnd()
    {
        final RiskEvent fill = fills[next++ & (FILL_IDS - 1)];
        fill.timeNs = book.nextTimeNs();
        fill.exchangeTimeNs = fill.timeNs;
        engine.onEvent(fill);
        return engine.underlyings().get(0).delta();
    }

    @TearDown(Level.Trial)
    public void report()
    {
        System.out.printf("%n[engine] positions=%d revaluation=%s scenario=%s (%d refreshes) " +
            "maxApproxError=%.2e of gross delta, full revaluations=%d, jumps=%d, budget=%d%n", positions, revaluation,
            scenario, engine.counters().get(EngineCounter.SCENARIO_REFRESHES),
            engine.counters().get(EngineCounter.MAX_APPROX_ERROR_PPB) / 1e9,
            engine.counters().get(EngineCounter.FULL_REVALUATIONS),
            engine.counters().get(EngineCounter.JUMP_REVALUATIONS),
            engine.counters().get(EngineCounter.BUDGET_REVALUATIONS));
    }
}
