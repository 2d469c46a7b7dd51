package org.mmrisk.core.engine;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.config.HedgeConfig;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ControlCommand;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.exposure.ContractRisk;
import org.mmrisk.core.limits.Ladder;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.QuoteAdjustment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mmrisk.core.engine.TestEvents.BTC;
import static org.mmrisk.core.engine.TestEvents.DAY_NS;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * The quoting state machine: each rung of the ladder and its hysteresis, stale data, unknown risk, fills while
 * halted, operator commands, the multi-Greek skew, the rate cap and hedge sizing.
 */
class QuotingLadderTest
{
    private static final int INDEX = 1;
    private static final int PERP = 2;
    private static final int FUTURE = 3;
    private static final int CALL = 4;
    private static final long SECOND_NS = 1_000_000_000L;

    private final TestEvents events = new TestEvents();
    private final RecordingOutput output = new RecordingOutput();
    private RiskEngine engine;
    private long timeNs = T0;

    private void start(final EngineConfig config)
    {
        engine = new RiskEngine(config.conclude(), output);
        apply(events.index(INDEX));
        apply(events.inversePerpetual(PERP));
        apply(events.linearFuture(FUTURE, T0 + 60 * DAY_NS));
        apply(events.inverseOption(CALL, T0 + 30 * DAY_NS, 110_000, PutCall.CALL));
        apply(events.tick(T0, INDEX, 100_000, 100_000));
        apply(events.tick(T0, PERP, 100_000, 100_000));
        apply(events.tick(T0, FUTURE, 101_999.5, 102_000.5));
    }

    private static EngineConfig deltaLimitOfOneCoin()
    {
        return new EngineConfig().maxQuotesPerSecond(0).limit(AsciiCode.NONE, LimitKind.DELTA, 1.0);
    }

    @Test
    void shouldClimbTheLadderAtOnceAndStepDownOnlyPastTheHysteresis()
    {
        start(deltaLimitOfOneCoin());
        // one future contract is 0.01 × 102,000 / 100,000 = 0.0102 coins of delta
        final double[] futures = { 83, 108, 157, 142, 137, 76, 68 };
        final QuotingState[] expected = { QuotingState.WIDEN, QuotingState.REDUCE_ONLY, QuotingState.HALT,
            QuotingState.HALT, QuotingState.REDUCE_ONLY, QuotingState.WIDEN, QuotingState.NORMAL };
        double held = 0;
        for (int i = 0; i < futures.length; i++)
        {
            final double trade = futures[i] - held;
            apply(events.fill(next(), FUTURE, trade > 0 ? Side.BUY : Side.SELL, Math.abs(trade), 102_000));
            held = futures[i];
            assertThat(btc().state()).as("%s contracts, delta %s", held, btc().delta()).isEqualTo(expected[i]);
        }
        final int first = output.alerts.indexOf(AlertCode.LIMIT_DELTA);
        assertThat(output.alertValues.get(first)).isCloseTo(83 * 0.0102, within(1e-12));
        assertThat(output.alertThresholds.get(first)).isEqualTo(1.0);
        assertThat(output.alertStates.get(first)).isEqualTo(QuotingState.WIDEN);
        assertThat(output.alerts.stream().filter(a -> a == AlertCode.LIMIT_DELTA).count()).as("one per change")
            .isEqualTo(6);
    }

