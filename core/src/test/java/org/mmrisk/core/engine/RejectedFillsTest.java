package org.mmrisk.core.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.AlertCode;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmrisk.core.engine.TestEvents.BTC;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * A fill dated in the future is refused (it would anchor the venue's time order and the fill-id horizon on a time
 * that has not come), and every rejected fill is alerted once, with its reason.
 */
class RejectedFillsTest
{
    private static final int INDEX = 1;
    private static final int PERP = 2;
    private static final long SECOND_NS = 1_000_000_000L;
    private static final long HOUR_NS = 3600 * SECOND_NS;
    private static final long YEAR_2200_NS = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond() * SECOND_NS;

    private final TestEvents events = new TestEvents();
    private final RecordingOutput output = new RecordingOutput();
    private RiskEngine engine;

    @BeforeEach
    void setUp()
    {
        engine = new RiskEngine(new EngineConfig().fillIdHorizonNs(24 * HOUR_NS).conclude(), output);
        TestEvents.apply(engine, events.index(INDEX));
        TestEvents.apply(engine, events.inversePerpetual(PERP));
        TestEvents.apply(engine, events.tick(T0, INDEX, 100_000, 100_000));
        TestEvents.apply(engine, events.tick(T0, PERP, 100_000, 100_001));
        assertThat(TestEvents.apply(engine, fill(T0, "real-1", T0))).isNull();
        EngineStates.settle(engine);
    }

    @Test
    void shouldRejectAFutureDatedFillAndKeepAcceptingTheVenuesRealFills()
    {
        final byte[] before = EngineStates.saveWithoutCounters(engine);

        assertThat(TestEvents.apply(engine, fill(T0, "bogus", YEAR_2200_NS)))
            .isEqualTo(RejectReason.EXCHANGE_TIME_AHEAD);

        assertThat(EngineStates.saveWithoutCounters(engine)).as("state unchanged").isEqualTo(before);
        final Alert alert = lastAlert();
        assertThat(alert.code).isEqualTo(AlertCode.EXCHANGE_TIME_AHEAD);
        assertThat(alert.rejectReason).isEqualTo(RejectReason.EXCHANGE_TIME_AHEAD.ordinal());
        assertThat(alert.value).isEqualTo((YEAR_2200_NS - T0) / 1e9);
        assertThat(alert.threshold).isEqualTo(60);
        assertThat(alert.underlying).isEqualTo(BTC);

        assertThat(TestEvents.apply(engine, fill(T0 + SECOND_NS, "real-2", T0 + SECOND_NS))).isNull();
        assertThat(TestEvents.apply(engine, fill(T0 + 2 * SECOND_NS, "real-3", T0 + 2 * SECOND_NS))).isNull();
        assertThat(output.alerts).doesNotContain(AlertCode.EXCHANGE_TIME_BACKWARDS);
        assertThat(engine.counters().get(EngineCounter.FILLS_EXCHANGE_TIME_BACKWARDS)).isZero();
        assertThat(engine.instruments().get(PERP).position().quantity()).isEqualTo(3);
    }

    @Test
    void shouldStillForgetFillIdsBeyondTheHorizonAfterAFutureDatedFill()
    {
        TestEvents.apply(engine, fill(T0, "bogus", YEAR_2200_NS));
        TestEvents.apply(engine, fill(T0 + SECOND_NS, "real-2", T0 + SECOND_NS));
        assertThat(engine.seenFills().size()).isEqualTo(2);

        final long dayLater = T0 + 25 * HOUR_NS;
        TestEvents.apply(engine, events.tick(dayLater, INDEX, 100_000, 100_000));
        assertThat(TestEvents.apply(engine, fill(dayLater, "real-4", dayLater))).isNull();

        assertThat(engine.counters().get(EngineCounter.FILL_IDS_FORGOTTEN)).isEqualTo(2);
        assertThat(engine.seenFills().size()).isEqualTo(1);
    }

    @Test
    void shouldAcceptAFillAheadOfEngineTimeByAtMostTheTolerance()
    {
        assertThat(TestEvents.apply(engine, fill(T0, "ahead", T0 + 60 * SECOND_NS))).isNull();
        assertThat(TestEvents.apply(engine, fill(T0, "too-far", T0 + 60 * SECOND_NS + 1)))
            .isEqualTo(RejectReason.EXCHANGE_TIME_AHEAD);
    }

    @Test
    void shouldRejectATickDatedInTheFutureSoThatLaterTicksAreNotStale()
    {
        final RiskEvent bogus = events.tick(T0, PERP, 100_000, 100_001);
        bogus.exchangeTimeNs = YEAR_2200_NS;
        assertThat(TestEvents.apply(engine, bogus)).isEqualTo(RejectReason.EXCHANGE_TIME_AHEAD);
        assertThat(lastAlert().code).isEqualTo(AlertCode.EXCHANGE_TIME_AHEAD);

        final RiskEvent real = events.tick(T0 + SECOND_NS, PERP, 100_001, 100_002);
        real.exchangeTimeNs = T0 + SECOND_NS;
        assertThat(TestEvents.apply(engine, real)).isNull();
    }

    @Test
    void shouldAlertEveryRejectedFillWithItsReasonAndSignedQuantity()
    {
        final int alerts = output.alertCopies.size();

        assertThat(TestEvents.apply(engine, fill(T0, "real-1", T0))).isEqualTo(RejectReason.DUPLICATE_FILL);
        final RiskEvent missingPrice = fill(T0, "no-price", T0);
        missingPrice.side = Side.SELL;
        missingPrice.price = Double.NaN;
        assertThat(TestEvents.apply(engine, missingPrice)).isEqualTo(RejectReason.MISSING_FIELD);
        final RiskEvent noSide = fill(T0, "no-side", T0);
        noSide.side = null;
        assertThat(TestEvents.apply(engine, noSide)).isEqualTo(RejectReason.MISSING_FIELD);

        assertThat(output.alertCopies.subList(alerts, output.alertCopies.size()))
            .extracting(a -> a.code, a -> a.rejectReason, a -> a.value, a -> a.instrumentId, a -> a.underlying)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertCode.FILL_REJECTED, RejectReason.DUPLICATE_FILL.ordinal(), 1.0,
                    PERP, BTC),
                org.assertj.core.groups.Tuple.tuple(AlertCode.FILL_REJECTED, RejectReason.MISSING_FIELD.ordinal(), -1.0,
                    PERP, BTC),
                org.assertj.core.groups.Tuple.tuple(AlertCode.FILL_REJECTED, RejectReason.MISSING_FIELD.ordinal(),
                    Double.NaN, PERP, BTC));
        assertThat(engine.instruments().get(PERP).position().quantity()).isEqualTo(1);
    }

    private RiskEvent fill(final long timeNs, final String fillId, final long exchangeTimeNs)
    {
        return events.fill(timeNs, PERP, Side.BUY, 1, 100_000, "DERIBIT", fillId, exchangeTimeNs);
    }

    private Alert lastAlert()
    {
        return output.alertCopies.get(output.alertCopies.size() - 1);
    }
}
