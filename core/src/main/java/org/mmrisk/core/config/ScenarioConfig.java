package org.mmrisk.core.config;

import org.mmrisk.core.event.MarginCurrency;

import java.util.HashMap;
import java.util.Map;

/**
 * The stress scenarios, the portfolio-margin estimate and the sizing from margin headroom
 * ({@code engine.scenario.*}, {@code engine.margin.*}, {@code engine.usdBalances}). The keys, defaults and ranges
 * are rows of {@link ScenarioSettings}; part of {@link EngineConfig}, read-only once concluded and owned by the
 * engine thread.
 */
public final class ScenarioConfig
{
    private boolean enabled;
    private double priceRange;
    private int priceBuckets;
    private double[] extendedMoves;
    private double extendedWeight;
    private double shortTermVegaPower;
    private double longTermVegaPower;
    private double volRangeUp;
    private double volRangeDown;
    private double volFloor;
    private double recentreMove;
    private long recentreAgeNs;
    private int sliceEvaluations;
    private long refreshIntervalNs;
    private double publishChange;
    private double curveStep;
    private double shortOptionContingencyCoins;
    private double futuresContingency;
    private double maintenanceFactor;
    private double sizingUtilization;
    private double maxSpreadForMid;
    private double sizingChange;
    private final Map<Long, MarginCurrency> currencies = new HashMap<>();
    private final Map<Long, Double> usdBalances = new HashMap<>();

    ScenarioConfig()
    {
    }

    public ScenarioConfig enabled(final boolean value)
    {
        enabled = value;
        return this;
    }

    /**
     * @return whether the engine keeps the grid, the margin and the liquidation distance live (the replay state and
     * {@code risk scenario} compute them whatever this says).
     */
    public boolean enabled()
    {
        return enabled;
    }

    public ScenarioConfig priceRange(final double value)
    {
        priceRange = value;
        return this;
    }

    /**
     * @return the largest regular index move of the grid, a fraction (0.16: ±16%).
     */
    public double priceRange()
    {
        return priceRange;
    }

    public ScenarioConfig priceBuckets(final int value)
    {
        priceBuckets = value;
        return this;
    }

    /**
     * @return the regular moves on each side of zero.
     */
    public int priceBuckets()
    {
        return priceBuckets;
    }

    public ScenarioConfig extendedMoves(final double[] value)
    {
        extendedMoves = value.clone();
        return this;
    }

    /**
     * @return the extended moves, ascending, vol up only; a copy.
     */
    public double[] extendedMoves()
    {
        return extendedMoves.clone();
    }

    public ScenarioConfig extendedWeight(final double value)
    {
        extendedWeight = value;
        return this;
    }

    public double extendedWeight()
    {
        return extendedWeight;
    }

    public ScenarioConfig vegaPowers(final double shortTerm, final double longTerm)
    {
        shortTermVegaPower = shortTerm;
        longTermVegaPower = longTerm;
        return this;
    }

    /**
     * @return the power p of the vol shock's scale (30 / max(DTE, 1))^p under 30 days to expiry.
     */
    public double shortTermVegaPower()
    {
        return shortTermVegaPower;
    }

    /**
     * @return the power p from 30 days to expiry.
     */
    public double longTermVegaPower()
    {
        return longTermVegaPower;
    }

    public ScenarioConfig volRanges(final double up, final double down, final double floor)
    {
        volRangeUp = up;
        volRangeDown = down;
        volFloor = floor;
        return this;
    }

    public double volRangeUp()
    {
        return volRangeUp;
    }

    public double volRangeDown()
    {
        return volRangeDown;
    }

    /**
     * @return the lowest vol a DOWN shock leaves.
     */
    public double volFloor()
    {
        return volFloor;
    }

    public ScenarioConfig recentre(final double move, final long ageNs)
    {
        recentreMove = move;
        recentreAgeNs = ageNs;
        return this;
    }

    /**
     * @return the relative index move from an instrument's grid centre past which its risk array is re-centred.
     */
    public double recentreMove()
    {
        return recentreMove;
    }