    @Test
    void shouldWidenSpreadsThenQuoteOnlyTheReducingSideThenPullEverything()
    {
        start(deltaLimitOfOneCoin());
        apply(events.fill(next(), FUTURE, Side.BUY, 85, 102_000));
        final QuoteAdjustment widen = output.lastQuote.get(PERP);
        assertThat(widen.state).isEqualTo(QuotingState.WIDEN);
        assertThat(widen.bidSpreadMult).isCloseTo(2.0 * (1 + 0.5 * 0.867), within(1e-9));
        assertThat(widen.bidSizeMult).isEqualTo(1);

        apply(events.fill(next(), FUTURE, Side.BUY, 25, 102_000));
        // long delta: buying the perpetual (positive delta) adds, selling it reduces; the option likewise
        assertThat(output.lastQuote.get(PERP).bidSizeMult).isZero();
        assertThat(output.lastQuote.get(PERP).askSizeMult).isEqualTo(1);

        apply(events.fill(next(), FUTURE, Side.BUY, 50, 102_000));
        assertThat(output.lastQuote.get(PERP).state).isEqualTo(QuotingState.HALT);
        assertThat(output.lastQuote.get(PERP).bidSizeMult).isZero();
        assertThat(output.lastQuote.get(PERP).askSizeMult).isZero();
    }

    @Test
    void shouldGoReduceOnlyThenHaltWhenTheIndexIsStaleAndBackWhenItTicks()
    {
        start(new EngineConfig().maxQuotesPerSecond(0).staleAfterNs(5 * SECOND_NS, 15 * SECOND_NS));
        apply(events.timer(T0 + 6 * SECOND_NS));
        assertThat(btc().state()).isEqualTo(QuotingState.REDUCE_ONLY);
        apply(events.timer(T0 + 16 * SECOND_NS));
        assertThat(btc().state()).isEqualTo(QuotingState.HALT);
        apply(events.tick(T0 + 17 * SECOND_NS, INDEX, 100_000, 100_000));
        assertThat(btc().state()).isEqualTo(QuotingState.NORMAL);
        assertThat(output.alerts.stream().filter(a -> a == AlertCode.STALE_DATA).count()).isEqualTo(3);
    }

    @Test
    void shouldHaltOnAPositionItCannotPriceUntilPricedOrResumed()
    {
        start(new EngineConfig().maxQuotesPerSecond(0));
        apply(events.fill(next(), CALL, Side.BUY, 5, 0.02));
        assertThat(btc().state()).as("no vol for the option yet").isEqualTo(QuotingState.HALT);
        assertThat(output.alerts).contains(AlertCode.UNKNOWN_RISK);
        assertThat(engine.instruments().get(CALL).position().quantity()).isEqualTo(5);

        apply(events.fill(next(), FUTURE, Side.BUY, 1, 102_000));
        assertThat(output.alerts).contains(AlertCode.FILL_WHILE_HALTED);
        assertThat(engine.instruments().get(FUTURE).position().quantity()).isEqualTo(1);

        apply(events.optionTick(next(), CALL, 0.02, 0.021, 0.6, 101_000));
        assertThat(btc().state()).isEqualTo(QuotingState.NORMAL);

        apply(events.optionTick(next(), CALL, 0.02, 0.021, 0.6, 101_000));
        final RiskEvent unpriceable = events.inverseOption(9, T0 + 30 * DAY_NS, 120_000, PutCall.CALL);
        apply(unpriceable);
        apply(events.fill(next(), 9, Side.SELL, 1, 0.01));
        assertThat(btc().state()).isEqualTo(QuotingState.HALT);
        apply(control(ControlCommand.RESUME, null, Double.NaN));
        assertThat(btc().state()).as("an operator resumes on what can be priced").isEqualTo(QuotingState.NORMAL);
    }

