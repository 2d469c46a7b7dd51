package org.mmrisk.core.scenario;

import org.mmrisk.core.config.ScenarioConfig;
import org.mmrisk.core.event.VolShock;

/**
 * The points of the scenario grid, in their reported order: the regular index moves m = range·j/buckets for
 * j = −buckets … +buckets, ascending, each with the vol UP, SAME and DOWN; then the extended moves, ascending, vol UP
 * only, weighted. Immutable once built (at start-up); shared by every underlying.
 */
public final class ScenarioPoints
{
    private final double[] moves;
    /** ln(1 + move): a point's index factor as a log-moneyness shift. */
    private final double[] logFactors;
    private final VolShock[] shocks;
    private final double[] weights;
    private final int regularCount;

    public ScenarioPoints(final ScenarioConfig config)
    {
        final int buckets = config.priceBuckets();
        final double[] extended = config.extendedMoves();
        regularCount = 3 * (2 * buckets + 1);
        final int count = regularCount + extended.length;
        moves = new double[count];
        logFactors = new double[count];
        shocks = new VolShock[count];
        weights = new double[count];
        int p = 0;
        for (int j = -buckets; j <= buckets; j++)
        {
            for (final VolShock shock : VolShock.VALUES)
            {
                moves[p] = config.priceRange() * j / buckets;
                shocks[p] = shock;
                weights[p] = 1.0;
                p++;
            }
        }
        for (final double move : extended)
        {
            moves[p] = move;
            shocks[p] = VolShock.UP;
            weights[p] = config.extendedWeight();
            p++;
        }
        for (int i = 0; i < count; i++)
        {
            logFactors[i] = Math.log1p(moves[i]);
        }
    }

    public int count()
    {
        return moves.length;
    }

    /**
     * @return the points before the extended ones.
     */
    public int regularCount()
    {
        return regularCount;
    }

    public double move(final int point)
    {
        return moves[point];
    }

    /**
     * @return ln(1 + move) of the point.
     */
    public double logFactor(final int point)
    {
        return logFactors[point];
    }

    public VolShock shock(final int point)
    {
        return shocks[point];
    }

    public double weight(final int point)
    {
        return weights[point];
    }

    public boolean isExtended(final int point)
    {
        return point >= regularCount;
    }
}
