package org.mmrisk.bench.engine;

import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.core.engine.ValueAtRisk;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ContractUnit;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Settlement;
import org.mmrisk.core.event.Side;
import org.mmrisk.bench.pricing.JvmFlags;
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
 * What the value at risk costs the engine thread: every underlying's own delta-normal and delta-gamma VaR and the
 * portfolio's across both (BTC and ETH), recomputed from their aggregated Greeks. The cost is O(U³) in the
 * underlyings and must not depend on the positions behind them: a BTC book of 100 or 10,000 option positions (plus
 * an ETH perpetual position).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g", JvmFlags.EXPORT_MISC })
public class VarBenchmark
{
    private static final long ETH = AsciiCode.pack("ETH");
    private static final int ETH_INDEX = 900_001;
    private static final int ETH_PERPETUAL = 900_002;

    @Param({ "100", "10000" })
    public int positions;

    private final BenchBook book = new BenchBook();
    private RiskEngine engine;
    private ValueAtRisk var;

    @Setup(Level.Trial)
    public void setUp()
    {
        engine = book.build(positions - 1, 8);
        final RiskEvent e = new RiskEvent();
        define(e, ETH_INDEX, InstrumentKind.INDEX, Settlement.LINEAR, "USD", 1, ContractUnit.COIN);
        define(e, ETH_PERPETUAL, InstrumentKind.PERPETUAL, Settlement.INVERSE, "ETH", 10, ContractUnit.USD);
        tick(e, ETH_INDEX, 4_000);
        tick(e, ETH_PERPETUAL, 4_000);
        e.reset();
        e.type = EventType.FILL;
        e.timeNs = book.nextTimeNs();
        e.exchangeTimeNs = e.timeNs;
        e.batchEnd = true;
        e.instrumentId = ETH_PERPETUAL;
        e.venue = AsciiCode.pack("DERIBIT");
        e.fillId("eth-1");
        e.side = Side.SELL;
        e.quantity = 5_000;
        e.price = 4_000;
        apply(e);
        var = engine.valueAtRisk();
        System.out.printf("%n[var] positions=%d underlyings=%d portfolio deltaGamma=%.2f USD%n", positions,
            engine.underlyings().size(), update());
    }

    private void define(final RiskEvent e, final int id, final InstrumentKind kind, final Settlement settlement,
        final String settle, final double size, final ContractUnit unit)
    {
        e.reset();
        e.type = EventType.INSTRUMENT;
        e.timeNs = book.nextTimeNs();
        e.batchEnd = true;
        e.instrumentId = id;
        e.symbol("ETH-" + id);
        e.venue = AsciiCode.pack("DERIBIT");
        e.kind = kind;
        e.underlying = ETH;
        e.settlement = settlement;
        e.quoteCurrency = AsciiCode.pack("USD");
        e.settleCurrency = AsciiCode.pack(settle);
        e.contractSize = size;
        e.contractUnit = unit;
        e.tickSize = 0.05;
        e.putCall = PutCall.NONE;
        apply(e);
    }

    private void tick(final RiskEvent e, final int id, final double price)
    {
        e.reset();
        e.type = EventType.TICK;
        e.timeNs = book.nextTimeNs();
        e.batchEnd = true;
        e.instrumentId = id;
        e.bid = price;
        e.ask = price;
        apply(e);
    }

    private void apply(final RiskEvent e)
    {
        engine.onEvent(e);
        engine.onBatchEnd();
    }

    /**
     * Every underlying's own VaR and the portfolio's, from the current Greeks and covariance.
     */
    @Benchmark
    public double update()
    {
        var.computeAll(engine.underlyings(), engine.timeNs());
        return var.portfolioDeltaGammaUsd();
    }
}
