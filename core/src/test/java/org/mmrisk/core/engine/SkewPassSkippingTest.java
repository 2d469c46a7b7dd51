package org.mmrisk.core.engine;

import org.junit.jupiter.api.Test;
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
 * Skipping the skew pass is an optimisation only: over random books and event sequences the engine emits exactly
 * the same quote adjustments with it as with a full pass at every batch.
 */
class SkewPassSkippingTest
{
    private static final long[] EXPIRIES = { T0 + 7 * DAY_NS, T0 + 30 * DAY_NS };

    @Test
    void shouldEmitExactlyTheSameQuotesWithAndWithoutSkippingThePass()
    {
        long skipped = 0;
        for (int seed = 1; seed <= 8; seed++)
        {
            final Quotes withSkipping = new Quotes();
            final Quotes fullPasses = new Quotes();
            final RiskEngine fast = new RiskEngine(config(true), withSkipping);
            final RiskEngine reference = new RiskEngine(config(false), fullPasses);
            run(new Random(seed), fast, reference);
            assertThat(withSkipping.lines).as("seed %d", seed).isEqualTo(fullPasses.lines);
            assertThat(withSkipping.lines).hasSizeGreaterThan(100);
            skipped += fast.counters().get(EngineCounter.SKEW_PASSES_SKIPPED);
        }
        assertThat(skipped).as("the optimisation was exercised").isGreaterThan(1_000);
    }

    private static EngineConfig config(final boolean skipping)
    {
        return new EngineConfig().skewPassSkipping(skipping).maxQuotesPerSecond(50).skewWeights(1e-9, 1e-6)
            .reanchorSliceSize(2).limit(AsciiCode.NONE, LimitKind.DELTA, 40).conclude();
    }

    private static void run(final Random random, final RiskEngine a, final RiskEngine b)
    {
        final TestEvents events = new TestEvents();
        final List<RiskEngine> engines = List.of(a, b);
        final java.util.function.Consumer<RiskEvent> both = e -> engines.forEach(engine -> TestEvents.apply(engine, e));
        both.accept(events.index(1));
        both.accept(events.inversePerpetual(2));
        both.accept(events.linearFuture(3, EXPIRIES[1]));
        for (int i = 0; i < 20; i++)
        {
            final double strike = 80_000 + 2_000 * i;
            both.accept(i % 2 == 0 ? events.inverseOption(10 + i, EXPIRIES[i % 2], strike, strike < 100_000 ? PutCall.PUT :
                PutCall.CALL) : events.linearOption(10 + i, EXPIRIES[i % 2], strike, PutCall.CALL));
        }
        both.accept(events.tick(T0, 1, 100_000, 100_000));
        both.accept(events.tick(T0, 2, 100_000, 100_000));
        both.accept(events.tick(T0, 3, 100_400, 100_401));
        final RiskEvent surface = events.smiles(T0, true);
        events.smile(EXPIRIES[0], 0.004, 0.03, -0.3, 0, 0.2);
        events.smile(EXPIRIES[1], 0.02, 0.1, -0.4, 0, 0.2);
        both.accept(surface);
        double spot = 100_000;
        long timeNs = T0;
        for (int step = 0; step < 3_000; step++)
        {
            timeNs += random.nextInt(30_000_000);
            final int kind = random.nextInt(100);
            if (kind < 70)
            {
                spot *= Math.exp(0.00005 * random.nextGaussian());
                both.accept(events.tick(timeNs, 1, spot, spot));
            }
            else if (kind < 85)
            {
                final int id = random.nextInt(4) == 0 ? 2 : 10 + random.nextInt(20);
                both.accept(events.fill(timeNs, id, random.nextBoolean() ? Side.BUY : Side.SELL,
                    id == 2 ? 10 * (1 + random.nextInt(200)) : 0.1 * (1 + random.nextInt(30)), id == 2 ? spot : 0.02));
            }
            else if (kind < 90)
            {
                both.accept(events.tick(timeNs, 3, spot * 1.004 - 0.5, spot * 1.004 + 0.5));
            }
            else
            {
                both.accept(events.timer(timeNs));
            }
        }
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
