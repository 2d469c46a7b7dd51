package org.mmrisk.bench.latency;

import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ContractUnit;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Settlement;
import org.mmrisk.core.pricing.Black76;

import java.util.function.Consumer;

/**
 * The latency harness's book: the BTC index and a grid of coin-settled BTC options (weekly expiries × strikes ×
 * call/put), each with a long position, so that the book carries gamma and every index tick changes the portfolio
 * delta, hence every option's skew. Reference data is written once; then only index ticks follow.
 * <p>
 * Owned by the feed's thread. Prices are USD per coin (index) or coin (options); times epoch nanoseconds.
 */
public final class HarnessBook
{
    public static final int INDEX_ID = 1;
    public static final int FIRST_OPTION_ID = 100;
    public static final double INITIAL_INDEX_USD = 95_000;
    public static final double INDEX_TICK_USD = 0.01;
    private static final int STRIKES_PER_EXPIRY = 50;
    private static final double NANOS_PER_WEEK = 7 * 86_400e9;
    private static final double NANOS_PER_YEAR = 365.25 * 86_400e9;
    private static final double ATM_VOL = 0.55;
    private static final double OPTION_TICK = 0.0001;
    private static final String VENUE = "DERIBIT";

    private final int optionCount;
    private final int expiryCount;
    private final long firstExpiryNs;
    private final double positionContracts;

    /**
     * @param optionCount       options in the book: a multiple of 100 (50 strikes × call/put per expiry), ≤ 3,200.
     * @param positionContracts the long position of every option, contracts of one coin.
     */
    public HarnessBook(final int optionCount, final long nowNs, final double positionContracts)
    {
        if (optionCount <= 0 || optionCount % (2 * STRIKES_PER_EXPIRY) != 0 || optionCount > 3_200)
        {
            throw new IllegalArgumentException("options must be a positive multiple of 100 up to 3,200: " + optionCount);
        }
        this.optionCount = optionCount;
        this.expiryCount = optionCount / (2 * STRIKES_PER_EXPIRY);
        // Fridays 08:00 UTC are not needed: weekly expiries from one week out keep every option well away from expiry.
        this.firstExpiryNs = nowNs + (long)NANOS_PER_WEEK;
        this.positionContracts = positionContracts;
    }

    public int optionCount()
    {
        return optionCount;
    }

    /**
     * Hands {@code sink} every reference message in order: definitions, the surface, an index tick, a tick and a
     * position per option. The event is reused: the sink encodes it before returning.
     */
    public void writeReferenceData(final long nowNs, final RiskEvent e, final Consumer<RiskEvent> sink)
    {
        defineIndex(e);
        e.sendTimeNs = nowNs;
        sink.accept(e);
        for (int i = 0; i < optionCount; i++)
        {
            defineOption(i, e);
            e.sendTimeNs = nowNs;
            sink.accept(e);
        }
        surface(nowNs, e);
        sink.accept(e);
        indexTick(INITIAL_INDEX_USD, nowNs, e);
        sink.accept(e);
        for (int i = 0; i < optionCount; i++)
        {
            optionTick(i, nowNs, e);
            sink.accept(e);
            position(i, nowNs, e);
            sink.accept(e);
        }
    }

    /**
     * Fills {@code e} with an index tick at {@code indexUsd}, stamped {@code sendTimeNs}.
     */
    public static void indexTick(final double indexUsd, final long sendTimeNs, final RiskEvent e)
    {
        e.reset();
        e.type = EventType.TICK;
        e.instrumentId = INDEX_ID;
        e.sendTimeNs = sendTimeNs;
        e.exchangeTimeNs = sendTimeNs;
        final double price = Math.round(indexUsd / INDEX_TICK_USD) * INDEX_TICK_USD;
        e.bid = price;
        e.ask = price;
        e.mark = price;
    }

