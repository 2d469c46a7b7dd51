package org.mmrisk.core.engine;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.time.YearFraction;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmrisk.core.engine.TestEvents.DAY_NS;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * The sanity bounds ({@code engine.inputBounds}): an absurd but finite input is rejected with the reason of its
 * check, alerted with the value and the bound, and leaves the engine's state as it was (its saved bytes, counters
 * and output sequence aside); a value just inside the bound is accepted.
 */
class InputBoundsTest
{
    private static final int INDEX = 1;
    private static final int PERP = 2;
    private static final int CALL = 3;
    private static final long NOW = T0 + 10;
    private static final long EXPIRY = T0 + 30 * DAY_NS;
    private static final double PERP_MID = 100_000.25;

    private final TestEvents events = new TestEvents();
    private final RecordingOutput output = new RecordingOutput();
    private RiskEngine engine;

    private void start(final Consumer<EngineConfig> bounds)
    {
        final EngineConfig config = new EngineConfig();
        bounds.accept(config);
        engine = new RiskEngine(config.conclude(), output);
        TestEvents.apply(engine, events.index(INDEX));
        TestEvents.apply(engine, events.inversePerpetual(PERP));
        TestEvents.apply(engine, events.inverseOption(CALL, EXPIRY, 110_000, PutCall.CALL));
        TestEvents.apply(engine, events.tick(NOW, INDEX, 100_000, 100_000));
        TestEvents.apply(engine, events.tick(NOW, PERP, 100_000, 100_000.5));
        TestEvents.apply(engine, events.optionTick(NOW, CALL, 0.02, 0.021, 0.6, 100_500));
        assertThat(TestEvents.apply(engine, events.fill(NOW, PERP, Side.BUY, 10, 100_000))).isNull();
        EngineStates.settle(engine);
    }

    private void start()
    {
        start(config -> { });
    }

    @Test
    void shouldRejectAFillQuantityBeyondTheBoundAndAcceptOneAtIt()
    {
        start();
        assertRejected(events.fill(NOW, PERP, Side.BUY, 1e300, 100_000), RejectReason.QUANTITY_OUT_OF_BOUNDS, 1e300,
            1e8);
        assertAccepted(events.fill(NOW, PERP, Side.BUY, 1e8, 100_000));
    }

    @Test
    void shouldRejectAFillPriceBeyondTheAbsoluteCapAndAcceptOneAtIt()
    {
        start(config -> config.inputBounds().maxFillPriceRatio(0));
        assertRejected(events.fill(NOW, PERP, Side.SELL, 1, 1e300), RejectReason.PRICE_OUT_OF_BOUNDS, 1e300, 1e9);
        assertAccepted(events.fill(NOW, PERP, Side.SELL, 1, 1e9));
    }

    @Test
    void shouldRejectAFillPriceTooFarAboveOrBelowTheInstrumentsMidAndAcceptOneJustInside()
    {
        start();
        assertRejected(events.fill(NOW, PERP, Side.BUY, 1, PERP_MID * 101), RejectReason.PRICE_AWAY_FROM_MARK, 101,
            100);
        assertRejected(events.fill(NOW, PERP, Side.BUY, 1, PERP_MID / 101), RejectReason.PRICE_AWAY_FROM_MARK,
            1.0 / 101, 100);
        assertAccepted(events.fill(NOW, PERP, Side.BUY, 1, PERP_MID * 99));
        assertAccepted(events.fill(NOW, PERP, Side.BUY, 1, PERP_MID / 99));
    }

    @Test
    void shouldLetAWorthlessOptionTradeAtItsMinimumTickButNotFarAboveIt()
    {
        start();
        assertAccepted(events.markTick(NOW, CALL, 1e-8));
        assertAccepted(events.fill(NOW, CALL, Side.BUY, 1, 0.0001));
        assertRejected(events.fill(NOW, CALL, Side.BUY, 1, 0.0101), RejectReason.PRICE_AWAY_FROM_MARK, 0.0101 / 1e-8,
            100);
    }

    @Test
    void shouldRejectAFillThatWouldLeaveAPositionBeyondTheBound()
    {
        start(config -> config.inputBounds().maxPositionContracts(100));
        assertRejected(events.fill(NOW, PERP, Side.BUY, 91, 100_000), RejectReason.POSITION_OUT_OF_BOUNDS, 101, 100);
        assertRejected(events.fill(NOW, PERP, Side.SELL, 111, 100_000), RejectReason.POSITION_OUT_OF_BOUNDS, -101,
            100);
        assertAccepted(events.fill(NOW, PERP, Side.BUY, 90, 100_000));
        assertThat(engine.instruments().get(PERP).position().quantity()).isEqualTo(100);
    }

    @Test
    void shouldRejectAPositionMessageBeyondTheBoundsAndAcceptOneAtThem()
    {
        start();
        assertRejected(position(1e300, 100_000), RejectReason.POSITION_OUT_OF_BOUNDS, 1e300, 1e9);
        assertRejected(position(-2e9, 100_000), RejectReason.POSITION_OUT_OF_BOUNDS, -2e9, 1e9);
        assertRejected(position(5, 1e300), RejectReason.PRICE_OUT_OF_BOUNDS, 1e300, 1e9);
        assertAccepted(position(-1e9, 100_000));
    }

