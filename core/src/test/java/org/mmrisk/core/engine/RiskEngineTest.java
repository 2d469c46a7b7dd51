package org.mmrisk.core.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.exposure.ContractRisk;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.pricing.Black76;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mmrisk.core.engine.TestEvents.DAY_NS;
import static org.mmrisk.core.engine.TestEvents.T0;

class RiskEngineTest
{
    private static final int INDEX = 1;
    private static final int PERP = 2;
    private static final int FUTURE = 3;
    private static final int CALL = 4;
    private static final double SPOT = 100_000;

    private final TestEvents events = new TestEvents();
    private final RecordingOutput output = new RecordingOutput();
    /** Without the scenario work: its repeats of an adjustment with new sizes would blur the counts of the skew's. */
    private final EngineConfig config = withoutScenarios(new EngineConfig().maxQuotesPerSecond(0)).conclude();

    static EngineConfig withoutScenarios(final EngineConfig config)
    {
        config.scenario().enabled(false);
        return config;
    }
    private RiskEngine engine;

    @BeforeEach
    void setUp()
    {
        engine = new RiskEngine(config, output);
        apply(events.index(INDEX));
        apply(events.inversePerpetual(PERP));
        apply(events.linearFuture(FUTURE, T0 + 60 * DAY_NS));
        apply(events.inverseOption(CALL, T0 + 30 * DAY_NS, 110_000, PutCall.CALL));
        apply(events.tick(T0, INDEX, SPOT, SPOT));
        apply(events.tick(T0, PERP, SPOT, SPOT));
        apply(events.tick(T0, FUTURE, 101_999.5, 102_000.5));
    }

    private RejectReason apply(final RiskEvent event)
    {
        return TestEvents.apply(engine, event);
    }

    private UnderlyingRisk btc()
    {
        return engine.underlyings().get(0);
    }

    @Test
    void shouldGiveCoinSettledOptionIndexDeltaAndGammaEqualToFiniteDifferencesOfItsUsdValue()
    {
        final double forward = 101_000;
        final double vol = 0.6;
        apply(events.optionTick(T0 + 1, CALL, 0.03, 0.031, vol, forward));
        final ContractRisk risk = engine.instruments().get(CALL).risk();

        final double basis = forward / SPOT;
        final double years = (30 * DAY_NS - 1) / (365.25 * 86_400e9);
        final double h = 5.0;
        final double up = usdValueOfCoinOption(SPOT + h, basis, years, vol);
        final double mid = usdValueOfCoinOption(SPOT, basis, years, vol);
        final double down = usdValueOfCoinOption(SPOT - h, basis, years, vol);

        assertThat(risk.priced).isTrue();
        assertThat(risk.delta).isCloseTo((up - down) / (2 * h), within(1e-8));
        assertThat(risk.gamma).isCloseTo((up - 2 * mid + down) / (h * h), within(1e-9));
        assertThat(risk.priceUsd).isCloseTo(mid, within(1e-9));
        final double coinPremium = mid / SPOT;
        assertThat(risk.premiumAdjustedDelta).isCloseTo(risk.forwardDelta - coinPremium, within(1e-12));
    }

    /**
     * USD value of one coin-settled call: S · C(F)/F with F = b·S (the basis held fixed).
     */
    private static double usdValueOfCoinOption(final double spot, final double basis, final double years,
        final double vol)
    {
        final double forward = basis * spot;
        return spot * Black76.price(true, forward, 110_000, years, vol, 0.0) / forward;
    }

    @Test
    void shouldNetLinearFutureDeltaAsContractsTimesSizeTimesBasis()
    {
        apply(events.fill(T0 + 1, FUTURE, Side.BUY, 300, 102_000));

        assertThat(btc().delta()).isCloseTo(300 * 0.01 * 102_000 / SPOT, within(1e-12));
        assertThat(btc().deltaUsd()).isCloseTo(300 * 0.01 * 102_000, within(1e-6));
    }

    @Test
    void shouldShiftIndexLikeQuoteByTheAvellanedaStoikovReservationPrice()
    {
        apply(events.fill(T0 + 1, FUTURE, Side.BUY, 300, 102_000));
        final double q = btc().delta();

        final double sigmaUsd = config.indexVolatility() * SPOT;
        final double expected = -q * config.riskAversionPerUsd() * sigmaUsd * sigmaUsd * config.skewHorizonYears();
        assertThat(output.lastShift.get(PERP)).isCloseTo(expected, within(Math.abs(expected) * 1e-12));
        assertThat(expected).isNegative();
    }

