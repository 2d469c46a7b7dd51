package org.mmrisk.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Limits, the ladder and hedging driven end to end through {@code risk replay --config}: an event file and a
 * config file in, the state document out.
 */
class QuotingReplayTest
{
    private static final String INSTRUMENTS = String.join("\n",
        "{\"type\":\"instrument\",\"instrumentId\":1,\"symbol\":\"BTC-INDEX\",\"venue\":\"DERIBIT\",\"kind\":\"INDEX\"," +
            "\"underlying\":\"BTC\",\"settlement\":\"LINEAR\",\"quoteCurrency\":\"USD\",\"settleCurrency\":\"USD\"," +
            "\"contractSize\":1,\"contractUnit\":\"COIN\",\"tickSize\":0.01}",
        "{\"type\":\"instrument\",\"instrumentId\":2,\"symbol\":\"BTC-PERPETUAL\",\"venue\":\"DERIBIT\"," +
            "\"kind\":\"PERPETUAL\",\"underlying\":\"BTC\",\"settlement\":\"INVERSE\",\"quoteCurrency\":\"USD\"," +
            "\"settleCurrency\":\"BTC\",\"contractSize\":10,\"contractUnit\":\"USD\",\"tickSize\":0.5}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T09:00:00Z\",\"instrumentId\":1,\"bid\":100000,\"ask\":100000}",
        "{\"type\":\"tick\",\"time\":\"2026-11-25T09:00:00Z\",\"instrumentId\":2,\"bid\":100000,\"ask\":100000}");

    private static final String CONFIG = String.join("\n",
        "engine:",
        "  equityDelta: false",
        "  limits: {BTC: {delta: 1.0}}",
        "  hedging: {BTC: {instrument: BTC-PERPETUAL, bandCoins: 1.5, target: zero, timeoutMs: 60000}}");

    @TempDir
    Path dir;

    @Test
    void shouldWidenThenHaltAndSignalAHedgeFromAConfigFile() throws IOException
    {
        final JsonNode state = replay(INSTRUMENTS + "\n" +
            fill("f1", "BUY", 9_000) + "\n" + fill("f2", "BUY", 9_000));

        final JsonNode btc = state.get("underlyings").get(0);
        assertThat(btc.get("delta").asDouble()).isCloseTo(1.8, within(1e-9));
        assertThat(btc.get("state").asText()).isEqualTo("HALT");
        final List<String> codes = state.get("alerts").findValuesAsText("code");
        assertThat(codes).containsSubsequence("LIMIT_DELTA", "LIMIT_DELTA");
        final JsonNode widen = state.get("alerts").get(codes.indexOf("LIMIT_DELTA"));
        assertThat(widen.get("state").asText()).isEqualTo("WIDEN");
        assertThat(widen.get("value").asDouble()).isCloseTo(0.9, within(1e-9));
        assertThat(widen.get("threshold").asDouble()).isEqualTo(1.0);

        final JsonNode hedge = state.get("hedges").get(0);
        assertThat(hedge.get("symbol").asText()).isEqualTo("BTC-PERPETUAL");
        assertThat(hedge.get("side").asText()).isEqualTo("SELL");
        assertThat(hedge.get("quantity").asDouble()).isEqualTo(18_000);
        assertThat(state.get("hedges")).hasSize(1);
    }

    /**
     * A put priced from its own mid, with no smile: a mid below its intrinsic value implies no volatility, and its
     * quote goes to HALT in that batch with the reason; a mid above it again quotes it normally.
     */
    @Test
    void shouldHaltTheQuoteOfAnOptionThatCanNoLongerBePricedAndQuoteItAgainOncePriced() throws IOException
    {
        final String put = "{\"type\":\"instrument\",\"instrumentId\":3,\"symbol\":\"BTC-25DEC26-120000-P\"," +
            "\"venue\":\"DERIBIT\",\"kind\":\"OPTION\",\"underlying\":\"BTC\",\"settlement\":\"INVERSE\"," +
            "\"quoteCurrency\":\"BTC\",\"settleCurrency\":\"BTC\",\"contractSize\":1,\"contractUnit\":\"COIN\"," +
            "\"tickSize\":0.0001,\"expiry\":\"2026-12-25T08:00:00Z\",\"strike\":120000,\"putCall\":\"PUT\"}";
        final String priced = putTick("09:00:01", 0.21, 0.23);
        // worth at least (120,000 − 100,000)/100,000 = 0.2 coin
        final String belowIntrinsic = putTick("09:00:02", 0.1, 0.11);

        final JsonNode halted = replay(INSTRUMENTS + "\n" + put + "\n" + priced + "\n" + belowIntrinsic);
        final JsonNode haltedQuote = quoteOf(halted, 3);
        assertThat(haltedQuote.get("state").asText()).isEqualTo("HALT");
        assertThat(haltedQuote.get("bidSizeMult").asDouble()).isZero();
        assertThat(haltedQuote.get("askSizeMult").asDouble()).isZero();
        assertThat(haltedQuote.get("shift").isNumber()).isTrue();
        final JsonNode alert = halted.get("alerts").findParents("code").stream()
            .filter(a -> "QUOTE_UNKNOWN_RISK".equals(a.get("code").asText())).findFirst().orElseThrow();
        assertThat(alert.get("instrumentId").asInt()).isEqualTo(3);
        assertThat(alert.get("value").asDouble()).isEqualTo(1.0);
        assertThat(halted.get("counters").get("quotesUnknownRisk").asLong()).isEqualTo(1);

        final JsonNode again = replay(INSTRUMENTS + "\n" + put + "\n" + priced + "\n" + belowIntrinsic + "\n" +
            putTick("09:00:03", 0.21, 0.23));
        assertThat(quoteOf(again, 3).get("state").asText()).isEqualTo("NORMAL");
        assertThat(quoteOf(again, 3).get("bidSizeMult").asDouble()).isEqualTo(1.0);
    }

    private static String putTick(final String time, final double bid, final double ask)
    {
        return "{\"type\":\"tick\",\"time\":\"2026-11-25T" + time + "Z\",\"instrumentId\":3,\"bid\":" + bid +
            ",\"ask\":" + ask + "}";
    }

    private static JsonNode quoteOf(final JsonNode state, final int instrumentId)
    {
        for (final JsonNode quote : state.get("quotes"))
        {
            if (quote.get("instrumentId").asInt() == instrumentId)
            {
                return quote;
            }
        }
        throw new AssertionError("no quote of " + instrumentId);
    }

    private static String fill(final String id, final String side, final int contracts)
    {
        return "{\"type\":\"fill\",\"time\":\"2026-11-25T09:00:01Z\",\"exchangeTime\":\"2026-11-25T09:00:01Z\"," +
            "\"venue\":\"DERIBIT\",\"fillId\":\"" + id + "\",\"instrumentId\":2,\"side\":\"" + side + "\"," +
            "\"quantity\":" + contracts + ",\"price\":100000,\"fee\":0}";
    }

    private JsonNode replay(final String events) throws IOException
    {
        final Path eventsFile = Files.writeString(dir.resolve("events.jsonl"), events);
        final Path config = Files.writeString(dir.resolve("risk.yaml"), "dataDir: data\n" + CONFIG + "\n");
        final Path stateFile = dir.resolve("state.json");
        final int exit = RiskCli.commandLine().execute("replay", "--events", eventsFile.toString(),
            "--state-out", stateFile.toString(), "--config", config.toString());
        assertThat(exit).isZero();
        return new ObjectMapper().readTree(stateFile.toFile());
    }
}
