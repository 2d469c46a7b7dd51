package org.mmrisk.core.config;

import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.limits.NamedLimit;
import org.mmrisk.core.limits.PortfolioLimitKind;
import org.mmrisk.core.time.YearFraction;
import org.mmrisk.core.vol.SmileDynamics;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ObjDoubleConsumer;
import java.util.function.ObjLongConsumer;
import java.util.function.ToDoubleFunction;

/**
 * Every setting of the engine, in the config file's {@code engine} section: key, default, range and meaning, in one
 * table. {@link EngineConfig} takes its defaults from here and {@link EngineConfig#conclude()} checks its values
 * against it. The order is the order of the config file's engine section (and of the configuration fingerprint).
 * <p>
 * The table {@link #ALL} is one initialiser of about a hundred lines: one entry per setting, in the order of the
 * file's engine section, is what makes it the one place to read them.
 */
public final class EngineSettings
{
    private static final double MINUTES_PER_YEAR = 365.25 * 24 * 60;
    private static final long NS_PER_HOUR = 3_600_000_000_000L;
    private static final String COIN_CODE = "must be a coin code of 1 to 8 printable characters, as the instruments' " +
        "underlying";

    /** The engine's settings. */
    public static final List<Setting<EngineConfig>> ALL = concat(List.of(
        number("engine.riskAversionPerUsd", 1.0e-5, EngineConfig::riskAversionPerUsd, EngineConfig::riskAversionPerUsd)
            .atLeast(0).doc("Risk aversion gamma of the inventory skew, per USD."),
        number("engine.skewHorizonMinutes", 60, (c, v) -> c.skewHorizonYears(v / MINUTES_PER_YEAR),
            c -> c.skewHorizonYears() * MINUTES_PER_YEAR).above(0).doc("Horizon tau of the inventory skew, minutes."),
        number("engine.indexVolatility", 0.6, EngineConfig::indexVolatility, EngineConfig::indexVolatility).above(0)
            .doc("Relative annual volatility of the index: sigma_S = vol x S in the skew."),
        number("engine.minShiftTicks", 1.0, EngineConfig::minShiftTicks, EngineConfig::minShiftTicks).atLeast(0)
            .doc("A quote adjustment goes out when the shift moved by at least this many ticks."),
        number("engine.maxShiftVolPoints", 5.0, EngineConfig::maxShiftVolPoints, EngineConfig::maxShiftVolPoints)
            .above(0).doc("Cap on an option's shift, vol points (where vega is tiny)."),
        number("engine.fallbackBasisPerYear", 0.0, EngineConfig::fallbackBasisPerYear,
            EngineConfig::fallbackBasisPerYear).range(-1, 1)
            .doc("Annual basis of an expiry no future prices: F = P exp(basis T), P the perpetual, else the index."),
        number("engine.optionTimeFloorSeconds", 300,
            (c, v) -> c.optionTimeFloorYears(v / YearFraction.NANOS_PER_YEAR * 1e9),
            c -> c.optionTimeFloorYears() * YearFraction.NANOS_PER_YEAR / 1e9).range(0, 86_400)
            .doc("Pin risk: an option closer to expiry is priced as if this many seconds remained."),
        // The daemon allowed a month, the engine any positive horizon: a month, since ids older than the horizon
        // must stay in a store of fillIdCapacity entries, and longer horizons only forget them early.
        number("engine.fillIdHorizonHours", 24, (c, v) -> c.fillIdHorizonNs((long)(v * NS_PER_HOUR)),
            c -> (double)c.fillIdHorizonNs() / NS_PER_HOUR).above(0).atMost(24 * 31)
            .doc("Exactly-once fills: (venue, fill id) is remembered this long after the fill's exchange time."),
        integer("engine.fillIdCapacity", 1 << 20, (c, v) -> c.fillIdCapacity((int)v), EngineConfig::fillIdCapacity)
            .range(1024, 1 << 26).doc("Most fill ids remembered (about 100 bytes each)."),
        integer("engine.reanchorSliceSize", 8, (c, v) -> c.reanchorSliceSize((int)v), EngineConfig::reanchorSliceSize)
            .range(1, Integer.MAX_VALUE).doc("Instruments re-anchored exactly per batch of their underlying."),
        // The engine allowed any positive radius: at most half, since the Taylor expansion in spot that the trust
        // radius bounds is second order, and its error grows with the cube of the move.
        number("engine.trustRadius", 0.01, EngineConfig::trustRadius, EngineConfig::trustRadius).above(0).atMost(0.5)
            .doc("Full revaluation when the index is further than this (relative) from any anchor."),
        // The engine allowed any positive age: at most a day, as the expansion in time is linear (theta) and
        // time decay near expiry is not.
        number("engine.maxAnchorAgeSeconds", 60, (c, v) -> c.maxAnchorAgeNs((long)(v * 1e9)),
            c -> c.maxAnchorAgeNs() / 1e9).above(0).atMost(86_400)
            .doc("Full revaluation when the anchors are older than this, seconds."),
        // The engine allowed any positive budget: below 1, as the budget is a fraction of the gross delta and a
        // budget of all of it would never trigger a revaluation.
        number("engine.approxErrorBudget", 1e-4, EngineConfig::approxErrorBudget, EngineConfig::approxErrorBudget)
            .above(0).below(1).doc("Full revaluation when the errors over one sweep exceed this fraction of the " +
            "gross delta."),
        numbers("engine.moneynessBucketEdges", new double[] { -0.3, -0.1, -0.02, 0.02, 0.1, 0.3 },
            EngineConfig::moneynessBucketEdges, EngineConfig::moneynessBucketEdges).ascending()
            .doc("Edges of the option moneyness buckets, in k = ln(K/F)."),
        flag("engine.equityDelta", true, EngineConfig::equityDelta, EngineConfig::equityDelta)
            .doc("Count the coin-margined account's coin equity as delta in that coin."),
        map("engine.coinBalances", EngineSettings::coinBalances,
            (c, m) -> m.forEach((coin, coins) -> c.coinBalance(AsciiCode.pack(coin), (Double)coins)))
            .doc("Starting coin balance per underlying, coins."),
        map("engine.smileDynamics", EngineSettings::smileDynamics,
            (c, m) -> m.forEach((coin, dynamics) -> c.smileDynamics(AsciiCode.pack(coin), (SmileDynamics)dynamics)))
            .doc("How each underlying's smile moves between fits: sticky-moneyness (default), sticky-strike or " +
            "sticky-delta (docs/pricing.md)."),
        choice("engine.settlementSource", "index", List.of("index", "mark"),
            (c, v) -> c.settlementSource(SettlementSource.valueOf(v.toUpperCase(java.util.Locale.ROOT))),
            c -> c.settlementSource().name().toLowerCase(java.util.Locale.ROOT))
            .doc("Price expiring futures settle at (options always settle at the index)."),
        integer("engine.snapshotIntervalMs", 1000, (c, v) -> c.snapshotIntervalNs(v * 1_000_000L),
            c -> c.snapshotIntervalNs() / 1e6).range(1, Integer.MAX_VALUE)
            .doc("Engine time between risk snapshots of each underlying, ms."),
        number("engine.minShiftVolPoints", 0.1, EngineConfig::minShiftVolPoints, EngineConfig::minShiftVolPoints)
            .atLeast(0).doc("An option's quote adjustment also goes out when its shift moved this many vol points."),
        number("engine.maxQuotesPerSecond", 10, EngineConfig::maxQuotesPerSecond, EngineConfig::maxQuotesPerSecond)
            .atLeast(0).doc("Quote adjustments per instrument per second of engine time; 0: no cap."),
        number("engine.skewGammaWeight", 0, (c, v) -> c.skewWeights(v, c.skewVegaWeight()),
            EngineConfig::skewGammaWeight).atLeast(0).doc("Skew risk aversion on the gamma axis."),
        number("engine.skewVegaWeight", 0, (c, v) -> c.skewWeights(c.skewGammaWeight(), v),
            EngineConfig::skewVegaWeight).atLeast(0).doc("Skew risk aversion on the vega axis."),
        number("engine.widenSpreadMult", 2.0, EngineConfig::widenSpreadMult, EngineConfig::widenSpreadMult).atLeast(1)
            .doc("Spread multiplier from the WIDEN rung up."),
        number("engine.spreadPerUtilization", 0.5, EngineConfig::spreadPerUtilization,
            EngineConfig::spreadPerUtilization).atLeast(0)
            .doc("Spread multiplier added per unit of the largest limit utilization."),
        number("engine.realizedVolHalfLifeSeconds", 300, (c, v) -> c.realizedVolHalfLifeNs((long)(v * 1e9)),
            c -> c.realizedVolHalfLifeNs() / 1e9).above(0).doc("Half-life of the index's realized volatility."),
        text("engine.dayStartUtc", "08:00", (c, v) -> c.dayStartOffsetNs(LocalTime.parse(v).toNanoOfDay()),
            c -> LocalTime.ofNanoOfDay(c.dayStartOffsetNs()).toString()).reason("must be a time of day, HH:MM (UTC)")
            .doc("The trailing loss limit measures from the peak P&L since this time of day."),
        map("engine.limits", EngineSettings::limits, EngineSettings::applyLimits)
            .doc("Limits for every underlying (default), per underlying, and of the portfolio."),
        number("engine.ladder.widenAt", 0.8, (c, v) -> c.ladderAt(0, v), c -> c.ladderAt(0)).above(0)
            .doc("Utilization where the WIDEN rung starts."),
        number("engine.ladder.reduceOnlyAt", 1.0, (c, v) -> c.ladderAt(1, v), c -> c.ladderAt(1)).above(0)
            .doc("Utilization where the REDUCE_ONLY rung starts."),
        number("engine.ladder.haltAt", 1.5, (c, v) -> c.ladderAt(2, v), c -> c.ladderAt(2)).above(0)
            .doc("Utilization where the HALT rung starts."),
        number("engine.ladder.hysteresis", 0.1, (c, v) -> c.ladderAt(3, v), c -> c.ladderAt(3)).atLeast(0)
            .doc("Stepping down a rung needs the utilization below its threshold minus this."),
        integer("engine.staleIndex.reduceOnlyAfterMs", 5_000, (c, v) -> c.staleAfterNs(v * 1_000_000L,
            c.staleHaltAfterNs()), c -> c.staleReduceAfterNs() / 1e6).range(1, Integer.MAX_VALUE)
            .doc("No index tick for this long (engine time): REDUCE_ONLY."),
        integer("engine.staleIndex.haltAfterMs", 15_000, (c, v) -> c.staleAfterNs(c.staleReduceAfterNs(),
            v * 1_000_000L), c -> c.staleHaltAfterNs() / 1e6).range(1, Integer.MAX_VALUE)
            .doc("No index tick for this long (engine time): HALT; at least reduceOnlyAfterMs."),
        map("engine.hedging", EngineSettings::hedging,
            (c, m) -> m.forEach((coin, h) -> c.hedging(AsciiCode.pack(coin), HedgeFields.of(h))))
            .doc("Delta hedging per underlying."),
        number("engine.inputBounds.maxPrice", 1e9, (c, v) -> c.inputBounds().maxPrice(v),
            c -> c.inputBounds().maxPrice()).atLeast(0)
            .doc("Largest price of a tick, fill, position or strike, in its quote currency; 0: off."),
        number("engine.inputBounds.maxFillPriceRatio", 100, (c, v) -> c.inputBounds().maxFillPriceRatio(v),
            c -> c.inputBounds().maxFillPriceRatio()).atLeast(0)
            .doc("A fill's price at most this many times above or below its instrument's mark (else mid); " +
            "0: off, else above 1."),
        number("engine.inputBounds.maxMovePercent", 50, (c, v) -> c.inputBounds().maxMovePercent(v),
            c -> c.inputBounds().maxMovePercent()).atLeast(0)
            .doc("Largest move of an index, spot, perpetual or future's mark (else mid) from its last accepted " +
            "tick, if at most staleIndex.reduceOnlyAfterMs old, percent; 0: off."),
        number("engine.inputBounds.maxFillContracts", 1e8, (c, v) -> c.inputBounds().maxFillContracts(v),
            c -> c.inputBounds().maxFillContracts()).atLeast(0)
            .doc("Largest quantity of one fill, contracts; 0: off."),
        number("engine.inputBounds.maxPositionContracts", 1e9, (c, v) -> c.inputBounds().maxPositionContracts(v),
            c -> c.inputBounds().maxPositionContracts()).atLeast(0)
            .doc("Largest |position| of one instrument after a fill or in a position message, contracts; 0: off."),
        number("engine.inputBounds.maxVol", 10, (c, v) -> c.inputBounds().maxVol(v), c -> c.inputBounds().maxVol())
            .atLeast(0).doc("Largest implied vol of a tick's mark IV or a smile at the money (10: 1,000%); 0: off."),
        integer("engine.inputBounds.maxExchangeTimeAheadMs", 60_000,
            (c, v) -> c.inputBounds().maxExchangeTimeAheadNs(v * 1_000_000L),
            c -> c.inputBounds().maxExchangeTimeAheadNs() / 1e6).range(0, 86_400_000)
            .doc("Largest lead of a fill's or tick's exchange time over engine time, ms; 0: off."),
        number("engine.inputBounds.maxControlValue", 1e15, (c, v) -> c.inputBounds().maxControlValue(v),
            c -> c.inputBounds().maxControlValue()).atLeast(0)
            .doc("Largest |value| of SET_LIMIT and SET_EQUITY (CLEAR_LIMIT removes a limit); 0: off."),
        integer("engine.skewBlockInstruments", 16, (c, v) -> c.skewBlockInstruments((int)v),
            EngineConfig::skewBlockInstruments).range(1, 1024).powerOfTwo().notFingerprinted()
            .doc("Instruments per block of the skew table (same outputs for every size)."),
        // Beyond the displayed size the book is unknown: a multiple of the half-spread stands for walking it, and
        // below 1 the part beyond the top would cost less than the top itself.
        number("engine.var.beyondTopMultiple", 3, EngineConfig::beyondTopMultiple, EngineConfig::beyondTopMultiple)
            .atLeast(1).doc("Liquidity cost: the half-spread times this on the contracts beyond the displayed size " +
            "(docs/liquidity.md).")), ScenarioSettings.ALL);

