package org.mmrisk.core.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ControlCommand;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.AlertCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmrisk.core.engine.TestEvents.BTC;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * Operator commands: each is answered by one alert that carries the command, its arguments, its source and its
 * correlation id; a command naming an underlying the engine does not know is refused and changes nothing.
 */
class ControlApplierTest
{
    private static final int INDEX = 1;
    private static final long ETH = AsciiCode.pack("ETH");
    private static final long XRP = AsciiCode.pack("XRP");
    private static final int CONTROL_SOURCE = 2;

    private final TestEvents events = new TestEvents();
    private final RecordingOutput output = new RecordingOutput();
    private RiskEngine engine;

    @BeforeEach
    void setUp()
    {
        engine = new RiskEngine(new EngineConfig().limit(ETH, LimitKind.DELTA, 10).conclude(), output);
        TestEvents.apply(engine, events.index(INDEX));
        TestEvents.apply(engine, events.tick(T0, INDEX, 100_000, 100_000));
    }

    @Test
    void shouldEchoTheCommandItsArgumentsSourceAndCorrelationIdWhenApplied()
    {
        final RiskEvent command = control(ControlCommand.SET_LIMIT, BTC, 42);
        command.limitName("delta");
        command.value = 50;

        assertThat(TestEvents.apply(engine, command)).isNull();

        final Alert alert = lastAlert();
        assertThat(alert.code).isEqualTo(AlertCode.CONTROL_APPLIED);
        assertThat(alert.command).isEqualTo(ControlCommand.SET_LIMIT);
        assertThat(alert.limitNameText()).isEqualTo("delta");
        assertThat(alert.value).isEqualTo(50);
        assertThat(alert.underlying).isEqualTo(BTC);
        assertThat(alert.correlationId).isEqualTo(42);
        assertThat(alert.sourceId).isEqualTo(CONTROL_SOURCE);
        assertThat(alert.rejectReason).isEqualTo(Alert.NO_REASON);
    }

    @Test
    void shouldRefuseACommandNamingAnUnknownUnderlyingAndChangeNothing()
    {
        for (final ControlCommand kind : ControlCommand.VALUES)
        {
            final RiskEvent command = control(kind, XRP, 7 + kind.ordinal());
            command.limitName("delta");
            command.value = 5;

            assertThat(TestEvents.apply(engine, command)).as(kind.name()).isEqualTo(RejectReason.UNKNOWN_UNDERLYING);

            final Alert alert = lastAlert();
            assertThat(alert.code).isEqualTo(AlertCode.CONTROL_REJECTED);
            assertThat(alert.command).isEqualTo(kind);
            assertThat(alert.correlationId).isEqualTo(7 + kind.ordinal());
            assertThat(alert.rejectReason).isEqualTo(RejectReason.UNKNOWN_UNDERLYING.ordinal());
        }
        assertThat(engine.underlyings()).extracting(UnderlyingRisk::code).containsExactly(BTC);
    }

    @Test
    void shouldAcceptAnUnderlyingTheConfigurationNamesBeforeItsInstrumentsArrive()
    {
        assertThat(TestEvents.apply(engine, control(ControlCommand.HALT, ETH, 9))).isNull();

        assertThat(lastAlert().code).isEqualTo(AlertCode.CONTROL_APPLIED);
        assertThat(engine.underlyings()).extracting(UnderlyingRisk::code).contains(ETH);
    }

    @Test
    void shouldGiveTheReasonOfARejectedCommandInItsAlert()
    {
        final RiskEvent command = control(ControlCommand.SET_LIMIT, BTC, 11);
        command.limitName("nonsense");
        command.value = 5;

        assertThat(TestEvents.apply(engine, command)).isEqualTo(RejectReason.INVALID_CONTROL);

        assertThat(lastAlert().code).isEqualTo(AlertCode.CONTROL_REJECTED);
        assertThat(lastAlert().rejectReason).isEqualTo(RejectReason.INVALID_CONTROL.ordinal());
        assertThat(lastAlert().state).isEqualTo(QuotingState.NORMAL);
    }

