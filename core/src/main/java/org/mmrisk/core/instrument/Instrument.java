package org.mmrisk.core.instrument;

import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ContractUnit;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Settlement;
import org.mmrisk.core.state.StateIo;

import java.nio.charset.StandardCharsets;

/**
 * The static terms of one instrument. Immutable; created on the engine thread when a definition arrives
 * (a rare event, so the symbol may be a {@link String}).
 * <p>
 * {@code contractSize} is in coins when {@code contractUnit} is COIN and in USD when it is USD (inverse
 * perpetuals and futures are USD-sized). Prices are in {@code quoteCurrency}: coin for coin-settled options,
 * USD for everything else.
 */
public final class Instrument
{
    private final int instrumentId;
    private final String symbol;
    private final long venue;
    private final InstrumentKind kind;
    private final long underlying;
    private final Settlement settlement;
    private final long quoteCurrency;
    private final long settleCurrency;
    private final double contractSize;
    private final ContractUnit contractUnit;
    private final double tickSize;
    private final long expiryNs;
    private final double strike;
    private final PutCall putCall;

    private Instrument(final RiskEvent event)
    {
        instrumentId = event.instrumentId;
        symbol = new String(event.symbol, 0, event.symbolLength, StandardCharsets.US_ASCII);
        venue = event.venue;
        kind = event.kind;
        underlying = event.underlying;
        settlement = event.settlement;
        quoteCurrency = event.quoteCurrency;
        settleCurrency = event.settleCurrency;
        contractSize = event.contractSize;
        contractUnit = event.contractUnit;
        tickSize = event.tickSize;
        expiryNs = hasExpiry(event.kind) ? event.expiryNs : RiskEvent.NULL_TIME;
        strike = event.kind == InstrumentKind.OPTION ? event.strike : Double.NaN;
        putCall = event.kind == InstrumentKind.OPTION ? event.putCall : PutCall.NONE;
    }

    /**
     * @param event an INSTRUMENT event that passed validation.
     */
    public static Instrument from(final RiskEvent event)
    {
        return new Instrument(event);
    }

    public static boolean hasExpiry(final InstrumentKind kind)
    {
        return kind == InstrumentKind.FUTURE || kind == InstrumentKind.OPTION;
    }

    /**
     * @return true when the event defines exactly these terms (a harmless re-send).
     */
    public boolean sameTerms(final RiskEvent event)
    {
        return kind == event.kind && venue == event.venue && underlying == event.underlying &&
            settlement == event.settlement && quoteCurrency == event.quoteCurrency &&
            settleCurrency == event.settleCurrency && contractUnit == event.contractUnit &&
            Double.compare(contractSize, event.contractSize) == 0 && Double.compare(tickSize, event.tickSize) == 0 &&
            (!hasExpiry(kind) || expiryNs == event.expiryNs) &&
            (kind != InstrumentKind.OPTION || (Double.compare(strike, event.strike) == 0 && putCall == event.putCall)) &&
            sameSymbol(event);
    }

    private boolean sameSymbol(final RiskEvent event)
    {
        if (symbol.length() != event.symbolLength)
        {
            return false;
        }
        for (int i = 0; i < event.symbolLength; i++)
        {
            if (symbol.charAt(i) != (char)event.symbol[i])
            {
                return false;
            }
        }
        return true;
    }

    public boolean isOption()
    {
        return kind == InstrumentKind.OPTION;
    }

    public boolean isCall()
    {
        return putCall == PutCall.CALL;
    }

    public boolean isInverse()
    {
        return settlement == Settlement.INVERSE;
    }

    /**
     * @return true when prices are quoted in coin (coin-settled options), false when in USD.
     */
    public boolean isCoinQuoted()
    {
        return quoteCurrency == underlying;
    }

    public int instrumentId()
    {
        return instrumentId;
    }

    /**
     * @return the USD notional of one contract at the index: the contract size in USD for USD-sized contracts,
     * else the size in coins times the index.
     */
    public double notionalUsdPerContract(final double indexUsd)
    {
        return contractUnit == ContractUnit.USD ? contractSize : contractSize * indexUsd;
    }

    public String symbol()
    {
        return symbol;
    }

    public long venue()
    {
        return venue;
    }

    public InstrumentKind kind()
    {
        return kind;
    }

    public long underlying()
    {
        return underlying;
    }

    public Settlement settlement()
    {
        return settlement;
    }

    public long quoteCurrency()
    {
        return quoteCurrency;
    }

    public long settleCurrency()
    {
        return settleCurrency;
    }

    public double contractSize()
    {
        return contractSize;
    }

    public ContractUnit contractUnit()
    {
        return contractUnit;
    }

    public double tickSize()
    {
        return tickSize;
    }

    public long expiryNs()
    {
        return expiryNs;
    }

    public double strike()
    {
        return strike;
    }

    public PutCall putCall()
    {
        return putCall;
    }

    @Override
    public String toString()
    {
        return symbol + "(" + instrumentId + ", " + kind + ", " + AsciiCode.toString(underlying) + ")";
    }

    /**
     * Records the definition's terms, to rebuild it with {@link #readDefinition}.
     */
    public void writeDefinition(final StateIo io)
    {
        io.i32(instrumentId);
        io.ascii(symbol);
        io.i64(venue);
        io.enumValue(kind, InstrumentKind.VALUES);
        io.i64(underlying);
        io.enumValue(settlement, Settlement.VALUES);
        io.i64(quoteCurrency);
        io.i64(settleCurrency);
        io.f64(contractSize);
        io.enumValue(contractUnit, ContractUnit.VALUES);
        io.f64(tickSize);
        io.i64(expiryNs);
        io.f64(strike);
        io.enumValue(putCall, PutCall.VALUES);
    }

    /**
     * Rebuilds a definition recorded by {@link #writeDefinition}, through the same constructor as a definition
     * event; start-up only (allocates).
     */
    public static Instrument readDefinition(final StateIo io)
    {
        final RiskEvent event = new RiskEvent();
        event.instrumentId = io.i32(0);
        if (!event.symbol(io.ascii(null)))
        {
            throw new org.mmrisk.core.state.StateFormatException("instrument " + event.instrumentId + ": bad symbol");
        }
        event.venue = io.i64(0);
        event.kind = io.enumValue(null, InstrumentKind.VALUES);
        event.underlying = io.i64(0);
        event.settlement = io.enumValue(null, Settlement.VALUES);
        event.quoteCurrency = io.i64(0);
        event.settleCurrency = io.i64(0);
        event.contractSize = io.f64(0);
        event.contractUnit = io.enumValue(null, ContractUnit.VALUES);
        event.tickSize = io.f64(0);
        event.expiryNs = io.i64(0);
        event.strike = io.f64(0);
        event.putCall = io.enumValue(null, PutCall.VALUES);
        return new Instrument(event);
    }
}
