package org.mmrisk.core.engine;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.scenario.MarginFigures;
import org.mmrisk.core.scenario.ScenarioGrid;
import org.mmrisk.core.scenario.ScenarioRisk;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mmrisk.core.engine.TestEvents.DAY_NS;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * The engine's live scenario work against a fresh, full computation ({@link ScenarioReport}) of the same state: the
 * grid kept from risk arrays, the margin and the liquidation distance found on the value curves, a fill's O(points)
 * change of the grid, the two margin limits on the ladder and the largest sizes the margin headroom allows.
 */
class LiveScenarioTest
{
    private static final int INDEX = 1;
    private static final int PERP = 2;
    private static final int PUT = 3;
    private static final int CALL = 4;
    private static final int NEAR_PUT = 5;
    private static final int LINEAR_CALL = 6;
    private static final long MS = 1_000_000L;

    private final TestEvents events = new TestEvents();
    private RecordingOutput output;
    private RiskEngine engine;
    private long now = T0;

    private void start(final EngineConfig config)
    {
        start(config, 3);
    }

    private void start(final EngineConfig config, final double balanceCoins)
    {
        now = T0;
        output = new RecordingOutput();
        engine = new RiskEngine(config.coinBalance(TestEvents.BTC, balanceCoins).conclude(), output);
        apply(events.index(INDEX));
        apply(events.inversePerpetual(PERP));
        apply(events.inverseOption(PUT, T0 + 20 * DAY_NS, 90_000, PutCall.PUT));
        apply(events.inverseOption(CALL, T0 + 20 * DAY_NS, 115_000, PutCall.CALL));
        apply(events.inverseOption(NEAR_PUT, T0 + 2 * DAY_NS, 97_000, PutCall.PUT));
        apply(events.linearOption(LINEAR_CALL, T0 + 45 * DAY_NS, 105_000, PutCall.CALL));
        apply(events.tick(now, INDEX, 100_000, 100_000));
        apply(events.tick(now, PERP, 100_010, 100_020));
        apply(events.optionTick(now, PUT, 0.0095, 0.0105, 0.62, 100_000));
        apply(events.optionTick(now, CALL, 0.0140, 0.0150, 0.58, 100_000));
        apply(events.optionTick(now, NEAR_PUT, 0.0040, 0.0045, 0.70, 100_000));
        apply(events.optionTick(now, LINEAR_CALL, 4_000, 4_100, 0.55, 100_000));
        // a short strangle, a short near put, a long linear call and a perpetual hedge
        apply(events.fill(++now, PUT, Side.SELL, 20, 0.010));
        apply(events.fill(++now, CALL, Side.SELL, 15, 0.0145));
        apply(events.fill(++now, NEAR_PUT, Side.SELL, 10, 0.0042));
        apply(events.fill(++now, LINEAR_CALL, Side.BUY, 200, 4_050));
        apply(events.fill(++now, PERP, Side.SELL, 5_000, 100_015));
    }

    private void apply(final RiskEvent event)
    {
        TestEvents.apply(engine, event);
    }

    /**
     * Timer batches a millisecond apart (time barely moves, the index not at all) until a refresh after the last
     * fill has been made.
     */
    private void runUntilRefreshed()
    {
        final long refreshesBefore = engine.counters().get(EngineCounter.SCENARIO_REFRESHES);
        for (int i = 0; i < 2_000 && engine.counters().get(EngineCounter.SCENARIO_REFRESHES) == refreshesBefore; i++)
        {
            now += MS;
            apply(events.timer(now));
        }
        assertThat(engine.counters().get(EngineCounter.SCENARIO_REFRESHES)).isGreaterThan(refreshesBefore);
    }

    private UnderlyingRisk btc()
    {
        return engine.underlyings().get(0);
    }

    private ScenarioReport.Underlying report()
    {
        final List<ScenarioReport.Underlying> reports = ScenarioReport.compute(engine);
        assertThat(reports).hasSize(1);
        return reports.get(0);
    }

    @Test
    void shouldKeepTheLiveMarginAndLiquidationDistanceWithinTheCurvesErrorOfAFullComputation()
    {
        start(new EngineConfig());
        runUntilRefreshed();
        final MarginFigures live = btc().scenarios().figures();
        final ScenarioReport.Underlying full = report();
        assertThat(full.complete).isTrue();
        assertThat(live.known).isTrue();

        // a millisecond of theta apart: the same numbers to a few parts in a million
        assertThat(live.worstLoss).isCloseTo(full.margin.worstLoss, within(1e-5 * full.margin.worstLoss));
        assertThat(live.contingency).isCloseTo(full.margin.contingency, within(1e-9));
        assertThat(live.equity).isCloseTo(full.margin.equity, within(1e-5 * Math.abs(full.margin.equity)));
        assertThat(full.margin.downMove).isBetween(-0.99, 0.0);
        assertThat(live.downMove).isCloseTo(full.margin.downMove, within(1e-3));
        if (Double.isNaN(full.margin.upMove))
        {
            assertThat(live.upMove).isNaN();
        }
        else
        {
            assertThat(live.upMove).isCloseTo(full.margin.upMove, within(1e-3));
        }
    }

