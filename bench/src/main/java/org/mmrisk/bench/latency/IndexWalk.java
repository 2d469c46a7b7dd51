package org.mmrisk.bench.latency;

import java.util.SplittableRandom;

/**
 * A mean-reverting random walk of the index in log space, x ← x·(1 − κ) + σ·ε, S = S0·exp(x): every tick moves the
 * index (so the book's delta and every skew move) while the index stays well inside the engine's trust radius
 * (stationary standard deviation σ/√(2κ) ≈ 0.07% with the defaults), so runs of any length and rate see the same
 * steady-state work. Normal draws are precomputed so a step costs a few nanoseconds. Owned by the feed's thread.
 */
public final class IndexWalk
{
    private static final int DRAWS = 1 << 16;
    private static final double STEP = 1e-5;
    private static final double REVERSION = 1e-4;

    private final double[] draws = new double[DRAWS];
    private final double initialUsd;
    private double logMove;
    private int next;

    public IndexWalk(final double initialUsd, final long seed)
    {
        this.initialUsd = initialUsd;
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < DRAWS; i++)
        {
            final double u = Math.max(random.nextDouble(), 1e-300);
            draws[i] = STEP * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
        }
    }

    /**
     * @return the next index level, USD.
     */
    public double nextUsd()
    {
        logMove = logMove * (1 - REVERSION) + draws[next];
        next = (next + 1) & (DRAWS - 1);
        return initialUsd * Math.exp(logMove);
    }
}