    /** The fields of one underlying's entry under {@code engine.hedging}. */
    public static final List<Setting<HedgeFields>> HEDGING = List.of(
        Setting.<HedgeFields>text("instrument", null, (h, v) -> h.instrument = v, h -> h.instrument).required()
            .reason("must name the hedge instrument's symbol").doc("Symbol of the hedge (a perpetual or future)."),
        Setting.<HedgeFields>number("bandCoins", 0, (h, v) -> h.bandCoins = v, h -> h.bandCoins).above(0).required()
            .doc("Half-width of the band around zero delta, coins."),
        Setting.<HedgeFields>choice("target", "zero", List.of("zero", "edge"), (h, v) -> h.target = v, h -> h.target)
            .doc("Hedge back to zero delta, or to the band's edge."),
        Setting.<HedgeFields>integer("timeoutMs", 10_000, (h, v) -> h.timeoutMs = v, h -> h.timeoutMs)
            .range(1, Long.MAX_VALUE / 1_000_000)
            .doc("A signal is outstanding this long (engine time); no second one meanwhile."));

    private EngineSettings()
    {
    }

    private static <T> List<T> concat(final List<T> first, final List<T> second)
    {
        final List<T> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private static Setting<EngineConfig> number(final String key, final double defaultValue,
        final ObjDoubleConsumer<EngineConfig> set, final ToDoubleFunction<EngineConfig> get)
    {
        return Setting.number(key, defaultValue, set, get);
    }

    private static Setting<EngineConfig> integer(final String key, final long defaultValue,
        final ObjLongConsumer<EngineConfig> set, final ToDoubleFunction<EngineConfig> get)
    {
        return Setting.integer(key, defaultValue, set, get);
    }

    private static Setting<EngineConfig> flag(final String key, final boolean defaultValue,
        final BiConsumer<EngineConfig, Boolean> set, final Function<EngineConfig, Boolean> get)
    {
        return Setting.flag(key, defaultValue, set, get);
    }

    private static Setting<EngineConfig> choice(final String key, final String defaultValue, final List<String> choices,
        final BiConsumer<EngineConfig, String> set, final Function<EngineConfig, String> get)
    {
        return Setting.choice(key, defaultValue, choices, set, get);
    }

    private static Setting<EngineConfig> text(final String key, final String defaultValue,
        final BiConsumer<EngineConfig, String> set, final Function<EngineConfig, String> get)
    {
        return Setting.text(key, defaultValue, set, get);
    }

    private static Setting<EngineConfig> numbers(final String key, final double[] defaultValue,
        final BiConsumer<EngineConfig, double[]> set, final Function<EngineConfig, double[]> get)
    {
        return Setting.numbers(key, defaultValue, set, get);
    }

    private static Setting<EngineConfig> map(final String key, final BiFunction<String, Object, Object> parser,
        final BiConsumer<EngineConfig, Map<String, Object>> set)
    {
        return Setting.map(key, parser, set);
    }

    /**
     * The fields of a hedging entry while it is read. Used once per entry at start-up.
     */
    public static final class HedgeFields
    {
        String instrument;
        double bandCoins;
        String target;
        long timeoutMs;

        static HedgeConfig of(final Object entry)
        {
            final Map<?, ?> fields = (Map<?, ?>)entry;
            return new HedgeConfig((String)fields.get("instrument"), (Double)fields.get("bandCoins"),
                "zero".equals(fields.get("target")), (Long)fields.get("timeoutMs") * 1_000_000L);
        }
    }

    private static Object coinBalances(final String name, final Object raw)
    {
        final Map<String, Object> balances = new LinkedHashMap<>();
        ((Map<?, ?>)raw).forEach((coin, coins) ->
        {
            requireCoin(name + "." + coin, coin);
            if (!(coins instanceof Number n) || !Double.isFinite(n.doubleValue()))
            {
                throw new IllegalArgumentException(name + "." + coin + ": must be a finite number of coins");
            }
            balances.put(coin.toString(), n.doubleValue());
        });
        return balances;
    }

    private static Object smileDynamics(final String name, final Object raw)
    {
        final Map<String, Object> choices = new LinkedHashMap<>();
        ((Map<?, ?>)raw).forEach((coin, choice) ->
        {
            requireCoin(name + "." + coin, coin);
            try
            {
                choices.put(coin.toString(), SmileDynamics.fromConfigName(String.valueOf(choice)));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(name + "." + coin + ": " + ex.getMessage(), ex);
            }
        });
        return choices;
    }

    private static Object limits(final String name, final Object raw)
    {
        final Map<String, Object> scopes = new LinkedHashMap<>();
        ((Map<?, ?>)raw).forEach((scope, entries) ->
        {
            final String where = name + "." + scope;
            final boolean portfolio = "portfolio".equals(scope);
            if (!portfolio && !"default".equals(scope))
            {
                requireCoin(where, scope);
            }
            if (!(entries instanceof Map<?, ?> map))
            {
                throw new IllegalArgumentException(where + ": must be a map of limit to value");
            }
            final Map<String, Object> values = new LinkedHashMap<>();
            map.forEach((limit, value) ->
            {
                final String key = limit.toString();
                if ((portfolio ? PortfolioLimitKind.fromKey(key) : LimitKind.fromKey(key)) == null)
                {
                    throw new IllegalArgumentException(where + "." + limit + ": unknown limit; known: " +
                        (portfolio ? keysOf(PortfolioLimitKind.VALUES) : keysOf(LimitKind.VALUES)));
                }
                values.put(limit.toString(), positiveLimit(where + "." + limit, value));
            });
            scopes.put(scope.toString(), values);
        });
        return scopes;
    }

    @SuppressWarnings("unchecked")
    private static void applyLimits(final EngineConfig config, final Map<String, Object> scopes)
    {
        scopes.forEach((scope, values) -> ((Map<String, Double>)values).forEach((limit, value) ->
        {
            if ("portfolio".equals(scope))
            {
                config.portfolioLimit(PortfolioLimitKind.fromKey(limit), value);
            }
            else
            {
                config.limit("default".equals(scope) ? AsciiCode.NONE : AsciiCode.pack(scope), LimitKind.fromKey(limit),
                    value);
            }
        }));
    }

    private static Object hedging(final String name, final Object raw)
    {
        final Map<String, Object> entries = new LinkedHashMap<>();
        ((Map<?, ?>)raw).forEach((coin, entry) ->
        {
            requireCoin(name + "." + coin, coin);
            if (!(entry instanceof Map<?, ?> fields))
            {
                throw new IllegalArgumentException(name + "." + coin + ": must be a hedging section");
            }
            entries.put(coin.toString(), SettingValues.applySection(HEDGING, name + "." + coin + ".", fields,
                new HedgeFields()));
        });
        return entries;
    }

    /**
     * @return the limit, when it is a positive finite number.
     * @throws IllegalArgumentException naming the limit otherwise.
     */
    static double positiveLimit(final String name, final Object value)
    {
        if (!(value instanceof Number n) || !(n.doubleValue() > 0 && n.doubleValue() < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException(name + ": must be a positive number (got " + value + ")");
        }
        return n.doubleValue();
    }

    static void requireCoin(final String name, final Object code)
    {
        try
        {
            if (AsciiCode.isWellFormed(AsciiCode.pack(code.toString())))
            {
                return;
            }
        }
        catch (final IllegalArgumentException ex)
        {
            // not a code: reported below
        }
        throw new IllegalArgumentException(name + ": " + COIN_CODE);
    }

    private static List<String> keysOf(final NamedLimit[] kinds)
    {
        return Arrays.stream(kinds).map(NamedLimit::key).toList();
    }
}
