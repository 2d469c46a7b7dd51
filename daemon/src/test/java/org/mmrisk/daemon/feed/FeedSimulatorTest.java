package org.mmrisk.daemon.feed;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.daemon.codec.InputDecoder;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.queue.SbeTailer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo market's statistics, on a seeded simulator stepped in simulated time (no clock, no daemon): the index moves
 * at the book's vol, fills lean where the desk's skew leans and stop where its quoting stops.
 */
class FeedSimulatorTest
{
    private static final long START_NS = 1_780_000_000_000_000_000L;
    private static final double RATE = 2000;
    private static final double STEP_YEARS = 1 / RATE / (365.25 * 86_400);
    private static final int STEPS_PER_SAMPLE = 100;

    @TempDir
    Path dir;

    private ChronicleQueue marketQueue;
    private ChronicleQueue fillQueue;
    private SbeAppender market;
    private SbeAppender fills;
    private final List<SimulatedBook> books = List.of(
        new SimulatedBook("BTC", 1000, 95_000, 0.55, 1000, 10, START_NS),
        new SimulatedBook("ETH", 2000, 3_500, 0.65, 50, 1, START_NS));

    @BeforeEach
    void open()
    {
        marketQueue = Queues.open(dir.resolve("market"), 1L << 20);
        fillQueue = Queues.open(dir.resolve("fills"), 1L << 20);
        market = new SbeAppender(marketQueue);
        fills = new SbeAppender(fillQueue);
    }

    @AfterEach
    void close()
    {
        market.close();
        fills.close();
        marketQueue.close();
        fillQueue.close();
    }

    private FeedSimulator feed(final long seed, final double fillRatio, final MarketRegime regime,
        final DeskQuotes quotes)
    {
        final FeedSimulator feed = new FeedSimulator(books, market, fills, seed, fillRatio).regime(regime)
            .quotes(quotes);
        feed.writeReferenceData(START_NS);
        return feed;
    }

    /**
     * @return the annualised realised vol of each book's index over {@code minutes} simulated minutes, from returns
     * over 100 steps (50 ms).
     */
    private double[] realisedVol(final FeedSimulator feed, final int minutes)
    {
        final double[] sumSquares = new double[books.size()];
        final double[] last = { feed.spotUsd(0), feed.spotUsd(1) };
        final long steps = (long)(minutes * 60 * RATE);
        for (long i = 1; i <= steps; i++)
        {
            feed.step(START_NS + i * 500_000, STEP_YEARS);
            if (i % STEPS_PER_SAMPLE == 0)
            {
                for (int b = 0; b < books.size(); b++)
                {
                    final double r = Math.log(feed.spotUsd(b) / last[b]);
                    sumSquares[b] += r * r;
                    last[b] = feed.spotUsd(b);
                }
            }
        }
        final double years = steps * STEP_YEARS;
        return new double[]{ Math.sqrt(sumSquares[0] / years), Math.sqrt(sumSquares[1] / years) };
    }

    @Test
    void shouldMoveTheIndexAtTheBooksVolInACalmMarket()
    {
        for (long seed = 1; seed <= 3; seed++)
        {
            final FeedSimulator feed = feed(seed, 0.0, MarketRegime.CALM, new DeskQuotes(null));
            final double[] vol = realisedVol(feed, 2);

            assertThat(vol[0]).as("BTC realised vol, seed %d", seed).isBetween(0.55 * 0.85, 0.55 * 1.15);
            assertThat(vol[1]).as("ETH realised vol, seed %d", seed).isBetween(0.65 * 0.85, 0.65 * 1.15);
            assertThat(Math.abs(Math.log(feed.spotUsd(0) / 95_000))).as("BTC's two-minute move").isLessThan(0.005);
        }
    }

    @Test
    void shouldMoveTheIndexSeveralTimesFasterUnderStress()
    {
        final double[] vol = realisedVol(feed(7, 0.0, MarketRegime.STRESS, new DeskQuotes(null)), 2);

        assertThat(vol[0]).isGreaterThan(0.55 * 2.5);
        assertThat(vol[1]).isGreaterThan(0.65 * 2.5);
    }

    @Test
    void shouldFillMostlyOnTheSideTheSkewFavoursInACalmMarket()
    {
        final DeskQuotes quotes = leaningQuotes(QuotingState.NORMAL);
        final FeedSimulator feed = feed(11, 0.5, MarketRegime.CALM, quotes);
        stepWithoutSampling(feed, 20_000);

        final double share = favouredShare(quotes);
        assertThat(share).isGreaterThan(0.8);
        assertThat((double)feed.favouredCount() / feed.leaningCount()).as("the feed's own count, re-sends once")
            .isCloseTo(share, org.assertj.core.data.Offset.offset(0.01));
        assertThat(feed.withheldCount()).isZero();
    }

    @Test
    void shouldFillEitherSideAlikeUnderStress()
    {
        final DeskQuotes quotes = leaningQuotes(QuotingState.NORMAL);
        stepWithoutSampling(feed(11, 0.5, MarketRegime.STRESS, quotes), 20_000);

        assertThat(favouredShare(quotes)).isBetween(0.45, 0.55);
    }

