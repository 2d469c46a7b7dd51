package org.mmrisk.core.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.output.AlertCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * Gateways re-send fills after reconnects: (venue, fill id) is applied once; ids are remembered for the configured
 * horizon on exchange time, and a fill older than that is held for an operator instead of applied.
 */
class ExactlyOnceFillsTest
{
    private static final int INDEX = 1;
    private static final int PERP = 2;
    private static final long HOUR_NS = 3_600_000_000_000L;

    private final TestEvents events = new TestEvents();
    private final RecordingOutput output = new RecordingOutput();
    private final EngineConfig config = new EngineConfig().fillIdHorizonNs(2 * HOUR_NS).conclude();
    private RiskEngine engine;

    @BeforeEach
    void setUp()
    {
        engine = new RiskEngine(config, output);
        apply(events.index(INDEX));
        apply(events.inversePerpetual(PERP));
        apply(events.tick(T0, INDEX, 100_000, 100_000));
        apply(events.tick(T0, PERP, 100_000, 100_000));
    }

    @Test
    void shouldApplyAResentFillOnceAndLeaveEverythingElseAsItWas()
    {
        assertThat(apply(events.fill(T0 + 1, PERP, Side.BUY, 100, 100_000, "DERIBIT", "uuid-1", T0))).isNull();
        final double quantity = quantity(PERP);
        final double realized = engine.instruments().get(PERP).position().realizedPnlUsd();

        assertThat(apply(events.fill(T0 + 2, PERP, Side.BUY, 100, 100_000, "DERIBIT", "uuid-1", T0)))
            .isEqualTo(RejectReason.DUPLICATE_FILL);
        assertThat(apply(events.fill(T0 + 3, PERP, Side.SELL, 7, 99_000, "DERIBIT", "uuid-1", T0 + 5)))
            .as("identity is (venue, id), not the fill's values").isEqualTo(RejectReason.DUPLICATE_FILL);

        assertThat(quantity(PERP)).isEqualTo(quantity).isEqualTo(100);
        assertThat(engine.instruments().get(PERP).position().realizedPnlUsd()).isEqualTo(realized);
        assertThat(engine.counters().get(EngineCounter.FILLS)).isEqualTo(1);
        assertThat(engine.counters().get(EngineCounter.FILLS_DUPLICATE)).isEqualTo(2);
    }

    @Test
    void shouldTreatTheSameIdOnAnotherVenueAsAnotherFill()
    {
        apply(events.fill(T0 + 1, PERP, Side.BUY, 100, 100_000, "DERIBIT", "42", T0));
        assertThat(apply(events.fill(T0 + 2, PERP, Side.BUY, 50, 100_000, "OKX", "42", T0))).isNull();
        assertThat(quantity(PERP)).isEqualTo(150);
    }

    @Test
    void shouldHoldAndAlertAFillOlderThanTheHorizonWithoutApplyingIt()
    {
        final long nowNs = T0 + 3 * HOUR_NS;
        final RejectReason reason = apply(events.fill(nowNs, PERP, Side.SELL, 30, 100_000, "DERIBIT", "late", T0));

        assertThat(reason).isEqualTo(RejectReason.FILL_BEYOND_HORIZON);
        assertThat(quantity(PERP)).isZero();
        assertThat(output.alerts).contains(AlertCode.FILL_BEYOND_HORIZON);
        assertThat(output.alertValues.get(output.alerts.indexOf(AlertCode.FILL_BEYOND_HORIZON))).isEqualTo(-30.0);
        assertThat(engine.heldFills().size()).isEqualTo(1);
        assertThat(engine.heldFills().get(0).quantity).isEqualTo(30);
        assertThat(engine.counters().get(EngineCounter.FILLS_HELD)).isEqualTo(1);
    }

    @Test
    void shouldForgetIdsPastTheHorizonAndHoldTheirResendsRatherThanCountThemTwice()
    {
        apply(events.fill(T0 + 1, PERP, Side.BUY, 100, 100_000, "DERIBIT", "old", T0));
        apply(events.fill(T0 + 3 * HOUR_NS, PERP, Side.BUY, 1, 100_000, "DERIBIT", "new", T0 + 3 * HOUR_NS));
        assertThat(engine.seenFills().size()).isEqualTo(1);
        assertThat(engine.counters().get(EngineCounter.FILL_IDS_FORGOTTEN)).isEqualTo(1);

        final RiskEvent resend = events.fill(T0 + 3 * HOUR_NS, PERP, Side.BUY, 100, 100_000, "DERIBIT", "old", T0);
        assertThat(apply(resend)).isEqualTo(RejectReason.FILL_BEYOND_HORIZON);
        assertThat(quantity(PERP)).isEqualTo(101);
    }

    @Test
    void shouldApplyAndAlertAFillWhoseExchangeTimeGoesBackWithinItsVenue()
    {
        apply(events.fill(T0 + 1, PERP, Side.BUY, 100, 100_000, "DERIBIT", "a", T0 + 1_000_000_000L));
        assertThat(apply(events.fill(T0 + 2, PERP, Side.BUY, 50, 100_000, "DERIBIT", "b", T0))).isNull();

        assertThat(quantity(PERP)).isEqualTo(150);
        assertThat(output.alerts).contains(AlertCode.EXCHANGE_TIME_BACKWARDS);
        assertThat(output.alertValues.get(output.alerts.indexOf(AlertCode.EXCHANGE_TIME_BACKWARDS))).isEqualTo(1.0);
        assertThat(engine.counters().get(EngineCounter.FILLS_EXCHANGE_TIME_BACKWARDS)).isEqualTo(1);
        assertThat(apply(events.fill(T0 + 3, PERP, Side.BUY, 1, 100_000, "OKX", "c", T0))).as("another venue").isNull();
        assertThat(engine.counters().get(EngineCounter.FILLS_EXCHANGE_TIME_BACKWARDS)).isEqualTo(1);
    }

    @Test
    void shouldRejectATickOlderThanTheOneHeld()
    {
        final RiskEvent newer = events.tick(T0 + 2, PERP, 100_100, 100_110);
        newer.exchangeTimeNs = T0 + 2;
        assertThat(apply(newer)).isNull();
        final RiskEvent older = events.tick(T0 + 3, PERP, 99_000, 99_010);
        older.exchangeTimeNs = T0 + 1;
        assertThat(apply(older)).isEqualTo(RejectReason.STALE_TICK);
        assertThat(engine.instruments().get(PERP).midOrMark()).isEqualTo(100_105);
    }

    private double quantity(final int id)
    {
        return engine.instruments().get(id).position().quantity();
    }

    private RejectReason apply(final RiskEvent event)
    {
        return TestEvents.apply(engine, event);
    }
}
