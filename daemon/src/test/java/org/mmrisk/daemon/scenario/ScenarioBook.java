package org.mmrisk.daemon.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.daemon.replay.ReplayRunner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A replay script under construction, and what a test knows about it without asking the engine: each instrument's
 * terms and each underlying's cash (the coin account's balance plus coin premiums; the USD balance plus USD
 * premiums). Every fill carries fee 0, so the cash is the balance less the premiums paid (plus those received).
 * Single-threaded, test only.
 */
final class ScenarioBook
{
    static final Instant START = Instant.parse("2026-11-25T08:00:00Z");

    /** The kinds the scenario books use. */
    enum Kind
    {
        INDEX, PERPETUAL, FUTURE, OPTION
    }

    /** One instrument's terms; {@code contractSize} in coins (linear, coin options) or USD (inverse futures). */
    static final class Def
    {
        final int id;
        final String symbol;
        final Kind kind;
        final String underlying;
        final boolean inverse;
        final double contractSize;
        final Instant expiry;
        final double strike;
        final boolean call;

        Def(final int id, final String symbol, final Kind kind, final String underlying, final boolean inverse,
            final double contractSize, final Instant expiry, final double strike, final boolean call)
        {
            this.id = id;
            this.symbol = symbol;
            this.kind = kind;
            this.underlying = underlying;
            this.inverse = inverse;
            this.contractSize = contractSize;
            this.expiry = expiry;
            this.strike = strike;
            this.call = call;
        }
    }

    private final List<String> lines = new ArrayList<>();
    private final Map<Integer, Def> defs = new LinkedHashMap<>();
    private final Map<String, Double> coinCash = new HashMap<>();
    private final Map<String, Double> usdCash = new HashMap<>();
    private int fills;

    Map<Integer, Def> defs()
    {
        return defs;
    }

    List<String> lines()
    {
        return lines;
    }

    double coinCash(final String underlying)
    {
        return coinCash.getOrDefault(underlying, 0.0);
    }

    double usdCash(final String underlying)
    {
        return usdCash.getOrDefault(underlying, 0.0);
    }

    /** A balance the configuration gives ({@code engine.coinBalances}): the test's own record of it. */
    ScenarioBook coinBalance(final String underlying, final double coins)
    {
        coinCash.merge(underlying, coins, Double::sum);
        return this;
    }

    /** A balance the configuration gives ({@code engine.usdBalances}): the test's own record of it. */
    ScenarioBook usdBalance(final String underlying, final double usd)
    {
        usdCash.merge(underlying, usd, Double::sum);
        return this;
    }

    ScenarioBook index(final int id, final String underlying)
    {
        return define(new Def(id, underlying + "-INDEX", Kind.INDEX, underlying, false, 1, null, 0, false));
    }

    ScenarioBook perpetual(final int id, final String underlying, final boolean inverse, final double size)
    {
        final String symbol = underlying + (inverse ? "-PERPETUAL" : "_USDC-PERPETUAL");
        return define(new Def(id, symbol, Kind.PERPETUAL, underlying, inverse, size, null, 0, false));
    }

    ScenarioBook future(final int id, final String underlying, final boolean inverse, final double size,
        final Instant expiry)
    {
        final String symbol = underlying + (inverse ? "-F" : "_USDC-F") + id;
        return define(new Def(id, symbol, Kind.FUTURE, underlying, inverse, size, expiry, 0, false));
    }

    ScenarioBook option(final int id, final String underlying, final boolean inverse, final double size,
        final Instant expiry, final double strike, final boolean call)
    {
        final String symbol = underlying + (inverse ? "-O" : "_USDC-O") + id + "-" + (long)strike +
            (call ? "-C" : "-P");
        return define(new Def(id, symbol, Kind.OPTION, underlying, inverse, size, expiry, strike, call));
    }

    private ScenarioBook define(final Def def)
    {
        defs.put(def.id, def);
        final boolean usdUnit = def.inverse && def.kind != Kind.OPTION;
        final String quote = def.inverse && def.kind == Kind.OPTION ? def.underlying : "USD";
        final String settle = def.inverse ? def.underlying : "USD";
        String extra = "";
        if (def.expiry != null)
        {
            extra += ",\"expiry\":\"" + def.expiry + "\"";
        }
        if (def.kind == Kind.OPTION)
        {
            extra += String.format(Locale.ROOT, ",\"strike\":%s,\"putCall\":\"%s\"", num(def.strike),
                def.call ? "CALL" : "PUT");
        }
        lines.add(String.format(Locale.ROOT, "{\"type\":\"instrument\",\"instrumentId\":%d,\"symbol\":\"%s\"," +
                "\"venue\":\"DERIBIT\",\"kind\":\"%s\",\"underlying\":\"%s\",\"settlement\":\"%s\"," +
                "\"quoteCurrency\":\"%s\",\"settleCurrency\":\"%s\",\"contractSize\":%s,\"contractUnit\":\"%s\"," +
                "\"tickSize\":0.0001%s}", def.id, def.symbol, def.kind, def.underlying,
            def.inverse ? "INVERSE" : "LINEAR", quote, settle, num(def.contractSize), usdUnit ? "USD" : "COIN", extra));
        return this;
    }

