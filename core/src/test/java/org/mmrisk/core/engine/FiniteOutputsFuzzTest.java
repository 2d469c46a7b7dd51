package org.mmrisk.core.engine;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.config.HedgeConfig;
import org.mmrisk.core.event.ControlCommand;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmrisk.core.engine.TestEvents.BTC;
import static org.mmrisk.core.engine.TestEvents.DAY_NS;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * Whatever the inputs the engine accepts — an index from a thousandth of a dollar to 1e300, coin balances up to
 * 1e308, fills of a trillion contracts, option marks far from any model — every field the schema requires of a quote
 * adjustment, hedge signal, risk snapshot or alert is a finite number, and an optional one is finite or absent.
 * Random events with a fixed seed; what the engine rejects is simply not applied. The expectation is written here,
 * field by field, independently of the engine's own check.
 */
class FiniteOutputsFuzzTest
{
    private static final int STEPS = 4_000;
    private static final int INDEX = 1;
    private static final int PERP = 2;
    private static final int FUTURE = 3;
    private static final int FIRST_OPTION = 10;
    private static final int OPTIONS = 8;
    private static final long EXPIRY_NS = T0 + 30 * DAY_NS;

    @Test
    void shouldEmitOnlyFiniteRequiredFieldsWhateverTheAcceptedInputs()
    {
        final Checked output = new Checked();
        final EngineConfig config = new EngineConfig().maxQuotesPerSecond(0)
            .snapshotIntervalNs(1_000_000_000L).skewWeights(1e-9, 1e-6)
            .hedging(BTC, new HedgeConfig("BTC-PERPETUAL", 1.0, true, 1_000_000_000L));
        // the engine behind the input bounds (which reject most of these inputs, InputBoundsTest): its own defence
        config.inputBounds().maxPrice(0).maxFillPriceRatio(0).maxMovePercent(0).maxFillContracts(0)
            .maxPositionContracts(0).maxVol(0).maxControlValue(0);
        final RiskEngine engine = new RiskEngine(config.conclude(), output);
        final TestEvents events = new TestEvents();
        final Random random = new Random(20261206L);
        TestEvents.apply(engine, events.index(INDEX));
        TestEvents.apply(engine, events.inversePerpetual(PERP));
        TestEvents.apply(engine, events.linearFuture(FUTURE, EXPIRY_NS));
        for (int i = 0; i < OPTIONS; i++)
        {
            final double strike = 60_000 + 10_000 * i;
            TestEvents.apply(engine, i % 2 == 0 ?
                events.inverseOption(FIRST_OPTION + i, EXPIRY_NS, strike, PutCall.PUT) :
                events.linearOption(FIRST_OPTION + i, EXPIRY_NS, strike, PutCall.CALL));
        }
        long timeNs = T0;
        for (int step = 0; step < STEPS; step++)
        {
            timeNs += random.nextInt(200_000_000);
            TestEvents.apply(engine, randomEvent(random, events, timeNs));
        }

        assertThat(output.failures).isEmpty();
        assertThat(output.quotes).as("quotes went out").isGreaterThan(100);
        assertThat(output.snapshots).as("snapshots went out").isGreaterThan(10);
        assertThat(output.hedges).as("hedges went out").isPositive();
        assertThat(engine.counters().get(EngineCounter.QUOTES_UNKNOWN_RISK)).as("risks were unknown").isPositive();
    }

