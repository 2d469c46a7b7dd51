package org.mmrisk.core.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.output.QuoteAdjustment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmrisk.core.engine.TestEvents.DAY_NS;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * An instrument that was quoted and can no longer be priced gets a HALT quote adjustment in the same batch, with an
 * alert that says why, and a NORMAL one again once it is priced. The option here has no smile: it is priced at the
 * volatility its own mid implies, and a mid below its intrinsic value implies none.
 */
class UnknownRiskQuoteTest
{
    private static final int INDEX = 1;
    private static final int FUTURE = 3;
    private static final int PUT = 5;
    private static final int OTHER_PUT = 6;
    private static final long EXPIRY_NS = T0 + 30 * DAY_NS;

    private final TestEvents events = new TestEvents();
    private final RecordingOutput output = new RecordingOutput();
    private RiskEngine engine;

    @BeforeEach
    void setUp()
    {
        // without the scenario work: its size repeats would blur the counts of the skew's adjustments
        engine = new RiskEngine(RiskEngineTest.withoutScenarios(new EngineConfig().maxQuotesPerSecond(0)).conclude(),
            output);
        apply(events.index(INDEX));
        apply(events.linearFuture(FUTURE, EXPIRY_NS));
        apply(events.inverseOption(PUT, EXPIRY_NS, 120_000, PutCall.PUT));
        apply(events.inverseOption(OTHER_PUT, EXPIRY_NS, 125_000, PutCall.PUT));
        apply(events.tick(T0, INDEX, 100_000, 100_000));
        apply(events.tick(T0, FUTURE, 100_999.5, 101_000.5));
        apply(events.tick(T0, PUT, 0.19, 0.21));
        apply(events.tick(T0, OTHER_PUT, 0.24, 0.26));
    }

    private RejectReason apply(final RiskEvent event)
    {
        return TestEvents.apply(engine, event);
    }

    @Test
    void shouldHaltAQuotedInstrumentInTheBatchItCanNoLongerBePriced()
    {
        assertThat(quote(PUT).state).isEqualTo(QuotingState.NORMAL);
        final int quotesBefore = output.quotes;

        // the put is worth at least (120,000 − 101,000)/101,000 ≈ 0.188 coin: a mid of 0.095 implies no volatility
        assertThat(apply(events.tick(T0 + 1, PUT, 0.09, 0.1))).isNull();

        assertThat(engine.instruments().get(PUT).risk().priced).isFalse();
        assertThat(output.quotes).isEqualTo(quotesBefore + 1);
        final QuoteAdjustment halt = quote(PUT);
        assertThat(halt.state).isEqualTo(QuotingState.HALT);
        assertThat(halt.bidSizeMult).isZero();
        assertThat(halt.askSizeMult).isZero();
        assertThat(halt.shift).isFinite();
        assertThat(halt.bidSpreadMult).isFinite();
        assertThat(halt.shiftVol).isFinite();
        final Alert alert = lastAlert(AlertCode.QUOTE_UNKNOWN_RISK);
        assertThat(alert.instrumentId).isEqualTo(PUT);
        assertThat(alert.value).isEqualTo(SkewBatch.UNPRICED);
        assertThat(alert.state).isEqualTo(QuotingState.HALT);
        assertThat(engine.counters().get(EngineCounter.QUOTES_UNKNOWN_RISK)).isEqualTo(1);
        assertThat(quote(OTHER_PUT).state).as("the rest of the book quotes on").isEqualTo(QuotingState.NORMAL);
    }

    @Test
    void shouldSendTheHaltOnceAndQuoteNormallyAgainOncePriced()
    {
        apply(events.tick(T0 + 1, PUT, 0.09, 0.1));
        final int quotesAfterHalt = output.quotes;

        apply(events.tick(T0 + 2, PUT, 0.08, 0.1));
        apply(events.timer(T0 + 3));
        assertThat(output.quotes).as("nothing new while it stays unpriced").isEqualTo(quotesAfterHalt);

        apply(events.tick(T0 + 4, PUT, 0.19, 0.21));
        assertThat(engine.instruments().get(PUT).risk().priced).isTrue();
        assertThat(quote(PUT).state).isEqualTo(QuotingState.NORMAL);
        assertThat(quote(PUT).bidSizeMult).isEqualTo(1.0);
        assertThat(engine.counters().get(EngineCounter.QUOTES_UNKNOWN_RISK)).isEqualTo(1);
    }

