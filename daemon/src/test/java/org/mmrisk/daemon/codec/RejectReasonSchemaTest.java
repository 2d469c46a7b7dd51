package org.mmrisk.daemon.codec;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.engine.RejectReason;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema's {@code RejectReason} enum (an alert's {@code rejectReason}) is the wire form of core's
 * {@link RejectReason}: same names, numbered by ordinal.
 */
class RejectReasonSchemaTest
{
    @Test
    void shouldListEveryCoreRejectReasonByOrdinal()
    {
        for (final RejectReason reason : RejectReason.VALUES)
        {
            assertThat(org.mmrisk.codecs.RejectReason.get((short)reason.ordinal()).name()).isEqualTo(reason.name());
        }
        assertThat(Arrays.stream(org.mmrisk.codecs.RejectReason.values())
            .filter(wire -> wire != org.mmrisk.codecs.RejectReason.NULL_VAL)).hasSize(RejectReason.VALUES.length);
    }
}
