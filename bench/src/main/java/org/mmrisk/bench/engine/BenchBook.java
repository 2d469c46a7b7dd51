package org.mmrisk.bench.engine;

import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ContractUnit;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Settlement;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.output.CountingOutput;

import java.util.SplittableRandom;

/**
 * A BTC book for engine benchmarks: index, inverse perpetual and coin-settled options on 8 expiries with an SVI
 * surface, every option held (random long and short sizes). Built through the engine's public event interface.
 */
public final class BenchBook
{
    static final long T0 = 1_795_000_000_000_000_000L;
    static final long DAY_NS = 86_400_000_000_000L;
    public static final int INDEX = 1;
    static final int PERPETUAL = 2;
    static final int FIRST_OPTION = 1_000;
    static final int EXPIRIES = 8;
    static final long BTC = AsciiCode.pack("BTC");
    private static final long VENUE = AsciiCode.pack("DERIBIT");

    private final RiskEvent event = new RiskEvent();
    private long timeNs = T0;

    /**
     * @param options    option positions in the book.
     * @param sliceSize  instruments re-anchored per batch; at least the book size means full revaluation.
     */
    public RiskEngine build(final int options, final int sliceSize)
    {
        return build(options, sliceSize, 1024);
    }

    /**
     * @param fillIdCapacity most fill ids the engine remembers.
     */
    public RiskEngine build(final int options, final int sliceSize, final int fillIdCapacity)
    {
        return build(options, sliceSize, fillIdCapacity, true);
    }

    /**
     * @param scenario {@code engine.scenario.enabled}: the stress grid, margin and liquidation distance kept live.
     */
    public RiskEngine build(final int options, final int sliceSize, final int fillIdCapacity, final boolean scenario)
    {
        final EngineConfig config = new EngineConfig().reanchorSliceSize(sliceSize).fillIdCapacity(fillIdCapacity);
        config.scenario().enabled(scenario);
        final RiskEngine engine = new RiskEngine(config.conclude(), new CountingOutput());
        instrument(engine, INDEX, InstrumentKind.INDEX, Settlement.LINEAR, 1, ContractUnit.COIN, 0, 0, PutCall.NONE);
        instrument(engine, PERPETUAL, InstrumentKind.PERPETUAL, Settlement.INVERSE, 10, ContractUnit.USD, 0, 0,
            PutCall.NONE);
        final int perExpiry = (options + EXPIRIES - 1) / EXPIRIES;
        for (int i = 0; i < options; i++)
        {
            final long expiryNs = expiry(i / perExpiry);
            final double strike = 50_000 + 100_000.0 * (i % perExpiry) / perExpiry;
            instrument(engine, FIRST_OPTION + i, InstrumentKind.OPTION, Settlement.INVERSE, 1, ContractUnit.COIN,
                expiryNs, strike, strike < 100_000 ? PutCall.PUT : PutCall.CALL);
        }
        indexTick(engine, 100_000);
        surface(engine);
        final SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < options; i++)
        {
            fill(engine, FIRST_OPTION + i, "seed-" + i, random.nextBoolean() ? Side.BUY : Side.SELL,
                0.1 * (1 + random.nextInt(50)), 0.01);
        }
        return engine;
    }

    static long expiry(final int index)
    {
        return T0 + (7 + 30L * index) * DAY_NS;
    }

    void indexTick(final RiskEngine engine, final double priceUsd)
    {
        envelope(EventType.TICK);
        event.instrumentId = INDEX;
        event.bid = priceUsd;
        event.ask = priceUsd;
        apply(engine);
    }

    void fill(final RiskEngine engine, final int instrumentId, final CharSequence fillId, final Side side,
        final double quantity, final double price)
    {
        envelope(EventType.FILL);
        event.exchangeTimeNs = timeNs;
        event.instrumentId = instrumentId;
        event.venue = VENUE;
        event.fillId(fillId);
        event.side = side;
        event.quantity = quantity;
        event.price = price;
        event.fee = 0;
        apply(engine);
    }

    /**
     * The event reused by the benchmarks: its fields may be changed and passed to the engine again.
     */
    RiskEvent event()
    {
        return event;
    }

    public long nextTimeNs()
    {
        return ++timeNs;
    }

    private void surface(final RiskEngine engine)
    {
        envelope(EventType.SURFACE);
        event.underlying = BTC;
        for (int e = 0; e < EXPIRIES; e++)
        {
            final double years = (7 + 30.0 * e) / 365.25;
            event.addSmile(expiry(e), 0.3 * years, 0.1, -0.3, 0, 0.2);
        }
        apply(engine);
    }

    private void instrument(final RiskEngine engine, final int id, final InstrumentKind kind,
        final Settlement settlement, final double size, final ContractUnit unit, final long expiryNs,
        final double strike, final PutCall putCall)
    {
        envelope(EventType.INSTRUMENT);
        event.instrumentId = id;
        event.symbol("BTC-" + id);
        event.venue = VENUE;
        event.kind = kind;
        event.underlying = BTC;
        event.settlement = settlement;
        event.quoteCurrency = kind == InstrumentKind.OPTION ? BTC : AsciiCode.pack("USD");
        event.settleCurrency = settlement == Settlement.INVERSE ? BTC : AsciiCode.pack("USD");
        event.contractSize = size;
        event.contractUnit = unit;
        event.tickSize = kind == InstrumentKind.OPTION ? 0.0001 : 0.5;
        event.expiryNs = expiryNs;
        event.strike = strike;
        event.putCall = putCall;
        apply(engine);
    }

    private void envelope(final EventType type)
    {
        event.reset();
        event.type = type;
        event.timeNs = nextTimeNs();
        event.batchEnd = true;
    }

    private void apply(final RiskEngine engine)
    {
        engine.onEvent(event);
        engine.onBatchEnd();
    }
}
