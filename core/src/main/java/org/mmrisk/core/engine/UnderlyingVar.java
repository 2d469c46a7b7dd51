package org.mmrisk.core.engine;

/**
 * One underlying's value at risk on its own (docs/var.md), USD, positive for a loss: delta-normal, delta-gamma
 * (Cornish–Fisher) and the liquidity-adjusted figure (delta-gamma + the cost of unwinding). NaN until computed or when
 * the underlying has no index. Owned by the engine thread; written only by {@link ValueAtRisk}.
 */
public final class UnderlyingVar
{
    double deltaNormalUsd = Double.NaN;
    double deltaGammaUsd = Double.NaN;
    double volUsed = Double.NaN;
    /** The estimator's sample count when last computed: a new sample recomputes. */
    long computedAtSample = -1;

    public double deltaNormalUsd()
    {
        return deltaNormalUsd;
    }

    public double deltaGammaUsd()
    {
        return deltaGammaUsd;
    }

    /**
     * @return the annual vol of the index the figures used (configured, estimated or the fallback).
     */
    public double volUsed()
    {
        return volUsed;
    }

    void clear()
    {
        deltaNormalUsd = Double.NaN;
        deltaGammaUsd = Double.NaN;
        volUsed = Double.NaN;
    }

    void exchangeState(final org.mmrisk.core.state.StateIo io)
    {
        deltaNormalUsd = io.f64(deltaNormalUsd);
        deltaGammaUsd = io.f64(deltaGammaUsd);
        volUsed = io.f64(volUsed);
        computedAtSample = io.i64(computedAtSample);
    }
}
