package org.mmrisk.core.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmrisk.core.engine.TestEvents.DAY_NS;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * The skew table is an optimisation only: over random books and event sequences — ticks, fills, smile updates, new
 * instruments mid-run, an expiry, an index jump that forces a full revaluation, the ladder's rungs, a snapshot and
 * restore — the engine emits exactly the same quote adjustments, and holds back the same number, with the table as
 * with a full pass over every instrument at every batch ({@link FullPassSkew}, the same rule without the table).
 */
class SkewTableTest
{
    private static final long[] EXPIRIES = { T0 + 7 * DAY_NS, T0 + 30 * DAY_NS };
    private static final long SOON_NS = T0 + 20_000_000_000L;
    private static final int STEPS = 3_000;

    /**
     * @param capVolPoints       {@code maxShiftVolPoints}: at 0.3 most options' vol shift sits at the cap, where
     *                           their silent band is open on one side.
     * @param maxQuotesPerSecond the rate cap; 0 none.
     * @param blockInstruments   instruments per block of the table (the book has 28).
     * @param minShiftTicks      the shift's threshold: at 0.01 tick the bands are narrow and most batches quote.
     */
    @ParameterizedTest(name = "vol-shift cap {0}, {1} quotes per second, blocks of {2}, threshold {3} ticks")
    @CsvSource({ "5, 50, 4, 1", "0.3, 50, 2, 1", "5, 0, 8, 1", "5, 50, 1, 1", "5, 50, 16, 1", "5, 50, 8, 0.01",
        "5, 0, 4, 0.01" })
    void shouldEmitExactlyTheSameQuotesWithAndWithoutTheTable(final double capVolPoints, final double maxQuotesPerSecond,
        final int blockInstruments, final double minShiftTicks)
    {
        long candidates = 0;
        long instrumentBatches = 0;
        long blocksDismissed = 0;
        long blocksOpened = 0;
        for (int seed = 1; seed <= 8; seed++)
        {
            final Quotes withTable = new Quotes();
            final Quotes fullPasses = new Quotes();
            final EngineConfig config = config(capVolPoints, maxQuotesPerSecond, blockInstruments, minShiftTicks);
            final RiskEngine[] engines = { new RiskEngine(config, withTable), new RiskEngine(config, fullPasses) };
            FullPassSkew.use(engines[1]);
            run(new Random(seed), engines, withTable);
            assertThat(withTable.lines).as("seed %d", seed).isEqualTo(fullPasses.lines);
            assertThat(withTable.lines).hasSizeGreaterThan(100);
            assertThat(engines[0].counters().get(EngineCounter.QUOTES_RATE_CAPPED)).as("seed %d", seed)
                .isEqualTo(engines[1].counters().get(EngineCounter.QUOTES_RATE_CAPPED));
            assertThat(engines[1].counters().get(EngineCounter.SETTLEMENTS)).as("the expiry settled").isPositive();
            assertThat(engines[1].counters().get(EngineCounter.FULL_REVALUATIONS)).as("a full revaluation").isPositive();
            candidates += engines[0].counters().get(EngineCounter.SKEW_CANDIDATES);
            instrumentBatches += engines[0].counters().get(EngineCounter.SKEW_PASSES_SKIPPED) * 25;
            final SkewTable table = engines[0].underlyings().get(0).skewTable;
            blocksDismissed += table.blocksDismissed();
            blocksOpened += table.blocksOpened();
        }
        System.out.printf("blocks of %d: %,d dismissed, %,d opened%n", blockInstruments, blocksDismissed, blocksOpened);
        // with thresholds of a hundredth of a tick most instruments move past theirs at most batches
        final long mostDismissed = minShiftTicks >= 1 ? instrumentBatches / 4 : instrumentBatches;
        assertThat(candidates).as("the table dismissed most instruments (some, with narrow thresholds)")
            .isLessThan(mostDismissed);
    }

    private static EngineConfig config(final double capVolPoints, final double maxQuotesPerSecond,
        final int blockInstruments, final double minShiftTicks)
    {
        return new EngineConfig().skewBlockInstruments(blockInstruments).minShiftTicks(minShiftTicks)
            .maxQuotesPerSecond(maxQuotesPerSecond).skewWeights(1e-9, 1e-6)
            .maxShiftVolPoints(capVolPoints).reanchorSliceSize(2).limit(AsciiCode.NONE, LimitKind.DELTA, 40)
            .conclude();
    }