    @Test
    void shouldRejectATickPriceBeyondTheCapAndAcceptOneAtIt()
    {
        start(config -> config.inputBounds().maxMovePercent(0));
        assertRejected(events.tick(NOW, INDEX, 1e300, 1e300), RejectReason.PRICE_OUT_OF_BOUNDS, 1e300, 1e9);
        final RiskEvent mark = events.tick(NOW, PERP, 100_000, 100_001);
        mark.mark = 2e9;
        assertRejected(mark, RejectReason.PRICE_OUT_OF_BOUNDS, 2e9, 1e9);
        assertAccepted(events.tick(NOW, INDEX, 1e9, 1e9));
    }

    @Test
    void shouldRejectAnIndexOrMarkMoveBeyondTheBoundInOneTickAndAcceptOneWithin()
    {
        start();
        assertRejected(events.tick(NOW, INDEX, 151_000, 151_000), RejectReason.MOVE_OUT_OF_BOUNDS, 51, 50);
        assertRejected(events.markTick(NOW, PERP, 40_000), RejectReason.MOVE_OUT_OF_BOUNDS,
            (1 - 40_000 / PERP_MID) * 100, 50);
        assertAccepted(events.tick(NOW, INDEX, 149_000, 149_000));
        // the next move is measured from the accepted tick
        assertAccepted(events.tick(NOW, INDEX, 200_000, 200_000));
    }

    @Test
    void shouldTakeAMoveBeyondTheBoundAfreshOnceTheLastAcceptedTickIsAsOldAsTheStalenessStep()
    {
        start();
        final long staleNs = new EngineConfig().staleReduceAfterNs();
        TestEvents.apply(engine, events.timer(NOW + staleNs));
        EngineStates.settle(engine);
        assertRejected(events.tick(NOW + staleNs, INDEX, 160_000, 160_000), RejectReason.MOVE_OUT_OF_BOUNDS, 60, 50);
        assertAccepted(events.tick(NOW + staleNs + 1, INDEX, 160_000, 160_000));
        assertRejected(events.tick(NOW + staleNs + 1, INDEX, 60_000, 60_000), RejectReason.MOVE_OUT_OF_BOUNDS, 62.5,
            50);
    }

    @Test
    void shouldRejectAMarkIvBeyondTheCapAndAcceptOneAtIt()
    {
        start();
        assertRejected(events.optionTick(NOW, CALL, 0.02, 0.021, 1e9, 100_500), RejectReason.VOL_OUT_OF_BOUNDS, 1e9,
            10);
        assertAccepted(events.optionTick(NOW, CALL, 0.02, 0.021, 10, 100_500));
    }

    @Test
    void shouldRejectASmileWhoseAtTheMoneyVolIsBeyondTheCapAndAcceptOneJustInside()
    {
        start();
        final double years = YearFraction.years(NOW, EXPIRY);
        final RiskEvent absurd = events.smiles(NOW, false);
        events.smile(EXPIRY, 1e9, 0.1, 0, 0, 0.1);
        assertRejected(absurd, RejectReason.VOL_OUT_OF_BOUNDS, Math.sqrt((1e9 + 0.01) / years), 10);

        final RiskEvent surface = events.smiles(NOW, true);
        events.smile(EXPIRY, 9.9 * 9.9 * years - 0.01, 0.1, 0, 0, 0.1);
        assertAccepted(surface);
    }

    @Test
    void shouldTurnABoundOffAtZero()
    {
        start(config -> config.inputBounds().maxFillContracts(0).maxPositionContracts(0));
        assertAccepted(events.fill(NOW, PERP, Side.BUY, 1e12, 100_000));
    }

    private RiskEvent position(final double quantity, final double avgPrice)
    {
        final RiskEvent event = events.tick(NOW, PERP, 0, 0);
        event.type = org.mmrisk.core.event.EventType.POSITION;
        event.bid = Double.NaN;
        event.ask = Double.NaN;
        event.quantity = quantity;
        event.price = avgPrice;
        return event;
    }

    private void assertRejected(final RiskEvent event, final RejectReason reason, final double value,
        final double bound)
    {
        final byte[] before = EngineStates.saveWithoutCounters(engine);
        final int alerts = output.alertCopies.size();

        assertThat(TestEvents.apply(engine, event)).isEqualTo(reason);

        final byte[] after = EngineStates.saveWithoutCounters(engine);
        assertThat(firstDifference(before, after)).as("state unchanged: first byte that differs").isEqualTo(-1);
        assertThat(output.alertCopies).hasSize(alerts + 1);
        final Alert alert = output.alertCopies.get(alerts);
        assertThat(alert.code).isEqualTo(AlertCode.INPUT_OUT_OF_BOUNDS);
        assertThat(alert.rejectReason).isEqualTo(reason.ordinal());
        assertThat(alert.value).isCloseTo(value, org.assertj.core.api.Assertions.within(Math.abs(value) * 1e-9));
        assertThat(alert.threshold).isEqualTo(bound);
        assertThat(engine.counters().rejected(reason)).isPositive();
    }

    private static int firstDifference(final byte[] before, final byte[] after)
    {
        return java.util.Arrays.mismatch(before, after);
    }

    private void assertAccepted(final RiskEvent event)
    {
        final int alerts = output.alertCopies.size();
        assertThat(TestEvents.apply(engine, event)).isNull();
        EngineStates.settle(engine);
        assertThat(output.alertCopies.subList(alerts, output.alertCopies.size())).extracting(a -> a.code)
            .doesNotContain(AlertCode.INPUT_OUT_OF_BOUNDS);
    }
}