    @Test
    void shouldHaltWhileAnOverflowingIndexLeavesPositionsUnpricedAndComeBackWithTheNextSaneTick()
    {
        // with the input bounds off: on they reject such a tick (InputBoundsTest), this is the engine behind them
        final EngineConfig config = new EngineConfig().maxQuotesPerSecond(0);
        config.inputBounds().maxPrice(0).maxMovePercent(0);
        start(config);
        apply(events.fill(next(), FUTURE, Side.BUY, 10, 102_000));
        assertThat(btc().state()).isEqualTo(QuotingState.NORMAL);

        // finite and positive, so valid, but the revaluation overflows: the position's risk cannot be known
        assertThat(apply(events.tick(next(), INDEX, 1e308, 1e308))).isNull();
        assertThat(engine.instruments().get(FUTURE).risk().priced).isFalse();
        assertThat(btc().state()).as("no longer quoting on a NaN delta").isEqualTo(QuotingState.HALT);
        assertThat(output.alerts).contains(AlertCode.UNKNOWN_RISK);

        apply(events.tick(next(), INDEX, 100_000, 100_000));
        assertThat(engine.instruments().get(FUTURE).risk().priced).isTrue();
        assertThat(btc().state()).isEqualTo(QuotingState.NORMAL);
        assertThat(btc().delta()).isCloseTo(10 * 0.0102, within(1e-9));
    }

    @Test
    void shouldStayNormalWithADollarGammaLimitBeforeTheFirstIndexTick()
    {
        engine = new RiskEngine(new EngineConfig().maxQuotesPerSecond(0)
            .limit(AsciiCode.NONE, LimitKind.DOLLAR_GAMMA, 1e6).conclude(), output);
        apply(events.index(INDEX));
        apply(events.inversePerpetual(PERP));

        assertThat(btc().state()).isEqualTo(QuotingState.NORMAL);
        assertThat(btc().dollarGammaUsd()).isZero();
        assertThat(output.alerts).doesNotContain(AlertCode.LIMIT_DOLLAR_GAMMA);
    }

    @Test
    void shouldTreatALimitWhoseMeasureIsNotANumberAsBreached()
    {
        assertThat(Ladder.utilization(Double.NaN, 50)).isInfinite();
        assertThat(Ladder.utilization(Double.NaN, Double.NaN)).as("no limit set").isZero();
        assertThat(Ladder.utilization(25, 50)).isEqualTo(0.5);
        assertThat(Ladder.next(QuotingState.NORMAL,
            Ladder.utilization(Double.NaN, 50), new EngineConfig().ladder()))
            .isEqualTo(QuotingState.HALT);
    }

    @Test
    void shouldHaltEveryUnderlyingOfAVenueWhileAFillWaitsForItsInstrument()
    {
        start(new EngineConfig().maxQuotesPerSecond(0));
        apply(events.fill(next(), 555, Side.BUY, 1, 100));
        assertThat(btc().state()).isEqualTo(QuotingState.HALT);
        apply(events.linearFuture(555, T0 + 90 * DAY_NS));
        apply(events.tick(next(), 555, 103_000, 103_001));
        assertThat(btc().state()).isEqualTo(QuotingState.NORMAL);
    }

    @Test
    void shouldApplyOperatorHaltResumeAndSetLimitAndRejectAnUnknownLimit()
    {
        start(new EngineConfig().maxQuotesPerSecond(0));
        assertThat(apply(control(ControlCommand.HALT, "BTC", Double.NaN))).isNull();
        assertThat(btc().state()).isEqualTo(QuotingState.HALT);
        assertThat(apply(control(ControlCommand.RESUME, "BTC", Double.NaN))).isNull();
        assertThat(btc().state()).isEqualTo(QuotingState.NORMAL);

        final RiskEvent setLimit = control(ControlCommand.SET_LIMIT, "BTC", 0.5);
        setLimit.limitName("delta");
        assertThat(apply(setLimit)).isNull();
        assertThat(btc().limit(LimitKind.DELTA)).isEqualTo(0.5);
        apply(events.fill(next(), FUTURE, Side.BUY, 50, 102_000));
        assertThat(btc().state()).isEqualTo(QuotingState.REDUCE_ONLY);

        final RiskEvent bad = control(ControlCommand.SET_LIMIT, "BTC", 1);
        bad.limitName("deltaa");
        assertThat(apply(bad)).isEqualTo(RejectReason.INVALID_CONTROL);
        assertThat(output.alerts).contains(AlertCode.CONTROL_APPLIED, AlertCode.CONTROL_REJECTED);
    }

