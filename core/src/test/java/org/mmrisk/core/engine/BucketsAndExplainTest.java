package org.mmrisk.core.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.exposure.ExposureBuckets;
import org.mmrisk.core.exposure.PnlExplain;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mmrisk.core.engine.TestEvents.DAY_NS;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * Expiry and moneyness buckets partition the book; the P&L explain, in USD and in coins, accounts for smooth moves.
 */
class BucketsAndExplainTest
{
    private static final int INDEX = 1;
    private static final int PERP = 2;
    private static final int FIRST_OPTION = 10;
    private static final int OPTIONS = 24;
    private static final long[] EXPIRIES = { T0 + 7 * DAY_NS, T0 + 30 * DAY_NS, T0 + 90 * DAY_NS };
    private static final double[][] SMILES =
        { { 0.004, 0.03, -0.3, 0, 0.2 }, { 0.02, 0.10, -0.4, 0.0, 0.2 }, { 0.06, 0.12, -0.4, 0.0, 0.2 } };

    private final TestEvents events = new TestEvents();
    private RiskEngine engine;
    private RiskEngine exact;
    /** The index at the end of the last {@link #walk}. */
    private double spotNow;

    @BeforeEach
    void setUp()
    {
        engine = new RiskEngine(new EngineConfig().reanchorSliceSize(2).equityDelta(false).conclude(), new RecordingOutput());
        exact = new RiskEngine(new EngineConfig().reanchorSliceSize(1_000_000).equityDelta(false).conclude(), new RecordingOutput());
        final Random random = new Random(3);
        both(events.index(INDEX));
        both(events.inversePerpetual(PERP));
        for (int i = 0; i < OPTIONS; i++)
        {
            final double strike = 75_000 + 2_500 * (i % 8);
            final PutCall putCall = strike < 100_000 ? PutCall.PUT : PutCall.CALL;
            final long expiry = EXPIRIES[i / 8];
            both(i % 2 == 0 ? events.inverseOption(FIRST_OPTION + i, expiry, strike, putCall) :
                events.linearOption(FIRST_OPTION + i, expiry, strike, putCall));
        }
        both(events.tick(T0, INDEX, 100_000, 100_000));
        both(events.tick(T0, PERP, 100_000, 100_001));
        surface(T0);
        for (int i = 0; i < OPTIONS; i++)
        {
            both(events.fill(T0 + 1, FIRST_OPTION + i, random.nextBoolean() ? Side.BUY : Side.SELL,
                1 + random.nextInt(20), 0.01));
        }
        both(events.fill(T0 + 1, PERP, Side.SELL, 50_000, 100_000));
    }

    @Test
    void shouldPartitionTheBookIntoExpiryBucketsAndOptionsIntoMoneynessBuckets()
    {
        final UnderlyingRisk u = engine.underlyings().get(0);
        final double[] greeks = new double[6];
        final double[] edges = u.sums().buckets().moneynessEdges();
        for (int b = 0; b <= edges.length; b++)
        {
            double expected = 0;
            for (int i = 0; i < OPTIONS; i++)
            {
                final InstrumentState s = engine.instruments().get(FIRST_OPTION + i);
                final double k = Math.log(s.instrument().strike() / s.risk().forward);
                if ((b == 0 || k >= edges[b - 1]) && (b == edges.length || k < edges[b]))
                {
                    expected += s.position().quantity() * s.risk().vega;
                }
            }
            u.sums().buckets().readMoneyness(b, u.indexUsd(), u.sums().evaluatedNs(), greeks);
            assertThat(greeks[2]).as("moneyness bucket %d vega", b).isCloseTo(expected, within(1e-6));
        }

        both(events.tick(T0 + 2, INDEX, 100_300, 100_300));
        double expiryDelta = 0;
        double expiryVega = 0;
        for (final long expiryNs : u.sums().buckets().expiries())
        {
            u.sums().buckets().readExpiry(expiryNs, u.indexUsd(), u.sums().evaluatedNs(), greeks);
            expiryDelta += greeks[0];
            expiryVega += greeks[2];
        }
        double moneynessVega = 0;
        for (int b = 0; b <= edges.length; b++)
        {
            u.sums().buckets().readMoneyness(b, u.indexUsd(), u.sums().evaluatedNs(), greeks);
            moneynessVega += greeks[2];
        }
        assertThat(expiryDelta).isCloseTo(u.delta(), within(1e-9 * Math.abs(u.delta()) + 1e-12));
        assertThat(expiryVega).isCloseTo(u.vega(), within(1e-9 * Math.abs(u.vega())));
        assertThat(moneynessVega).isCloseTo(u.vega(), within(1e-9 * Math.abs(u.vega())));
        assertThat(u.sums().buckets().expiries())
            .containsExactly(ExposureBuckets.NO_EXPIRY, EXPIRIES[0], EXPIRIES[1], EXPIRIES[2]);
    }

