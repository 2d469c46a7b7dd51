package org.mmrisk.core.engine;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.output.FiniteOutputs;
import org.mmrisk.core.output.QuoteAdjustment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmrisk.core.engine.TestEvents.DAY_NS;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * The output boundary's check, driven directly: whatever computed it, a quote adjustment with a NaN in a required
 * field goes out as a HALT of its instrument, with an alert naming it and a count, and the output sequence has no
 * gap.
 */
class OutputGuardTest
{
    private static final int PERP = 2;
    private static final int FUTURE = 3;

    @Test
    void shouldTurnAQuoteAdjustmentWithANanIntoAHaltWithAnAlert()
    {
        final TestEvents events = new TestEvents();
        final RecordingOutput output = new RecordingOutput();
        // no scenario work: its repeats of a last adjustment with new sizes do not go through the pass faked here
        final EngineConfig config = new EngineConfig().maxQuotesPerSecond(0);
        config.scenario().enabled(false);
        final RiskEngine engine = new RiskEngine(config.conclude(), output);
        engine.skewPasses(underlying -> new NanSpreadOf(underlying.skewTable, FUTURE));
        TestEvents.apply(engine, events.index(1));
        TestEvents.apply(engine, events.inversePerpetual(PERP));
        TestEvents.apply(engine, events.linearFuture(FUTURE, T0 + 60 * DAY_NS));
        TestEvents.apply(engine, events.tick(T0, 1, 100_000, 100_000));
        TestEvents.apply(engine, events.tick(T0, FUTURE, 100_999.5, 101_000.5));

        final QuoteAdjustment future = output.lastQuote.get(FUTURE);
        assertThat(future.state).isEqualTo(QuotingState.HALT);
        assertThat(future.bidSizeMult).isZero();
        assertThat(future.askSizeMult).isZero();
        assertThat(FiniteOutputs.isFinite(future)).isTrue();
        assertThat(output.lastQuote.get(PERP).state).as("only the one that failed").isEqualTo(QuotingState.NORMAL);
        final Alert alert = output.alertCopies.stream().filter(a -> a.code == AlertCode.NON_FINITE_OUTPUT)
            .findFirst().orElseThrow();
        assertThat(alert.instrumentId).isEqualTo(FUTURE);
        assertThat(alert.underlying).isEqualTo(TestEvents.BTC);
        assertThat(alert.value).isEqualTo(FiniteOutputs.QUOTE_ADJUSTMENT);
        assertThat(engine.counters().get(EngineCounter.OUTPUTS_NON_FINITE)).isPositive();
        for (int i = 0; i < output.sequences.size(); i++)
        {
            assertThat(output.sequences.get(i)).as("no gap").isEqualTo(i);
        }
    }

    /**
     * The engine's own walk, except that one instrument's spread multiplier comes out NaN.
     */
    private static final class NanSpreadOf implements SkewPass
    {
        private final SkewPass table;
        private final int instrumentId;

        NanSpreadOf(final SkewPass table, final int instrumentId)
        {
            this.table = table;
            this.instrumentId = instrumentId;
        }

        @Override
        public void prepare(final UnderlyingRisk underlying, final long nowNs)
        {
            table.prepare(underlying, nowNs);
        }

        @Override
        public int firstCandidate()
        {
            return table.firstCandidate();
        }

        @Override
        public int nextCandidate()
        {
            return table.nextCandidate();
        }

        @Override
        public int count()
        {
            return table.count();
        }

        @Override
        public InstrumentState state(final int slot)
        {
            return table.state(slot);
        }

        @Override
        public int quote(final int slot, final QuoteAdjustment adjustment)
        {
            final int decision = table.quote(slot, adjustment);
            if (table.state(slot).instrumentId() == instrumentId)
            {
                adjustment.askSpreadMult = Double.NaN;
            }
            return decision;
        }

        @Override
        public int unknownCause()
        {
            return table.unknownCause();
        }
    }
}