    @Test
    void shouldHaltTheUnpricedInstrumentItselfWhenItsPositionHaltsTheUnderlying()
    {
        apply(events.fill(T0 + 1, PUT, Side.BUY, 1, 0.2));

        apply(events.tick(T0 + 2, PUT, 0.09, 0.1));

        assertThat(engine.underlyings().get(0).state()).as("unknown risk halts the underlying")
            .isEqualTo(QuotingState.HALT);
        assertThat(quote(OTHER_PUT).state).isEqualTo(QuotingState.HALT);
        assertThat(quote(PUT).state).as("and the instrument it cannot price").isEqualTo(QuotingState.HALT);
        assertThat(quote(PUT).bidSizeMult).isZero();
        assertThat(quote(PUT).shift).isFinite();
    }

    @Test
    void shouldHaltAnOptionPricedOnlyByASmileWhenThatSmileExpires()
    {
        final int call = 8;
        final long smileExpiryNs = T0 + 10_000_000_000L;
        apply(events.inverseOption(call, EXPIRY_NS, 110_000, PutCall.CALL));
        events.smiles(T0 + 1, true);
        // a 61% at-the-money vol over the smile's 10 s
        assertThat(apply(events.smile(smileExpiryNs, 1e-7, 1e-7, -0.4, 0, 0.2))).isNull();
        assertThat(quote(call).state).as("priced by the surface's only smile").isEqualTo(QuotingState.NORMAL);

        // the smile expires between ticks: the re-anchor slice after this batch's outputs finds the call unpriced
        apply(events.tick(smileExpiryNs + 1, INDEX, 100_000, 100_000));
        assertThat(engine.instruments().get(call).risk().priced).isFalse();

        // and its HALT goes out at the next batch, even one that touches nothing of the underlying
        assertThat(apply(events.tick(smileExpiryNs + 2, 999, 1, 1))).isEqualTo(RejectReason.UNKNOWN_INSTRUMENT);
        assertThat(quote(call).state).isEqualTo(QuotingState.HALT);
        assertThat(quote(call).bidSizeMult).isZero();
        assertThat(lastAlert(AlertCode.QUOTE_UNKNOWN_RISK).instrumentId).isEqualTo(call);
        assertThat(quote(OTHER_PUT).state).as("priced by its own mid").isEqualTo(QuotingState.NORMAL);
    }

    @Test
    void shouldSendNothingForAnInstrumentNeverQuoted()
    {
        apply(events.inverseOption(7, EXPIRY_NS, 130_000, PutCall.PUT));
        final int quotesBefore = output.quotes;

        apply(events.tick(T0 + 1, 7, 0.1, 0.11));

        assertThat(engine.instruments().get(7).risk().priced).isFalse();
        assertThat(output.lastQuote).doesNotContainKey(7);
        assertThat(output.quotes).isEqualTo(quotesBefore);
        assertThat(output.alerts).doesNotContain(AlertCode.QUOTE_UNKNOWN_RISK);
    }