    @Test
    void shouldLowerQuotesOfDeltaAddingInstrumentsWhenLongDeltaAndRaiseThemWhenShort()
    {
        apply(events.optionTick(T0 + 1, CALL, 0.03, 0.031, 0.6, 101_000));
        apply(events.fill(T0 + 2, FUTURE, Side.BUY, 3000, 102_000));
        assertThat(output.lastShift.get(PERP)).isNegative();
        assertThat(output.lastShift.get(CALL)).isNegative();
        assertThat(output.lastShiftVol.get(CALL)).isNegative();

        apply(events.fill(T0 + 3, FUTURE, Side.SELL, 6000, 102_000));
        assertThat(output.lastShift.get(PERP)).isPositive();
        assertThat(output.lastShift.get(CALL)).isPositive();
    }

    @Test
    void shouldTraceAQuoteToTheInputOfItsBatchAndToATimerOnlyWhenNoInputTouchedTheUnderlying()
    {
        final RiskEvent fill = events.fill(T0 + 1, FUTURE, Side.BUY, 300, 102_000);
        fill.batchEnd = false;
        final long fillSequence = fill.journalSequence;
        apply(fill);
        // ingress injects a due timer at the end of its batch
        apply(events.timer(T0 + 2));
        assertThat(output.lastQuote.get(PERP).causeJournalSequence).isEqualTo(fillSequence);

        // a batch of a timer alone: the index has gone stale, every instrument re-quotes in a new state
        final RiskEvent timer = events.timer(T0 + 60_000_000_000L);
        final long timerSequence = timer.journalSequence;
        apply(timer);
        assertThat(output.lastQuote.get(PERP).state).isNotEqualTo(org.mmrisk.core.event.QuotingState.NORMAL);
        assertThat(output.lastQuote.get(PERP).causeJournalSequence).isEqualTo(timerSequence);
    }

    @Test
    void shouldEmitAQuoteAdjustmentOnlyWhenTheShiftMovesByTheThreshold()
    {
        apply(events.fill(T0 + 1, FUTURE, Side.BUY, 300, 102_000));
        final int quotesAfterFill = output.quotes;
        apply(events.tick(T0 + 2, FUTURE, 101_999.5, 102_000.5));
        assertThat(output.quotes).isEqualTo(quotesAfterFill);

        apply(events.fill(T0 + 3, FUTURE, Side.BUY, 300, 102_000));
        assertThat(output.quotes).isGreaterThan(quotesAfterFill);
        for (int i = 0; i < output.sequences.size(); i++)
        {
            assertThat(output.sequences.get(i)).isEqualTo(i);
        }
    }

    @Test
    void shouldParkAFillForAnUndefinedInstrumentAndBookItWhenTheDefinitionArrives()
    {
        assertThat(apply(events.fill(T0 + 1, 77, Side.BUY, 100, 102_000))).isNull();
        assertThat(output.alerts).containsExactly(AlertCode.FILL_UNDEFINED_INSTRUMENT);
        assertThat(engine.counters().get(EngineCounter.FILLS_UNDEFINED_INSTRUMENT)).isEqualTo(1);
        assertThat(btc().delta()).isZero();

        apply(events.linearFuture(77, T0 + 60 * DAY_NS));
        apply(events.tick(T0 + 2, 77, 101_999.5, 102_000.5));
        assertThat(btc().delta()).isCloseTo(100 * 0.01 * 1.02, within(1e-12));
    }

    @Test
    void shouldRejectBadValuesWithAReasonAndLeaveStateUntouched()
    {
        apply(events.fill(T0 + 1, FUTURE, Side.BUY, 300, 102_000));
        final double delta = btc().delta();

        assertThat(apply(events.tick(T0 + 2, FUTURE, 102_001, 102_000))).isEqualTo(RejectReason.CROSSED_MARKET);
        assertThat(apply(events.tick(T0 + 2, FUTURE, -1, 102_000))).isEqualTo(RejectReason.NON_POSITIVE_PRICE);
        assertThat(apply(events.tick(T0 + 2, 999, 1, 2))).isEqualTo(RejectReason.UNKNOWN_INSTRUMENT);
        assertThat(apply(events.fill(T0 + 2, FUTURE, Side.BUY, 0, 102_000)))
            .isEqualTo(RejectReason.NON_POSITIVE_QUANTITY);
        assertThat(apply(events.fill(T0 + 2, FUTURE, Side.BUY, Double.POSITIVE_INFINITY, 102_000)))
            .isEqualTo(RejectReason.NOT_FINITE);
        assertThat(apply(events.fill(T0 + 2, FUTURE, Side.BUY, 1, -5))).isEqualTo(RejectReason.NON_POSITIVE_PRICE);
        assertThat(apply(events.inverseOption(CALL, T0 + 31 * DAY_NS, 110_000, PutCall.CALL)))
            .isEqualTo(RejectReason.INSTRUMENT_REDEFINED);

        assertThat(btc().delta()).isEqualTo(delta);
        assertThat(engine.instruments().get(FUTURE).position().quantity()).isEqualTo(300);
        assertThat(engine.counters().get(EngineCounter.REJECTED)).isEqualTo(7);
        assertThat(engine.counters().rejected(RejectReason.CROSSED_MARKET)).isEqualTo(1);
    }