    @Test
    void shouldChangeTheGridByTheFillsQuantityTimesTheInstrumentsRiskArray()
    {
        start(new EngineConfig());
        runUntilRefreshed();
        final ScenarioGrid grid = btc().scenarios().grid();
        final int points = btc().scenarios().points().count();
        final double[] before = new double[points];
        for (int p = 0; p < points; p++)
        {
            before[p] = grid.pnl(p);
        }
        final ScenarioRisk array = engine.instruments().get(PUT).scenarioRisk();
        final double[] perContract = new double[points];
        for (int p = 0; p < points; p++)
        {
            perContract[p] = array.pnl(p);
        }
        apply(events.fill(++now, PUT, Side.BUY, 7, 0.010));
        for (int p = 0; p < points; p++)
        {
            assertThat(grid.pnl(p) - before[p]).isCloseTo(7 * perContract[p],
                within(1e-9 * Math.max(1, Math.abs(before[p]))));
        }
    }

    @Test
    void shouldClimbTheLadderOnTheMarginLimitAndQuoteOnlyTheSideThatLowersTheMargin()
    {
        start(new EngineConfig());
        runUntilRefreshed();
        final double utilization = btc().scenarios().figures().maintenanceUtilization;
        assertThat(utilization).isGreaterThan(0);

        start(new EngineConfig().limit(AsciiCode.NONE, LimitKind.MARGIN_UTILIZATION, utilization / 1.2));
        runUntilRefreshed();
        now += MS;
        apply(events.timer(now));
        assertThat(btc().state()).isEqualTo(QuotingState.REDUCE_ONLY);
        assertThat(output.alerts).contains(AlertCode.LIMIT_MARGIN);
        // the grid's worst point is a crash: a put bought gains there, so only the bid of the short put is quoted
        final QuoteAdjustment put = output.lastQuote.get(PUT);
        assertThat(put.state).isEqualTo(QuotingState.REDUCE_ONLY);
        assertThat(btc().scenarios().points().move(btc().scenarios().gridFigures().worstPoint())).isNegative();
        assertThat(put.bidSizeMult).isEqualTo(1);
        assertThat(put.askSizeMult).isEqualTo(0);
    }

    @Test
    void shouldSizeTheOfferSoThatSellingThatManyMorePutsAtFairValueReachesTheTargetUtilization()
    {
        start(new EngineConfig(), 60);
        runUntilRefreshed();
        assertThat(btc().scenarios().figures().initialUtilization).isLessThan(0.5);
        // the sizes go out with the next adjustment the rate cap lets through
        for (int i = 0; i < 3_000 && Double.isNaN(output.lastQuote.get(NEAR_PUT).askMaxQty); i++)
        {
            now += MS;
            apply(events.timer(now));
        }
        final QuoteAdjustment put = output.lastQuote.get(NEAR_PUT);
        final double askMaxQty = put.askMaxQty;
        assertThat(askMaxQty).isFinite().isPositive();
        assertThat(put.bidMaxQty).isFinite().isPositive();

        assertThat(utilizationAfterSellingNearPuts(0.99 * askMaxQty)).isLessThan(0.5);
        assertThat(utilizationAfterSellingNearPuts(1.01 * askMaxQty)).isGreaterThan(0.5);
    }

    @Test
    void shouldClimbTheLadderWhenTheLiquidationIsCloserThanTheConfiguredDistance()
    {
        start(new EngineConfig(), 60);
        runUntilRefreshed();
        final double distance = btc().scenarios().figures().nearestDistance();
        assertThat(distance).isGreaterThan(0);
        // a minimum distance of 1.25x the nearest: utilization 1.25, between REDUCE_ONLY (1.0) and HALT (1.5)
        start(new EngineConfig().limit(AsciiCode.NONE, LimitKind.LIQUIDATION_PROXIMITY, 1.25 * distance), 60);
        runUntilRefreshed();
        now += MS;
        apply(events.timer(now));
        assertThat(btc().state()).isEqualTo(QuotingState.REDUCE_ONLY);
        assertThat(output.alerts).contains(AlertCode.LIMIT_LIQUIDATION);

        start(new EngineConfig().limit(AsciiCode.NONE, LimitKind.LIQUIDATION_PROXIMITY, 0.5 * distance), 60);
        runUntilRefreshed();
        now += MS;
        apply(events.timer(now));
        assertThat(btc().state()).isEqualTo(QuotingState.NORMAL);
    }

    /**
     * @return the initial-margin utilization of a fresh computation after selling {@code quantity} more near puts at
     * their mid (their fair value).
     */
    private double utilizationAfterSellingNearPuts(final double quantity)
    {
        start(new EngineConfig(), 60);
        apply(events.fill(++now, NEAR_PUT, Side.SELL, quantity, 0.00425));
        return report().margin.initialUtilization;
    }

