package org.mmrisk.core.engine;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mmrisk.core.engine.TestEvents.DAY_NS;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * The incremental aggregates against a brute-force revaluation: a second engine, fed the same events, re-anchors
 * every instrument exactly at every batch, and the exact aggregate is summed here from its per-contract Greeks.
 */
class IncrementalExposureTest
{
    private static final int INDEX = 1;
    private static final int PERP = 2;
    private static final int FUTURE_30D = 3;
    private static final int FUTURE_90D = 4;
    private static final int FIRST_OPTION = 100;
    private static final long[] EXPIRIES = { T0 + 30 * DAY_NS, T0 + 90 * DAY_NS };
    private static final double[][] SMILES = { { 0.02, 0.10, -0.4, 0.0, 0.2 }, { 0.06, 0.12, -0.4, 0.0, 0.2 } };
    private static final long TIMER_NS = 100_000_000L;
    private static final double BUDGET = 1e-4;
    /** Steps move the index 0.08% (σ) every 100 ms, much rougher than a real tape, to stress the expansion. */
    private static final double TOLERANCE = 5 * BUDGET;

    private int budgetRevaluationsSeen;

    @Test
    void shouldStayWithinTheErrorBudgetOfGrossDeltaOverRandomSequencesAndBeExactAfterAFullRevaluation()
    {
        for (int seed = 1; seed <= 12; seed++)
        {
            runSequence(seed);
        }
        assertThat(budgetRevaluationsSeen).as("budget revaluations in the sequences").isPositive();
    }

    private void runSequence(final long seed)
    {
        final Random random = new Random(seed);
        final RiskEngine incremental = new RiskEngine(
            new EngineConfig().reanchorSliceSize(4).approxErrorBudget(BUDGET).equityDelta(false).conclude(), new RecordingOutput());
        final RiskEngine exact = new RiskEngine(
            new EngineConfig().reanchorSliceSize(1_000_000).equityDelta(false).conclude(), new RecordingOutput());
        final List<RiskEvent> fills = new ArrayList<>();
        final Consumer<RiskEvent> both = event ->
        {
            apply(incremental, event);
            apply(exact, event);
        };
        final TestEvents events = new TestEvents();
        final int optionCount = setUpBook(events, random, both);
        double spot = 100_000;
        long timeNs = T0 + 1;
        for (int step = 0; step < 1_500; step++)
        {
            final long budgetRevaluationsBefore = incremental.counters().get(EngineCounter.BUDGET_REVALUATIONS);
            timeNs += TIMER_NS;
            final int kind = random.nextInt(100);
            if (kind < 55)
            {
                spot *= Math.exp(0.0008 * random.nextGaussian());
                both.accept(events.tick(timeNs, INDEX, spot, spot));
            }
            else if (kind < 75)
            {
                final RiskEvent fill = randomFill(events, random, timeNs, optionCount);
                fills.add(copyOf(fill));
                both.accept(fill);
            }
            else if (kind < 80 && !fills.isEmpty())
            {
                both.accept(copyOf(fills.get(random.nextInt(fills.size()))));
            }
            else if (kind < 85)
            {
                final int future = random.nextBoolean() ? FUTURE_30D : FUTURE_90D;
                final double basis = future == FUTURE_30D ? 1.004 : 1.012;
                final double mid = spot * basis * (1 + 0.0002 * random.nextGaussian());
                both.accept(events.tick(timeNs, future, mid - 0.5, mid + 0.5));
            }
            else if (kind < 88)
            {
                final int e = random.nextInt(2);
                final double[] p = SMILES[e];
                final RiskEvent vol = events.smiles(timeNs, false);
                events.smile(EXPIRIES[e], p[0] * (1 + 0.05 * random.nextGaussian()), p[1], p[2], p[3], p[4]);
                both.accept(vol);
            }
            else
            {
                both.accept(events.timer(timeNs));
            }
            assertAggregatesMatch(incremental, exact, TOLERANCE, "seed " + seed + " step " + step);
            if (incremental.counters().get(EngineCounter.BUDGET_REVALUATIONS) > budgetRevaluationsBefore)
            {
                budgetRevaluationsSeen++;
                assertThat(incremental.underlyings().get(0).marks().isDirty())
                    .as("after a budget revaluation past the quotes, the next batch decides the quoting state again")
                    .isTrue();
            }
        }
        applySurface(events, timeNs, both);
        assertAggregatesMatch(incremental, exact, 1e-12, "seed " + seed + " after a full revaluation");
        assertThat(incremental.counters().get(EngineCounter.REANCHORS)).isPositive();
        assertThat(incremental.counters().get(EngineCounter.FULL_REVALUATIONS))
            .as("mostly incremental: full revaluations only while there is no index, and a few for the budget")
            .isLessThan(40);
    }