    private static RiskEvent randomEvent(final Random random, final TestEvents events, final long timeNs)
    {
        final int kind = random.nextInt(100);
        if (kind < 35)
        {
            final double index = magnitude(random, -3, 300);
            return events.tick(timeNs, INDEX, index, index);
        }
        if (kind < 45)
        {
            final double price = magnitude(random, -3, 300);
            return events.tick(timeNs, random.nextBoolean() ? PERP : FUTURE, price, price * 1.001);
        }
        if (kind < 65)
        {
            final double mid = magnitude(random, -6, 3);
            return events.optionTick(timeNs, FIRST_OPTION + random.nextInt(OPTIONS), mid * 0.99, mid * 1.01,
                random.nextBoolean() ? magnitude(random, -3, 2) : Double.NaN, magnitude(random, -3, 300));
        }
        if (kind < 85)
        {
            final int id = random.nextInt(4) == 0 ? PERP : FIRST_OPTION + random.nextInt(OPTIONS);
            return events.fill(timeNs, id, random.nextBoolean() ? Side.BUY : Side.SELL, magnitude(random, 0, 12),
                magnitude(random, -4, 6));
        }
        if (kind < 92)
        {
            final RiskEvent control = events.timer(timeNs);
            control.type = EventType.CONTROL;
            control.command = ControlCommand.SET_EQUITY;
            control.underlying = BTC;
            control.value = (random.nextBoolean() ? 1 : -1) * magnitude(random, -2, 308);
            return control;
        }
        return events.timer(timeNs);
    }

    /**
     * @return a positive number between 10^lowest and 10^highest, uniform in its exponent.
     */
    private static double magnitude(final Random random, final int lowest, final int highest)
    {
        return Math.min(Double.MAX_VALUE, Math.pow(10, lowest + (highest - lowest) * random.nextDouble()));
    }

    /**
     * Checks every field of every output as it goes out.
     */
    private static final class Checked implements RiskOutput
    {
        final List<String> failures = new ArrayList<>();
        int quotes;
        int snapshots;
        int hedges;

        @Override
        public void onQuoteAdjustment(final QuoteAdjustment q)
        {
            quotes++;
            required("quote shift", q.shift);
            optional("quote shiftVol", q.shiftVol);
            required("quote bidSpreadMult", q.bidSpreadMult);
            required("quote askSpreadMult", q.askSpreadMult);
            required("quote bidSizeMult", q.bidSizeMult);
            required("quote askSizeMult", q.askSizeMult);
        }

        @Override
        public void onHedgeSignal(final HedgeSignal h)
        {
            hedges++;
            required("hedge quantity", h.quantity);
            required("hedge deltaBefore", h.deltaBefore);
            required("hedge deltaTarget", h.deltaTarget);
        }

        @Override
        public void onRiskSnapshot(final RiskSnapshot s)
        {
            snapshots++;
            final double[] fields = { s.indexUsd, s.delta, s.deltaUsd, s.gamma, s.vega, s.theta, s.realizedPnlUsd,
                s.unrealizedPnlUsd, s.maxApproxError };
            for (final double field : fields)
            {
                required("snapshot", field);
            }
            for (int i = 0; i < s.positionCount; i++)
            {
                required("position quantity", s.quantity[i]);
                required("position avgPrice", s.avgPrice[i]);
                required("position realizedPnlUsd", s.positionRealizedPnlUsd[i]);
                required("position unrealizedPnlUsd", s.positionUnrealizedPnlUsd[i]);
            }
            for (int i = 0; i < s.expiryCount; i++)
            {
                required("expiry vega", s.expiryVega[i]);
                required("expiry timeWeightedVega", s.expiryTimeWeightedVega[i]);
                required("expiry riskReversal25", s.expiryRiskReversal25[i]);
                required("expiry butterfly25", s.expiryButterfly25[i]);
                required("expiry rho", s.expiryRho[i]);
                required("expiry basisDelta", s.expiryBasisDelta[i]);
            }
        }

        @Override
        public void onAlert(final Alert a)
        {
            optional("alert value " + a.code, a.value);
            optional("alert threshold " + a.code, a.threshold);
        }

        private void required(final String field, final double value)
        {
            if (!Double.isFinite(value))
            {
                failures.add(field + " = " + value);
            }
        }

        private void optional(final String field, final double value)
        {
            if (Double.isInfinite(value))
            {
                failures.add(field + " = " + value);
            }
        }
    }
}
