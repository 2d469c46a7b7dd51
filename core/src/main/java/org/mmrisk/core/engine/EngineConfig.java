package org.mmrisk.core.engine;

import org.mmrisk.core.limits.LadderConfig;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.limits.PortfolioLimitKind;
import org.mmrisk.core.time.YearFraction;

/**
 * The engine's tunables, with the defaults a desk would start from. Built once (the daemon fills it from its
 * config file and calls {@link #conclude()}); read-only afterwards and owned by the engine thread.
 */
public final class EngineConfig
{
    /** Risk aversion γ of the inventory skew, per USD. */
    private double riskAversionPerUsd = 1.0e-5;
    /** Horizon τ of the inventory skew, in years (default: one hour). */
    private double skewHorizonYears = 1.0 / (365.25 * 24);
    /** Relative annual volatility of the index used for σ_S = vol × S in the skew. */
    private double indexVolatility = 0.6;
    /** A new quote adjustment is emitted when the shift moves by at least this many ticks. */
    private double minShiftTicks = 1.0;
    /** A new quote adjustment is emitted when an option's shift moves by at least this many vol points. */
    private double minShiftVolPoints = 0.1;
    /** Cap on an option's shift in vol points, where vega is too small for the conversion to mean much. */
    private double maxShiftVolPoints = 5.0;
    /** Annualised basis used for the forward of an expiry that no future prices: F = S·exp(basis·T). */
    private double fallbackBasisPerYear = 0.0;
    /** Options closer to expiry than this are priced as if this much time remained (pin risk), in years. */
    private double optionTimeFloorYears = 300.0 / (365.25 * 86_400);
    /** Fill ids are remembered this long after their exchange time; older fills are held, not applied. */
    private long fillIdHorizonNs = 24L * 3_600_000_000_000L;
    /** Most fill ids remembered; beyond it the oldest are forgotten early (and counted). */
    private int fillIdCapacity = 1 << 20;
    /** Instruments re-anchored by exact revaluation per batch of their underlying, round robin. */
    private int reanchorSliceSize = 8;
    /** Largest index move (relative) from any anchor before the whole underlying is revalued. */
    private double trustRadius = 0.01;
    /** Oldest anchor allowed before the whole underlying is revalued. */
    private long maxAnchorAgeNs = 60_000_000_000L;
    /** Σ|Taylor delta − exact delta| over a sweep, relative to the gross delta, beyond which all is revalued. */
    private double approxErrorBudget = 1e-4;
    /** Edges of the moneyness buckets of options, in k = ln(K/F), ascending. */
    private double[] moneynessBucketEdges = { -0.3, -0.1, -0.02, 0.02, 0.1, 0.3 };
    /** Count the coin-margined account's equity as delta in its coin (DESIGN: coin-margined accounts). */
    private boolean equityDelta = true;
    /** Starting coin balance per underlying (packed code → coins); changed at runtime by SET_EQUITY. */
    private final java.util.Map<Long, Double> coinBalances = new java.util.HashMap<>();
    /** Price options and futures settle at when they expire. */
    private SettlementSource settlementSource = SettlementSource.INDEX;
    /** Limits of every underlying (NaN: not set), by {@link LimitKind} ordinal; overridden per underlying. */
    private final double[] defaultLimits = unsetLimits();
    private final java.util.Map<Long, double[]> limitsByUnderlying = new java.util.HashMap<>();
    private final double[] portfolioLimits = new double[PortfolioLimitKind.VALUES.length];
    private LadderConfig ladder = LadderConfig.defaults();
    /** Spread multiplier while an underlying is on the WIDEN rung. */
    private double widenSpreadMult = 2.0;
    /** Spread multiplier added per unit of the largest limit utilization: 1 + this × u. */
    private double spreadPerUtilization = 0.5;
    /** Half-life of the realized-volatility estimate of the index, in engine time. */
    private long realizedVolHalfLifeNs = 300_000_000_000L;
    /** No index tick for this long (engine time): REDUCE_ONLY; for {@link #staleHaltAfterNs}: HALT. */
    private long staleReduceAfterNs = 5_000_000_000L;
    private long staleHaltAfterNs = 15_000_000_000L;
    /** At most this many quote adjustments per instrument per second of engine time (0: no cap). */
    private double maxQuotesPerSecond = 10;
    /** Skew risk aversion on the gamma and vega axes: W_ΓΓ and W_νν of the skew's diagonal W. */
    private double skewGammaWeight = 0;
    private double skewVegaWeight = 0;
    /** Start of the trading day for the trailing loss limit, as an offset from midnight UTC. */
    private long dayStartOffsetNs = 8 * 3_600_000_000_000L;
    /** Hedging per underlying code. */
    private final java.util.Map<Long, HedgeConfig> hedging = new java.util.HashMap<>();
    /** Instruments per block of the skew table (a power of two): the unit a batch dismisses with one bound. */
    private int skewBlockInstruments = 16;
    /** Engine time between risk snapshots of each underlying. */
    private long snapshotIntervalNs = 1_000_000_000L;

