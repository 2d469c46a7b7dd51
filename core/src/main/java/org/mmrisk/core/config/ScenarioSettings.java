package org.mmrisk.core.config;

import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.MarginCurrency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings of the stress scenarios, the margin estimate and the sizing from margin headroom: rows of the
 * engine's settings table ({@link EngineSettings#ALL}), kept apart because they are one capability.
 */
final class ScenarioSettings
{
    private static final String SCENARIO = "engine.scenario.";
    private static final String MARGIN = "engine.margin.";

    static final List<Setting<EngineConfig>> ALL = List.of(
        Setting.<EngineConfig>flag(SCENARIO + "enabled", true, (c, v) -> s(c).enabled(v), c -> s(c).enabled())
            .doc("Keep the scenario grid, margin and liquidation distance live on the engine thread (between batches)."),
        Setting.<EngineConfig>number(SCENARIO + "priceRange", 0.16, (c, v) -> s(c).priceRange(v),
            c -> s(c).priceRange()).above(0).below(1).doc("Largest regular index move of the grid, a fraction."),
        Setting.<EngineConfig>integer(SCENARIO + "priceBuckets", 4, (c, v) -> s(c).priceBuckets((int)v),
            c -> s(c).priceBuckets()).range(1, 50).doc("Regular moves on each side of zero."),
        Setting.<EngineConfig>numbers(SCENARIO + "extendedMoves", new double[] { -0.66, -0.33, 0.5, 1, 2, 3, 4, 5 },
            (c, v) -> s(c).extendedMoves(v), c -> s(c).extendedMoves()).ascending()
            .doc("Extended index moves (vol UP only), fractions above -1, ascending."),
        Setting.<EngineConfig>number(SCENARIO + "extendedWeight", 0.35, (c, v) -> s(c).extendedWeight(v),
            c -> s(c).extendedWeight()).range(0, 1).doc("Weight of an extended move's P&L in the worst loss."),
        Setting.<EngineConfig>number(SCENARIO + "shortTermVegaPower", 0.30,
            (c, v) -> s(c).vegaPowers(v, s(c).longTermVegaPower()), c -> s(c).shortTermVegaPower()).range(0, 2)
            .doc("Power p of the vol shock's scale (30 / max(DTE, 1))^p under 30 days to expiry."),
        Setting.<EngineConfig>number(SCENARIO + "longTermVegaPower", 0.13,
            (c, v) -> s(c).vegaPowers(s(c).shortTermVegaPower(), v), c -> s(c).longTermVegaPower()).range(0, 2)
            .doc("Power p of the vol shock's scale from 30 days to expiry."),
        Setting.<EngineConfig>number(SCENARIO + "volRangeUp", 0.50,
            (c, v) -> s(c).volRanges(v, s(c).volRangeDown(), s(c).volFloor()), c -> s(c).volRangeUp()).range(0, 10)
            .doc("UP shock: vol x (1 + volRangeUp x scale)."),
        Setting.<EngineConfig>number(SCENARIO + "volRangeDown", 0.25,
            (c, v) -> s(c).volRanges(s(c).volRangeUp(), v, s(c).volFloor()), c -> s(c).volRangeDown()).range(0, 1)
            .doc("DOWN shock: vol x (1 - volRangeDown x scale), at least volFloor."),
        Setting.<EngineConfig>number(SCENARIO + "volFloor", 0.01,
            (c, v) -> s(c).volRanges(s(c).volRangeUp(), s(c).volRangeDown(), v), c -> s(c).volFloor()).above(0)
            .atMost(1).doc("Lowest vol a DOWN shock leaves."),
        Setting.<EngineConfig>number(SCENARIO + "recentreMove", 0.005,
            (c, v) -> s(c).recentre(v, s(c).recentreAgeNs()), c -> s(c).recentreMove()).above(0).atMost(0.5)
            .doc("An instrument's risk array is re-centred once the index moved this far (relative) from its centre."),
        Setting.<EngineConfig>number(SCENARIO + "recentreAgeSeconds", 60,
            (c, v) -> s(c).recentre(s(c).recentreMove(), (long)(v * 1e9)), c -> s(c).recentreAgeNs() / 1e9)
            .above(0).atMost(86_400).doc("... or once its centre is this old, seconds of engine time."),
        Setting.<EngineConfig>integer(SCENARIO + "sliceEvaluations", 256, (c, v) -> s(c).sliceEvaluations((int)v),
            c -> s(c).sliceEvaluations()).range(64, 1 << 24)
            .doc("Option valuations spent on the scenarios after one batch, at most (docs/scenarios.md: their cost)."),
        Setting.<EngineConfig>integer(SCENARIO + "refreshIntervalMs", 1000,
            (c, v) -> s(c).refreshIntervalNs(v * 1_000_000L), c -> s(c).refreshIntervalNs() / 1e6)
            .range(1, 3_600_000).doc("Engine time between margin, liquidation-distance and sizing refreshes, ms."),
        Setting.<EngineConfig>number(SCENARIO + "publishChange", 0.05, (c, v) -> s(c).publishChange(v),
            c -> s(c).publishChange()).atLeast(0)
            .doc("Relative change of the worst loss, margin or a liquidation distance that publishes at once."),
        Setting.<EngineConfig>number(SCENARIO + "curveStep", 0.005, (c, v) -> s(c).curveStep(v),
            c -> s(c).curveStep()).range(0.0005, 0.05)
            .doc("Step of the liquidation search's value curves, in log index (docs/scenarios.md states the error)."),
        Setting.<EngineConfig>map(MARGIN + "currencies", ScenarioSettings::currencies,
            (c, m) -> m.forEach((coin, currency) -> s(c).currency(AsciiCode.pack(coin), (MarginCurrency)currency)))
            .doc("Margin currency per underlying: COIN (default) or USD."),
        Setting.<EngineConfig>number(MARGIN + "shortOptionContingencyCoins", 0.01,
            (c, v) -> s(c).contingency(v, s(c).futuresContingency()), c -> s(c).shortOptionContingencyCoins())
            .range(0, 1).doc("Charge per coin of short option contract, coins."),
        Setting.<EngineConfig>number(MARGIN + "futuresContingency", 0.01,
            (c, v) -> s(c).contingency(s(c).shortOptionContingencyCoins(), v), c -> s(c).futuresContingency())
            .range(0, 1).doc("Charge per coin of futures delta that offsets across expiries: x min(long, |short|)."),
        Setting.<EngineConfig>number(MARGIN + "maintenanceFactor", 0.80, (c, v) -> s(c).maintenanceFactor(v),
            c -> s(c).maintenanceFactor()).above(0).atMost(1).doc("Maintenance margin = this x initial margin."),
        Setting.<EngineConfig>number(MARGIN + "sizingUtilization", 0.50,
            (c, v) -> s(c).sizing(v, s(c).maxSpreadForMid(), s(c).sizingChange()), c -> s(c).sizingUtilization())
            .above(0).atMost(1).doc("Quoted sizes keep initial-margin utilization at or below this."),
        Setting.<EngineConfig>number(MARGIN + "maxSpreadForMid", 0.05,
            (c, v) -> s(c).sizing(s(c).sizingUtilization(), v, s(c).sizingChange()), c -> s(c).maxSpreadForMid())
            .atLeast(0).doc("Widest book, relative to mid, whose mid is fair value (else the model value)."),
        Setting.<EngineConfig>number(MARGIN + "sizingChange", 0.10,
            (c, v) -> s(c).sizing(s(c).sizingUtilization(), s(c).maxSpreadForMid(), v), c -> s(c).sizingChange())
            .atLeast(0).doc("Relative change of a side's largest size that sends a new quote adjustment."),
        Setting.<EngineConfig>map("engine.usdBalances", ScenarioSettings::usdBalances,
            (c, m) -> m.forEach((coin, usd) -> s(c).usdBalance(AsciiCode.pack(coin), (Double)usd)))
            .doc("Starting USD balance per underlying's account (USD-margined books), USD."));

    private ScenarioSettings()
    {
    }

    private static ScenarioConfig s(final EngineConfig config)
    {
        return config.scenario();
    }

    private static Object currencies(final String name, final Object raw)
    {
        final Map<String, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>)raw).forEach((coin, currency) ->
        {
            EngineSettings.requireCoin(name + "." + coin, coin);
            try
            {
                out.put(coin.toString(), MarginCurrency.valueOf(String.valueOf(currency).toUpperCase(Locale.ROOT)));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(name + "." + coin + ": must be COIN or USD (got " + currency + ")",
                    ex);
            }
        });
        return out;
    }

    private static Object usdBalances(final String name, final Object raw)
    {
        final Map<String, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>)raw).forEach((coin, usd) ->
        {
            EngineSettings.requireCoin(name + "." + coin, coin);
            if (!(usd instanceof Number n) || !Double.isFinite(n.doubleValue()))
            {
                throw new IllegalArgumentException(name + "." + coin + ": must be a finite number of USD");
            }
            out.put(coin.toString(), n.doubleValue());
        });
        return out;
    }
}
