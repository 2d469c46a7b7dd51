package org.mmrisk.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.json.EventJsonReader;
import org.mmrisk.daemon.json.EventJsonWriter;
import org.mmrisk.daemon.replay.ReplayRunner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Through {@code risk replay}: the P&L explain's trading P&L, edge and inventory for a linear future and an inverse
 * perpetual, every figure worked by hand.
 * <p>
 * BTC index 100,000. Linear future (0.01 BTC, USD): book 101,990 / 102,010 (mid 102,000); buy 100 at 101,990, fee
 * 0.50 USD: edge 100 × 0.01 × 10 − 0.50 = 9.50. Inverse perpetual (10 USD): book 99,950 / 100,050 (mid 100,000); buy
 * 1,000 at 99,950, a rebate of 0.00002 BTC: edge 10,000 × (1/99,950 − 1/100,000) + 0.00002 BTC = 0.0000700250…
 * BTC, 7.00250… USD. At second 5 the future's book is 102,490 / 102,510, the index 105,000 and the perpetual's book
 * 104,950 / 105,050. A timer at second 10 takes the last snapshot; then the future sells 40 at 102,510 with a
 * rebate of 0.20 USD: edge 40 × 0.01 × 10 + 0.20 = 4.20.
 * <p>
 * Trading P&L: the future realized 40 × 0.01 × 520 − 0.30 = 207.70 and unrealized 60 × 0.01 × 510 = 306; the
 * perpetual realized the rebate (2 USD at 100,000) and unrealized 10,000 × (1/99,950 − 1/105,000) BTC at 105,000.
 * Inventory: the future held from mid 102,000 to 102,500 (500 USD), the perpetual the rest.
 */
class EdgeInventoryReplayTest
{
    private static final Instant START = Instant.parse("2026-11-25T08:00:00Z");
    private static final String EXPIRY = "2027-03-26T08:00:00Z";
    private static final double PERP_EDGE_COIN = 10_000 * (1 / 99_950.0 - 1 / 100_000.0) + 0.00002;
    private static final double PERP_UNREALIZED_USD = 10_000 * (1 / 99_950.0 - 1 / 105_000.0) * 105_000;

    private static JsonNode btc;
    private static JsonNode state;

    @BeforeAll
    static void replay() throws IOException
    {
        state = new ReplayRunner(new EngineConfig().conclude(), false)
            .runLines(new BufferedReader(new StringReader(String.join("\n", events())))).state();
        assertThat(state.get("rejects")).isEmpty();
        btc = state.get("pnlExplain").get(0);
        assertThat(btc.get("underlying").asText()).isEqualTo("BTC");
    }

    @Test
    void shouldSplitTheTradingPnlSinceTheStart()
    {
        final JsonNode total = btc.get("total");
        final double edge = 9.5 + 4.2 + PERP_EDGE_COIN * 100_000;
        final double trading = 207.7 + 306 + 2 + PERP_UNREALIZED_USD;
        assertThat(total.get("edgeUsd").asDouble()).isCloseTo(edge, within(1e-9));
        assertThat(total.get("edgeUsd").asDouble()).isCloseTo(20.7025013, within(1e-6));
        assertThat(total.get("tradingPnlUsd").asDouble()).isCloseTo(trading, within(1e-9));
        assertThat(total.get("inventoryUsd").asDouble()).isCloseTo(500 + 2 + PERP_UNREALIZED_USD -
            PERP_EDGE_COIN * 100_000, within(1e-9));
        assertThat(total.get("inventoryUsd").asDouble()).isCloseTo(1_000.250125, within(1e-6));
        final JsonNode portfolio = state.get("pnlExplainTotal");
        assertThat(portfolio.get("edgeUsd").asDouble()).isEqualTo(total.get("edgeUsd").asDouble());
        assertThat(portfolio.get("tradingPnlUsd").asDouble()).isEqualTo(total.get("tradingPnlUsd").asDouble());
        assertThat(portfolio.get("inventoryUsd").asDouble()).isEqualTo(total.get("inventoryUsd").asDouble());
    }

    /**
     * Since the snapshot at second 10 only the last sale happened, at the mid's side: its edge is all the P&L.
     */
    @Test
    void shouldSplitTheTradingPnlSinceTheLastSnapshot()
    {
        final JsonNode since = btc.get("sinceSnapshot");
        assertThat(since.get("edgeUsd").asDouble()).isCloseTo(4.2, within(1e-9));
        assertThat(since.get("tradingPnlUsd").asDouble()).isCloseTo(4.2, within(1e-9));
        assertThat(since.get("inventoryUsd").asDouble()).isCloseTo(0, within(1e-9));
    }

    /**
     * In coins: each fill's edge at its own index (the future's first at 100,000, its sale at 105,000; the
     * perpetual's in coins as it is), the trading P&L at the index now.
     */
    @Test
    void shouldSplitTheCoinExplainToo()
    {
        final JsonNode coin = btc.get("totalCoin");
        final double edgeCoin = 9.5 / 100_000 + 4.2 / 105_000 + PERP_EDGE_COIN;
        assertThat(coin.get("edgeCoin").asDouble()).isCloseTo(edgeCoin, within(1e-15));
        final double tradingCoin = (207.7 + 306 + 2 + PERP_UNREALIZED_USD) / 105_000;
        assertThat(coin.get("inventoryCoin").asDouble()).isCloseTo(tradingCoin - edgeCoin, within(1e-14));
        final JsonNode since = btc.get("sinceSnapshotCoin");
        assertThat(since.get("edgeCoin").asDouble()).isCloseTo(4.2 / 105_000, within(1e-15));
        assertThat(since.get("inventoryCoin").asDouble()).isCloseTo(0, within(1e-14));
    }