    public EngineConfig riskAversionPerUsd(final double value)
    {
        riskAversionPerUsd = value;
        return this;
    }

    public double riskAversionPerUsd()
    {
        return riskAversionPerUsd;
    }

    public EngineConfig skewHorizonYears(final double value)
    {
        skewHorizonYears = value;
        return this;
    }

    public double skewHorizonYears()
    {
        return skewHorizonYears;
    }

    public EngineConfig indexVolatility(final double value)
    {
        indexVolatility = value;
        return this;
    }

    public double indexVolatility()
    {
        return indexVolatility;
    }

    public EngineConfig minShiftTicks(final double value)
    {
        minShiftTicks = value;
        return this;
    }

    public double minShiftTicks()
    {
        return minShiftTicks;
    }

    public EngineConfig minShiftVolPoints(final double value)
    {
        minShiftVolPoints = value;
        return this;
    }

    public double minShiftVolPoints()
    {
        return minShiftVolPoints;
    }

    public EngineConfig maxShiftVolPoints(final double value)
    {
        maxShiftVolPoints = value;
        return this;
    }

    public double maxShiftVolPoints()
    {
        return maxShiftVolPoints;
    }

    public EngineConfig fallbackBasisPerYear(final double value)
    {
        fallbackBasisPerYear = value;
        return this;
    }

    public double fallbackBasisPerYear()
    {
        return fallbackBasisPerYear;
    }

    public EngineConfig optionTimeFloorYears(final double value)
    {
        optionTimeFloorYears = value;
        return this;
    }

    public double optionTimeFloorYears()
    {
        return optionTimeFloorYears;
    }

    public EngineConfig fillIdHorizonNs(final long value)
    {
        fillIdHorizonNs = value;
        return this;
    }

    public long fillIdHorizonNs()
    {
        return fillIdHorizonNs;
    }

    public EngineConfig fillIdCapacity(final int value)
    {
        fillIdCapacity = value;
        return this;
    }

    public int fillIdCapacity()
    {
        return fillIdCapacity;
    }

    public EngineConfig reanchorSliceSize(final int value)
    {
        reanchorSliceSize = value;
        return this;
    }

    public int reanchorSliceSize()
    {
        return reanchorSliceSize;
    }

    public EngineConfig trustRadius(final double value)
    {
        trustRadius = value;
        return this;
    }

    public double trustRadius()
    {
        return trustRadius;
    }

    public EngineConfig maxAnchorAgeNs(final long value)
    {
        maxAnchorAgeNs = value;
        return this;
    }

    public long maxAnchorAgeNs()
    {
        return maxAnchorAgeNs;
    }

    public EngineConfig approxErrorBudget(final double value)
    {
        approxErrorBudget = value;
        return this;
    }

    public double approxErrorBudget()
    {
        return approxErrorBudget;
    }

    public EngineConfig moneynessBucketEdges(final double... value)
    {
        moneynessBucketEdges = value.clone();
        return this;
    }

    /**
     * @return the edges (not a copy: read-only by convention).
     */
    public double[] moneynessBucketEdges()
    {
        return moneynessBucketEdges;
    }

    public EngineConfig equityDelta(final boolean value)
    {
        equityDelta = value;
        return this;
    }

    public boolean equityDelta()
    {
        return equityDelta;
    }

    public EngineConfig coinBalance(final long underlyingCode, final double coins)
    {
        coinBalances.put(underlyingCode, coins);
        return this;
    }

    /**
     * @return the configured starting balance of an underlying's coin, 0 when none is configured.
     */
    public double coinBalance(final long underlyingCode)
    {
        return coinBalances.getOrDefault(underlyingCode, 0.0);
    }

    public EngineConfig settlementSource(final SettlementSource value)
    {
        settlementSource = value;
        return this;
    }

    public SettlementSource settlementSource()
    {
        return settlementSource;
    }

    private static double[] unsetLimits()
    {
        final double[] limits = new double[LimitKind.VALUES.length];
        java.util.Arrays.fill(limits, Double.NaN);
        return limits;
    }

    /**
     * Sets a limit for every underlying ({@code underlyingCode} = {@link org.mmrisk.core.event.AsciiCode#NONE}) or
     * for one.
     */
    public EngineConfig limit(final long underlyingCode, final LimitKind kind, final double value)
    {
        if (underlyingCode == org.mmrisk.core.event.AsciiCode.NONE)
        {
            defaultLimits[kind.ordinal()] = value;
        }
        else
        {
            limitsByUnderlying.computeIfAbsent(underlyingCode, k -> unsetLimits())[kind.ordinal()] = value;
        }
        return this;
    }