    @Test
    void shouldReachTheSameQuantitiesForTheSameFillsInAnyOrderAndIgnoreResends()
    {
        final Random random = new Random(7);
        final TestEvents events = new TestEvents();
        final RiskEngine first = new RiskEngine(new EngineConfig().conclude(), new RecordingOutput());
        final int optionCount = setUpBook(events, random, e -> apply(first, e));
        final List<RiskEvent> fills = new ArrayList<>();
        for (int i = 0; i < 300; i++)
        {
            fills.add(copyOf(randomFill(events, random, T0 + 10, optionCount)));
        }
        fills.forEach(f -> apply(first, copyOf(f)));

        final RiskEngine second = new RiskEngine(new EngineConfig().conclude(), new RecordingOutput());
        setUpBook(new TestEvents(), new Random(7), e -> apply(second, e));
        final List<RiskEvent> shuffled = new ArrayList<>(fills);
        shuffled.addAll(fills.subList(0, 50));
        Collections.shuffle(shuffled, new Random(11));
        shuffled.forEach(f -> apply(second, copyOf(f)));

        assertThat(second.counters().get(EngineCounter.FILLS_DUPLICATE)).isEqualTo(50);
        first.instruments().forEach((id, state) -> assertThat(second.instruments().get(id).position().quantity())
            .as("instrument %d", id).isCloseTo(state.position().quantity(), within(1e-9)));
        assertThat(second.underlyings().get(0).delta())
            .isCloseTo(first.underlyings().get(0).delta(), within(1e-9));
    }

    private static int setUpBook(final TestEvents events, final Random random, final Consumer<RiskEvent> sink)
    {
        sink.accept(events.index(INDEX));
        sink.accept(events.inversePerpetual(PERP));
        sink.accept(events.linearFuture(FUTURE_30D, EXPIRIES[0]));
        sink.accept(events.linearFuture(FUTURE_90D, EXPIRIES[1]));
        int id = FIRST_OPTION;
        for (final long expiry : EXPIRIES)
        {
            for (int k = 0; k < 12; k++)
            {
                final double strike = 70_000 + 5_000 * k;
                final PutCall putCall = strike < 100_000 ? PutCall.PUT : PutCall.CALL;
                sink.accept(random.nextBoolean() ?
                    events.inverseOption(id++, expiry, strike, putCall) : events.linearOption(id++, expiry, strike, putCall));
            }
        }
        sink.accept(events.tick(T0, INDEX, 100_000, 100_000));
        sink.accept(events.tick(T0, PERP, 100_010, 100_020));
        sink.accept(events.tick(T0, FUTURE_30D, 100_400, 100_401));
        sink.accept(events.tick(T0, FUTURE_90D, 101_200, 101_201));
        applySurface(events, T0, sink);
        return id - FIRST_OPTION;
    }

    private static void applySurface(final TestEvents events, final long timeNs, final Consumer<RiskEvent> sink)
    {
        final RiskEvent surface = events.smiles(timeNs, true);
        for (int e = 0; e < EXPIRIES.length; e++)
        {
            final double[] p = SMILES[e];
            events.smile(EXPIRIES[e], p[0], p[1], p[2], p[3], p[4]);
        }
        sink.accept(surface);
    }

    private static RiskEvent randomFill(final TestEvents events, final Random random, final long timeNs,
        final int optionCount)
    {
        final int pick = random.nextInt(optionCount + 3);
        final int id = pick < optionCount ? FIRST_OPTION + pick : pick == optionCount ? PERP :
            pick == optionCount + 1 ? FUTURE_30D : FUTURE_90D;
        final double quantity = id == PERP ? 10 * (1 + random.nextInt(50)) : 0.1 * (1 + random.nextInt(30));
        final double price = id >= FIRST_OPTION ? 0.01 : 100_000;
        return events.fill(timeNs, id, random.nextBoolean() ? Side.BUY : Side.SELL, quantity, price);
    }

    private static void assertAggregatesMatch(final RiskEngine incremental, final RiskEngine exact,
        final double relativeTolerance, final String where)
    {
        final UnderlyingRisk u = incremental.underlyings().get(0);
        double delta = 0;
        double gross = 0;
        double gamma = 0;
        double grossGamma = 0;
        double vega = 0;
        double grossVega = 0;
        for (final InstrumentState s : exact.instruments().values())
        {
            final double q = s.position().quantity();
            if (q != 0 && s.risk().priced)
            {
                delta += q * s.risk().delta;
                gross += Math.abs(q * s.risk().delta);
                gamma += q * s.risk().gamma;
                grossGamma += Math.abs(q * s.risk().gamma);
                vega += q * s.risk().vega;
                grossVega += Math.abs(q * s.risk().vega);
            }
        }
        assertThat(u.delta()).as(where + " delta").isCloseTo(delta, within(
            relativeTolerance * gross + 1e-12));
        assertThat(u.gamma()).as(where + " gamma").isCloseTo(gamma, within(
            relativeTolerance * 100 * grossGamma + 1e-15));
        assertThat(u.vega()).as(where + " vega").isCloseTo(vega, within(
            relativeTolerance * 100 * grossVega + 1e-9));
    }

    private static RiskEvent copyOf(final RiskEvent event)
    {
        return new RiskEvent().copyFrom(event);
    }

    private static void apply(final RiskEngine engine, final RiskEvent event)
    {
        TestEvents.apply(engine, event);
    }
}
