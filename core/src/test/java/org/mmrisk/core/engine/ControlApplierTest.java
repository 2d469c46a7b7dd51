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