    @Test
    void shouldCountAPositionFilledBeforeItsInstrumentWasDefinedOnceDefined()
    {
        start(new EngineConfig(), 60);
        final int late = 77;
        apply(events.fill(++now, late, Side.SELL, 12, 0.02));
        apply(events.inverseOption(late, T0 + 20 * DAY_NS, 100_000, PutCall.PUT));
        apply(events.optionTick(++now, late, 0.019, 0.021, 0.6, 100_000));
        runUntilRefreshed();
        final ScenarioReport.Underlying full = report();
        assertThat(full.complete).isTrue();
        final MarginFigures live = btc().scenarios().figures();
        assertThat(live.known).isTrue();
        assertThat(live.worstLoss).isCloseTo(full.margin.worstLoss, within(1e-5 * full.margin.worstLoss));
        assertThat(btc().scenarios().gridFigures().pnl(0)).isCloseTo(full.grid.pnl(0),
            within(1e-5 * Math.abs(full.grid.pnl(0))));
    }

    @Test
    void shouldLagAFullComputationOnlyWithinTheRecentreToleranceAndCatchUpPastIt()
    {
        start(new EngineConfig(), 60);
        runUntilRefreshed();
        // within the tolerance (0.5%) the arrays keep their centres: the grid lags a fresh one by a bounded amount
        apply(events.tick(++now, INDEX, 100_300, 100_300));
        runUntilRefreshed();
        final double lagging = btc().scenarios().figures().worstLoss;
        final double fresh = report().margin.worstLoss;
        assertThat(lagging).isNotEqualTo(fresh);
        assertThat(lagging).isCloseTo(fresh, within(0.02 * fresh));
        // past it every array is re-centred at the next slices: the same figures again
        apply(events.tick(++now, INDEX, 100_900, 100_900));
        runUntilRefreshed();
        runUntilRefreshed();
        assertThat(btc().scenarios().figures().worstLoss).isCloseTo(report().margin.worstLoss,
            within(1e-5 * report().margin.worstLoss));
    }

    @Test
    void shouldContinueTheScenarioWorkOfTwoUnderlyingsExactlyFromARestoredState()
    {
        start(new EngineConfig(), 60);
        final long eth = AsciiCode.pack("ETH");
        apply(ether(events.index(11), eth, "ETH-INDEX"));
        apply(ether(events.inverseOption(12, T0 + 9 * DAY_NS, 3_000, PutCall.PUT), eth, "ETH-OPT-12"));
        apply(events.tick(++now, 11, 3_500, 3_500));
        apply(events.optionTick(++now, 12, 0.010, 0.012, 0.7, 3_500));
        apply(events.fill(++now, 12, Side.SELL, 40, 0.011));
        final EngineConfig config = engine.config();
        for (int i = 0; i < 8; i++)
        {
            now += MS;
            apply(events.timer(now));
        }
        assertThatTheRestoredEngineContinuesAsTheSaved(config);
        // again after a refresh, while its sizing pass is under way
        runUntilRefreshed();
        now += MS;
        apply(events.timer(now));
        assertThatTheRestoredEngineContinuesAsTheSaved(config);
    }

    private void assertThatTheRestoredEngineContinuesAsTheSaved(final EngineConfig config)
    {
        final RecordingOutput restoredOutput = new RecordingOutput();
        final RiskEngine restored = EngineStates.restore(EngineStates.save(engine), config, restoredOutput);
        final int before = output.sequences.size();
        final int marginsBefore = output.margins.size();
        for (int i = 0; i < 400; i++)
        {
            now += MS;
            final RiskEvent timer = events.timer(now);
            TestEvents.apply(engine, timer);
            TestEvents.apply(restored, timer);
        }
        assertThat(output.scenarioGrids).isPositive();
        assertThat(restoredOutput.sequences).isEqualTo(output.sequences.subList(before, output.sequences.size()));
        assertThat(restoredOutput.margins).hasSize(output.margins.size() - marginsBefore);
        for (int i = 1; i <= restoredOutput.margins.size(); i++)
        {
            final org.mmrisk.core.output.MarginStatus a = output.margins.get(output.margins.size() - i);
            final org.mmrisk.core.output.MarginStatus b = restoredOutput.margins.get(restoredOutput.margins.size() - i);
            assertThat(b.underlying).isEqualTo(a.underlying);
            assertThat(b.initial).isEqualTo(a.initial);
            assertThat(b.downMove).isEqualTo(a.downMove);
        }
        restoredOutput.lastQuote.forEach((id, b) ->
        {
            final QuoteAdjustment a = output.lastQuote.get(id);
            assertThat(b.shift).as("instrument %d", id).isEqualTo(a.shift);
            assertThat(b.state).as("instrument %d", id).isEqualTo(a.state);
            assertThat(b.bidSizeMult).as("instrument %d", id).isEqualTo(a.bidSizeMult);
            assertThat(b.askSizeMult).as("instrument %d", id).isEqualTo(a.askSizeMult);
            assertThat(b.bidMaxQty).as("instrument %d", id).isEqualTo(a.bidMaxQty);
            assertThat(b.askMaxQty).as("instrument %d", id).isEqualTo(a.askMaxQty);
        });
        engine = restored;
        output = restoredOutput;
    }

    private static RiskEvent ether(final RiskEvent definition, final long eth, final String symbol)
    {
        definition.underlying = eth;
        definition.symbol(symbol);
        return definition;
    }
}