    /**
     * @return the limits an underlying starts with: its own where set, else the defaults (NaN: none). A copy.
     */
    public double[] limitsOf(final long underlyingCode)
    {
        final double[] limits = defaultLimits.clone();
        final double[] own = limitsByUnderlying.get(underlyingCode);
        for (int i = 0; own != null && i < own.length; i++)
        {
            if (!Double.isNaN(own[i]))
            {
                limits[i] = own[i];
            }
        }
        return limits;
    }

    {
        java.util.Arrays.fill(portfolioLimits, Double.NaN);
    }

    public EngineConfig portfolioLimit(final PortfolioLimitKind kind, final double value)
    {
        portfolioLimits[kind.ordinal()] = value;
        return this;
    }

    /**
     * @return the portfolio's limits by {@link PortfolioLimitKind} ordinal (NaN: none); a copy.
     */
    public double[] portfolioLimits()
    {
        return portfolioLimits.clone();
    }

    public EngineConfig ladder(final LadderConfig value)
    {
        ladder = value;
        return this;
    }

    public LadderConfig ladder()
    {
        return ladder;
    }

    public EngineConfig widenSpreadMult(final double value)
    {
        widenSpreadMult = value;
        return this;
    }

    public double widenSpreadMult()
    {
        return widenSpreadMult;
    }

    public EngineConfig spreadPerUtilization(final double value)
    {
        spreadPerUtilization = value;
        return this;
    }

    public double spreadPerUtilization()
    {
        return spreadPerUtilization;
    }

    public EngineConfig realizedVolHalfLifeNs(final long value)
    {
        realizedVolHalfLifeNs = value;
        return this;
    }

    public long realizedVolHalfLifeNs()
    {
        return realizedVolHalfLifeNs;
    }

    public EngineConfig staleAfterNs(final long reduceOnlyNs, final long haltNs)
    {
        staleReduceAfterNs = reduceOnlyNs;
        staleHaltAfterNs = haltNs;
        return this;
    }

    public long staleReduceAfterNs()
    {
        return staleReduceAfterNs;
    }

    public long staleHaltAfterNs()
    {
        return staleHaltAfterNs;
    }

    public EngineConfig maxQuotesPerSecond(final double value)
    {
        maxQuotesPerSecond = value;
        return this;
    }

    public double maxQuotesPerSecond()
    {
        return maxQuotesPerSecond;
    }

    public EngineConfig skewWeights(final double gammaWeight, final double vegaWeight)
    {
        skewGammaWeight = gammaWeight;
        skewVegaWeight = vegaWeight;
        return this;
    }

    public double skewGammaWeight()
    {
        return skewGammaWeight;
    }

    public double skewVegaWeight()
    {
        return skewVegaWeight;
    }

    public EngineConfig dayStartOffsetNs(final long value)
    {
        dayStartOffsetNs = value;
        return this;
    }

    public long dayStartOffsetNs()
    {
        return dayStartOffsetNs;
    }

    public EngineConfig hedging(final long underlyingCode, final HedgeConfig value)
    {
        hedging.put(underlyingCode, value);
        return this;
    }

    /**
     * @return the hedging of an underlying, or null when it is not hedged.
     */
    public HedgeConfig hedging(final long underlyingCode)
    {
        return hedging.get(underlyingCode);
    }

    /**
     * Instruments per block of each underlying's skew table, a power of two from 1 to 1,024: a batch dismisses a
     * whole block with one bound, and evaluates the instruments of the blocks the bound does not settle. A tuning
     * and testing knob; the outputs are the same for every size.
     */
    public EngineConfig skewBlockInstruments(final int value)
    {
        skewBlockInstruments = value;
        return this;
    }

    public int skewBlockInstruments()
    {
        return skewBlockInstruments;
    }

    public EngineConfig snapshotIntervalNs(final long value)
    {
        snapshotIntervalNs = value;
        return this;
    }

    public long snapshotIntervalNs()
    {
        return snapshotIntervalNs;
    }

