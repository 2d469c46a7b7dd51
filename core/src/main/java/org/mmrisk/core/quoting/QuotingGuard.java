package org.mmrisk.core.quoting;

import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.limits.Ladder;
import org.mmrisk.core.limits.LadderConfig;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.vol.RealizedVariance;

/**
 * The one writer of every underlying's {@link QuotingStatus}. At the end of each batch that touched an underlying it
 * decides the quoting state: the highest rung any of its limits holds ({@link Ladder}), stale index data, unknown risk
 * (a position it cannot price, or a fill parked on an undefined instrument of its venue), an operator's halt, and the
 * portfolio's rung. Every change of a rung is alerted with the measure, the limit and the new state. Between batches
 * it applies operator commands (halt, resume, limits) and configured limits after a restore. Also keeps the index's
 * realized volatility (event time) and the day's peak P&L ({@link DayPeak}). Owned by the engine thread;
 * allocation-free.
 */
public final class QuotingGuard
{
    public interface AlertSink
    {
        void alert(AlertCode code, long underlying, int instrumentId, double value, double threshold);
    }

    private final EngineConfig config;
    private final double[] measure = new double[LimitKind.VALUES.length];
    private double largestPosition;
    private int largestPositionId;

    public QuotingGuard(final EngineConfig config)
    {
        this.config = config;
    }

    /**
     * Decides the quoting state of an underlying the batch touched.
     *
     * @return true when an unpriced position made its risk unknown in this decision (it halts).
     */
    public boolean decide(final GuardedUnderlying u, final long nowNs, final boolean venueParked,
        final QuotingState portfolioState, final AlertSink sink)
    {
        final QuotingStatus q = u.quoting();
        findLargestPosition(u);
        final double indexUsd = u.indexUsd();
        final double notionalUsd = indexUsd > 0 ? u.grossSizeCoins() * indexUsd + u.grossSizeUsd() : u.grossSizeUsd();
        final boolean newlyUnknown = detectUnknownRisk(u, q, sink);
        q.grossNotionalUsd = notionalUsd;
        updateRealizedVol(q, indexUsd, nowNs);
        final double pnlUsd = u.pnlUsd();
        q.dayPeak.update(pnlUsd, nowNs, config.dayStartOffsetNs());
        measure[LimitKind.DELTA.ordinal()] = Math.abs(u.delta());
        measure[LimitKind.DOLLAR_GAMMA.ordinal()] = Math.abs(u.dollarGammaUsd());
        measure[LimitKind.VEGA.ordinal()] = Math.abs(u.vega());
        measure[LimitKind.NOTIONAL.ordinal()] = notionalUsd;
        measure[LimitKind.POSITION.ordinal()] = largestPosition;
        measure[LimitKind.LOSS.ordinal()] = q.dayPeak.lossFromPeakUsd(pnlUsd);
        measure[LimitKind.EXPIRY_VEGA.ordinal()] = u.largestExpiryVegaUsd();
        measure[LimitKind.MARGIN_UTILIZATION.ordinal()] = u.marginUtilization();
        measure[LimitKind.LIQUIDATION_PROXIMITY.ordinal()] = u.liquidationDistance();
        measure[LimitKind.VAR.ordinal()] = varMeasure(u.varUsd(), indexUsd);
        measure[LimitKind.LIQUIDITY_VAR.ordinal()] = varMeasure(u.liquidityAdjustedVarUsd(), indexUsd);

        QuotingState state = climbLadders(q);
        final QuotingState stale = staleness(u.lastIndexTickNs(), nowNs);
        final boolean staleChanged = stale != q.staleLevel;
        q.staleLevel = stale;
        final boolean unknownCleared = q.unknownRisk && u.unpricedPositions() == 0;
        if (unknownCleared)
        {
            q.unknownRisk = false;
        }
        state = Ladder.max(state, stale);
        if (q.unknownRisk || venueParked || q.operatorHalt)
        {
            state = QuotingState.HALT;
        }
        q.ownState = state;
        q.state = Ladder.max(state, portfolioState);
        alertChanges(u, staleChanged, unknownCleared, nowNs, sink);
        return newlyUnknown;
    }

