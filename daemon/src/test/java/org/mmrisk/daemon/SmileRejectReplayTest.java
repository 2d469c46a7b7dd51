package org.mmrisk.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.daemon.replay.ReplayRunner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vol updates the surface refuses, through {@code risk replay}: each is {@code INVALID_SMILE} with the check as its
 * {@code detail}, a {@code SMILE_REJECTED} alert whose value is the check's number (docs/pricing.md, "Surface"), and
 * a count under {@code rejectedByReason}; an expired smile and an empty surface are no exception.
 */
class SmileRejectReplayTest
{
    private static final String SMILE = "\"a\":0.02,\"b\":0.1,\"rho\":-0.5,\"m\":0,\"sigma\":0.2";
    private static final String EVENTS = String.join("\n",
        "{\"type\":\"instrument\",\"instrumentId\":1,\"symbol\":\"BTC-INDEX\",\"venue\":\"DERIBIT\",\"kind\":\"INDEX\"," +
            "\"underlying\":\"BTC\",\"settlement\":\"LINEAR\",\"quoteCurrency\":\"USD\",\"settleCurrency\":\"USD\"," +
            "\"contractSize\":1,\"contractUnit\":\"COIN\",\"tickSize\":0.01}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:00Z\",\"instrumentId\":1,\"bid\":95000,\"ask\":95000}",
        "{\"type\":\"surface\",\"time\":\"2026-11-25T08:00:01Z\",\"underlying\":\"BTC\",\"smiles\":[" +
            "{\"expiry\":\"2026-12-27T08:00:00Z\"," + SMILE + "}]}",
        // line 4: a smile whose expiry is not after engine time
        "{\"type\":\"vol\",\"time\":\"2026-11-25T08:00:02Z\",\"underlying\":\"BTC\"," +
            "\"expiry\":\"2026-11-25T08:00:02Z\"," + SMILE + "}",
        // line 5: a surface with one live and one expired smile
        "{\"type\":\"surface\",\"time\":\"2026-11-25T08:00:03Z\",\"underlying\":\"BTC\",\"smiles\":[" +
            "{\"expiry\":\"2026-11-24T08:00:00Z\"," + SMILE + "},{\"expiry\":\"2026-12-27T08:00:00Z\"," + SMILE + "}]}",
        // line 6: a surface with no smile
        "{\"type\":\"surface\",\"time\":\"2026-11-25T08:00:04Z\",\"underlying\":\"BTC\",\"smiles\":[]}",
        // line 7: a surface without its smiles field is a line that does not parse
        "{\"type\":\"surface\",\"time\":\"2026-11-25T08:00:05Z\",\"underlying\":\"BTC\"}",
        // line 8: a valid smile is still applied
        "{\"type\":\"vol\",\"time\":\"2026-11-25T08:00:06Z\",\"underlying\":\"BTC\"," +
            "\"expiry\":\"2027-03-26T08:00:00Z\"," + SMILE.replace("0.02", "0.04") + "}");

    private static JsonNode state;

    @BeforeAll
    static void replay() throws IOException
    {
        state = new ReplayRunner(new EngineConfig().conclude(), false)
            .runLines(new BufferedReader(new StringReader(EVENTS))).state();
    }

    @Test
    void shouldRejectExpiredSmilesAndEmptySurfacesAsInvalidSmilesWithTheirCheck()
    {
        final JsonNode rejects = state.get("rejects");
        assertThat(rejects).hasSize(4);
        assertReject(rejects.get(0), 4, "INVALID_SMILE", "EXPIRED");
        assertReject(rejects.get(1), 5, "INVALID_SMILE", "EXPIRED");
        assertReject(rejects.get(2), 6, "INVALID_SMILE", "EMPTY_SURFACE");
        assertReject(rejects.get(3), 7, "MISSING_FIELD", "smiles");
    }

    @Test
    void shouldAlertEachRejectedSmileWithTheNumberOfItsCheck()
    {
        final List<JsonNode> alerts = new ArrayList<>();
        state.get("alerts").forEach(alert ->
        {
            if (alert.get("code").asText().equals("SMILE_REJECTED"))
            {
                alerts.add(alert);
            }
        });
        // pricing.md's table of checks: 11 EXPIRED, 12 EMPTY_SURFACE
        assertThat(alerts).extracting(alert -> alert.get("value").asInt()).containsExactly(11, 11, 12);
        assertThat(alerts).allSatisfy(alert -> assertThat(alert.get("underlying").asText()).isEqualTo("BTC"));
    }

    @Test
    void shouldCountTheRejectsUnderInvalidSmile()
    {
        final JsonNode counters = state.get("counters");
        assertThat(counters.get("rejectedByReason").get("INVALID_SMILE").asLong()).isEqualTo(3);
        assertThat(counters.get("rejectedByReason").has("EXPIRED_INSTRUMENT")).isFalse();
        assertThat(counters.get("rejectedByReason").has("MISSING_FIELD")).isFalse();
        assertThat(counters.get("rejected").asLong()).isEqualTo(3);
        assertThat(counters.get("linesRejectedAtParse").asLong()).isEqualTo(1);
        assertThat(counters.get("volUpdates").asLong()).isEqualTo(2);
    }

    private static void assertReject(final JsonNode reject, final int line, final String reason, final String detail)
    {
        assertThat(reject.get("line").asInt()).isEqualTo(line);
        assertThat(reject.get("reason").asText()).isEqualTo(reason);
        assertThat(reject.get("detail").asText()).isEqualTo(detail);
    }
}
