package org.mmrisk.daemon.codec;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.mmrisk.codecs.AlertDecoder;
import org.mmrisk.codecs.MessageHeaderDecoder;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.daemon.egress.OutputEncoder;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema's {@code AlertCode} enum is the wire form of core's {@link AlertCode}: same names, same numbers, so
 * that every SBE decoder (generated or generic) shows an alert's code by name.
 */
class AlertCodeSchemaTest
{
    @Test
    void shouldListEveryCoreAlertCodeWithItsNumber()
    {
        for (final AlertCode code : AlertCode.VALUES)
        {
            assertThat(org.mmrisk.codecs.AlertCode.get(code.code()).name()).as(code.name()).isEqualTo(code.name());
        }
    }

    @Test
    void shouldListNoCodeThatCoreDoesNotKnow()
    {
        Arrays.stream(org.mmrisk.codecs.AlertCode.values())
            .filter(wire -> wire != org.mmrisk.codecs.AlertCode.NULL_VAL)
            .forEach(wire -> assertThat(AlertCode.fromCode(wire.value())).as(wire.name()).isNotNull()
                .extracting(Enum::name).isEqualTo(wire.name()));
    }

    @Test
    void shouldShowTheAlertCodeByNameWhenDecoded()
    {
        final Alert alert = new Alert().set(1_795_000_000_000_000_000L, AlertCode.UNKNOWN_RISK, AsciiCode.pack("BTC"),
            0, 2, Double.NaN, QuotingState.HALT);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[OutputEncoder.ALERT_LENGTH]);
        new OutputEncoder().encode(alert, buffer);

        final AlertDecoder decoder = new AlertDecoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());

        assertThat(decoder.code()).isEqualTo(org.mmrisk.codecs.AlertCode.UNKNOWN_RISK);
        assertThat(decoder.toString()).contains("code=UNKNOWN_RISK");
    }
}