    /**
     * The largest |position| of one instrument, only with a position limit set (it costs a pass over the book).
     */
    private void findLargestPosition(final GuardedUnderlying u)
    {
        largestPosition = 0;
        largestPositionId = 0;
        if (Double.isNaN(u.quoting().limits[LimitKind.POSITION.ordinal()]))
        {
            return;
        }
        for (int i = 0, count = u.instrumentCount(); i < count; i++)
        {
            final double quantity = Math.abs(u.positionQuantity(i));
            if (quantity > largestPosition)
            {
                largestPosition = quantity;
                largestPositionId = u.instrumentId(i);
            }
        }
    }

    /**
     * A position the engine cannot price halts its underlying (no side can be known to reduce risk) until it is
     * priced again or an operator resumes.
     */
    private boolean detectUnknownRisk(final GuardedUnderlying u, final QuotingStatus q, final AlertSink sink)
    {
        if (u.unpricedPositions() == 0)
        {
            q.unknownRiskAcknowledged = false;
        }
        else if (!q.unknownRisk && !q.unknownRiskAcknowledged)
        {
            q.unknownRisk = true;
            sink.alert(AlertCode.UNKNOWN_RISK, u.code(), 0, u.unpricedPositions(), Double.NaN);
            return true;
        }
        return false;
    }

    private QuotingState climbLadders(final QuotingStatus q)
    {
        QuotingState state = QuotingState.NORMAL;
        // the status's arrays and running figures in locals: one pass, fields written once
        final double[] limits = q.limits;
        final QuotingState[] levels = q.limitLevels;
        final boolean[] changed = q.limitChanged;
        final LadderConfig ladder = config.ladder();
        double maxUtilization = 0;
        LimitKind reduceAxis = LimitKind.DELTA;
        double axisUtilization = -1;
        for (final LimitKind kind : LimitKind.VALUES)
        {
            final int k = kind.ordinal();
            final double utilization = kind == LimitKind.LIQUIDATION_PROXIMITY ?
                proximity(measure[k], limits[k]) : Ladder.utilization(measure[k], limits[k]);
            final QuotingState next = Ladder.next(levels[k], utilization, ladder);
            changed[k] = next != levels[k];
            levels[k] = next;
            state = Ladder.max(state, next);
            maxUtilization = Math.max(maxUtilization, utilization);
            if (isAxis(kind) && utilization > axisUtilization)
            {
                axisUtilization = utilization;
                reduceAxis = kind;
            }
        }
        q.maxUtilization = maxUtilization;
        q.reduceAxis = reduceAxis;
        return state;
    }

    private void alertChanges(final GuardedUnderlying u, final boolean staleChanged, final boolean unknownCleared,
        final long nowNs, final AlertSink sink)
    {
        final QuotingStatus q = u.quoting();
        for (final LimitKind kind : LimitKind.VALUES)
        {
            if (q.limitChanged[kind.ordinal()])
            {
                sink.alert(kind.alertCode(), u.code(), kind == LimitKind.POSITION ? largestPositionId : 0,
                    measure[kind.ordinal()], q.limits[kind.ordinal()]);
            }
        }
        if (staleChanged)
        {
            sink.alert(AlertCode.STALE_DATA, u.code(), 0, (nowNs - u.lastIndexTickNs()) / 1e9,
                config.staleReduceAfterNs() / 1e9);
        }
        if (unknownCleared)
        {
            sink.alert(AlertCode.UNKNOWN_RISK, u.code(), 0, 0, Double.NaN);
        }
    }

    /**
     * The portfolio's rung changed: the underlying takes the higher of its own state and the portfolio's.
     */
    public void applyPortfolioState(final GuardedUnderlying u, final QuotingState portfolioState)
    {
        u.quoting().state = Ladder.max(u.quoting().ownState, portfolioState);
    }

