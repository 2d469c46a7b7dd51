package org.mmrisk.daemon.var;

import com.fasterxml.jackson.databind.JsonNode;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.replay.ReplayRunner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A replay script written line by line (the replay format's JSON lines), and a run of it through the replay path.
 * Times are whole seconds after {@link #START}. Single-threaded, test only.
 */
final class VarBook
{
    static final Instant START = Instant.parse("2026-11-25T08:00:00Z");

    private final List<String> lines = new ArrayList<>();
    private int fills;

    VarBook index(final int id, final String coin)
    {
        return define(id, coin + "-INDEX", "INDEX", coin, "LINEAR", "USD", "USD", 1, "COIN", "");
    }

    /** A linear perpetual of {@code coins} per contract, quoted and settled in USD. */
    VarBook linearPerpetual(final int id, final String coin, final double coins)
    {
        return define(id, coin + "_USDC-PERPETUAL", "PERPETUAL", coin, "LINEAR", "USD", "USD", coins, "COIN", "");
    }

    /** An inverse perpetual of {@code usd} per contract, quoted in USD, settled in the coin. */
    VarBook inversePerpetual(final int id, final String coin, final double usd)
    {
        return define(id, coin + "-PERPETUAL", "PERPETUAL", coin, "INVERSE", "USD", coin, usd, "USD", "");
    }

    /** An inverse future of {@code usd} per contract. */
    VarBook inverseFuture(final int id, final String coin, final double usd, final Instant expiry)
    {
        return define(id, coin + "-F" + id, "FUTURE", coin, "INVERSE", "USD", coin, usd, "USD",
            ",\"expiry\":\"" + expiry + "\"");
    }

    /** A linear (USD-quoted, USD-settled) option of {@code coins} per contract. */
    VarBook linearOption(final int id, final String coin, final double coins, final Instant expiry,
        final double strike, final boolean call)
    {
        return define(id, coin + "_USDC-O" + id, "OPTION", coin, "LINEAR", "USD", "USD", coins, "COIN",
            optionTerms(expiry, strike, call));
    }

    /** A coin-settled option (coin-quoted, coin-settled) of {@code coins} per contract. */
    VarBook coinOption(final int id, final String coin, final double coins, final Instant expiry,
        final double strike, final boolean call)
    {
        return define(id, coin + "-O" + id, "OPTION", coin, "INVERSE", coin, coin, coins, "COIN",
            optionTerms(expiry, strike, call));
    }

    private static String optionTerms(final Instant expiry, final double strike, final boolean call)
    {
        return String.format(Locale.ROOT, ",\"expiry\":\"%s\",\"strike\":%s,\"putCall\":\"%s\"", expiry, num(strike),
            call ? "CALL" : "PUT");
    }

    private VarBook define(final int id, final String symbol, final String kind, final String coin,
        final String settlement, final String quote, final String settle, final double size, final String unit,
        final String extra)
    {
        lines.add(String.format(Locale.ROOT, "{\"type\":\"instrument\",\"instrumentId\":%d,\"symbol\":\"%s\"," +
                "\"venue\":\"DERIBIT\",\"kind\":\"%s\",\"underlying\":\"%s\",\"settlement\":\"%s\"," +
                "\"quoteCurrency\":\"%s\",\"settleCurrency\":\"%s\",\"contractSize\":%s,\"contractUnit\":\"%s\"," +
                "\"tickSize\":0.0001%s}", id, symbol, kind, coin, settlement, quote, settle, num(size), unit, extra));
        return this;
    }

    /** A tick with no sizes (an index's bid = ask = its value). */
    VarBook tick(final int second, final int id, final double bid, final double ask)
    {
        return line(second, "tick", String.format(Locale.ROOT, "\"instrumentId\":%d,\"bid\":%s,\"ask\":%s", id,
            num(bid), num(ask)));
    }

    /** A tick with the sizes displayed at the bid and the ask (contracts). */
    VarBook tick(final int second, final int id, final double bid, final double ask, final double bidSize,
        final double askSize)
    {
        return line(second, "tick", String.format(Locale.ROOT,
            "\"instrumentId\":%d,\"bid\":%s,\"ask\":%s,\"bidSize\":%s,\"askSize\":%s", id, num(bid), num(ask),
            num(bidSize), num(askSize)));
    }

    /** An option's tick: the venue's mark implied vol and forward; optional sizes (NaN: absent). */
    VarBook optionTick(final int second, final int id, final double bid, final double ask, final double markIv,
        final double forward, final double bidSize, final double askSize)
    {
        String sizes = "";
        if (!Double.isNaN(bidSize))
        {
            sizes = String.format(Locale.ROOT, ",\"bidSize\":%s,\"askSize\":%s", num(bidSize), num(askSize));
        }
        return line(second, "tick", String.format(Locale.ROOT, "\"instrumentId\":%d,\"bid\":%s,\"ask\":%s," +
            "\"markIv\":%s,\"underlyingPrice\":%s%s", id, num(bid), num(ask), num(markIv), num(forward), sizes));
    }

    /** A fill; {@code quantity} signed (buy positive); {@code fee} > 0 paid, < 0 rebate, in {@code feeCurrency}. */
    VarBook fill(final int second, final int id, final double quantity, final double price, final double fee,
        final String feeCurrency)
    {
        fills++;
        return line(second, "fill", String.format(Locale.ROOT, "\"exchangeTime\":\"%s\",\"venue\":\"DERIBIT\"," +
                "\"fillId\":\"v%d\",\"instrumentId\":%d,\"side\":\"%s\",\"quantity\":%s,\"price\":%s,\"fee\":%s," +
                "\"feeCurrency\":\"%s\"", START.plusSeconds(second), fills, id, quantity > 0 ? "BUY" : "SELL",
            num(Math.abs(quantity)), num(price), num(fee), feeCurrency));
    }

    VarBook fill(final int second, final int id, final double quantity, final double price)
    {
        return fill(second, id, quantity, price, 0, "USD");
    }

    /** SET_EQUITY of the coin account's balance. */
    VarBook setCoinEquity(final int second, final String coin, final double coins)
    {
        return line(second, "control", String.format(Locale.ROOT,
            "\"command\":\"SET_EQUITY\",\"underlying\":\"%s\",\"value\":%s", coin, num(coins)));
    }

    VarBook timer(final int second)
    {
        return line(second, "timer", "");
    }

    private VarBook line(final int second, final String type, final String fields)
    {
        lines.add("{\"type\":\"" + type + "\",\"time\":\"" + START.plusSeconds(second) + "\"" +
            (fields.isEmpty() ? "" : "," + fields) + "}");
        return this;
    }

    List<String> lines()
    {
        return lines;
    }

    /** Replays the script under the configuration {@code yaml} (written to {@code dir}) and returns the state. */
    JsonNode run(final Path dir, final String yaml) throws IOException
    {
        final Path file = dir.resolve("daemon.yaml");
        Files.writeString(file, yaml);
        final EngineConfig config = ConfigLoader.load(file).engineConfig();
        return new ReplayRunner(config, false)
            .runLines(new BufferedReader(new StringReader(String.join("\n", lines)))).state();
    }

    static String num(final double value)
    {
        return Double.toString(value).replace("E", "e");
    }

    // ---------------------------------------------------------------- reading the state

    static JsonNode row(final JsonNode state, final String key, final String field, final String value)
    {
        final JsonNode rows = state.get(key);
        if (rows == null || !rows.isArray())
        {
            return null;
        }
        for (final JsonNode row : rows)
        {
            if (value.equals(row.path(field).asText()))
            {
                return row;
            }
        }
        return null;
    }

    static JsonNode underlying(final JsonNode state, final String coin)
    {
        return row(state, "underlyings", "underlying", coin);
    }

    static JsonNode var(final JsonNode state, final String scope)
    {
        return row(state, "var", "scope", scope);
    }

    static JsonNode explain(final JsonNode state, final String coin)
    {
        return row(state, "pnlExplain", "underlying", coin);
    }

    static JsonNode position(final JsonNode state, final int id)
    {
        return row(state, "positions", "instrumentId", Integer.toString(id));
    }

    static JsonNode instrument(final JsonNode state, final int id)
    {
        return row(state, "instruments", "instrumentId", Integer.toString(id));
    }
}