    /**
     * @return the age of an instrument's risk array past which it is re-centred, engine-time nanoseconds.
     */
    public long recentreAgeNs()
    {
        return recentreAgeNs;
    }

    public ScenarioConfig sliceEvaluations(final int value)
    {
        sliceEvaluations = value;
        return this;
    }

    /**
     * @return the option valuations the engine spends on the scenarios at the end of one batch, at most.
     */
    public int sliceEvaluations()
    {
        return sliceEvaluations;
    }

    public ScenarioConfig refreshIntervalNs(final long value)
    {
        refreshIntervalNs = value;
        return this;
    }

    /**
     * @return the engine time between refreshes of the margin, the liquidation distance and the sizing.
     */
    public long refreshIntervalNs()
    {
        return refreshIntervalNs;
    }

    public ScenarioConfig publishChange(final double value)
    {
        publishChange = value;
        return this;
    }

    /**
     * @return the relative change of the worst loss, the margin or a liquidation distance that publishes the
     * grid and margin messages before their period is up.
     */
    public double publishChange()
    {
        return publishChange;
    }

    public ScenarioConfig curveStep(final double value)
    {
        curveStep = value;
        return this;
    }

    /**
     * @return the step of the liquidation search's value curves, in log index.
     */
    public double curveStep()
    {
        return curveStep;
    }

    public ScenarioConfig contingency(final double shortOptionCoins, final double futures)
    {
        shortOptionContingencyCoins = shortOptionCoins;
        futuresContingency = futures;
        return this;
    }

    public double shortOptionContingencyCoins()
    {
        return shortOptionContingencyCoins;
    }

    public double futuresContingency()
    {
        return futuresContingency;
    }

    public ScenarioConfig maintenanceFactor(final double value)
    {
        maintenanceFactor = value;
        return this;
    }

    public double maintenanceFactor()
    {
        return maintenanceFactor;
    }

    public ScenarioConfig sizing(final double utilization, final double maxSpreadForMid, final double change)
    {
        sizingUtilization = utilization;
        this.maxSpreadForMid = maxSpreadForMid;
        sizingChange = change;
        return this;
    }

    /**
     * @return the initial-margin utilization the largest quoted size may bring the account to.
     */
    public double sizingUtilization()
    {
        return sizingUtilization;
    }

    /**
     * @return the widest book, relative to its mid, whose mid is an instrument's fair value (else its model value).
     */
    public double maxSpreadForMid()
    {
        return maxSpreadForMid;
    }

    /**
     * @return the relative change of a side's largest size that sends a new quote adjustment.
     */
    public double sizingChange()
    {
        return sizingChange;
    }

    public ScenarioConfig currency(final long underlyingCode, final MarginCurrency currency)
    {
        currencies.put(underlyingCode, currency);
        return this;
    }

    /**
     * @return the margin currency of an underlying (boxes the code: construction only).
     */
    public MarginCurrency currency(final long underlyingCode)
    {
        return currencies.getOrDefault(underlyingCode, MarginCurrency.COIN);
    }

    public ScenarioConfig usdBalance(final long underlyingCode, final double usd)
    {
        usdBalances.put(underlyingCode, usd);
        return this;
    }

    /**
     * @return the configured starting USD balance of an underlying's account (boxes the code: construction only).
     */
    public double usdBalance(final long underlyingCode)
    {
        return usdBalances.getOrDefault(underlyingCode, 0.0);
    }

    boolean namesUnderlying(final long underlyingCode)
    {
        return currencies.containsKey(underlyingCode) || usdBalances.containsKey(underlyingCode);
    }

    void conclude()
    {
        double previous = -1;
        for (final double move : extendedMoves)
        {
            if (!(move > previous) || !(move <= 100))
            {
                throw new IllegalArgumentException(
                    "engine.scenario.extendedMoves: must ascend, each above -1 and at most 100 (got " + move + ")");
            }
            previous = move;
        }
        if (curveStep > priceRange / priceBuckets)
        {
            throw new IllegalArgumentException(
                "engine.scenario.curveStep: must be at most the grid's step, priceRange / priceBuckets");
        }
    }
}