    /**
     * The skew table decides the halts of instruments that can no longer be priced exactly as a full pass over every
     * instrument: random marks above and below the options' intrinsic values, fills and index moves, under a rate
     * cap and with blocks of two instruments.
     */
    @Test
    void shouldHaltAndResumeExactlyAsAFullPassDoes()
    {
        for (int seed = 1; seed <= 4; seed++)
        {
            final EngineConfig config = new EngineConfig().maxQuotesPerSecond(50).skewBlockInstruments(2)
                .skewWeights(1e-9, 1e-6).conclude();
            final QuoteLines withTable = new QuoteLines();
            final QuoteLines fullPass = new QuoteLines();
            final RiskEngine[] engines = { new RiskEngine(config, withTable), new RiskEngine(config, fullPass) };
            FullPassSkew.use(engines[1]);
            final TestEvents book = new TestEvents();
            final java.util.function.Consumer<RiskEvent> both = e ->
            {
                for (final RiskEngine each : engines)
                {
                    TestEvents.apply(each, e);
                }
            };
            both.accept(book.index(INDEX));
            both.accept(book.linearFuture(FUTURE, EXPIRY_NS));
            for (int i = 0; i < 9; i++)
            {
                both.accept(book.inverseOption(10 + i, EXPIRY_NS, 104_000 + 2_000 * i, PutCall.PUT));
            }
            both.accept(book.tick(T0, INDEX, 100_000, 100_000));
            both.accept(book.tick(T0, FUTURE, 100_999.5, 101_000.5));
            final java.util.Random random = new java.util.Random(seed);
            long timeNs = T0;
            double spot = 100_000;
            for (int step = 0; step < 2_000; step++)
            {
                timeNs += random.nextInt(40_000_000);
                final int kind = random.nextInt(10);
                final int id = 10 + random.nextInt(9);
                final double intrinsic = (104_000 + 2_000 * (id - 10) - 101_000) / 101_000.0;
                if (kind < 5)
                {
                    // mostly above the intrinsic value (priced), sometimes below it (no volatility: unpriced)
                    final double mid = intrinsic + (random.nextInt(4) == 0 ? -0.02 : 0.03) + 0.01 * random.nextDouble();
                    both.accept(book.tick(timeNs, id, mid - 0.001, mid + 0.001));
                }
                else if (kind < 7)
                {
                    spot *= Math.exp(0.001 * random.nextGaussian());
                    both.accept(book.tick(timeNs, INDEX, spot, spot));
                }
                else if (kind < 9)
                {
                    both.accept(book.fill(timeNs, id, random.nextBoolean() ? Side.BUY : Side.SELL,
                        0.1 * (1 + random.nextInt(20)), intrinsic + 0.03));
                }
                else
                {
                    both.accept(book.timer(timeNs));
                }
            }
            assertThat(withTable.lines).as("seed %d", seed).isEqualTo(fullPass.lines);
            assertThat(withTable.lines.stream().filter(line -> line.endsWith("HALT")).count())
                .as("halts went out").isGreaterThan(10);
            assertThat(engines[0].counters().get(EngineCounter.QUOTES_UNKNOWN_RISK))
                .isEqualTo(engines[1].counters().get(EngineCounter.QUOTES_UNKNOWN_RISK)).isPositive();
            assertThat(engines[0].counters().get(EngineCounter.QUOTES_RATE_CAPPED))
                .isEqualTo(engines[1].counters().get(EngineCounter.QUOTES_RATE_CAPPED));
        }
    }

    /**
     * Every quote adjustment as one line of text, in order.
     */
    private static final class QuoteLines implements org.mmrisk.core.output.RiskOutput
    {
        final java.util.List<String> lines = new java.util.ArrayList<>();

        @Override
        public void onQuoteAdjustment(final QuoteAdjustment q)
        {
            lines.add(q.sequence + " " + q.timeNs + " " + q.instrumentId + " " + q.shift + " " + q.shiftVol + " " +
                q.bidSpreadMult + " " + q.bidSizeMult + " " + q.askSizeMult + " " + q.state);
        }

        @Override
        public void onRiskSnapshot(final org.mmrisk.core.output.RiskSnapshot snapshot)
        {
        }

        @Override
        public void onAlert(final Alert alert)
        {
        }

        @Override
        public void onHedgeSignal(final org.mmrisk.core.output.HedgeSignal signal)
        {
        }
    }

    private QuoteAdjustment quote(final int instrumentId)
    {
        return output.lastQuote.get(instrumentId);
    }

    private Alert lastAlert(final AlertCode code)
    {
        for (int i = output.alertCopies.size() - 1; i >= 0; i--)
        {
            if (output.alertCopies.get(i).code == code)
            {
                return output.alertCopies.get(i);
            }
        }
        throw new AssertionError("no " + code + " in " + output.alerts);
    }
}
