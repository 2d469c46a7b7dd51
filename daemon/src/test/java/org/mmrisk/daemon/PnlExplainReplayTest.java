package org.mmrisk.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.daemon.replay.ReplayRunner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The replay state's {@code pnlExplain[]}: in USD and in the underlying's coin, the terms and the unexplained part
 * add up to the actual P&L, over the whole run and since the last snapshot.
 */
class PnlExplainReplayTest
{
    private static final Instant START = Instant.parse("2026-11-25T08:00:00Z");
    private static final String EXPIRY = "2026-12-27T08:00:00Z";
    private static final Set<String> COIN_KEYS = Set.of("deltaCoin", "gammaCoin", "thetaCoin", "vegaCoin",
        "vannaVolgaCoin", "actualCoin", "unexplainedCoin", "edgeCoin", "inventoryCoin");
    private static final String[] USD_TERMS = { "deltaUsd", "gammaUsd", "thetaUsd", "vegaUsd", "vannaVolgaUsd" };
    private static final String[] COIN_TERMS = { "deltaCoin", "gammaCoin", "thetaCoin", "vegaCoin", "vannaVolgaCoin" };

    private static JsonNode btc;
    private static JsonNode eth;

    @BeforeAll
    static void replay() throws IOException
    {
        final JsonNode state = new ReplayRunner(new EngineConfig().conclude(), false)
            .runLines(new BufferedReader(new StringReader(String.join("\n", events())))).state();
        assertThat(state.get("rejects")).isEmpty();
        for (final JsonNode row : state.get("pnlExplain"))
        {
            if ("BTC".equals(row.get("underlying").asText()))
            {
                btc = row;
            }
            else if ("ETH".equals(row.get("underlying").asText()))
            {
                eth = row;
            }
        }
    }

    @Test
    void shouldAddTheCoinTermsAndTheUnexplainedUpToTheActualCoinPnl()
    {
        assertThat(btc.get("coin").asText()).isEqualTo("BTC");
        for (final String part : new String[] { "totalCoin", "sinceSnapshotCoin" })
        {
            final JsonNode coin = btc.get(part);
            assertThat(iterable(coin.fieldNames())).as(part).containsExactlyInAnyOrderElementsOf(COIN_KEYS);
            assertAddsUp(coin, COIN_TERMS, "unexplainedCoin", "actualCoin");
        }
        final JsonNode total = btc.get("totalCoin");
        assertThat(Math.abs(total.get("deltaCoin").asDouble())).isGreaterThan(0);
        assertThat(Math.abs(total.get("gammaCoin").asDouble())).isGreaterThan(0);
        assertThat(Math.abs(total.get("thetaCoin").asDouble())).isGreaterThan(0);
        assertThat(Math.abs(total.get("vegaCoin").asDouble())).isGreaterThan(0);
        assertThat(Math.abs(total.get("unexplainedCoin").asDouble()))
            .isLessThan(0.02 * Math.abs(total.get("actualCoin").asDouble()));
        assertThat(total.get("actualCoin").asDouble())
            .as("the last snapshot started a later interval")
            .isNotEqualTo(btc.get("sinceSnapshotCoin").get("actualCoin").asDouble());
    }

    @Test
    void shouldKeepTheUsdExplainBesideItAddingUpToo()
    {
        assertAddsUp(btc.get("total"), USD_TERMS, "unexplainedUsd", "actualUsd");
        assertAddsUp(btc.get("sinceSnapshot"), USD_TERMS, "unexplainedUsd", "actualUsd");
    }

    @Test
    void shouldWriteNoCoinExplainForAnUnderlyingWithoutAnIndex()
    {
        assertThat(eth.get("coin").asText()).isEqualTo("ETH");
        assertThat(eth.get("totalCoin").isNull()).isTrue();
        assertThat(eth.get("sinceSnapshotCoin").isNull()).isTrue();
    }

    private static void assertAddsUp(final JsonNode n, final String[] terms, final String unexplained,
        final String actual)
    {
        double sum = n.get(unexplained).asDouble();
        double scale = Math.abs(sum);
        for (final String term : terms)
        {
            sum += n.get(term).asDouble();
            scale += Math.abs(n.get(term).asDouble());
        }
        assertThat(n.get(actual).isNumber()).isTrue();
        assertThat(sum).as("terms + %s = %s", unexplained, actual)
            .isCloseTo(n.get(actual).asDouble(), within(1e-12 * scale));
    }