    /**
     * HALT pulls every quote of the underlying until RESUME; RESUME also acknowledges unknown risk, so quoting resumes
     * on the positions the engine can price. Limits and stale data keep their own rungs.
     */
    public void setOperatorHalt(final GuardedUnderlying u, final boolean halt)
    {
        final QuotingStatus q = u.quoting();
        q.operatorHalt = halt;
        if (!halt && q.unknownRisk)
        {
            q.unknownRisk = false;
            q.unknownRiskAcknowledged = true;
        }
    }

    /**
     * An operator's or the configuration's limit (NaN: none); the next decision climbs the ladder against it.
     */
    public void setLimit(final GuardedUnderlying u, final LimitKind kind, final double value)
    {
        u.quoting().limits[kind.ordinal()] = value;
    }

    /**
     * @return the liquidation-proximity utilization: the configured minimum distance over the nearest distance
     * (infinite at 0: already at maintenance), 0 when no liquidation is in range or no limit is set.
     */
    private static double proximity(final double distance, final double minimumDistance)
    {
        if (!(minimumDistance > 0) || Double.isNaN(distance))
        {
            return 0;
        }
        return distance > 0 ? minimumDistance / distance : Double.POSITIVE_INFINITY;
    }

    /**
     * The limits REDUCE_ONLY quotes against: the Greeks' sides, and the margin's (the side whose fill lowers the
     * initial margin).
     */
    private static boolean isAxis(final LimitKind kind)
    {
        return kind == LimitKind.DELTA || kind == LimitKind.DOLLAR_GAMMA || kind == LimitKind.VEGA ||
            kind == LimitKind.EXPIRY_VEGA || kind == LimitKind.MARGIN_UTILIZATION ||
            kind == LimitKind.LIQUIDATION_PROXIMITY;
    }

    /**
     * A VaR without an index is no risk yet (0); with one, an unknown VaR stays NaN, which the ladder reads as a
     * breach: a VaR limit with {@code engine.var.enabled} off halts, conservatively.
     */
    static double varMeasure(final double varUsd, final double indexUsd)
    {
        return indexUsd > 0 ? varUsd : 0;
    }

    private QuotingState staleness(final long lastIndexTickNs, final long nowNs)
    {
        if (lastIndexTickNs == Long.MIN_VALUE)
        {
            return QuotingState.NORMAL;
        }
        final long ageNs = nowNs - lastIndexTickNs;
        if (ageNs > config.staleHaltAfterNs())
        {
            return QuotingState.HALT;
        }
        return ageNs > config.staleReduceAfterNs() ? QuotingState.REDUCE_ONLY : QuotingState.NORMAL;
    }

    /**
     * An exponentially weighted estimate of the index's variance rate from event-time log returns, starting at
     * the configured index volatility: the engine's one estimator ({@link RealizedVariance}), per tick here.
     */
    private void updateRealizedVol(final QuotingStatus q, final double indexUsd, final long nowNs)
    {
        if (!(indexUsd > 0))
        {
            return;
        }
        if (!(q.volIndexUsd > 0))
        {
            q.volIndexUsd = indexUsd;
            q.volTimeNs = nowNs;
            q.varianceRate = config.indexVolatility() * config.indexVolatility();
            return;
        }
        final long dtNs = nowNs - q.volTimeNs;
        if (dtNs <= 0 || indexUsd == q.volIndexUsd && dtNs < config.realizedVolHalfLifeNs() / 100)
        {
            return;
        }
        final double logReturn = Math.log(indexUsd / q.volIndexUsd);
        final double keep = RealizedVariance.keep(dtNs, config.realizedVolHalfLifeNs());
        q.varianceRate = RealizedVariance.update(q.varianceRate, keep, logReturn, logReturn, dtNs);
        q.volIndexUsd = indexUsd;
        q.volTimeNs = nowNs;
    }
}
