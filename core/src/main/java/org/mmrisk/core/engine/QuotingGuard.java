package org.mmrisk.core.engine;

import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.limits.Ladder;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.output.AlertCode;

/**
 * Decides an underlying's quoting state at the end of each batch: the highest rung any of its limits holds
 * ({@link Ladder}), stale index data, unknown risk (a position it cannot price, or a fill parked on an undefined
 * instrument of its venue) and an operator's halt. Every change of a rung is alerted with the measure, the limit
 * and the new state. Also keeps the index's realized volatility (event time) and the day's peak P&L ({@link DayPeak}).
 * Owned by the engine thread; allocation-free.
 */
final class QuotingGuard
{
    interface AlertSink
    {
        void alert(AlertCode code, UnderlyingRisk underlying, int instrumentId, double value, double threshold);
    }

    private static final double LN2 = Math.log(2);

    private final EngineConfig config;
    private final double[] measure = new double[LimitKind.VALUES.length];

    QuotingGuard(final EngineConfig config)
    {
        this.config = config;
    }

    /**
     * @param largestPosition  the largest |position| of one instrument of the underlying, contracts.
     * @param positionInstrumentId that instrument.
     * @param grossNotionalUsd the gross notional of every position, USD.
     */
    void update(final UnderlyingRisk u, final long nowNs, final double largestPosition, final int positionInstrumentId,
        final double grossNotionalUsd, final boolean venueParked, final QuotingState portfolioState,
        final AlertSink sink)
    {
        updateRealizedVol(u, nowNs);
        u.dayPeak.update(u.pnlUsd(), nowNs, config.dayStartOffsetNs());
        measure[LimitKind.DELTA.ordinal()] = Math.abs(u.delta);
        measure[LimitKind.DOLLAR_GAMMA.ordinal()] = Math.abs(u.dollarGammaUsd());
        measure[LimitKind.VEGA.ordinal()] = Math.abs(u.vega);
        measure[LimitKind.NOTIONAL.ordinal()] = grossNotionalUsd;
        measure[LimitKind.POSITION.ordinal()] = largestPosition;
        measure[LimitKind.LOSS.ordinal()] = u.dayPeak.lossFromPeakUsd(u.pnlUsd());
        measure[LimitKind.EXPIRY_VEGA.ordinal()] = u.largestExpiryVegaUsd();

        QuotingState state = QuotingState.NORMAL;
        u.maxUtilization = 0;
        u.reduceAxis = LimitKind.DELTA;
        double axisUtilization = -1;
        for (final LimitKind kind : LimitKind.VALUES)
        {
            final double limit = u.limits[kind.ordinal()];
            final double utilization = Ladder.utilization(measure[kind.ordinal()], limit);
            final QuotingState next = Ladder.next(u.limitLevels[kind.ordinal()], utilization, config.ladder());
            u.limitChanged[kind.ordinal()] = next != u.limitLevels[kind.ordinal()];
            u.limitLevels[kind.ordinal()] = next;
            state = Ladder.max(state, next);
            u.maxUtilization = Math.max(u.maxUtilization, utilization);
            if (isAxis(kind) && utilization > axisUtilization)
            {
                axisUtilization = utilization;
                u.reduceAxis = kind;
            }
        }
        final QuotingState stale = staleness(u, nowNs);
        final boolean staleChanged = stale != u.staleLevel;
        u.staleLevel = stale;
        final boolean unknownCleared = u.unknownRisk && u.unpricedPositions == 0;
        if (unknownCleared)
        {
            u.unknownRisk = false;
        }
        state = Ladder.max(state, stale);
        if (u.unknownRisk || venueParked || u.operatorHalt)
        {
            state = QuotingState.HALT;
        }
        u.ownState = state;
        u.state = Ladder.max(state, portfolioState);
        alertChanges(u, positionInstrumentId, staleChanged, unknownCleared, nowNs, sink);
    }

    private void alertChanges(final UnderlyingRisk u, final int positionInstrumentId, final boolean staleChanged,
        final boolean unknownCleared, final long nowNs, final AlertSink sink)
    {
        for (final LimitKind kind : LimitKind.VALUES)
        {
            if (u.limitChanged[kind.ordinal()])
            {
                sink.alert(kind.alertCode(), u, kind == LimitKind.POSITION ? positionInstrumentId : 0,
                    measure[kind.ordinal()], u.limits[kind.ordinal()]);
            }
        }
        if (staleChanged)
        {
            sink.alert(AlertCode.STALE_DATA, u, 0, (nowNs - u.lastIndexTickNs) / 1e9,
                config.staleReduceAfterNs() / 1e9);
        }
        if (unknownCleared)
        {
            sink.alert(AlertCode.UNKNOWN_RISK, u, 0, 0, Double.NaN);
        }
    }

    private static boolean isAxis(final LimitKind kind)
    {
        return kind == LimitKind.DELTA || kind == LimitKind.DOLLAR_GAMMA || kind == LimitKind.VEGA ||
            kind == LimitKind.EXPIRY_VEGA;
    }

    private QuotingState staleness(final UnderlyingRisk u, final long nowNs)
    {
        if (u.lastIndexTickNs == Long.MIN_VALUE)
        {
            return QuotingState.NORMAL;
        }
        final long ageNs = nowNs - u.lastIndexTickNs;
        if (ageNs > config.staleHaltAfterNs())
        {
            return QuotingState.HALT;
        }
        return ageNs > config.staleReduceAfterNs() ? QuotingState.REDUCE_ONLY : QuotingState.NORMAL;
    }

    /**
     * An exponentially weighted estimate of the index's variance rate from event-time log returns, starting at
     * the configured index volatility.
     */
    private void updateRealizedVol(final UnderlyingRisk u, final long nowNs)
    {
        final double indexUsd = u.indexUsd;
        if (!(indexUsd > 0))
        {
            return;
        }
        if (!(u.volIndexUsd > 0))
        {
            u.volIndexUsd = indexUsd;
            u.volTimeNs = nowNs;
            u.varianceRate = config.indexVolatility() * config.indexVolatility();
            return;
        }
        final long dtNs = nowNs - u.volTimeNs;
        if (dtNs <= 0 || indexUsd == u.volIndexUsd && dtNs < config.realizedVolHalfLifeNs() / 100)
        {
            return;
        }
        final double logReturn = Math.log(indexUsd / u.volIndexUsd);
        final double dtYears = dtNs / org.mmrisk.core.time.YearFraction.NANOS_PER_YEAR;
        final double keep = Math.exp(-LN2 * dtNs / config.realizedVolHalfLifeNs());
        u.varianceRate = keep * u.varianceRate + (1 - keep) * logReturn * logReturn / dtYears;
        u.volIndexUsd = indexUsd;
        u.volTimeNs = nowNs;
    }
}
