package org.mmrisk.core.engine;

import org.mmrisk.core.state.StateIo;

/**
 * Where one underlying's round-robin re-anchoring stands: the next instrument, the index range and start time of the
 * current and the previous sweep (the trust radius), the Taylor error the current sweep has measured, and whether the
 * next revaluation must be a full one. Owned by the engine thread; its fields are written only by its own methods,
 * which {@link ExposureUpdater} calls (and the appliers and the settlement, to ask for a full revaluation).
 */
public final class ReanchorSweep
{
    /** The next revaluation must be a full one (first pricing, whole-surface change, expiry settled...). */
    private boolean needsFullRevaluation = true;
    /** The batch now ending owes its re-anchor slice, run after its outputs (only set within a batch end). */
    private boolean sliceDue;
    private int cursor;
    private long startNs;
    private long previousStartNs;
    private double lowUsd;
    private double highUsd;
    private double previousLowUsd;
    private double previousHighUsd;
    /** Σ|q·(Taylor delta − exact delta)| over the re-anchors of the current sweep, coins. */
    private double errorCoins;
    /** Largest relative error seen at a re-anchor since the error window started (error ÷ gross delta). */
    private double maxApproxError;

    void requestFullRevaluation()
    {
        needsFullRevaluation = true;
    }

    boolean needsFullRevaluation()
    {
        return needsFullRevaluation;
    }

    /**
     * Everything was just revalued at {@code indexUsd}: a new sweep starts, and the previous one is this one (every
     * anchor is fresh). Without an index nothing is priced and there is no reference to expand around, so the next
     * revaluation is full again.
     */
    void restart(final double indexUsd, final long nowNs)
    {
        needsFullRevaluation = !(indexUsd > 0);
        cursor = 0;
        errorCoins = 0;
        startNs = nowNs;
        previousStartNs = nowNs;
        lowUsd = highUsd = indexUsd;
        previousLowUsd = previousHighUsd = indexUsd;
    }

    /**
     * Widens the current sweep's range to {@code indexUsd}, then checks that every anchor was taken since the previous
     * sweep started, at an index within the range seen since then. A radius that is not a number (an index that
     * overflowed to infinity) is outside.
     */
    boolean isOutsideTrustRadius(final double indexUsd, final long nowNs, final double trustRadius,
        final long maxAnchorAgeNs)
    {
        lowUsd = Math.min(lowUsd, indexUsd);
        highUsd = Math.max(highUsd, indexUsd);
        final double low = Math.min(lowUsd, previousLowUsd);
        final double high = Math.max(highUsd, previousHighUsd);
        final double radius = Math.max(indexUsd - low, high - indexUsd) / indexUsd;
        return !(radius <= trustRadius) || nowNs - previousStartNs > maxAnchorAgeNs;
    }

    void markSliceDue()
    {
        sliceDue = true;
    }

    /**
     * @return whether the batch owes its slice; the debt is cleared.
     */
    boolean takeSliceDue()
    {
        final boolean due = sliceDue;
        sliceDue = false;
        return due;
    }

    int cursor()
    {
        return cursor;
    }

    /**
     * Moves past the instrument at the cursor; past the last of {@code instrumentCount}, the sweep is complete and
     * becomes the previous one.
     */
    void advance(final int instrumentCount, final double indexUsd, final long nowNs)
    {
        if (++cursor == instrumentCount)
        {
            cursor = 0;
            errorCoins = 0;
            previousStartNs = startNs;
            previousLowUsd = lowUsd;
            previousHighUsd = highUsd;
            startNs = nowNs;
            lowUsd = highUsd = indexUsd;
        }
    }

    /**
     * One re-anchor of the sweep found {@code errorCoins} between the Taylor delta and the exact one.
     */
    void recordError(final double errorCoins, final double grossDelta)
    {
        this.errorCoins += errorCoins;
        if (grossDelta > 0)
        {
            maxApproxError = Math.max(maxApproxError, errorCoins / grossDelta);
        }
    }

    double errorCoins()
    {
        return errorCoins;
    }

    /**
     * @return the largest relative error of the incremental delta measured at a re-anchor since the error window
     * started (the last risk snapshot).
     */
    public double maxApproxError()
    {
        return maxApproxError;
    }

    /**
     * A risk snapshot reported the window's largest error: the next window starts empty.
     */
    void startErrorWindow()
    {
        maxApproxError = 0;
    }

    void exchangeState(final StateIo io)
    {
        needsFullRevaluation = io.bool(needsFullRevaluation);
        cursor = io.i32(cursor);
        startNs = io.i64(startNs);
        previousStartNs = io.i64(previousStartNs);
        lowUsd = io.f64(lowUsd);
        highUsd = io.f64(highUsd);
        previousLowUsd = io.f64(previousLowUsd);
        previousHighUsd = io.f64(previousHighUsd);
        errorCoins = io.f64(errorCoins);
        maxApproxError = io.f64(maxApproxError);
    }
}
