package org.mmrisk.core.engine;

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
    private int reanchorSliceSize = 16;
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
        if (snapshotIntervalNs <= 0)
        {
            throw new IllegalArgumentException("snapshotIntervalNs must be positive: " + snapshotIntervalNs);
        }
        return this;
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
