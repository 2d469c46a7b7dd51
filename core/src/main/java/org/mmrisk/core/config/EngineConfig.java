package org.mmrisk.core.config;

import org.mmrisk.core.limits.LadderConfig;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.limits.PortfolioLimitKind;
import org.mmrisk.core.vol.SmileDynamics;

/**
 * The engine's tunables. Their keys in the config file, defaults, ranges and meaning are in {@link EngineSettings}:
 * a new EngineConfig holds every default, and {@link #conclude()} checks every value once. Built once (the daemon
 * fills it from its config file); read-only afterwards and owned by the engine thread.
 * <p>
 * <b>Size.</b> Over 400 lines of accessors: a fluent setter and a getter per setting (Aeron's {@code Context}
 * style), and {@link #conclude()}; every default, range and description is in the settings table.
 */
public final class EngineConfig
{
    private double riskAversionPerUsd;
    private double skewHorizonYears;
    private double indexVolatility;
    private double minShiftTicks;
    private double minShiftVolPoints;
    private double maxShiftVolPoints;
    private double fallbackBasisPerYear;
    private double optionTimeFloorYears;
    private long fillIdHorizonNs;
    private int fillIdCapacity;
    private int reanchorSliceSize;
    private double trustRadius;
    private long maxAnchorAgeNs;
    private double approxErrorBudget;
    private double[] moneynessBucketEdges;
    private boolean equityDelta;
    /** Starting coin balance per underlying (packed code to coins); changed at runtime by SET_EQUITY. */
    private final java.util.Map<Long, Double> coinBalances = new java.util.HashMap<>();
    private final java.util.Map<Long, SmileDynamics> smileDynamics = new java.util.HashMap<>();
    private SettlementSource settlementSource;
    /** Limits of every underlying (NaN: not set), by {@link LimitKind} ordinal; overridden per underlying. */
    private final double[] defaultLimits = unsetLimits();
    private final java.util.Map<Long, double[]> limitsByUnderlying = new java.util.HashMap<>();
    private final double[] portfolioLimits = new double[PortfolioLimitKind.VALUES.length];
    /** widenAt, reduceOnlyAt, haltAt, hysteresis: set one by one, checked together when {@link #ladder} is built. */
    private final double[] ladderValues = new double[4];
    private LadderConfig ladder;
    private double widenSpreadMult;
    private double spreadPerUtilization;
    private long realizedVolHalfLifeNs;
    private long staleReduceAfterNs;
    private long staleHaltAfterNs;
    private double maxQuotesPerSecond;
    private double skewGammaWeight;
    private double skewVegaWeight;
    private long dayStartOffsetNs;
    private final java.util.Map<Long, HedgeConfig> hedging = new java.util.HashMap<>();
    private int skewBlockInstruments;
    private double beyondTopMultiple;
    private long snapshotIntervalNs;
    private final InputBounds inputBounds = new InputBounds();
    private final ScenarioConfig scenario = new ScenarioConfig();

    /**
     * Every setting at its default.
     */
    public EngineConfig()
    {
        java.util.Arrays.fill(portfolioLimits, Double.NaN);
        for (final Setting<EngineConfig> setting : EngineSettings.ALL)
        {
            setting.apply(this, setting.defaultValue(), setting.key());
        }
    }

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

    /**
     * Whether the configuration names this underlying anywhere (limits, coin balances, smile dynamics, hedging).
     * Boxes the code: for rare events (operator commands) only.
     */
    public boolean namesUnderlying(final long underlyingCode)
    {
        final Long key = underlyingCode;
        return limitsByUnderlying.containsKey(key) || coinBalances.containsKey(key) ||
            smileDynamics.containsKey(key) || hedging.containsKey(key) || scenario.namesUnderlying(underlyingCode);
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

    public EngineConfig smileDynamics(final long underlyingCode, final SmileDynamics dynamics)
    {
        smileDynamics.put(underlyingCode, dynamics);
        return this;
    }

    /**
     * @return how an underlying's smiles move between fits; sticky moneyness unless configured.
     */
    public SmileDynamics smileDynamics(final long underlyingCode)
    {
        return smileDynamics.getOrDefault(underlyingCode, SmileDynamics.STICKY_MONEYNESS);
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
        ladderValues[0] = value.widenAt();
        ladderValues[1] = value.reduceOnlyAt();
        ladderValues[2] = value.haltAt();
        ladderValues[3] = value.hysteresis();
        ladder = value;
        return this;
    }

    /**
     * @throws IllegalArgumentException when the rungs set one by one are out of order.
     */
    public LadderConfig ladder()
    {
        if (ladder == null)
        {
            ladder = new LadderConfig(ladderValues[0], ladderValues[1], ladderValues[2], ladderValues[3]);
        }
        return ladder;
    }

    void ladderAt(final int index, final double value)
    {
        ladderValues[index] = value;
        ladder = null;
    }

    double ladderAt(final int index)
    {
        return ladderValues[index];
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

    public EngineConfig beyondTopMultiple(final double value)
    {
        beyondTopMultiple = value;
        return this;
    }

    public double beyondTopMultiple()
    {
        return beyondTopMultiple;
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
     * Validates every value once, against the ranges of {@link EngineSettings} and the rules that tie settings
     * together.
     *
     * @throws IllegalArgumentException "KEY: REASON (got VALUE)", KEY the setting's key in the config file.
     */
    /**
     * @return the sanity bounds on input values (set through this config's settings).
     */
    public InputBounds inputBounds()
    {
        return inputBounds;
    }

    /**
     * @return the scenario grid, margin and sizing settings (set through this config's settings).
     */
    public ScenarioConfig scenario()
    {
        return scenario;
    }

    public EngineConfig conclude()
    {
        for (final Setting<EngineConfig> setting : EngineSettings.ALL)
        {
            setting.check(this);
        }
        if (inputBounds.maxFillPriceRatio() != 0 && inputBounds.maxFillPriceRatio() <= 1)
        {
            throw new IllegalArgumentException("engine.inputBounds.maxFillPriceRatio: must be 0 (off) or above 1");
        }
        if (staleHaltAfterNs < staleReduceAfterNs)
        {
            throw new IllegalArgumentException("engine.staleIndex.haltAfterMs: must be at least reduceOnlyAfterMs");
        }
        try
        {
            ladder();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("engine.ladder: " + ex.getMessage(), ex);
        }
        concludeLimits();
        scenario.conclude();
        for (final java.util.Map.Entry<Long, Double> balance : coinBalances.entrySet())
        {
            if (!Double.isFinite(balance.getValue()))
            {
                throw new IllegalArgumentException("engine.coinBalances." +
                    org.mmrisk.core.event.AsciiCode.toString(balance.getKey()) + ": must be a finite number of coins");
            }
        }
        return this;
    }

    private void concludeLimits()
    {
        for (final PortfolioLimitKind kind : PortfolioLimitKind.VALUES)
        {
            requireLimit("portfolio." + kind.key(), portfolioLimits[kind.ordinal()]);
        }
        for (final LimitKind kind : LimitKind.VALUES)
        {
            requireLimit("default." + kind.key(), defaultLimits[kind.ordinal()]);
            limitsByUnderlying.forEach((code, own) ->
                requireLimit(org.mmrisk.core.event.AsciiCode.toString(code) + "." + kind.key(), own[kind.ordinal()]));
        }
    }

    private static void requireLimit(final String key, final double value)
    {
        if (!Double.isNaN(value))
        {
            EngineSettings.positiveLimit("engine.limits." + key, value);
        }
    }
}
