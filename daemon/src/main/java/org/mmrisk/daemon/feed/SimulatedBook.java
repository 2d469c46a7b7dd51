package org.mmrisk.daemon.feed;

import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ContractUnit;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Settlement;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A realistic coin-margined book for one underlying, as the big crypto venues list it: the index, an inverse
 * perpetual (USD-sized), three inverse monthly futures, and coin-settled options on four expiries (two weeklies and
 * two monthlies, 08:00 UTC) with eleven strikes from 70% to 130% of spot, calls and puts. Built once by the feed's
 * thread.
 */
public final class SimulatedBook
{
    /**
     * Static description of one simulated instrument.
     */
    public static final class Listing
    {
        public final int instrumentId;
        public final String symbol;
        public final InstrumentKind kind;
        public final long expiryNs;
        public final double strike;
        public final PutCall putCall;
        public final double contractSize;
        public final ContractUnit unit;
        public final double tickSize;

        Listing(final int instrumentId, final String symbol, final InstrumentKind kind, final long expiryNs,
            final double strike, final PutCall putCall, final double contractSize, final ContractUnit unit,
            final double tickSize)
        {
            this.instrumentId = instrumentId;
            this.symbol = symbol;
            this.kind = kind;
            this.expiryNs = expiryNs;
            this.strike = strike;
            this.putCall = putCall;
            this.contractSize = contractSize;
            this.unit = unit;
            this.tickSize = tickSize;
        }
    }

    public static final String VENUE = "DERIBIT";

    public final String underlying;
    public final double initialSpotUsd;
    public final double atmVol;
    public final List<Listing> listings = new ArrayList<>();
    public final List<Long> optionExpiriesNs = new ArrayList<>();

    public SimulatedBook(final String underlying, final int idBase, final double spotUsd, final double atmVol,
        final double strikeStep, final double perpContractUsd, final long nowNs)
    {
        this.underlying = underlying;
        this.initialSpotUsd = spotUsd;
        this.atmVol = atmVol;
        int id = idBase;
        listings.add(new Listing(id++, underlying + "-INDEX", InstrumentKind.INDEX, RiskEvent.NULL_TIME, Double.NaN,
            PutCall.NONE, 1, ContractUnit.COIN, 0.01));
        listings.add(new Listing(id++, underlying + "-PERPETUAL", InstrumentKind.PERPETUAL, RiskEvent.NULL_TIME,
            Double.NaN, PutCall.NONE, perpContractUsd, ContractUnit.USD, 0.5));
        final LocalDate today = Instant.ofEpochSecond(nowNs / 1_000_000_000L).atZone(ZoneOffset.UTC).toLocalDate();
        for (int month = 1; month <= 3; month++)
        {
            final long expiry = lastFridayNs(today.plusMonths(month));
            listings.add(new Listing(id++, underlying + "-" + code(expiry), InstrumentKind.FUTURE, expiry, Double.NaN,
                PutCall.NONE, perpContractUsd, ContractUnit.USD, 0.5));
        }
        final LocalDate nextFriday = today.plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        optionExpiriesNs.add(at0800(nextFriday));
        optionExpiriesNs.add(at0800(nextFriday.plusWeeks(1)));
        optionExpiriesNs.add(lastFridayNs(today.plusMonths(1)));
        optionExpiriesNs.add(lastFridayNs(today.plusMonths(2)));
        for (final long expiry : optionExpiriesNs)
        {
            for (int i = -5; i <= 5; i++)
            {
                final double strike = Math.round(spotUsd * (1 + 0.06 * i) / strikeStep) * strikeStep;
                for (final PutCall putCall : new PutCall[]{ PutCall.CALL, PutCall.PUT })
                {
                    listings.add(new Listing(id++, underlying + "-" + code(expiry) + "-" + (long)strike + "-" +
                        putCall.name().charAt(0), InstrumentKind.OPTION, expiry, strike, putCall, 1, ContractUnit.COIN,
                        0.0001));
                }
            }
        }
    }

    /**
     * Fills {@code e} with the definition of {@code listing}.
     */
    public void define(final Listing listing, final RiskEvent e)
    {
        e.reset();
        e.type = EventType.INSTRUMENT;
        e.instrumentId = listing.instrumentId;
        e.symbol(listing.symbol);
        e.venue = AsciiCode.pack(VENUE);
        e.kind = listing.kind;
        e.underlying = AsciiCode.pack(underlying);
        final boolean linear = listing.kind == InstrumentKind.INDEX;
        e.settlement = linear ? Settlement.LINEAR : Settlement.INVERSE;
        e.quoteCurrency = AsciiCode.pack(listing.kind == InstrumentKind.OPTION ? underlying : "USD");
        e.settleCurrency = AsciiCode.pack(linear ? "USD" : underlying);
        e.contractSize = listing.contractSize;
        e.contractUnit = listing.unit;
        e.tickSize = listing.tickSize;
        e.expiryNs = listing.expiryNs;
        e.strike = listing.strike;
        e.putCall = listing.putCall;
    }

    private static long lastFridayNs(final LocalDate inMonth)
    {
        return at0800(inMonth.with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY)));
    }

    private static long at0800(final LocalDate date)
    {
        return ZonedDateTime.of(date.atTime(8, 0), ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
    }

    private static String code(final long expiryNs)
    {
        final LocalDate date = Instant.ofEpochSecond(expiryNs / 1_000_000_000L).atZone(ZoneOffset.UTC).toLocalDate();
        return String.format("%d%s%02d", date.getDayOfMonth(),
            date.getMonth().name().substring(0, 3), date.getYear() % 100);
    }
}
