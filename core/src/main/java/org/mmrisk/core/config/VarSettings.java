package org.mmrisk.core.config;

import org.mmrisk.core.event.AsciiCode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of the value at risk ({@code engine.var.*}): rows of the engine's settings table
 * ({@link EngineSettings#ALL}), kept apart because they are one capability (docs/var.md).
 */
final class VarSettings
{
    private static final String VAR = "engine.var.";

    static final List<Setting<EngineConfig>> ALL = List.of(
        Setting.<EngineConfig>flag(VAR + "enabled", true, (c, v) -> v(c).enabled(v), c -> v(c).enabled())
            .doc("Keep the delta-normal and delta-gamma VaR live on the engine thread (risk snapshots, VaR limits)."),
        Setting.<EngineConfig>number(VAR + "confidence", 0.99, (c, x) -> v(c).confidence(x), c -> v(c).confidence())
            .above(0.5).below(1).doc("Confidence of the VaR: the loss quantile at 1 - confidence."),
        Setting.<EngineConfig>number(VAR + "horizonDays", 1, (c, x) -> v(c).horizonDays(x), c -> v(c).horizonDays())
            .above(0).atMost(365).doc("Horizon of the VaR, calendar days (ACT/365.25: the coins trade every day)."),
        Setting.<EngineConfig>map(VAR + "vols", VarSettings::vols,
            (c, m) -> m.forEach((coin, vol) -> v(c).vol(AsciiCode.pack(coin), (Double)vol)))
            .doc("Annual vol of an underlying's index for the VaR (else estimated), e.g. {BTC: 0.6}."),
        Setting.<EngineConfig>map(VAR + "correlations", VarSettings::correlations, VarSettings::applyCorrelations)
            .doc("Correlation of two underlyings' index log-returns, \"BTC/ETH\" (either order), in [-1, 1]; " +
            "else estimated."),
        Setting.<EngineConfig>integer(VAR + "sampleIntervalSeconds", 60,
            (c, x) -> v(c).sampleIntervalNs(x * 1_000_000_000L), c -> v(c).sampleIntervalNs() / 1e9)
            .range(1, 86_400).doc("Grid of engine time on which the estimator samples every index, seconds."),
        Setting.<EngineConfig>integer(VAR + "halfLifeSeconds", 259_200,
            (c, x) -> v(c).halfLifeNs(x * 1_000_000_000L), c -> v(c).halfLifeNs() / 1e9)
            .range(1, 365L * 86_400).doc("Half-life of the estimator's exponential weights, seconds."),
        Setting.<EngineConfig>integer(VAR + "minSamples", 30, (c, x) -> v(c).minSamples((int)x),
            c -> v(c).minSamples()).range(1, 1_000_000)
            .doc("Returns an estimate needs before it is used; before, indexVolatility and defaultCorrelation."),
        Setting.<EngineConfig>number(VAR + "defaultCorrelation", 0.8, (c, x) -> v(c).defaultCorrelation(x),
            c -> v(c).defaultCorrelation()).range(-1, 1)
            .doc("Correlation of a pair neither configured nor estimated yet."),
        Setting.<EngineConfig>map(VAR + "volOfVol", VarSettings::volOfVols,
            (c, m) -> m.forEach((coin, x) -> v(c).volOfVol(AsciiCode.pack(coin), (Double)x)))
            .doc("Annual vol of the log of an underlying's ATM vol: adds its vega factor to the VaR (off when " +
            "absent)."),
        Setting.<EngineConfig>map(VAR + "volIndexCorrelation", VarSettings::volIndexCorrelations,
            (c, m) -> m.forEach((coin, x) -> v(c).volIndexCorrelation(AsciiCode.pack(coin), (Double)x)))
            .doc("Correlation of an underlying's ATM vol log-change with its index log-return, in [-1, 1]; " +
            "default 0."));

    private VarSettings()
    {
    }

    private static VarConfig v(final EngineConfig config)
    {
        return config.var();
    }

    private static Object vols(final String name, final Object raw)
    {
        return perCoin(name, raw, 0, 10, "must be an annual vol above 0, at most 10");
    }

    private static Object volOfVols(final String name, final Object raw)
    {
        return perCoin(name, raw, 0, 50, "must be an annual vol of vol above 0, at most 50");
    }

    private static Object volIndexCorrelations(final String name, final Object raw)
    {
        final Map<String, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>)raw).forEach((coin, value) ->
        {
            EngineSettings.requireCoin(name + "." + coin, coin);
            out.put(coin.toString(), correlation(name + "." + coin, value));
        });
        return out;
    }

    /** Values strictly above {@code above}, at most {@code atMost}. */
    private static Object perCoin(final String name, final Object raw, final double above, final double atMost,
        final String reason)
    {
        final Map<String, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>)raw).forEach((coin, value) ->
        {
            EngineSettings.requireCoin(name + "." + coin, coin);
            if (!(value instanceof Number n) || !(n.doubleValue() > above && n.doubleValue() <= atMost))
            {
                throw new IllegalArgumentException(name + "." + coin + ": " + reason + " (got " + value + ")");
            }
            out.put(coin.toString(), n.doubleValue());
        });
        return out;
    }

    private static Object correlations(final String name, final Object raw)
    {
        final Map<String, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>)raw).forEach((pair, value) ->
        {
            final String where = name + "." + pair;
            final String[] coins = pair.toString().split("/", -1);
            if (coins.length != 2)
            {
                throw new IllegalArgumentException(where + ": must name a pair of underlyings, A/B");
            }
            EngineSettings.requireCoin(where, coins[0]);
            EngineSettings.requireCoin(where, coins[1]);
            if (coins[0].equals(coins[1]))
            {
                throw new IllegalArgumentException(where + ": must name two different underlyings");
            }
            final String key = VarConfig.pairKey(AsciiCode.pack(coins[0]), AsciiCode.pack(coins[1]));
            if (out.containsKey(key))
            {
                throw new IllegalArgumentException(where + ": given twice (in both orders)");
            }
            out.put(key, correlation(where, value));
        });
        return out;
    }

    private static double correlation(final String where, final Object value)
    {
        if (!(value instanceof Number n) || !(n.doubleValue() >= -1 && n.doubleValue() <= 1))
        {
            throw new IllegalArgumentException(where + ": must be a correlation in [-1, 1] (got " + value + ")");
        }
        return n.doubleValue();
    }

    private static void applyCorrelations(final EngineConfig config, final Map<String, Object> pairs)
    {
        pairs.forEach((pair, rho) ->
        {
            final String[] coins = pair.split("/");
            config.var().correlation(AsciiCode.pack(coins[0]), AsciiCode.pack(coins[1]), (Double)rho);
        });
    }
}