    private void defineIndex(final RiskEvent e)
    {
        common(e);
        e.instrumentId = INDEX_ID;
        e.symbol("BTC-INDEX");
        e.kind = InstrumentKind.INDEX;
        e.settlement = Settlement.LINEAR;
        e.quoteCurrency = AsciiCode.pack("USD");
        e.settleCurrency = AsciiCode.pack("USD");
        e.contractSize = 1;
        e.contractUnit = ContractUnit.COIN;
        e.tickSize = INDEX_TICK_USD;
        e.putCall = PutCall.NONE;
    }

    private void defineOption(final int i, final RiskEvent e)
    {
        common(e);
        e.instrumentId = FIRST_OPTION_ID + i;
        e.symbol("BTC-W" + expiry(i) + "-" + (long)strike(i) + (isCall(i) ? "-C" : "-P"));
        e.kind = InstrumentKind.OPTION;
        e.settlement = Settlement.INVERSE;
        e.quoteCurrency = AsciiCode.pack("BTC");
        e.settleCurrency = AsciiCode.pack("BTC");
        e.contractSize = 1;
        e.contractUnit = ContractUnit.COIN;
        e.tickSize = OPTION_TICK;
        e.expiryNs = expiryNs(i);
        e.strike = strike(i);
        e.putCall = isCall(i) ? PutCall.CALL : PutCall.PUT;
    }

    private static void common(final RiskEvent e)
    {
        e.reset();
        e.type = EventType.INSTRUMENT;
        e.venue = AsciiCode.pack(VENUE);
        e.underlying = AsciiCode.pack("BTC");
    }

    private void surface(final long nowNs, final RiskEvent e)
    {
        e.reset();
        e.type = EventType.SURFACE;
        e.sendTimeNs = nowNs;
        e.underlying = AsciiCode.pack("BTC");
        for (int x = 0; x < expiryCount; x++)
        {
            final double years = (firstExpiryNs + x * NANOS_PER_WEEK - nowNs) / NANOS_PER_YEAR;
            final double sviB = 0.15 * years;
            e.addSmile(firstExpiryNs + (long)(x * NANOS_PER_WEEK), ATM_VOL * ATM_VOL * years - sviB * 0.2, sviB,
                -0.25, 0, 0.2);
        }
    }

    private void optionTick(final int i, final long nowNs, final RiskEvent e)
    {
        final double years = (expiryNs(i) - nowNs) / NANOS_PER_YEAR;
        final double coinPrice = Black76.price(isCall(i), INITIAL_INDEX_USD, strike(i), years, ATM_VOL, 0.0) /
            INITIAL_INDEX_USD;
        e.reset();
        e.type = EventType.TICK;
        e.instrumentId = FIRST_OPTION_ID + i;
        e.sendTimeNs = nowNs;
        e.exchangeTimeNs = nowNs;
        e.bid = Math.max(0, Math.round(coinPrice * 0.97 / OPTION_TICK) * OPTION_TICK);
        e.ask = Math.max(OPTION_TICK, Math.round(coinPrice * 1.03 / OPTION_TICK) * OPTION_TICK + OPTION_TICK);
        e.mark = Math.max(coinPrice, 1e-8);
        e.markIv = ATM_VOL;
        e.underlyingPrice = INITIAL_INDEX_USD;
    }

    private void position(final int i, final long nowNs, final RiskEvent e)
    {
        e.reset();
        e.type = EventType.POSITION;
        e.instrumentId = FIRST_OPTION_ID + i;
        e.sendTimeNs = nowNs;
        e.quantity = positionContracts;
        e.price = 0.01;
    }

    private int expiry(final int i)
    {
        return i / (2 * STRIKES_PER_EXPIRY);
    }

    private long expiryNs(final int i)
    {
        return firstExpiryNs + (long)(expiry(i) * NANOS_PER_WEEK);
    }

    /** Strikes from 60% to 158% of the initial index, 2% apart. */
    private static double strike(final int i)
    {
        final int k = (i / 2) % STRIKES_PER_EXPIRY;
        return Math.round(INITIAL_INDEX_USD * (0.6 + 0.02 * k) / 500) * 500.0;
    }

    private static boolean isCall(final int i)
    {
        return i % 2 == 0;
    }
}