    @Test
    void shouldLimitTheVegaOfOneExpiryAndThePortfolioLossFromItsPeak()
    {
        start(new EngineConfig().maxQuotesPerSecond(0).limit(AsciiCode.NONE, LimitKind.EXPIRY_VEGA, 100)
            .portfolioLimit(org.mmrisk.core.limits.PortfolioLimitKind.TOTAL_LOSS, 5_000));
        apply(events.optionTick(next(), CALL, 0.02, 0.021, 0.6, 101_000));
        apply(events.fill(next(), CALL, Side.BUY, 10, 0.02));
        final double expiryVega = engine.instruments().get(CALL).risk().vega * 10;
        assertThat(btc().state()).as("vega of the one expiry %s", expiryVega)
            .isEqualTo(expiryVega >= 150 ? QuotingState.HALT : expiryVega >= 100 ? QuotingState.REDUCE_ONLY :
                QuotingState.WIDEN);
        assertThat(output.alerts).contains(AlertCode.LIMIT_EXPIRY_VEGA);
        apply(events.fill(next(), CALL, Side.SELL, 10, 0.02));
        assertThat(btc().state()).isEqualTo(QuotingState.NORMAL);

        apply(events.fill(next(), FUTURE, Side.BUY, 200, 102_000));
        apply(events.tick(next(), FUTURE, 99_000, 99_001));
        // 200 × 0.01 coins lost 3,000 USD each: 6,000 from the peak, above the 5,000 limit: REDUCE_ONLY everywhere
        assertThat(btc().state()).isEqualTo(QuotingState.REDUCE_ONLY);
        assertThat(output.alerts).contains(AlertCode.LIMIT_TOTAL_LOSS);
    }

    @Test
    void shouldMeasureGrossNotionalAcrossLongAndShortPositions()
    {
        start(new EngineConfig().maxQuotesPerSecond(0).limit(AsciiCode.NONE, LimitKind.NOTIONAL, 200_000));
        apply(events.fill(next(), FUTURE, Side.BUY, 100, 102_000));
        // 100 × 0.01 coins at the 100,000 index, plus 10,000 perpetual contracts of $10 short: 200,000 gross
        apply(events.fill(next(), PERP, Side.SELL, 10_000, 100_000));
        assertThat(btc().state()).isEqualTo(QuotingState.REDUCE_ONLY);
        assertThat(output.alertValues.get(output.alerts.lastIndexOf(AlertCode.LIMIT_NOTIONAL)))
            .isCloseTo(200_000, within(1e-6));
        apply(events.fill(next(), PERP, Side.BUY, 10_000, 100_000));
        assertThat(btc().state()).isEqualTo(QuotingState.NORMAL);
    }

    @Test
    void shouldLowerOptionQuotesInVolWhenLongVega()
    {
        start(new EngineConfig().maxQuotesPerSecond(0).riskAversionPerUsd(0).skewWeights(0, 1e-3));
        apply(events.optionTick(next(), CALL, 0.02, 0.021, 0.6, 101_000));
        apply(events.fill(next(), CALL, Side.BUY, 50, 0.02));
        assertThat(btc().vega()).isPositive();
        assertThat(output.lastShiftVol.get(CALL)).isNegative();
        final ContractRisk call = engine.instruments().get(CALL).risk();
        final double shiftUsdPerCoin = -call.vegaPerCoin * 1e-3 * btc().vega();
        // the quote goes out before the batch's re-anchor slice refines the sums (by parts in 1e10 here)
        assertThat(output.lastShift.get(CALL)).isCloseTo(shiftUsdPerCoin / call.forward,
            within(1e-9 * Math.abs(shiftUsdPerCoin / call.forward)));
    }

