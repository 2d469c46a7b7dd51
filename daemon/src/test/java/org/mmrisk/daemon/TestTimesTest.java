package org.mmrisk.daemon;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TestTimesTest
{
    @Test
    void shouldMoveEveryInstantByTheOffsetThatPutsTheLatestTimeAtTheEnd()
    {
        final String script = "{\"time\":\"2026-11-25T08:00:00Z\",\"expiry\":\"2026-12-27T08:00:00Z\"}\n" +
            "{\"time\":\"2026-11-25T08:00:02.5Z\",\"exchangeTime\":\"2026-11-25T08:00:01.9Z\"}";

        final String shifted = TestTimes.shiftedToEndAt(script, Instant.parse("2031-03-01T12:00:00Z"));

        assertThat(shifted).isEqualTo(
            "{\"time\":\"2031-03-01T11:59:57.500Z\",\"expiry\":\"2031-04-02T11:59:57.500Z\"}\n" +
            "{\"time\":\"2031-03-01T12:00:00Z\",\"exchangeTime\":\"2031-03-01T11:59:59.400Z\"}");
    }
}