    private static void run(final Random random, final RiskEngine[] engines, final RiskOutput restoredOutput)
    {
        final TestEvents events = new TestEvents();
        final java.util.function.Consumer<RiskEvent> both = e ->
        {
            for (final RiskEngine engine : engines)
            {
                TestEvents.apply(engine, e);
            }
        };
        both.accept(events.index(1));
        both.accept(events.inversePerpetual(2));
        both.accept(events.linearFuture(3, EXPIRIES[1]));
        for (int i = 0; i < 20; i++)
        {
            both.accept(option(events, 10 + i));
        }
        both.accept(events.inverseOption(9, SOON_NS, 100_000, PutCall.CALL));
        both.accept(events.tick(T0, 1, 100_000, 100_000));
        both.accept(events.tick(T0, 2, 100_000, 100_000));
        both.accept(events.tick(T0, 3, 100_400, 100_401));
        both.accept(surface(events, T0, 0));
        both.accept(events.fill(T0, 9, Side.BUY, 1, 0.01));
        double spot = 100_000;
        long timeNs = T0;
        for (int step = 0; step < STEPS; step++)
        {
            timeNs += random.nextInt(30_000_000);
            if (step == STEPS / 3)
            {
                for (int i = 20; i < 24; i++)
                {
                    both.accept(option(events, 10 + i));
                }
            }
            if (step == STEPS / 2)
            {
                engines[0] = EngineStates.restore(EngineStates.save(engines[0]), engines[0].config(), restoredOutput);
                spot *= 1.03;
            }
            both.accept(randomEvent(random, events, timeNs, spot));
            spot = nextSpot(random, spot);
        }
    }

    private static RiskEvent randomEvent(final Random random, final TestEvents events, final long timeNs,
        final double spot)
    {
        final int kind = random.nextInt(100);
        if (kind < 70)
        {
            return events.tick(timeNs, 1, spot, spot);
        }
        if (kind < 85)
        {
            final int id = random.nextInt(4) == 0 ? 2 : 10 + random.nextInt(20);
            return events.fill(timeNs, id, random.nextBoolean() ? Side.BUY : Side.SELL,
                id == 2 ? 10 * (1 + random.nextInt(200)) : 0.1 * (1 + random.nextInt(30)), id == 2 ? spot : 0.02);
        }
        if (kind < 89)
        {
            return events.tick(timeNs, 3, spot * 1.004 - 0.5, spot * 1.004 + 0.5);
        }
        if (kind < 91)
        {
            return surface(events, timeNs, random.nextDouble() * 0.002);
        }
        return events.timer(timeNs);
    }

    private static double nextSpot(final Random random, final double spot)
    {
        return spot * Math.exp(0.00005 * random.nextGaussian());
    }

    private static RiskEvent option(final TestEvents events, final int id)
    {
        final int i = id - 10;
        final double strike = 80_000 + 2_000 * i;
        return i % 2 == 0 ? events.inverseOption(id, EXPIRIES[i % 2], strike, strike < 100_000 ? PutCall.PUT :
            PutCall.CALL) : events.linearOption(id, EXPIRIES[i % 2], strike, PutCall.CALL);
    }

    private static RiskEvent surface(final TestEvents events, final long timeNs, final double bump)
    {
        final RiskEvent surface = events.smiles(timeNs, true);
        events.smile(SOON_NS, 0.00001, 0.0001, -0.3, 0, 0.2);
        events.smile(EXPIRIES[0], 0.004 + bump, 0.03, -0.3, 0, 0.2);
        events.smile(EXPIRIES[1], 0.02 + bump, 0.1, -0.4, 0, 0.2);
        return surface;
    }

    /**
     * Every quote adjustment as one line of text, in order.
     */
    private static final class Quotes implements RiskOutput
    {
        final List<String> lines = new ArrayList<>();

        @Override
        public void onQuoteAdjustment(final QuoteAdjustment q)
        {
            lines.add(q.sequence + " " + q.timeNs + " " + q.instrumentId + " " + q.shift + " " + q.shiftVol + " " +
                q.bidSpreadMult + " " + q.bidSizeMult + " " + q.askSizeMult + " " + q.state);
        }

        @Override
        public void onRiskSnapshot(final RiskSnapshot snapshot)
        {
        }

        @Override
        public void onAlert(final Alert alert)
        {
        }

        @Override
        public void onHedgeSignal(final HedgeSignal signal)
        {
        }
    }
}