    @Test
    void shouldExplainSmoothMovesWithLittleUnexplainedAndMatchTheExactValueChange()
    {
        final double valueStart = exactBookValueUsd();
        final UnderlyingRisk u = engine.underlyings().get(0);
        walk(-1);
        final PnlExplain explain = u.explain().total();
        final double actual = explain.actual(u.sums().valueAtLastEvaluationUsd());
        final double exactChange = exactBookValueUsd() - valueStart;

        assertThat(actual).isCloseTo(exactChange, within(1e-3 * Math.abs(exactChange) + 1e-3 * grossVega()));
        assertThat(Math.abs(explain.vega())).isGreaterThan(0);
        assertThat(Math.abs(explain.theta())).isGreaterThan(0);
        final double unexplained = actual - explain.explained();
        assertThat(Math.abs(unexplained)).as("unexplained of %s", actual).isLessThan(0.002 * Math.abs(actual));
    }

    @Test
    void shouldExplainTheBookInCoinsWithLittleUnexplainedAndMatchTheExactCoinValueChangeNetOfTrades()
    {
        // the coin numeraire values the book at V/S: its actual P&L is the change of the exact book value divided
        // by the index, net of what trades bring in (their value at the index of the trade)
        final UnderlyingRisk u = engine.underlyings().get(0);
        final double coinsStart = exactBookValueUsd() / 100_000;
        final double tradesCoin = walk(400);
        final double spot = spotNow;
        final PnlExplain explain = u.explain().totalCoin();
        final double actual = explain.actual(u.sums().valueAtLastEvaluationCoins());
        final double exactChange = exactBookValueUsd() / spot - coinsStart - tradesCoin;

        assertThat(actual).isCloseTo(exactChange, within(1e-3 * Math.abs(exactChange) + 1e-3 * grossVega() / spot));
        assertThat(Math.abs(explain.vega())).isGreaterThan(0);
        assertThat(Math.abs(explain.theta())).isGreaterThan(0);
        assertThat(Math.abs(explain.gamma())).isGreaterThan(0);
        final double unexplained = explain.unexplained(u.sums().valueAtLastEvaluationCoins());
        assertThat(Math.abs(unexplained)).as("unexplained of %s", actual).isLessThan(0.002 * Math.abs(actual));
    }