    /** A two-sided tick (an index's bid = ask = its value). */
    ScenarioBook tick(final int second, final int id, final double bid, final double ask)
    {
        return line(second, "tick", String.format(Locale.ROOT, "\"instrumentId\":%d,\"bid\":%s,\"ask\":%s", id,
            num(bid), num(ask)));
    }

    /** An option's tick: its mark implied volatility and the venue's forward. */
    ScenarioBook optionTick(final int second, final int id, final double bid, final double ask, final double markIv,
        final double underlyingPrice)
    {
        return line(second, "tick", String.format(Locale.ROOT, "\"instrumentId\":%d,\"bid\":%s,\"ask\":%s," +
            "\"markIv\":%s,\"underlyingPrice\":%s", id, num(bid), num(ask), num(markIv), num(underlyingPrice)));
    }

    /**
     * A fill with fee 0; {@code quantity} signed (buy positive). An option's premium, quantity x contract size x
     * price, leaves (or enters) the cash of its settlement currency.
     */
    ScenarioBook fill(final int second, final int id, final double quantity, final double price)
    {
        final Def def = defs.get(id);
        if (def.kind == Kind.OPTION)
        {
            final Map<String, Double> cash = def.inverse ? coinCash : usdCash;
            cash.merge(def.underlying, -quantity * def.contractSize * price, Double::sum);
        }
        fills++;
        return line(second, "fill", String.format(Locale.ROOT, "\"exchangeTime\":\"%s\",\"venue\":\"DERIBIT\"," +
                "\"fillId\":\"s%d\",\"instrumentId\":%d,\"side\":\"%s\",\"quantity\":%s,\"price\":%s,\"fee\":0," +
                "\"feeCurrency\":\"USD\"", START.plusSeconds(second), fills, id, quantity > 0 ? "BUY" : "SELL",
            num(Math.abs(quantity)), num(price)));
    }

    /** SET_EQUITY of the coin account's balance; sent before any fill, so the coin cash is this value. */
    ScenarioBook setCoinEquity(final int second, final String underlying, final double coins)
    {
        coinCash.put(underlying, coins);
        return line(second, "control", String.format(Locale.ROOT,
            "\"command\":\"SET_EQUITY\",\"underlying\":\"%s\",\"value\":%s", underlying, num(coins)));
    }

    /** SET_EQUITY of the USD balance; sent before any fill of a linear option. */
    ScenarioBook setUsdEquity(final int second, final String underlying, final double usd)
    {
        usdCash.put(underlying, usd);
        return line(second, "control", String.format(Locale.ROOT,
            "\"command\":\"SET_EQUITY\",\"underlying\":\"%s\",\"value\":%s,\"currency\":\"USD\"", underlying,
            num(usd)));
    }

    /** A whole SVI surface: per expiry a = 0.2T, b = 0.8T (ATM vol 60%), rho -0.3, m 0, sigma 0.2. */
    ScenarioBook surface(final int second, final String underlying, final Instant... expiries)
    {
        final StringBuilder smiles = new StringBuilder();
        for (final Instant expiry : expiries)
        {
            final double years = Duration.between(START.plusSeconds(second), expiry).getSeconds() / (365.25 * 86_400);
            smiles.append(smiles.length() == 0 ? "" : ",").append(String.format(Locale.ROOT,
                "{\"expiry\":\"%s\",\"a\":%s,\"b\":%s,\"rho\":-0.3,\"m\":0,\"sigma\":0.2}", expiry,
                num(0.2 * years), num(0.8 * years)));
        }
        return line(second, "surface", "\"underlying\":\"" + underlying + "\",\"smiles\":[" + smiles + "]");
    }

    ScenarioBook timer(final int second)
    {
        return line(second, "timer", "");
    }

    private ScenarioBook line(final int second, final String type, final String fields)
    {
        lines.add("{\"type\":\"" + type + "\",\"time\":\"" + START.plusSeconds(second) + "\"" +
            (fields.isEmpty() ? "" : "," + fields) + "}");
        return this;
    }

    JsonNode run(final EngineConfig config) throws IOException
    {
        return new ReplayRunner(config, false)
            .runLines(new BufferedReader(new StringReader(String.join("\n", lines)))).state();
    }

    private static String num(final double value)
    {
        return Double.toString(value).replace("E", "e");
    }
}