    @Test
    void shouldReadAndWriteTheDisplayedSizesOfATick()
    {
        final EventJsonReader reader = new EventJsonReader();
        final RiskEvent event = new RiskEvent();
        final String sized = line(0, "tick", "\"instrumentId\":2,\"bid\":99950,\"ask\":100050,\"bidSize\":12000," +
            "\"askSize\":0.5");
        assertThat(reader.parse(sized, event, new EventJsonReader.Result()).reason).isNull();
        assertThat(event.bidSize).isEqualTo(12_000);
        assertThat(event.askSize).isEqualTo(0.5);
        final String written = new EventJsonWriter().write(event);
        assertThat(written).contains("\"bidSize\":12000").contains("\"askSize\":0.5");

        assertThat(reader.parse(line(0, "tick", "\"instrumentId\":2,\"bid\":99950,\"ask\":100050"), event,
            new EventJsonReader.Result()).reason).isNull();
        assertThat(event.bidSize).isNaN();
        assertThat(new EventJsonWriter().write(event)).doesNotContain("Size");
    }

    @Test
    void shouldCountATickWithANonPositiveSizeAsRejected() throws IOException
    {
        final List<String> lines = new ArrayList<>(events().subList(0, 4));
        lines.add(line(1, "tick", "\"instrumentId\":2,\"bid\":99950,\"ask\":100050,\"bidSize\":0,\"askSize\":3"));
        lines.add(line(1, "tick", "\"instrumentId\":2,\"bid\":99950,\"ask\":100050,\"bidSize\":3,\"askSize\":-2"));
        final JsonNode rejected = new ReplayRunner(new EngineConfig().conclude(), false)
            .runLines(new BufferedReader(new StringReader(String.join("\n", lines)))).state();
        assertThat(rejected.get("counters").get("rejectedByReason").get("NON_POSITIVE_PRICE").asLong()).isEqualTo(2);
    }

    private static List<String> events()
    {
        final List<String> lines = new ArrayList<>();
        lines.add(instrument(1, "BTC-INDEX", "INDEX", "LINEAR", "USD", "USD", 1, "COIN", ""));
        lines.add(instrument(2, "BTC-PERPETUAL", "PERPETUAL", "INVERSE", "USD", "BTC", 10, "USD", ""));
        lines.add(instrument(3, "BTC_USDC-26MAR27", "FUTURE", "LINEAR", "USD", "USD", 0.01, "COIN",
            ",\"expiry\":\"" + EXPIRY + "\""));
        lines.add(tick(0, 1, 100_000, 100_000, ""));
        lines.add(tick(0, 3, 101_990, 102_010, ",\"bidSize\":50,\"askSize\":70"));
        lines.add(tick(0, 2, 99_950, 100_050, ",\"bidSize\":20000,\"askSize\":30000"));
        lines.add(fill(0, "f1", 3, "BUY", 100, 101_990, 0.5, "USD"));
        lines.add(fill(0, "p1", 2, "BUY", 1_000, 99_950, -0.00002, "BTC"));
        lines.add(tick(5, 3, 102_490, 102_510, ""));
        lines.add(tick(5, 1, 105_000, 105_000, ""));
        lines.add(tick(5, 2, 104_950, 105_050, ""));
        lines.add(line(10, "timer", ""));
        lines.add(fill(10, "f2", 3, "SELL", 40, 102_510, -0.2, "USD"));
        return lines;
    }

    private static String instrument(final int id, final String symbol, final String kind, final String settlement,
        final String quote, final String settle, final double size, final String unit, final String extra)
    {
        return String.format(Locale.ROOT, "{\"type\":\"instrument\",\"instrumentId\":%d,\"symbol\":\"%s\"," +
            "\"venue\":\"DERIBIT\",\"kind\":\"%s\",\"underlying\":\"BTC\",\"settlement\":\"%s\"," +
            "\"quoteCurrency\":\"%s\",\"settleCurrency\":\"%s\",\"contractSize\":%s,\"contractUnit\":\"%s\"," +
            "\"tickSize\":0.5%s}", id, symbol, kind, settlement, quote, settle, size, unit, extra);
    }

    private static String tick(final int second, final int id, final double bid, final double ask,
        final String extra)
    {
        return line(second, "tick", String.format(Locale.ROOT, "\"instrumentId\":%d,\"bid\":%s,\"ask\":%s%s", id,
            bid, ask, extra));
    }

    private static String fill(final int second, final String fillId, final int id, final String side,
        final double quantity, final double price, final double fee, final String feeCurrency)
    {
        return line(second, "fill", String.format(Locale.ROOT, "\"exchangeTime\":\"%s\",\"venue\":\"DERIBIT\"," +
            "\"fillId\":\"%s\",\"instrumentId\":%d,\"side\":\"%s\",\"quantity\":%s,\"price\":%s,\"fee\":%s," +
            "\"feeCurrency\":\"%s\"", START.plusSeconds(second), fillId, id, side, quantity, price, fee,
            feeCurrency));
    }

    private static String line(final int second, final String type, final String fields)
    {
        return "{\"type\":\"" + type + "\",\"time\":\"" + START.plusSeconds(second) + "\"" +
            (fields.isEmpty() ? "" : "," + fields) + "}";
    }
}