    @Test
    void shouldBookAQuietHoursDecayAsThetaAndARefitAtTheSameVolsAsNothing()
    {
        // implied vols are held between fits: an hour with no market move and no new surface loses the book its
        // theta (to second order, the change of theta over the hour), and a re-fit quoting the same vols is no P&L
        final UnderlyingRisk u = engine.underlyings().get(0);
        final long startNs = T0 + 2;
        both(events.tick(startNs, INDEX, 100_000, 100_000));
        final PnlExplain atStart = new PnlExplain();
        atStart.markInterval(u.explain().total(), u.sums().valueAtLastEvaluationUsd(), startNs);
        final double valueStart = exactBookValueUsd();
        long timeNs = startNs;
        for (int minute = 0; minute < 60; minute++)
        {
            timeNs += 60_000_000_000L;
            both(events.tick(timeNs, INDEX, 100_000, 100_000));
        }
        final PnlExplain quietHour = new PnlExplain();
        quietHour.difference(u.explain().total(), atStart);
        final double actual = quietHour.actual(u.sums().valueAtLastEvaluationUsd());

        assertThat(quietHour.theta()).isLessThan(-1.0);
        assertThat(actual).as("the exact revaluation's change").isCloseTo(exactBookValueUsd() - valueStart,
            within(1e-3 * Math.abs(quietHour.theta())));
        assertThat(actual).isCloseTo(quietHour.theta(), within(0.01 * Math.abs(quietHour.theta())));
        assertThat(quietHour.vega()).isCloseTo(0.0, within(1e-9 * Math.abs(quietHour.theta())));

        final RiskEvent refit = events.smiles(timeNs, true);
        for (int e = 0; e < EXPIRIES.length; e++)
        {
            // the fitted total variance carried to now: the same implied vols
            final double held = (double)(EXPIRIES[e] - timeNs) / (double)(EXPIRIES[e] - T0);
            final double[] p = SMILES[e];
            events.smile(EXPIRIES[e], p[0] * held, p[1] * held, p[2], p[3], p[4]);
        }
        both(refit);
        final PnlExplain withRefit = new PnlExplain();
        withRefit.difference(u.explain().total(), atStart);
        final double actualWithRefit = withRefit.actual(u.sums().valueAtLastEvaluationUsd());

        assertThat(actualWithRefit).isCloseTo(actual, within(1e-6 * Math.abs(actual)));
        assertThat(withRefit.vega()).isCloseTo(0.0, within(1e-6 * Math.abs(actual)));
        assertThat(Math.abs(actualWithRefit - withRefit.explained())).isLessThan(0.01 * Math.abs(actualWithRefit));
    }

    /**
     * 600 one-second steps of a random index walk (seeded), a smile change at step 300 and, at {@code fillStep}
     * (none when negative), a fill.
     *
     * @return the value the fill brought in, in coins at the index of the fill (exact engine).
     */
    private double walk(final int fillStep)
    {
        double tradesCoin = 0;
        final Random random = new Random(5);
        double spot = 100_000;
        long timeNs = T0 + 2;
        for (int step = 0; step < 600; step++)
        {
            timeNs += 1_000_000_000L;
            spot *= Math.exp(0.0002 * random.nextGaussian());
            both(events.tick(timeNs, INDEX, spot, spot));
            if (step == 300)
            {
                final RiskEvent vol = events.smiles(timeNs, false);
                final double[] p = SMILES[1];
                events.smile(EXPIRIES[1], p[0] + 0.001, p[1], p[2], p[3], p[4]);
                both(vol);
            }
            if (step == fillStep)
            {
                final double before = exactBookValueUsd();
                both(events.fill(timeNs, FIRST_OPTION + 9, Side.BUY, 15, 0.01));
                tradesCoin += (exactBookValueUsd() - before) / spot;
            }
        }
        spotNow = spot;
        return tradesCoin;
    }

    private double grossVega()
    {
        double gross = 0;
        for (final InstrumentState s : exact.instruments().values())
        {
            gross += Math.abs(s.position().quantity() * (s.risk().priced ? s.risk().vega : 0));
        }
        return gross;
    }

    /**
     * Σ quantity × exact USD value per contract, from the engine that revalues everything every batch.
     */
    private double exactBookValueUsd()
    {
        double value = 0;
        for (final InstrumentState s : exact.instruments().values())
        {
            if (s.position().quantity() != 0 && s.risk().priced)
            {
                value += s.position().quantity() * s.risk().valueUsd;
            }
        }
        return value;
    }

    private void surface(final long timeNs)
    {
        final RiskEvent surface = events.smiles(timeNs, true);
        for (int e = 0; e < EXPIRIES.length; e++)
        {
            final double[] p = SMILES[e];
            events.smile(EXPIRIES[e], p[0], p[1], p[2], p[3], p[4]);
        }
        both(surface);
    }

    private void both(final RiskEvent event)
    {
        apply(engine, event);
        apply(exact, event);
    }

    private static void apply(final RiskEngine engine, final RiskEvent event)
    {
        TestEvents.apply(engine, event);
    }
}