    @Test
    void shouldProcessAnEventWhoseTimeGoesBackwardsAtThePreviousTimeAndCountIt()
    {
        apply(events.timer(T0 + 10));
        apply(events.timer(T0 + 5));

        assertThat(engine.timeNs()).isEqualTo(T0 + 10);
        assertThat(engine.counters().get(EngineCounter.TIME_CLAMPED)).isEqualTo(1);
    }

    @Test
    void shouldRealizeCoinPnlOfAnInversePerpetualAgainstTheHarmonicMeanEntry()
    {
        apply(events.fill(T0 + 1, PERP, Side.BUY, 1000, 100_000));
        apply(events.fill(T0 + 2, PERP, Side.BUY, 1000, 110_000));
        final double harmonicEntry = 2000 / (1000 / 100_000.0 + 1000 / 110_000.0);
        assertThat(engine.instruments().get(PERP).position().avgPrice()).isCloseTo(harmonicEntry, within(1e-9));

        apply(events.fill(T0 + 3, PERP, Side.SELL, 2000, 120_000));
        final double coinPnl = 2000 * 10 * (1 / harmonicEntry - 1 / 120_000.0);
        assertThat(engine.instruments().get(PERP).position().realizedPnlCoin()).isCloseTo(coinPnl, within(1e-15));
        assertThat(engine.instruments().get(PERP).position().realizedPnlUsd()).isCloseTo(coinPnl * SPOT, within(1e-9));
        assertThat(engine.instruments().get(PERP).position().quantity()).isZero();
    }

    @Test
    void shouldHaltAndResumeQuotingOnControlAndEchoEachCommandAsAnAlert()
    {
        final RiskEvent halt = events.timer(T0 + 1);
        halt.type = org.mmrisk.core.event.EventType.CONTROL;
        halt.command = org.mmrisk.core.event.ControlCommand.HALT;
        halt.underlying = TestEvents.BTC;
        apply(halt);

        assertThat(btc().state()).isEqualTo(org.mmrisk.core.event.QuotingState.HALT);
        assertThat(output.alerts).contains(AlertCode.CONTROL_APPLIED);
    }

    @Test
    void shouldKeepUsdPnlFiniteWhenACoinFillArrivesBeforeAnyIndex()
    {
        engine = new RiskEngine(config, output);
        apply(events.inversePerpetual(PERP));
        final RiskEvent fill = events.fill(T0 + 1, PERP, Side.BUY, 100, 100_000);
        fill.fee = 0.0001;
        fill.feeCurrency = TestEvents.BTC;
        apply(fill);
        apply(events.fill(T0 + 2, PERP, Side.SELL, 100, 110_000));

        assertThat(engine.instruments().get(PERP).position().realizedPnlUsd()).isFinite();
        assertThat(engine.instruments().get(PERP).position().realizedPnlCoin())
            .isCloseTo(100 * 10 * (1 / 100_000.0 - 1 / 110_000.0) - 0.0001, within(1e-15));
    }

    @Test
    void shouldSendTheSnapshotOfABookWithAClosedPositionWithItsEntryAsZero()
    {
        apply(events.fill(T0 + 1, FUTURE, Side.BUY, 300, 102_000));
        apply(events.fill(T0 + 2, FUTURE, Side.SELL, 300, 102_100));
        final int snapshots = output.snapshots;
        apply(events.timer(T0 + 5 * 1_000_000_000L));
        assertThat(output.snapshots).isGreaterThan(snapshots);
        assertThat(output.alerts).doesNotContain(org.mmrisk.core.output.AlertCode.NON_FINITE_OUTPUT);
    }
}
