package org.mmrisk.daemon.feed;

import org.agrona.concurrent.UnsafeBuffer;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.pricing.Black76;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.queue.SbeAppender;

import java.io.PrintStream;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A gateway simulator: writes instrument definitions, an SVI surface per underlying, random-walk ticks with jumps
 * and fills, as SBE, into the daemon's input queues. Seeded, so a run is reproducible apart from its clock and the
 * daemon's outputs it reads.
 * <p>
 * The {@link MarketRegime} sets the index's volatility and jumps. Fills follow the desk's quotes ({@link DeskQuotes}):
 * mostly on the side its skew favours, never on a side it does not quote, at the desk's own price (half a spread from
 * the mark or the forward), with a market maker's fees.
 * <p>
 * Option ticks are consistent with the published surface: each expiry's smile is raw SVI with
 * w(k) = a + b(ρ(k − m) + √((k − m)² + σ²)), a = atm²·T − b·σ, b = 0.15·T, ρ = −0.25, m = 0, σ = 0.2, and option
 * prices are Black-76 at that vol on the expiry's forward, in coin. Owned by the feed's thread.
 */
public final class FeedSimulator
{
    private static final double NANOS_PER_YEAR = 365.25 * 86_400 * 1e9;
    private static final double BASIS_PER_YEAR = 0.05;
    /** A gateway that reconnects re-sends its recent fills; the daemon must count each once. */
    private static final double RESEND_PROBABILITY = 0.02;
    /** The desk quotes options this far either side of the mark (a maker earns half its spread). */
    private static final double OPTION_EDGE = 0.005;
    /** Maker fees, as the big venues charge a market maker: coin per option contract, capped at a share of its price. */
    private static final double OPTION_MAKER_FEE = 0.0002;
    private static final double OPTION_FEE_CAP = 0.125;
    /** Maker fee of futures and perpetuals, a share of the notional. */
    private static final double DELTA_ONE_MAKER_FEE = 0.0001;
    /** Share of perpetual ticks that are funding events (a venue funds every few hours; the demo is minutes long). */
    private static final double FUNDING_PROBABILITY = 0.01;

    private final List<SimulatedBook> books;
    private final SbeAppender market;
    private final SbeAppender fills;
    private final SplittableRandom random;
    /** Draws the displayed sizes apart from {@link #random}, so a feed of a given seed keeps its prices and fills. */
    private final SplittableRandom sizeRandom;
    private final double fillRatio;
    private final double[] spotUsd;
    private final RiskEvent event = new RiskEvent();
    private final InputEncoder encoder = new InputEncoder();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    private MarketRegime regime = MarketRegime.CALM;
    private DeskQuotes quotes = new DeskQuotes(null);
    private PrintStream log;
    private FillLog fillLog;
    private long fillCount;
    private long withheldCount;
    private long leaningCount;
    private long favouredCount;
    private long resentCount;
    private long messageCount;

    public FeedSimulator(final List<SimulatedBook> books, final SbeAppender market, final SbeAppender fills,
        final long seed, final double fillRatio)
    {
        this.books = books;
        this.market = market;
        this.fills = fills;
        this.random = new SplittableRandom(seed);
        this.sizeRandom = new SplittableRandom(seed ^ 0x5e_c0_51_2e_5eL);
        this.fillRatio = fillRatio;
        this.spotUsd = new double[books.size()];
        for (int i = 0; i < spotUsd.length; i++)
        {
            spotUsd[i] = books.get(i).initialSpotUsd;
        }
    }

    /**
     * The market's behaviour; {@link MarketRegime#CALM} by default.
     */
    public FeedSimulator regime(final MarketRegime regime)
    {
        this.regime = regime;
        return this;
    }

    /**
     * The desk's quotes that fills follow; by default none known, so fills take either side at random.
     */
    public FeedSimulator quotes(final DeskQuotes quotes)
    {
        this.quotes = quotes;
        return this;
    }

    /**
     * Where index jumps are written as they happen, or null (the default) for nowhere.
     */
    public FeedSimulator log(final PrintStream log)
    {
        this.log = log;
        return this;
    }

    /**
     * Records every fill written (re-sends included) in {@code log}; none by default.
     */
    public FeedSimulator fillLog(final FillLog log)
    {
        this.fillLog = log;
        return this;
    }

    /**
     * Definitions, surfaces and a first tick of every instrument, so that everything is priced from the start.
     */
    public void writeReferenceData(final long nowNs)
    {
        for (final SimulatedBook book : books)
        {
            for (final SimulatedBook.Listing listing : book.listings)
            {
                book.define(listing, event);
                event.sendTimeNs = nowNs;
                write(market);
            }
        }
        for (int b = 0; b < books.size(); b++)
        {
            writeSurface(b, nowNs);
            for (final SimulatedBook.Listing listing : books.get(b).listings)
            {
                writeTick(b, listing, nowNs);
            }
        }
    }

