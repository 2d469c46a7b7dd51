package org.mmrisk.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.daemon.replay.ReplayRunner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReplayRunnerTest
{
    static final String EVENTS = String.join("\n",
        "{\"type\":\"instrument\",\"instrumentId\":1,\"symbol\":\"BTC-INDEX\",\"venue\":\"DERIBIT\",\"kind\":\"INDEX\"," +
            "\"underlying\":\"BTC\",\"settlement\":\"LINEAR\",\"quoteCurrency\":\"USD\",\"settleCurrency\":\"USD\"," +
            "\"contractSize\":1,\"contractUnit\":\"COIN\",\"tickSize\":0.01}",
        "{\"type\":\"instrument\",\"instrumentId\":2,\"symbol\":\"BTC-PERPETUAL\",\"venue\":\"DERIBIT\"," +
            "\"kind\":\"PERPETUAL\",\"underlying\":\"BTC\",\"settlement\":\"INVERSE\",\"quoteCurrency\":\"USD\"," +
            "\"settleCurrency\":\"BTC\",\"contractSize\":10,\"contractUnit\":\"USD\",\"tickSize\":0.5}",
        "{\"type\":\"instrument\",\"instrumentId\":3,\"symbol\":\"BTC-27DEC26-100000-C\",\"venue\":\"DERIBIT\"," +
            "\"kind\":\"OPTION\",\"underlying\":\"BTC\",\"settlement\":\"INVERSE\",\"quoteCurrency\":\"BTC\"," +
            "\"settleCurrency\":\"BTC\",\"contractSize\":1,\"contractUnit\":\"COIN\",\"tickSize\":0.0001," +
            "\"expiry\":\"2026-12-27T08:00:00Z\",\"strike\":100000,\"putCall\":\"CALL\"}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:00Z\",\"instrumentId\":1,\"bid\":95000,\"ask\":95000}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:00.000000001Z\",\"instrumentId\":2,\"bid\":95000,\"ask\":95000.5}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:01Z\",\"instrumentId\":3,\"bid\":0.03,\"ask\":0.032," +
            "\"markIv\":0.55,\"underlyingPrice\":95500}",
        "this is not json",
        "{\"type\":\"fill\",\"time\":\"2026-11-25T08:00:02Z\",\"exchangeTime\":\"2026-11-25T08:00:01.9Z\"," +
            "\"venue\":\"DERIBIT\",\"fillId\":\"a1\",\"instrumentId\":3,\"side\":\"BUY\",\"quantity\":10," +
            "\"price\":0.031,\"fee\":0.0003,\"feeCurrency\":\"BTC\"}",
        "{\"type\":\"bogus\",\"time\":\"2026-11-25T08:00:03Z\"}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:04Z\",\"instrumentId\":2,\"bid\":95001,\"ask\":95000}",
        "{\"type\":\"fill\",\"time\":\"2026-11-25T08:00:05Z\",\"venue\":\"DERIBIT\",\"fillId\":\"a2\"," +
            "\"instrumentId\":2,\"side\":\"SELL\",\"quantity\":100,\"price\":95000}",
        "{\"type\":\"timer\",\"time\":\"2026-11-25T08:00:06Z\"}");

    private static JsonNode replay() throws IOException
    {
        return new ReplayRunner(new EngineConfig().conclude(), false)
            .runLines(new BufferedReader(new StringReader(EVENTS))).state();
    }

    @Test
    void shouldWriteTheSameStateTwiceByteForByte() throws IOException
    {
        assertThat(replay().toPrettyString()).isEqualTo(replay().toPrettyString());
    }

    @Test
    void shouldReportBadLinesWithLineNumberAndReasonAndGoOn() throws IOException
    {
        final JsonNode rejects = replay().get("rejects");
        assertThat(rejects).hasSize(4);
        assertThat(rejects.get(0).get("line").asInt()).isEqualTo(7);
        assertThat(rejects.get(0).get("reason").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(rejects.get(1).get("reason").asText()).isEqualTo("UNKNOWN_LINE_TYPE");
        assertThat(rejects.get(2).get("line").asInt()).isEqualTo(10);
        assertThat(rejects.get(2).get("reason").asText()).isEqualTo("CROSSED_MARKET");
        assertThat(rejects.get(3).get("line").asInt()).isEqualTo(11);
        assertThat(rejects.get(3).get("reason").asText()).isEqualTo("MISSING_FIELD");
    }

    @Test
    void shouldBookTheOptionFillAndItsIndexDeltaInTheUnderlying() throws IOException
    {
        final JsonNode state = replay();
        final JsonNode position = state.get("positions").get(0);
        assertThat(position.get("instrumentId").asInt()).isEqualTo(3);
        assertThat(position.get("quantity").asDouble()).isEqualTo(10);
        assertThat(position.get("realizedPnlCoin").asDouble()).isCloseTo(-0.0003, within(1e-15));

        final JsonNode option = state.get("instruments").get(2);
        final JsonNode btc = state.get("underlyings").get(0);
        assertThat(btc.get("underlying").asText()).isEqualTo("BTC");
        // the premium paid and the coin fee leave the coin account, whose equity counts as delta
        final double equityCoins = -10 * 0.031 - 0.0003;
        assertThat(btc.get("equityCoins").asDouble()).isCloseTo(equityCoins, within(1e-15));
        assertThat(btc.get("delta").asDouble())
            .isCloseTo(10 * option.get("delta").asDouble() + equityCoins, within(1e-12));
        assertThat(option.get("delta").asDouble()).isBetween(0.4, 0.7);
        assertThat(state.get("quotes")).isNotEmpty();
        assertThat(state.get("counters").get("fills").asInt()).isEqualTo(1);
    }

    @Test
    void shouldRejectTheNonFiniteNumbersTailWritesAsNotFiniteAndOtherTextAsBadField() throws IOException
    {
        final String index = EVENTS.lines().findFirst().orElseThrow();
        final String tick = "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:00Z\",\"instrumentId\":1,";
        final JsonNode rejects = new ReplayRunner(new EngineConfig().conclude(), false)
            .runLines(new BufferedReader(new StringReader(String.join("\n", index,
                tick + "\"bid\":\"Infinity\",\"ask\":95000}",
                tick + "\"bid\":95000,\"ask\":\"-Infinity\"}",
                tick + "\"bid\":\"NaN\",\"ask\":95000}",
                tick + "\"bid\":\"95000\",\"ask\":95000}"))))
            .state().get("rejects");
        assertThat(rejects).hasSize(4);
        for (int i = 0; i < 3; i++)
        {
            assertThat(rejects.get(i).get("reason").asText()).isEqualTo("NOT_FINITE");
        }
        assertThat(rejects.get(3).get("reason").asText()).isEqualTo("BAD_FIELD");
    }

    @Test
    void shouldRequireTimeOnEveryLineButAnInstrumentWhichTakesThePreviousLinesTime() throws IOException
    {
        final String index = EVENTS.lines().findFirst().orElseThrow();
        final JsonNode state = new ReplayRunner(new EngineConfig().conclude(), false)
            .runLines(new BufferedReader(new StringReader(String.join("\n", index,
                "{\"type\":\"tick\",\"instrumentId\":1,\"bid\":95000,\"ask\":95000}",
                "{\"type\":\"timer\"}",
                "{\"type\":\"timer\",\"time\":\"2026-11-25T08:00:00Z\"}"))))
            .state();
        assertThat(state.get("rejects")).hasSize(2);
        assertThat(state.get("rejects").get(0).get("reason").asText()).isEqualTo("MISSING_FIELD");
        assertThat(state.get("rejects").get(0).get("detail").asText()).isEqualTo("time");
        assertThat(state.get("rejects").get(1).get("line").asInt()).isEqualTo(3);
        assertThat(state.get("instruments")).hasSize(1);
    }
}