    private static List<String> events()
    {
        final List<String> lines = new ArrayList<>();
        lines.add(instrument(1, "BTC-INDEX", "INDEX", "BTC", "LINEAR", "USD", "USD", 1, "COIN", ""));
        lines.add(instrument(2, "BTC-PERPETUAL", "PERPETUAL", "BTC", "INVERSE", "USD", "BTC", 10, "USD", ""));
        lines.add(instrument(3, "BTC-27DEC26-100000-C", "OPTION", "BTC", "INVERSE", "BTC", "BTC", 1, "COIN",
            ",\"expiry\":\"" + EXPIRY + "\",\"strike\":100000,\"putCall\":\"CALL\""));
        lines.add(instrument(4, "BTC-27DEC26-90000-P", "OPTION", "BTC", "INVERSE", "BTC", "BTC", 1, "COIN",
            ",\"expiry\":\"" + EXPIRY + "\",\"strike\":90000,\"putCall\":\"PUT\""));
        lines.add(instrument(5, "BTC_USDC-27DEC26-95000-P", "OPTION", "BTC", "LINEAR", "USD", "USD", 0.01, "COIN",
            ",\"expiry\":\"" + EXPIRY + "\",\"strike\":95000,\"putCall\":\"PUT\""));
        lines.add(instrument(6, "ETH-27DEC26-4000-C", "OPTION", "ETH", "INVERSE", "ETH", "ETH", 1, "COIN",
            ",\"expiry\":\"" + EXPIRY + "\",\"strike\":4000,\"putCall\":\"CALL\""));
        double index = 95_000;
        lines.add(tick(0, 1, index));
        lines.add(tick(0, 2, index));
        lines.add(surface(0, 0.03));
        lines.add(fill(1, "f1", 3, "BUY", 10, 0.03));
        lines.add(fill(1, "f2", 4, "SELL", 6, 0.02));
        lines.add(fill(1, "f3", 5, "SELL", 150, 3_000));
        lines.add(fill(1, "f4", 2, "SELL", 2_000, index));
        lines.add(line(1, "control", "\"command\":\"SET_EQUITY\",\"underlying\":\"BTC\",\"value\":2.5"));
        final Random random = new Random(7);
        for (int second = 2; second < 240; second++)
        {
            index *= Math.exp(0.0003 * random.nextGaussian());
            lines.add(tick(second, 1, index));
            lines.add(tick(second, 2, index));
            if (second == 100)
            {
                lines.add(surface(second, 0.031));
            }
            if (second == 180)
            {
                lines.add(fill(second, "f5", 3, "SELL", 4, 0.03));
            }
        }
        lines.add(line(240, "timer", ""));
        lines.add(tick(240, 1, index * 1.001));
        return lines;
    }

    private static String instrument(final int id, final String symbol, final String kind, final String underlying,
        final String settlement, final String quote, final String settle, final double size, final String unit,
        final String extra)
    {
        return String.format(Locale.ROOT, "{\"type\":\"instrument\",\"instrumentId\":%d,\"symbol\":\"%s\"," +
            "\"venue\":\"DERIBIT\",\"kind\":\"%s\",\"underlying\":\"%s\",\"settlement\":\"%s\"," +
            "\"quoteCurrency\":\"%s\",\"settleCurrency\":\"%s\",\"contractSize\":%s,\"contractUnit\":\"%s\"," +
            "\"tickSize\":0.0001%s}", id, symbol, kind, underlying, settlement, quote, settle, size, unit, extra);
    }

    private static String tick(final int second, final int id, final double price)
    {
        return line(second, "tick", String.format(Locale.ROOT, "\"instrumentId\":%d,\"bid\":%.2f,\"ask\":%.2f", id,
            price, price));
    }

    private static String surface(final int second, final double a)
    {
        return line(second, "surface", String.format(Locale.ROOT, "\"underlying\":\"BTC\",\"smiles\":[{\"expiry\":" +
            "\"%s\",\"a\":%s,\"b\":0.1,\"rho\":-0.3,\"m\":0,\"sigma\":0.2}]", EXPIRY, a));
    }

    private static String fill(final int second, final String fillId, final int id, final String side,
        final double quantity, final double price)
    {
        return line(second, "fill", String.format(Locale.ROOT, "\"exchangeTime\":\"%s\",\"venue\":\"DERIBIT\"," +
            "\"fillId\":\"%s\",\"instrumentId\":%d,\"side\":\"%s\",\"quantity\":%s,\"price\":%s,\"fee\":0," +
            "\"feeCurrency\":\"USD\"", START.plusSeconds(second), fillId, id, side, quantity, price));
    }

    private static String line(final int second, final String type, final String fields)
    {
        return "{\"type\":\"" + type + "\",\"time\":\"" + START.plusSeconds(second) + "\"" +
            (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    private static <T> List<T> iterable(final java.util.Iterator<T> it)
    {
        final List<T> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
