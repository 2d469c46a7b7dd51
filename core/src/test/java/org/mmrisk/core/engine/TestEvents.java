package org.mmrisk.core.engine;

import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ContractUnit;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Settlement;
import org.mmrisk.core.event.Side;

/**
 * Builds the events a BTC book needs, for engine tests.
 */
final class TestEvents
{
    static final long T0 = 1_795_000_000_000_000_000L;
    static final long DAY_NS = 86_400_000_000_000L;
    static final long BTC = AsciiCode.pack("BTC");

    private final RiskEvent e = new RiskEvent();

    /**
     * Applies one event and, when it ends its batch, ends the batch: what the daemon's engine thread does.
     *
     * @return null when applied, else the reject reason.
     */
    static RejectReason apply(final RiskEngine engine, final RiskEvent event)
    {
        final RejectReason reason = engine.onEvent(event);
        if (event.batchEnd)
        {
            engine.onBatchEnd();
        }
        return reason;
    }
    private long sequence;

    RiskEvent index(final int id)
    {
        return instrument(id, "BTC-INDEX", InstrumentKind.INDEX, Settlement.LINEAR, "USD", "USD", 1, ContractUnit.COIN,
            0.01);
    }

    RiskEvent inversePerpetual(final int id)
    {
        return instrument(id, "BTC-PERPETUAL", InstrumentKind.PERPETUAL, Settlement.INVERSE, "USD", "BTC", 10,
            ContractUnit.USD, 0.5);
    }

    RiskEvent linearFuture(final int id, final long expiryNs)
    {
        final RiskEvent event = instrument(id, "BTC-USDC-FUT", InstrumentKind.FUTURE, Settlement.LINEAR, "USD", "USD",
            0.01, ContractUnit.COIN, 0.5);
        event.expiryNs = expiryNs;
        return event;
    }

    RiskEvent inverseOption(final int id, final long expiryNs, final double strike, final PutCall putCall)
    {
        final RiskEvent event = instrument(id, "BTC-OPT-" + id, InstrumentKind.OPTION, Settlement.INVERSE, "BTC", "BTC",
            1, ContractUnit.COIN, 0.0001);
        event.expiryNs = expiryNs;
        event.strike = strike;
        event.putCall = putCall;
        return event;
    }

    RiskEvent instrument(final int id, final String symbol, final InstrumentKind kind, final Settlement settlement,
        final String quote, final String settle, final double size, final ContractUnit unit, final double tick)
    {
        envelope(EventType.INSTRUMENT, T0);
        e.instrumentId = id;
        e.symbol(symbol);
        e.venue = AsciiCode.pack("DERIBIT");
        e.kind = kind;
        e.underlying = BTC;
        e.settlement = settlement;
        e.quoteCurrency = AsciiCode.pack(quote);
        e.settleCurrency = AsciiCode.pack(settle);
        e.contractSize = size;
        e.contractUnit = unit;
        e.tickSize = tick;
        e.putCall = PutCall.NONE;
        return e;
    }

    RiskEvent tick(final long timeNs, final int id, final double bid, final double ask)
    {
        envelope(EventType.TICK, timeNs);
        e.instrumentId = id;
        e.bid = bid;
        e.ask = ask;
        return e;
    }

    RiskEvent optionTick(final long timeNs, final int id, final double bid, final double ask, final double iv,
        final double forward)
    {
        tick(timeNs, id, bid, ask);
        e.markIv = iv;
        e.underlyingPrice = forward;
        return e;
    }

    RiskEvent fill(final long timeNs, final int id, final Side side, final double quantity, final double price)
    {
        envelope(EventType.FILL, timeNs);
        e.exchangeTimeNs = timeNs;
        e.instrumentId = id;
        e.venue = AsciiCode.pack("DERIBIT");
        e.fillId("f-" + sequence);
        e.side = side;
        e.quantity = quantity;
        e.price = price;
        e.fee = 0;
        return e;
    }

    RiskEvent linearOption(final int id, final long expiryNs, final double strike, final PutCall putCall)
    {
        final RiskEvent event = instrument(id, "BTC-USDC-OPT-" + id, InstrumentKind.OPTION, Settlement.LINEAR, "USD",
            "USD", 0.01, ContractUnit.COIN, 0.1);
        event.expiryNs = expiryNs;
        event.strike = strike;
        event.putCall = putCall;
        return event;
    }

    /**
     * A {@code vol} event (one smile) when {@code surface} is false, else a {@code surface} event with the
     * smiles added by {@link #smile}.
     */
    RiskEvent smiles(final long timeNs, final boolean surface)
    {
        envelope(surface ? EventType.SURFACE : EventType.VOL, timeNs);
        e.underlying = BTC;
        return e;
    }

    RiskEvent smile(final long expiryNs, final double a, final double b, final double rho, final double m,
        final double sigma)
    {
        e.addSmile(expiryNs, a, b, rho, m, sigma);
        return e;
    }

    RiskEvent markTick(final long timeNs, final int id, final double mark)
    {
        tick(timeNs, id, 0.9 * mark, 1.1 * mark);
        e.mark = mark;
        return e;
    }

    RiskEvent fill(final long timeNs, final int id, final Side side, final double quantity, final double price,
        final String venue, final String fillId, final long exchangeTimeNs)
    {
        fill(timeNs, id, side, quantity, price);
        e.venue = AsciiCode.pack(venue);
        e.fillId(fillId);
        e.exchangeTimeNs = exchangeTimeNs;
        return e;
    }

    RiskEvent timer(final long timeNs)
    {
        return envelope(EventType.TIMER, timeNs);
    }

    private RiskEvent envelope(final EventType type, final long timeNs)
    {
        e.reset();
        e.type = type;
        e.timeNs = timeNs;
        e.journalSequence = sequence++;
        e.batchEnd = true;
        return e;
    }
}