    /**
     * One scheduled message, after a random-walk step of every index over {@code stepYears}: a fill with probability
     * fillRatio (none when the desk does not quote that side), else a tick.
     *
     * @param scheduledNs the time this message was due: it is stamped as its send time (no coordinated omission).
     */
    public void step(final long scheduledNs, final double stepYears)
    {
        for (int i = 0; i < books.size(); i++)
        {
            moveSpot(i, books.get(i).atmVol * regime.volMultiplier, stepYears);
        }
        final int b = random.nextInt(books.size());
        final SimulatedBook book = books.get(b);
        if (random.nextDouble() < fillRatio)
        {
            writeFill(b, book.listings.get(1 + random.nextInt(book.listings.size() - 1)), scheduledNs);
            return;
        }
        final double pick = random.nextDouble();
        final SimulatedBook.Listing listing = pick < 0.15 ? book.listings.get(0) :
            pick < 0.3 ? book.listings.get(1) : book.listings.get(2 + random.nextInt(book.listings.size() - 2));
        writeTick(b, listing, scheduledNs);
    }

    private void moveSpot(final int b, final double vol, final double stepYears)
    {
        double move = vol * Math.sqrt(stepYears) * gaussian();
        if (random.nextDouble() < regime.jumpProbability(stepYears))
        {
            final double jump = (random.nextBoolean() ? 1 : -1) *
                (regime.jumpMin + (regime.jumpMax - regime.jumpMin) * random.nextDouble());
            move += jump;
            if (log != null)
            {
                log.printf("risk feed: %s index jumps %+.2f%% to %.2f (%s market)%n", books.get(b).underlying,
                    100 * jump, spotUsd[b] * Math.exp(move), regime.name().toLowerCase());
            }
        }
        spotUsd[b] *= Math.exp(move);
    }