    @Test
    void shouldRejectALimitOrEquityBeyondTheBoundAsADisabledLimitInDisguiseAndChangeNothing()
    {
        final RiskEvent limit = control(ControlCommand.SET_LIMIT, BTC, 20);
        limit.limitName("delta");
        limit.value = 50;
        assertThat(TestEvents.apply(engine, limit)).isNull();

        limit.correlationId = 21;
        limit.value = 1e308;
        assertThat(TestEvents.apply(engine, limit)).isEqualTo(RejectReason.CONTROL_VALUE_OUT_OF_BOUNDS);
        assertThat(lastAlert().code).isEqualTo(AlertCode.CONTROL_REJECTED);
        assertThat(lastAlert().rejectReason).isEqualTo(RejectReason.CONTROL_VALUE_OUT_OF_BOUNDS.ordinal());
        assertThat(btc().quoting().limit(LimitKind.DELTA)).isEqualTo(50);

        final RiskEvent equity = control(ControlCommand.SET_EQUITY, BTC, 22);
        equity.value = 1e308;
        assertThat(TestEvents.apply(engine, equity)).isEqualTo(RejectReason.CONTROL_VALUE_OUT_OF_BOUNDS);
        assertThat(btc().account().balanceAndCashCoins()).isZero();

        equity.value = -1e16;
        assertThat(TestEvents.apply(engine, equity)).isEqualTo(RejectReason.CONTROL_VALUE_OUT_OF_BOUNDS);
    }

    @Test
    void shouldAcceptALimitAndAnEquityAtTheBound()
    {
        final RiskEvent limit = control(ControlCommand.SET_LIMIT, BTC, 23);
        limit.limitName("delta");
        limit.value = 1e15;
        assertThat(TestEvents.apply(engine, limit)).isNull();
        assertThat(btc().quoting().limit(LimitKind.DELTA)).isEqualTo(1e15);

        final RiskEvent equity = control(ControlCommand.SET_EQUITY, BTC, 24);
        equity.value = 1e15;
        assertThat(TestEvents.apply(engine, equity)).isNull();
        assertThat(btc().account().balanceAndCashCoins()).isEqualTo(1e15);
    }

    @Test
    void shouldClearALimitWithItsOwnCommand()
    {
        final RiskEvent clear = control(ControlCommand.CLEAR_LIMIT, ETH, 25);
        clear.limitName("delta");

        assertThat(TestEvents.apply(engine, clear)).isNull();

        assertThat(eth().quoting().limit(LimitKind.DELTA)).isNaN();
        assertThat(lastAlert().code).isEqualTo(AlertCode.CONTROL_APPLIED);
        assertThat(lastAlert().command).isEqualTo(ControlCommand.CLEAR_LIMIT);
        assertThat(lastAlert().limitNameText()).isEqualTo("delta");
    }

    @Test
    void shouldClearAPortfolioLimitAndRefuseToClearAnUnknownOne()
    {
        final RiskEvent set = control(ControlCommand.SET_LIMIT, AsciiCode.NONE, 26);
        set.limitName("totalVega");
        set.value = 1000;
        assertThat(TestEvents.apply(engine, set)).isNull();

        final RiskEvent clear = control(ControlCommand.CLEAR_LIMIT, AsciiCode.NONE, 27);
        clear.limitName("totalVega");
        assertThat(TestEvents.apply(engine, clear)).isNull();
        assertThat(lastAlert().code).isEqualTo(AlertCode.CONTROL_APPLIED);

        final RiskEvent nonsense = control(ControlCommand.CLEAR_LIMIT, ETH, 28);
        nonsense.limitName("nonsense");
        assertThat(TestEvents.apply(engine, nonsense)).isEqualTo(RejectReason.INVALID_CONTROL);
        final RiskEvent unnamed = control(ControlCommand.CLEAR_LIMIT, ETH, 29);
        assertThat(TestEvents.apply(engine, unnamed)).isEqualTo(RejectReason.INVALID_CONTROL);
        assertThat(engine.underlyings()).extracting(UnderlyingRisk::code).containsExactly(BTC);
    }

    private UnderlyingRisk eth()
    {
        return engine.underlyings().stream().filter(u -> u.code() == ETH).findFirst().orElseThrow();
    }

    private UnderlyingRisk btc()
    {
        return engine.underlyings().stream().filter(u -> u.code() == BTC).findFirst().orElseThrow();
    }

    private RiskEvent control(final ControlCommand kind, final long underlying, final long correlationId)
    {
        final RiskEvent event = events.timer(T0 + 1);
        event.type = EventType.CONTROL;
        event.command = kind;
        event.underlying = underlying;
        event.correlationId = correlationId;
        event.sourceId = CONTROL_SOURCE;
        return event;
    }

    private Alert lastAlert()
    {
        assertThat(output.alertCopies).isNotEmpty();
        return output.alertCopies.get(output.alertCopies.size() - 1);
    }
}
