package org.mmrisk.core.scenario;

import org.mmrisk.core.config.ScenarioConfig;
import org.mmrisk.core.event.VolShock;
import org.mmrisk.core.state.StateIo;

/**
 * An underlying's positions valued on a dense grid of index levels, one curve per vol shock, for the liquidation
 * search: the options' values at S = ref·e^x for x on a uniform grid of step h ({@code engine.scenario.curveStep}),
 * read between grid points by cubic (four-point Lagrange) interpolation; delta-one contracts exactly (their coin
 * value is a/S, their USD value b·S). Each curve spans every index the search can ask for — centres from
 * S·(1 − 0.99) to S·(1 + 5), each with every move of the grid (UP: the extended moves too) — plus a margin for the
 * index to drift from the reference before the curves are rebuilt.
 * <p>
 * Built incrementally: positions are added (and taken out, with a negative quantity) one slice of grid points at a
 * time, so the work can be spread between batches. Owned by the engine thread; allocation-free after construction.
 */
public final class ValueCurves implements BookValuation
{
    /** How far, in log index, the index may drift from the reference before the curves no longer cover a search. */
    public static final double DRIFT = 0.1;

    private final double step;
    private final double[] lowestX = new double[VolShock.VALUES.length];
    private final double[][] coin = new double[VolShock.VALUES.length][];
    private final double[][] usd = new double[VolShock.VALUES.length][];
    /** e^x at each grid point of each shock's curve: the index level over the reference. */
    private final double[][] indexFactors = new double[VolShock.VALUES.length][];
    private double referenceIndexUsd = Double.NaN;
    private double coinPerIndex;
    private double usdPerIndex;

    public ValueCurves(final ScenarioConfig config)
    {
        step = config.curveStep();
        final double[] extended = config.extendedMoves();
        final double range = config.priceRange();
        final double lowCentre = Math.log(1 + MarginCalculator.DOWN_LIMIT);
        final double highCentre = Math.log(1 + MarginCalculator.UP_LIMIT);
        final double lowUp = Math.log(1 + Math.min(-range, extended.length > 0 ? extended[0] : 0));
        final double highUp = Math.log(1 + Math.max(range, extended.length > 0 ? extended[extended.length - 1] : 0));
        for (final VolShock shock : VolShock.VALUES)
        {
            final double low = lowCentre + (shock == VolShock.UP ? lowUp : Math.log(1 - range)) - DRIFT;
            final double high = highCentre + (shock == VolShock.UP ? highUp : Math.log(1 + range)) + DRIFT;
            lowestX[shock.ordinal()] = low - 2 * step;
            final int size = (int)Math.ceil((high - low) / step) + 5;
            coin[shock.ordinal()] = new double[size];
            usd[shock.ordinal()] = new double[size];
            indexFactors[shock.ordinal()] = new double[size];
            for (int k = 0; k < size; k++)
            {
                indexFactors[shock.ordinal()][k] = Math.exp(lowestX[shock.ordinal()] + k * step);
            }
        }
    }

    /**
     * Empties every curve around a new reference index.
     */
    public void reset(final double referenceIndexUsd)
    {
        this.referenceIndexUsd = referenceIndexUsd;
        coinPerIndex = 0;
        usdPerIndex = 0;
        for (final VolShock shock : VolShock.VALUES)
        {
            java.util.Arrays.fill(coin[shock.ordinal()], 0);
            java.util.Arrays.fill(usd[shock.ordinal()], 0);
        }
    }

    /**
     * @return true when a search around {@code indexUsd} stays on the curves.
     */
    public boolean covers(final double indexUsd)
    {
        return Math.abs(Math.log(indexUsd / referenceIndexUsd)) < DRIFT;
    }

    /**
     * @return the grid points of one shock's curve.
     */
    public int size(final VolShock shock)
    {
        return coin[shock.ordinal()].length;
    }

    /**
     * Adds {@code quantity} contracts of an option to the curve of {@code shock} at grid points {@code from} to
     * {@code to} (exclusive).
     *
     * @return the valuations it took.
     */
    public int addOption(final ScenarioContract contract, final double quantity, final VolShock shock,
        final int from, final int to)
    {
        final double[] curve = contract.isCoinSettled() ? coin[shock.ordinal()] : usd[shock.ordinal()];
        final double[] factors = indexFactors[shock.ordinal()];
        final double x0 = lowestX[shock.ordinal()];
        // the grid's levels are the reference's; the contract's centre is its own
        final double centreToReference = referenceIndexUsd / contract.indexUsd();
        final double logCentreToReference = Math.log(centreToReference);
        for (int k = from; k < to; k++)
        {
            curve[k] += quantity * contract.valueAt(centreToReference * factors[k], logCentreToReference + x0 + k * step,
                shock);
        }
        return to - from;
    }

    /**
     * Adds {@code quantity} contracts of a future, perpetual or spot contract (exactly, on every curve).
     */
    public void addDeltaOne(final ScenarioContract contract, final double quantity)
    {
        final double forwardPerIndex = contract.forward() / contract.indexUsd();
        if (contract.isCoinSettled())
        {
            coinPerIndex -= quantity * contract.size() / forwardPerIndex;
        }
        else
        {
            usdPerIndex += quantity * contract.size() * forwardPerIndex;
        }
    }

    @Override
    public double coinValue(final double indexUsd, final VolShock shock)
    {
        return interpolate(coin[shock.ordinal()], shock, indexUsd) + coinPerIndex / indexUsd;
    }

    @Override
    public double usdValue(final double indexUsd, final VolShock shock)
    {
        return interpolate(usd[shock.ordinal()], shock, indexUsd) + usdPerIndex * indexUsd;
    }

    private double interpolate(final double[] curve, final VolShock shock, final double indexUsd)
    {
        final double position = (Math.log(indexUsd / referenceIndexUsd) - lowestX[shock.ordinal()]) / step;
        final int k = Math.max(1, Math.min(curve.length - 3, (int)Math.floor(position)));
        final double t = position - k;
        final double wBefore = -t * (t - 1) * (t - 2) / 6;
        final double wAt = (t + 1) * (t - 1) * (t - 2) / 2;
        final double wAfter = -(t + 1) * t * (t - 2) / 2;
        final double wLast = (t + 1) * t * (t - 1) / 6;
        return wBefore * curve[k - 1] + wAt * curve[k] + wAfter * curve[k + 1] + wLast * curve[k + 2];
    }

    public void exchangeState(final StateIo io)
    {
        referenceIndexUsd = io.f64(referenceIndexUsd);
        coinPerIndex = io.f64(coinPerIndex);
        usdPerIndex = io.f64(usdPerIndex);
        for (final VolShock shock : VolShock.VALUES)
        {
            io.f64s(coin[shock.ordinal()], coin[shock.ordinal()].length);
            io.f64s(usd[shock.ordinal()], usd[shock.ordinal()].length);
        }
    }
}
