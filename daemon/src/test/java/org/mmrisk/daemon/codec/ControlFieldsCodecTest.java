package org.mmrisk.daemon.codec;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.mmrisk.codecs.AlertDecoder;
import org.mmrisk.codecs.ControlDecoder;
import org.mmrisk.codecs.MessageHeaderEncoder;
import org.mmrisk.core.engine.RejectReason;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ControlCommand;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.daemon.egress.OutputAdapter;
import org.mmrisk.daemon.egress.OutputEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The correlation id of {@code Control} and the command fields of {@code Alert} (schema version 3) travel intact,
 * and messages of version 2, without them, still decode with the fields absent.
 */
class ControlFieldsCodecTest
{
    private static final long BTC = AsciiCode.pack("BTC");

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);

    @Test
    void shouldCarryTheCorrelationIdOfAControl()
    {
        final int length = new InputEncoder().encode(control(77), buffer, 0);
        final RiskEvent decoded = new RiskEvent();

        assertThat(new InputDecoder().decode(buffer, 0, length, decoded)).isNull();

        assertThat(decoded.correlationId).isEqualTo(77);
        assertThat(decoded.command).isEqualTo(ControlCommand.SET_LIMIT);
    }

    @Test
    void shouldReadAVersion2ControlWithoutCorrelationId()
    {
        final int length = new InputEncoder().encode(control(77), buffer, 0);
        final int oldLength = asVersion2(ControlDecoder.correlationIdEncodingOffset(), length);
        final RiskEvent decoded = new RiskEvent();

        assertThat(new InputDecoder().decode(buffer, 0, oldLength, decoded)).isNull();

        assertThat(decoded.correlationId).isZero();
        assertThat(decoded.value).isEqualTo(50);
        assertThat(decoded.command).isEqualTo(ControlCommand.SET_LIMIT);
    }

    @Test
    void shouldCarryTheCommandFieldsOfAnAlert()
    {
        final Alert alert = rejected();
        new OutputEncoder().encode(alert, buffer);

        final Alert decoded = decode(OutputEncoder.ALERT_LENGTH);

        assertThat(decoded.command).isEqualTo(ControlCommand.SET_LIMIT);
        assertThat(decoded.limitNameText()).isEqualTo("delta");
        assertThat(decoded.correlationId).isEqualTo(77);
        assertThat(decoded.sourceId).isEqualTo(2);
        assertThat(decoded.rejectReason).isEqualTo(RejectReason.UNKNOWN_UNDERLYING.ordinal());
        assertThat(new AlertDecoder().wrapAndApplyHeader(buffer, 0, new org.mmrisk.codecs.MessageHeaderDecoder())
            .toString()).contains("command=SET_LIMIT").contains("rejectReason=UNKNOWN_UNDERLYING");
    }

    @Test
    void shouldReadAVersion2AlertWithNoCommand()
    {
        new OutputEncoder().encode(rejected(), buffer);
        final int oldLength = asVersion2(AlertDecoder.correlationIdEncodingOffset(), OutputEncoder.ALERT_LENGTH);

        final Alert decoded = decode(oldLength);

        assertThat(decoded.code).isEqualTo(AlertCode.CONTROL_REJECTED);
        assertThat(decoded.command).isNull();
        assertThat(decoded.limitNameLength).isZero();
        assertThat(decoded.correlationId).isZero();
        assertThat(decoded.sourceId).isEqualTo(RiskEvent.NO_SOURCE);
        assertThat(decoded.rejectReason).isEqualTo(Alert.NO_REASON);
    }

    private static RiskEvent control(final long correlationId)
    {
        final RiskEvent e = new RiskEvent().reset();
        e.type = EventType.CONTROL;
        e.sendTimeNs = 1_795_000_000_000_000_000L;
        e.command = ControlCommand.SET_LIMIT;
        e.underlying = BTC;
        e.limitName("delta");
        e.value = 50;
        e.correlationId = correlationId;
        return e;
    }

    private static Alert rejected()
    {
        final RiskEvent command = control(77);
        return new Alert().set(1_795_000_000_000_000_000L, AlertCode.CONTROL_REJECTED, BTC, 0, 50, Double.NaN,
            QuotingState.NORMAL).command(command.command, command.limitName, command.limitNameLength, 77, 2,
            RejectReason.UNKNOWN_UNDERLYING.ordinal());
    }

    /**
     * Rewrites the header as a version 2 writer would have written it: the block ends where version 3 added fields.
     */
    private int asVersion2(final int blockLength, final int length)
    {
        buffer.putShort(MessageHeaderEncoder.versionEncodingOffset(), (short)2, java.nio.ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(MessageHeaderEncoder.blockLengthEncodingOffset(), (short)blockLength,
            java.nio.ByteOrder.LITTLE_ENDIAN);
        return MessageHeaderEncoder.ENCODED_LENGTH + blockLength;
    }

    private Alert decode(final int length)
    {
        final Alert[] seen = new Alert[1];
        new OutputAdapter(new RiskOutput()
        {
            public void onQuoteAdjustment(final QuoteAdjustment q)
            {
            }

            public void onRiskSnapshot(final RiskSnapshot s)
            {
            }

            public void onAlert(final Alert a)
            {
                seen[0] = new Alert().copyFrom(a);
            }

            public void onHedgeSignal(final HedgeSignal h)
            {
            }
        }, (seq, wall, engine, lastOut, lastJournal) -> { }).onMessage(buffer, 0, length, 0);
        assertThat(seen[0]).isNotNull();
        return seen[0];
    }
}