    private double gaussian()
    {
        final double u = Math.max(random.nextDouble(), 1e-300);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private void writeSurface(final int b, final long nowNs)
    {
        final SimulatedBook book = books.get(b);
        event.reset();
        event.type = EventType.SURFACE;
        event.sendTimeNs = nowNs;
        event.underlying = AsciiCode.pack(book.underlying);
        for (final long expiry : book.optionExpiriesNs)
        {
            final double years = (expiry - nowNs) / NANOS_PER_YEAR;
            final double sviB = 0.15 * years;
            event.addSmile(expiry, book.atmVol * book.atmVol * years - sviB * 0.2, sviB, -0.25, 0, 0.2);
        }
        write(market);
    }

    private void writeTick(final int b, final SimulatedBook.Listing listing, final long nowNs)
    {
        final double spot = spotUsd[b];
        event.reset();
        event.type = EventType.TICK;
        event.instrumentId = listing.instrumentId;
        event.sendTimeNs = nowNs;
        event.exchangeTimeNs = nowNs;
        if (listing.kind == InstrumentKind.OPTION)
        {
            optionQuote(books.get(b), listing, spot, nowNs);
            displayedSizes(listing);
        }
        else
        {
            final double price = listing.kind == InstrumentKind.INDEX ? spot : forward(listing, spot, nowNs);
            final double halfSpread = listing.kind == InstrumentKind.INDEX ? 0 : Math.max(listing.tickSize, price * 1e-4);
            event.bid = round(price - halfSpread, listing.tickSize);
            event.ask = round(price + halfSpread, listing.tickSize);
            event.mark = price;
            if (listing.kind != InstrumentKind.INDEX)
            {
                displayedSizes(listing);
            }
            if (listing.kind == InstrumentKind.PERPETUAL && random.nextDouble() < FUNDING_PROBABILITY)
            {
                event.fundingRate = 0.0001 * (1 + random.nextDouble());
            }
        }
        write(market);
    }

    private void optionQuote(final SimulatedBook book, final SimulatedBook.Listing listing, final double spot,
        final long nowNs)
    {
        final double years = (listing.expiryNs - nowNs) / NANOS_PER_YEAR;
        final double forward = spot * Math.exp(BASIS_PER_YEAR * years);
        final double k = Math.log(listing.strike / forward);
        final double sviB = 0.15 * years;
        final double totalVariance = book.atmVol * book.atmVol * years - sviB * 0.2 +
            sviB * (-0.25 * k + Math.sqrt(k * k + 0.04));
        final double vol = Math.sqrt(totalVariance / years);
        final double coinPrice = Black76.price(listing.putCall == org.mmrisk.core.event.PutCall.CALL, forward,
            listing.strike, years, vol, 0.0) / forward;
        final double tick = listing.tickSize;
        event.bid = Math.max(0, round(coinPrice * 0.97, tick));
        event.ask = Math.max(tick, round(coinPrice * 1.03, tick) + tick);
        event.mark = Math.max(coinPrice, 1e-8);
        event.markIv = vol;
        event.underlyingPrice = forward;
    }

    /**
     * Contracts at the top of the book, each side drawn on its own: options 0.1 to 50 contracts; USD-sized inverse
     * contracts 1,000 to 100,000 (USD 10 each: up to a million dollars), coin-sized ones 1 to 100.
     */
    private void displayedSizes(final SimulatedBook.Listing listing)
    {
        if (listing.kind == InstrumentKind.OPTION)
        {
            event.bidSize = 0.1 * (1 + sizeRandom.nextInt(500));
            event.askSize = 0.1 * (1 + sizeRandom.nextInt(500));
        }
        else if (listing.contractSize >= 10)
        {
            event.bidSize = 1000.0 * (1 + sizeRandom.nextInt(100));
            event.askSize = 1000.0 * (1 + sizeRandom.nextInt(100));
        }
        else
        {
            event.bidSize = 1 + sizeRandom.nextInt(100);
            event.askSize = 1 + sizeRandom.nextInt(100);
        }
    }

    private static double forward(final SimulatedBook.Listing listing, final double spot, final long nowNs)
    {
        if (listing.kind != InstrumentKind.FUTURE)
        {
            return spot;
        }
        return spot * Math.exp(BASIS_PER_YEAR * (listing.expiryNs - nowNs) / NANOS_PER_YEAR);
    }

    private void writeFill(final int b, final SimulatedBook.Listing listing, final long nowNs)
    {
        final Side favoured = quotes.favouredSide(listing.instrumentId);
        final Side side = favoured == null ? (random.nextBoolean() ? Side.BUY : Side.SELL) :
            random.nextDouble() < regime.favouredShare ? favoured : opposite(favoured);
        if (!quotes.quotes(listing.instrumentId, side))
        {
            withheldCount++;
            return;
        }
        if (favoured != null)
        {
            leaningCount++;
            favouredCount += side == favoured ? 1 : 0;
        }
        final double spot = spotUsd[b];
        event.reset();
        event.type = EventType.FILL;
        event.instrumentId = listing.instrumentId;
        event.sendTimeNs = nowNs;
        event.exchangeTimeNs = nowNs;
        event.venue = AsciiCode.pack(SimulatedBook.VENUE);
        event.fillId("sim-" + nowNs + "-" + (fillCount++));
        event.side = side;
        if (listing.kind == InstrumentKind.OPTION)
        {
            optionQuote(books.get(b), listing, spot, nowNs);
            event.quantity = 0.1 * (1 + random.nextInt(50));
            final double edge = (side == Side.BUY ? -1 : 1) * OPTION_EDGE;
            event.price = Math.max(listing.tickSize, round(event.mark * (1 + edge), listing.tickSize));
            event.fee = Math.min(OPTION_MAKER_FEE, OPTION_FEE_CAP * event.price) * event.quantity;
        }
        else
        {
            event.quantity = listing.contractSize >= 10 ? 10 * (1 + random.nextInt(100)) : 1 + random.nextInt(100);
            final double forward = forward(listing, spot, nowNs);
            final double halfSpread = (side == Side.BUY ? -1 : 1) * Math.max(listing.tickSize, forward * 1e-4);
            event.price = round(forward + halfSpread, listing.tickSize);
            event.fee = DELTA_ONE_MAKER_FEE * event.quantity * listing.contractSize / event.price;
        }
        event.feeCurrency = AsciiCode.pack(books.get(b).underlying);
        writeFill();
        if (random.nextDouble() < RESEND_PROBABILITY)
        {
            writeFill();
            resentCount++;
        }
    }

    private static Side opposite(final Side side)
    {
        return side == Side.BUY ? Side.SELL : Side.BUY;
    }

    private void writeFill()
    {
        write(fills);
        if (fillLog != null)
        {
            fillLog.written(event);
        }
    }

    private void write(final SbeAppender appender)
    {
        final int length = encoder.encode(event, buffer, 0);
        appender.append(buffer, 0, length);
        messageCount++;
    }

    private static double round(final double price, final double tick)
    {
        return Math.round(price / tick) * tick;
    }

    public long messageCount()
    {
        return messageCount;
    }

    public long fillCount()
    {
        return fillCount;
    }

    /**
     * @return the index of book {@code b}, USD.
     */
    public double spotUsd(final int b)
    {
        return spotUsd[b];
    }

    /**
     * @return fills not written because the desk did not quote the side drawn (its quoting halted or reduce-only).
     */
    public long withheldCount()
    {
        return withheldCount;
    }

    /**
     * @return fills written on an instrument whose skew leaned, and of them those on the side it favoured.
     */
    public long leaningCount()
    {
        return leaningCount;
    }

    public long favouredCount()
    {
        return favouredCount;
    }

    /**
     * @return fills written a second time with the same id, as a reconnecting gateway does.
     */
    public long resentCount()
    {
        return resentCount;
    }
}