    @Test
    void shouldWriteNoFillWhereTheDeskIsHalted()
    {
        final DeskQuotes quotes = new DeskQuotes(null);
        for (final SimulatedBook.Listing listing : books.get(0).listings)
        {
            quotes.onQuoteAdjustment(adjustment(listing, "BTC", 0, QuotingState.HALT));
        }
        final FeedSimulator feed = feed(13, 0.5, MarketRegime.CALM, quotes);
        stepWithoutSampling(feed, 10_000);

        final List<RiskEvent> written = writtenFills();
        assertThat(written).isNotEmpty();
        assertThat(written).allSatisfy(fill -> assertThat(fill.instrumentId).isGreaterThanOrEqualTo(2000));
        assertThat(feed.withheldCount()).isGreaterThan(1000);
    }

    /**
     * The engine's input bounds, at their defaults, never refuse the demo market, not even under stress: three
     * simulated minutes (six jumps of 1 to 4%) of ticks, smiles and fills, in send-time order as ingress merges them.
     */
    @Test
    void shouldStayWithinTheEnginesDefaultInputBoundsUnderStress()
    {
        final FeedSimulator feed = feed(17, 0.01, MarketRegime.STRESS, leaningQuotes(QuotingState.NORMAL));
        stepWithoutSampling(feed, (int)(3 * 60 * RATE));
        final List<RiskEvent> events = written(marketQueue);
        events.addAll(written(fillQueue));
        events.sort(java.util.Comparator.comparingLong(e -> e.sendTimeNs));

        final org.mmrisk.core.engine.RiskEngine engine = new org.mmrisk.core.engine.RiskEngine(
            new org.mmrisk.core.config.EngineConfig().conclude(), new org.mmrisk.core.output.CountingOutput());
        for (final RiskEvent event : events)
        {
            event.timeNs = event.sendTimeNs;
            event.batchEnd = true;
            engine.onEvent(event);
            engine.onBatchEnd();
        }

        assertThat(engine.counters().get(org.mmrisk.core.engine.EngineCounter.FILLS)).isGreaterThan(100);
        for (final org.mmrisk.core.engine.RejectReason reason : org.mmrisk.core.engine.RejectReason.VALUES)
        {
            if (reason.ordinal() >= org.mmrisk.core.engine.RejectReason.PRICE_OUT_OF_BOUNDS.ordinal())
            {
                assertThat(engine.counters().rejected(reason)).as(reason.name()).isZero();
            }
        }
    }

    private static List<RiskEvent> written(final ChronicleQueue queue)
    {
        final List<RiskEvent> written = new ArrayList<>();
        final InputDecoder decoder = new InputDecoder();
        try (SbeTailer tailer = new SbeTailer(queue))
        {
            while (tailer.poll((buffer, offset, length, index) ->
            {
                final RiskEvent event = new RiskEvent();
                assertThat(decoder.decode(buffer, offset, length, event)).isNull();
                written.add(event);
            }) > 0)
            {
                // read to the end
            }
        }
        return written;
    }

    /**
     * Quotes raised on even instrument ids (the desk wants to buy), lowered on odd ones (it wants to sell).
     */
    private DeskQuotes leaningQuotes(final QuotingState state)
    {
        final DeskQuotes quotes = new DeskQuotes(null);
        for (final SimulatedBook book : books)
        {
            for (final SimulatedBook.Listing listing : book.listings)
            {
                quotes.onQuoteAdjustment(adjustment(listing, book.underlying,
                    listing.instrumentId % 2 == 0 ? 1e-3 : -1e-3, state));
            }
        }
        return quotes;
    }

    private static QuoteAdjustment adjustment(final SimulatedBook.Listing listing, final String underlying,
        final double shift, final QuotingState state)
    {
        final QuoteAdjustment adjustment = new QuoteAdjustment();
        adjustment.instrumentId = listing.instrumentId;
        adjustment.underlying = AsciiCode.pack(underlying);
        adjustment.shift = shift;
        adjustment.state = state;
        final double size = state == QuotingState.HALT ? 0 : 1;
        adjustment.bidSizeMult = size;
        adjustment.askSizeMult = size;
        return adjustment;
    }

    private static void stepWithoutSampling(final FeedSimulator feed, final int steps)
    {
        for (int i = 1; i <= steps; i++)
        {
            feed.step(START_NS + i * 500_000L, STEP_YEARS);
        }
    }

    /**
     * @return the share of the fills read back from the fills queue that are on the side the quotes favour.
     */
    private double favouredShare(final DeskQuotes quotes)
    {
        final List<RiskEvent> written = writtenFills();
        assertThat(written).hasSizeGreaterThan(5000);
        final long favoured = written.stream()
            .filter(fill -> fill.side == quotes.favouredSide(fill.instrumentId)).count();
        return (double)favoured / written.size();
    }

    private List<RiskEvent> writtenFills()
    {
        final List<RiskEvent> written = new ArrayList<>();
        final InputDecoder decoder = new InputDecoder();
        try (SbeTailer tailer = new SbeTailer(fillQueue))
        {
            while (tailer.poll((buffer, offset, length, index) ->
            {
                final RiskEvent event = new RiskEvent();
                assertThat(decoder.decode(buffer, offset, length, event)).isNull();
                if (event.type == EventType.FILL)
                {
                    written.add(event);
                }
            }) > 0)
            {
                // read to the end
            }
        }
        return written;
    }
}
