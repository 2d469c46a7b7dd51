package org.mmrisk.daemon.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.mmrisk.core.engine.EngineConfig;
import org.mmrisk.core.engine.HedgeConfig;
import org.mmrisk.core.engine.SettlementSource;
import org.mmrisk.core.limits.LadderConfig;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.limits.PortfolioLimitKind;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.time.YearFraction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads and validates a {@link DaemonConfig}: the one place that knows the rules, so a bad file stops start-up with
 * "FILE: KEY: REASON". Stateless.
 */
public final class ConfigLoader
{
    private static final Pattern INPUT_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Set<String> WAIT_STRATEGIES = Set.of("busy-spin", "yielding", "sleeping", "blocking");
    private static final Set<String> IDLE_STRATEGIES = Set.of("busy-spin", "yielding", "backoff", "sleeping");
    /** Linux's default CPU limit (CONFIG_NR_CPUS); whether a CPU may be used is checked when the daemon starts. */
    private static final int MAX_CPUS = 8192;

    private ConfigLoader()
    {
    }

    /**
     * @throws ConfigException naming the file, the key and the reason.
     */
    public static LoadedConfig load(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            throw new ConfigException(file + ": file not found");
        }
        final DaemonConfig config = parse(file);
        validate(file, config);
        return new LoadedConfig(file, config, engineConfig(file, config));
    }

    private static DaemonConfig parse(final Path file)
    {
        final ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        try
        {
            final DaemonConfig config = mapper.readValue(file.toFile(), DaemonConfig.class);
            if (config == null)
            {
                throw new ConfigException(file + ": the file is empty");
            }
            return config;
        }
        catch (final UnrecognizedPropertyException ex)
        {
            throw new ConfigException(file + ": " + keyOf(ex) + ": unknown key", ex);
        }
        catch (final JsonMappingException ex)
        {
            throw new ConfigException(file + ": " + keyOf(ex) + ": " + ex.getOriginalMessage(), ex);
        }
        catch (final IOException ex)
        {
            throw new ConfigException(file + ": not valid YAML: " + ex.getMessage(), ex);
        }
    }

    private static String keyOf(final JsonMappingException ex)
    {
        final StringBuilder key = new StringBuilder();
        for (final JsonMappingException.Reference ref : ex.getPath())
        {
            if (ref.getFieldName() != null)
            {
                if (key.length() > 0)
                {
                    key.append('.');
                }
                key.append(ref.getFieldName());
            }
            else
            {
                key.append('[').append(ref.getIndex()).append(']');
            }
        }
        return key.length() == 0 ? "(top level)" : key.toString();
    }

    private static void validate(final Path file, final DaemonConfig c)
    {
        require(file, "dataDir", c.dataDir != null && !c.dataDir.isBlank(), "must be a directory path");
        require(file, "inputs", c.inputs != null && !c.inputs.isEmpty(), "must name at least one input queue");
        final Set<String> seen = new HashSet<>();
        for (int i = 0; i < c.inputs.size(); i++)
        {
            final String name = c.inputs.get(i);
            require(file, "inputs[" + i + "]", name != null && INPUT_NAME.matcher(name).matches(),
                "must be lower-case letters, digits, '-' or '_' (got '" + name + "')");
            require(file, "inputs[" + i + "]", seen.add(name), "duplicate input '" + name + "'");
        }
        require(file, "queueBlockSizeMb", c.queueBlockSizeMb >= 1 && c.queueBlockSizeMb <= 1024,
            "must be 1 to 1024");
        require(file, "ring", c.ring != null, "must be a section");
        require(file, "ring.size", c.ring.size >= 64 && Integer.bitCount(c.ring.size) == 1,
            "must be a power of two, at least 64");
        require(file, "ring.waitStrategy", WAIT_STRATEGIES.contains(c.ring.waitStrategy),
            "must be one of " + WAIT_STRATEGIES);
        require(file, "ingress", c.ingress != null, "must be a section");
        require(file, "ingress.idleStrategy", IDLE_STRATEGIES.contains(c.ingress.idleStrategy),
            "must be one of " + IDLE_STRATEGIES);
        require(file, "ingress.batchLimit", c.ingress.batchLimit >= 1 && c.ingress.batchLimit <= c.ring.size / 2,
            "must be 1 to half the ring size");
        require(file, "ingress.maxBatchHoldMicros", c.ingress.maxBatchHoldMicros >= 0 &&
            c.ingress.maxBatchHoldMicros <= 1_000_000, "must be 0 (never held open) to 1000000");
        require(file, "ingress.timerIntervalMs", c.ingress.timerIntervalMs >= 1 && c.ingress.timerIntervalMs <= 60_000,
            "must be 1 to 60000");
        require(file, "recovery", c.recovery != null, "must be a section");
        require(file, "recovery.snapshotIntervalSeconds", c.recovery.snapshotIntervalSeconds >= 0 &&
            c.recovery.snapshotIntervalSeconds <= 86_400, "must be 0 (only at shutdown) to 86400");
        require(file, "recovery.snapshotsKept", c.recovery.snapshotsKept >= 1 && c.recovery.snapshotsKept <= 1000,
            "must be 1 to 1000");
        require(file, "recovery.queueRetentionDays", c.recovery.queueRetentionDays >= 0 &&
            c.recovery.queueRetentionDays <= 36_500, "must be 0 (keep every file) to 36500");
        requireAffinity(file, c.affinity);
        require(file, "egress", c.egress != null, "must be a section");
        require(file, "egress.heartbeatIntervalMs",
            c.egress.heartbeatIntervalMs >= c.ingress.timerIntervalMs && c.egress.heartbeatIntervalMs <= 60_000,
            "must be from ingress.timerIntervalMs to 60000 (heartbeats ride on timer events)");
        require(file, "engine", c.engine != null, "must be a section");
        require(file, "engine.skewHorizonMinutes", c.engine.skewHorizonMinutes > 0, "must be positive");
        require(file, "engine.snapshotIntervalMs", c.engine.snapshotIntervalMs >= 1, "must be positive");
        require(file, "engine.fillIdHorizonHours",
            c.engine.fillIdHorizonHours > 0 && c.engine.fillIdHorizonHours <= 24 * 31, "must be above 0, at most 744");
        require(file, "engine.fillIdCapacity",
            c.engine.fillIdCapacity >= 1024 && c.engine.fillIdCapacity <= (1 << 26), "must be 1024 to 67108864");
        require(file, "engine.reanchorSliceSize", c.engine.reanchorSliceSize >= 1, "must be at least 1");
        require(file, "engine.trustRadius", c.engine.trustRadius > 0 && c.engine.trustRadius <= 0.5,
            "must be above 0, at most 0.5");
        require(file, "engine.maxAnchorAgeSeconds",
            c.engine.maxAnchorAgeSeconds > 0 && c.engine.maxAnchorAgeSeconds <= 86_400, "must be above 0, at most 86400");
        require(file, "engine.approxErrorBudget", c.engine.approxErrorBudget > 0 && c.engine.approxErrorBudget < 1,
            "must be between 0 and 1");
        require(file, "engine.moneynessBucketEdges", c.engine.moneynessBucketEdges != null &&
            isAscending(c.engine.moneynessBucketEdges), "must be a list of ascending finite numbers (k = ln(K/F))");
        require(file, "engine.settlementSource", "index".equals(c.engine.settlementSource) ||
            "mark".equals(c.engine.settlementSource), "must be index or mark");
        require(file, "engine.coinBalances", c.engine.coinBalances != null, "must be a map of coin to balance");
        for (final java.util.Map.Entry<String, Double> balance : c.engine.coinBalances.entrySet())
        {
            require(file, "engine.coinBalances." + balance.getKey(), isCoinCode(balance.getKey()),
                "must be a coin code of 1 to 8 printable characters, as the instruments' underlying");
            require(file, "engine.coinBalances." + balance.getKey(),
                balance.getValue() != null && Double.isFinite(balance.getValue()), "must be a finite number of coins");
        }
        require(file, "engine.optionTimeFloorSeconds",
            c.engine.optionTimeFloorSeconds >= 0 && c.engine.optionTimeFloorSeconds <= 86_400, "must be 0 to 86400");
    }

    private static EngineConfig engineConfig(final Path file, final DaemonConfig c)
    {
        final DaemonConfig.Engine e = c.engine;
        try
        {
            final EngineConfig config = new EngineConfig();
            e.coinBalances.forEach((coin, coins) -> config.coinBalance(AsciiCode.pack(coin), coins));
            limits(file, e, config);
            hedging(file, e, config);
            return config
                .riskAversionPerUsd(e.riskAversionPerUsd)
                .skewHorizonYears(e.skewHorizonMinutes / (365.25 * 24 * 60))
                .indexVolatility(e.indexVolatility)
                .minShiftTicks(e.minShiftTicks)
                .maxShiftVolPoints(e.maxShiftVolPoints)
                .fallbackBasisPerYear(e.fallbackBasisPerYear)
                .optionTimeFloorYears(e.optionTimeFloorSeconds / YearFraction.NANOS_PER_YEAR * 1e9)
                .fillIdHorizonNs((long)(e.fillIdHorizonHours * 3_600_000_000_000L))
                .fillIdCapacity(e.fillIdCapacity)
                .reanchorSliceSize(e.reanchorSliceSize)
                .trustRadius(e.trustRadius)
                .maxAnchorAgeNs((long)(e.maxAnchorAgeSeconds * 1e9))
                .approxErrorBudget(e.approxErrorBudget)
                .moneynessBucketEdges(e.moneynessBucketEdges)
                .equityDelta(e.equityDelta)
                .settlementSource(SettlementSource.valueOf(e.settlementSource.toUpperCase(java.util.Locale.ROOT)))
                .snapshotIntervalNs(e.snapshotIntervalMs * 1_000_000L)
                .minShiftVolPoints(e.minShiftVolPoints)
                .maxQuotesPerSecond(e.maxQuotesPerSecond)
                .skewWeights(e.skewGammaWeight, e.skewVegaWeight)
                .widenSpreadMult(e.widenSpreadMult)
                .spreadPerUtilization(e.spreadPerUtilization)
                .realizedVolHalfLifeNs((long)(e.realizedVolHalfLifeSeconds * 1e9))
                .staleAfterNs(e.staleIndex.reduceOnlyAfterMs * 1_000_000L, e.staleIndex.haltAfterMs * 1_000_000L)
                .dayStartOffsetNs(dayStartOffsetNs(file, e.dayStartUtc))
                .ladder(ladder(file, e.ladder))
                .conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException(file + ": engine." + ex.getMessage(), ex);
        }
    }

    private static void limits(final Path file, final DaemonConfig.Engine e, final EngineConfig config)
    {
        for (final java.util.Map.Entry<String, java.util.Map<String, Double>> scope : e.limits.entrySet())
        {
            final String where = "engine.limits." + scope.getKey();
            final boolean isDefault = "default".equals(scope.getKey());
            require(file, where, scope.getValue() != null, "must be a map of limit to value");
            if ("portfolio".equals(scope.getKey()))
            {
                portfolioLimits(file, where, scope.getValue(), config);
                continue;
            }
            require(file, where, isDefault || isCoinCode(scope.getKey()), "must be 'default', 'portfolio' or a coin code");
            final long code = isDefault ? AsciiCode.NONE : AsciiCode.pack(scope.getKey());
            for (final java.util.Map.Entry<String, Double> limit : scope.getValue().entrySet())
            {
                final LimitKind kind = LimitKind.fromKey(limit.getKey());
                require(file, where + "." + limit.getKey(), kind != null, "unknown limit; known: " + LIMIT_KEYS);
                require(file, where + "." + limit.getKey(), limit.getValue() != null && limit.getValue() > 0 &&
                    limit.getValue() < Double.POSITIVE_INFINITY, "must be a positive number");
                config.limit(code, kind, limit.getValue());
            }
        }
    }

    private static void portfolioLimits(final Path file, final String where, final java.util.Map<String, Double> limits,
        final EngineConfig config)
    {
        for (final java.util.Map.Entry<String, Double> limit : limits.entrySet())
        {
            final PortfolioLimitKind kind = PortfolioLimitKind.fromKey(limit.getKey());
            require(file, where + "." + limit.getKey(), kind != null, "unknown portfolio limit; known: " +
                java.util.Arrays.stream(PortfolioLimitKind.VALUES).map(PortfolioLimitKind::key).toList());
            require(file, where + "." + limit.getKey(), limit.getValue() != null && limit.getValue() > 0 &&
                limit.getValue() < Double.POSITIVE_INFINITY, "must be a positive number");
            config.portfolioLimit(kind, limit.getValue());
        }
    }

    private static void hedging(final Path file, final DaemonConfig.Engine e, final EngineConfig config)
    {
        for (final java.util.Map.Entry<String, DaemonConfig.Hedging> entry : e.hedging.entrySet())
        {
            final String where = "engine.hedging." + entry.getKey();
            final DaemonConfig.Hedging h = entry.getValue();
            require(file, where, isCoinCode(entry.getKey()) && h != null, "must be a coin code with a hedging section");
            require(file, where + ".instrument", h.instrument != null && !h.instrument.isEmpty(),
                "must name the hedge instrument's symbol");
            require(file, where + ".bandCoins", h.bandCoins > 0, "must be positive");
            require(file, where + ".target", "zero".equals(h.target) || "edge".equals(h.target), "must be zero or edge");
            require(file, where + ".timeoutMs", h.timeoutMs > 0, "must be positive");
            config.hedging(AsciiCode.pack(entry.getKey()),
                new HedgeConfig(h.instrument, h.bandCoins, "zero".equals(h.target), h.timeoutMs * 1_000_000L));
        }
    }

    private static LadderConfig ladder(final Path file, final DaemonConfig.Ladder l)
    {
        require(file, "engine.ladder", l != null, "must be a section");
        try
        {
            return new LadderConfig(l.widenAt, l.reduceOnlyAt, l.haltAt, l.hysteresis);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException(file + ": engine.ladder: " + ex.getMessage(), ex);
        }
    }

    private static long dayStartOffsetNs(final Path file, final String hhmm)
    {
        try
        {
            return java.time.LocalTime.parse(hhmm).toNanoOfDay();
        }
        catch (final RuntimeException ex)
        {
            throw new ConfigException(file + ": engine.dayStartUtc: must be HH:MM (UTC), got '" + hhmm + "'", ex);
        }
    }

    private static boolean isCoinCode(final String code)
    {
        try
        {
            return AsciiCode.isWellFormed(AsciiCode.pack(code));
        }
        catch (final IllegalArgumentException ex)
        {
            return false;
        }
    }

    private static final java.util.List<String> LIMIT_KEYS =
        java.util.Arrays.stream(LimitKind.VALUES).map(LimitKind::key).toList();

    private static boolean isAscending(final double[] values)
    {
        for (int i = 0; i < values.length; i++)
        {
            if (!Double.isFinite(values[i]) || (i > 0 && values[i] <= values[i - 1]))
            {
                return false;
            }
        }
        return true;
    }

    private static void requireAffinity(final Path file, final DaemonConfig.Affinity affinity)
    {
        require(file, "affinity", affinity != null, "must be a section");
        final String range = "must be -1 (not pinned) or a CPU number, 0 to " + (MAX_CPUS - 1);
        require(file, "affinity.ingress", affinity.ingress >= -1 && affinity.ingress < MAX_CPUS, range);
        require(file, "affinity.journaller", affinity.journaller >= -1 && affinity.journaller < MAX_CPUS, range);
        require(file, "affinity.engine", affinity.engine >= -1 && affinity.engine < MAX_CPUS, range);
    }

    private static void require(final Path file, final String key, final boolean ok, final String reason)
    {
        if (!ok)
        {
            throw new ConfigException(file + ": " + key + ": " + reason);
        }
    }
}