    /**
     * Validates every value once.
     *
     * @throws IllegalArgumentException naming the setting that is out of range.
     */
    public EngineConfig conclude()
    {
        requirePositive("riskAversionPerUsd", riskAversionPerUsd, true);
        requirePositive("skewHorizonYears", skewHorizonYears, false);
        requirePositive("indexVolatility", indexVolatility, false);
        requirePositive("minShiftTicks", minShiftTicks, true);
        requirePositive("maxShiftVolPoints", maxShiftVolPoints, false);
        requirePositive("minShiftVolPoints", minShiftVolPoints, true);
        if (skewBlockInstruments < 1 || skewBlockInstruments > 1_024 || Integer.bitCount(skewBlockInstruments) != 1)
        {
            throw new IllegalArgumentException("skewBlockInstruments must be a power of two from 1 to 1024: " +
                skewBlockInstruments);
        }
        if (!Double.isFinite(fallbackBasisPerYear) || Math.abs(fallbackBasisPerYear) > 1.0)
        {
            throw new IllegalArgumentException("fallbackBasisPerYear must be within [-1, 1]: " + fallbackBasisPerYear);
        }
        if (!(optionTimeFloorYears >= 0 && optionTimeFloorYears <= 1.0 / 365.25))
        {
            throw new IllegalArgumentException("optionTimeFloor must be from 0 to one day: " + optionTimeFloorYears);
        }
        if (fillIdHorizonNs <= 0)
        {
            throw new IllegalArgumentException("fillIdHorizon must be positive: " + fillIdHorizonNs + " ns");
        }
        if (fillIdCapacity < 1024 || fillIdCapacity > (1 << 26))
        {
            throw new IllegalArgumentException("fillIdCapacity must be 1024 to 67108864: " + fillIdCapacity);
        }
        if (reanchorSliceSize < 1)
        {
            throw new IllegalArgumentException("reanchorSliceSize must be at least 1: " + reanchorSliceSize);
        }
        requirePositive("trustRadius", trustRadius, false);
        requirePositive("approxErrorBudget", approxErrorBudget, false);
        if (maxAnchorAgeNs <= 0)
        {
            throw new IllegalArgumentException("maxAnchorAge must be positive: " + maxAnchorAgeNs + " ns");
        }
        for (int i = 0; i < moneynessBucketEdges.length; i++)
        {
            if (!Double.isFinite(moneynessBucketEdges[i]) || (i > 0 && moneynessBucketEdges[i] <= moneynessBucketEdges[i - 1]))
            {
                throw new IllegalArgumentException("moneynessBucketEdges must be finite and ascending");
            }
        }
        for (final Double balance : coinBalances.values())
        {
            if (!Double.isFinite(balance))
            {
                throw new IllegalArgumentException("coinBalances must be finite: " + balance);
            }
        }
        for (final PortfolioLimitKind kind : PortfolioLimitKind.VALUES)
        {
            final double value = portfolioLimits[kind.ordinal()];
            if (!Double.isNaN(value) && !(value > 0 && value < Double.POSITIVE_INFINITY))
            {
                throw new IllegalArgumentException("limits.portfolio." + kind.key() + " must be positive: " + value);
            }
        }
        for (final LimitKind kind : LimitKind.VALUES)
        {
            requireLimit(kind, defaultLimits[kind.ordinal()]);
            for (final double[] own : limitsByUnderlying.values())
            {
                requireLimit(kind, own[kind.ordinal()]);
            }
        }
        if (!(widenSpreadMult >= 1) || !(spreadPerUtilization >= 0) || !(maxQuotesPerSecond >= 0))
        {
            throw new IllegalArgumentException("widenSpreadMult must be at least 1, spreadPerUtilization and " +
                "maxQuotesPerSecond at least 0");
        }
        if (realizedVolHalfLifeNs <= 0 || staleReduceAfterNs <= 0 || staleHaltAfterNs < staleReduceAfterNs)
        {
            throw new IllegalArgumentException("realizedVolHalfLife must be positive and 0 < staleReduceAfter <= " +
                "staleHaltAfter");
        }
        requirePositive("skewGammaWeight", skewGammaWeight, true);
        requirePositive("skewVegaWeight", skewVegaWeight, true);
        if (dayStartOffsetNs < 0 || dayStartOffsetNs >= YearFraction.NANOS_PER_DAY)
        {
            throw new IllegalArgumentException("dayStart must be within the day: " + dayStartOffsetNs + " ns");
        }
        if (snapshotIntervalNs <= 0)
        {
            throw new IllegalArgumentException("snapshotIntervalNs must be positive: " + snapshotIntervalNs);
        }
        return this;
    }

    private static void requireLimit(final LimitKind kind, final double value)
    {
        if (!Double.isNaN(value) && !(value > 0 && value < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException("limits." + kind.key() + " must be positive: " + value);
        }
    }

    private static void requirePositive(final String name, final double value, final boolean zeroAllowed)
    {
        if (!Double.isFinite(value) || value < 0 || (!zeroAllowed && value == 0))
        {
            throw new IllegalArgumentException(
                name + " must be " + (zeroAllowed ? "zero or positive" : "positive") + ": " + value);
        }
    }
}