    @Test
    void shouldHoldBackQuotesBeyondTheRateCapAndSendTheLatestWhenItLifts()
    {
        start(new EngineConfig().maxQuotesPerSecond(2));
        apply(events.fill(T0 + SECOND_NS, FUTURE, Side.BUY, 100, 102_000));
        final int quotes = output.quotes;
        apply(events.fill(T0 + SECOND_NS + 1_000, FUTURE, Side.BUY, 40, 102_000));
        assertThat(output.quotes).isEqualTo(quotes);
        assertThat(engine.counters().get(EngineCounter.QUOTES_RATE_CAPPED)).isPositive();

        apply(events.timer(T0 + 2 * SECOND_NS));
        final double q = btc().delta();
        final double sigmaUsd = 0.6 * 100_000;
        final double expected = -q * 1e-5 * sigmaUsd * sigmaUsd / (365.25 * 24);
        assertThat(output.lastShift.get(PERP)).isCloseTo(expected, within(Math.abs(expected) * 1e-9));
    }

    @Test
    void shouldSizeHedgesForInverseAndLinearContractsAndWaitWhileOneIsOutstanding()
    {
        start(new EngineConfig().maxQuotesPerSecond(0)
            .hedging(BTC, new HedgeConfig("BTC-PERPETUAL", 1.0, true, 10 * SECOND_NS)));
        apply(events.fill(next(), FUTURE, Side.BUY, 250, 102_000));
        assertThat(output.hedges).hasSize(1);
        final HedgeSignal hedge = output.hedges.get(0);
        // 2.55 coins long; the inverse perpetual's $10 contract is 10 / 100,000 coins
        assertThat(hedge.side).isEqualTo(Side.SELL);
        assertThat(hedge.quantity).isEqualTo(25_500);
        assertThat(hedge.deltaBefore).isCloseTo(2.55, within(1e-12));
        assertThat(hedge.deltaTarget).isZero();

        apply(events.fill(next(), FUTURE, Side.BUY, 10, 102_000));
        assertThat(output.hedges).as("one outstanding").hasSize(1);
        apply(events.timer(timeNs += 11 * SECOND_NS));
        assertThat(output.hedges).hasSize(2);

        final RiskEngine linear = new RiskEngine(new EngineConfig().maxQuotesPerSecond(0)
            .hedging(BTC, new HedgeConfig("BTC-USDC-FUT", 1.0, false, SECOND_NS)).conclude(), output);
        engine = linear;
        apply(events.index(INDEX));
        apply(events.linearFuture(FUTURE, T0 + 60 * DAY_NS));
        apply(events.inversePerpetual(PERP));
        apply(events.tick(next(), INDEX, 100_000, 100_000));
        apply(events.tick(next(), FUTURE, 101_999.5, 102_000.5));
        apply(events.tick(next(), PERP, 100_000, 100_000));
        apply(events.fill(next(), PERP, Side.SELL, 30_000, 100_000));
        final HedgeSignal toEdge = output.hedges.get(output.hedges.size() - 1);
        // −3 coins, to the band's edge −1: buy 2 coins of 0.0102-coin contracts
        assertThat(toEdge.side).isEqualTo(Side.BUY);
        assertThat(toEdge.quantity).isEqualTo(Math.rint(2.0 / 0.0102));
        assertThat(toEdge.deltaTarget).isEqualTo(-1.0);
    }

    private RiskEvent control(final ControlCommand command, final String underlying, final double value)
    {
        final RiskEvent e = events.timer(next());
        e.type = EventType.CONTROL;
        e.command = command;
        e.underlying = underlying == null ? AsciiCode.NONE : AsciiCode.pack(underlying);
        e.value = value;
        return e;
    }

    private long next()
    {
        return timeNs += 1_000_000;
    }

    private UnderlyingRisk btc()
    {
        return engine.underlyings().get(0);
    }

    private RejectReason apply(final RiskEvent event)
    {
        return TestEvents.apply(engine, event);
    }
}
