package org.mmrisk.core.quoting;

import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.state.StateIo;

import java.util.Arrays;

/**
 * One underlying's quoting status: its limits (NaN: none) and the rung each holds, staleness, unknown risk, the
 * operator's halt, the utilization that drives the skew's spreads, the index's realized volatility and the day's
 * peak P&L; and the state that results. Owned by the engine thread; its fields are written only by
 * {@link QuotingGuard} (and restored here). {@code EngineWritersTest} checks every assignment to a field; the writes
 * into its arrays (limits, rungs) follow the same rule but no test can see them.
 */
public final class QuotingStatus
{
    final double[] limits;
    final QuotingState[] limitLevels = new QuotingState[LimitKind.VALUES.length];
    final boolean[] limitChanged = new boolean[LimitKind.VALUES.length];
    QuotingState state = QuotingState.NORMAL;
    /** The state from this underlying's own limits and data; {@link #state} adds the portfolio's rung. */
    QuotingState ownState = QuotingState.NORMAL;
    QuotingState staleLevel = QuotingState.NORMAL;
    boolean unknownRisk;
    /** An operator resumed while positions were still unpriced: no new halt until they are all priced once. */
    boolean unknownRiskAcknowledged;
    boolean operatorHalt;
    double maxUtilization;
    LimitKind reduceAxis = LimitKind.DELTA;
    /** Gross notional of every position at the last decision, USD. */
    double grossNotionalUsd;
    final DayPeak dayPeak = new DayPeak();
    /** The index's variance rate (event-time EWMA of log returns), and the index and time of its last update. */
    double varianceRate;
    double volIndexUsd = Double.NaN;
    long volTimeNs;

    public QuotingStatus(final double[] limits)
    {
        this.limits = limits;
        Arrays.fill(limitLevels, QuotingState.NORMAL);
    }

    public QuotingState state()
    {
        return state;
    }

    /**
     * @return the limit of {@code kind} (NaN: none).
     */
    public double limit(final LimitKind kind)
    {
        return limits[kind.ordinal()];
    }

    public QuotingState limitLevel(final LimitKind kind)
    {
        return limitLevels[kind.ordinal()];
    }

    /**
     * @return the highest utilization of any limit at the last decision (1 = at the limit).
     */
    public double maxUtilization()
    {
        return maxUtilization;
    }

    /**
     * @return the Greek whose limit is the most used: the axis REDUCE_ONLY sizes against.
     */
    public LimitKind reduceAxis()
    {
        return reduceAxis;
    }

    public double grossNotionalUsd()
    {
        return grossNotionalUsd;
    }

    /**
     * @return the index's realized volatility (annualized, event-time EWMA), decimal.
     */
    public double realizedVol()
    {
        return Math.sqrt(varianceRate);
    }

    public void exchangeState(final StateIo io)
    {
        state = io.enumValue(state, QuotingState.VALUES);
        io.f64s(limits, io.count(limits.length, limits.length, "limits"));
        for (int i = 0; i < limitLevels.length; i++)
        {
            limitLevels[i] = io.enumValue(limitLevels[i], QuotingState.VALUES);
        }
        io.bools(limitChanged, limitChanged.length);
        staleLevel = io.enumValue(staleLevel, QuotingState.VALUES);
        ownState = io.enumValue(ownState, QuotingState.VALUES);
        unknownRisk = io.bool(unknownRisk);
        unknownRiskAcknowledged = io.bool(unknownRiskAcknowledged);
        operatorHalt = io.bool(operatorHalt);
        maxUtilization = io.f64(maxUtilization);
        reduceAxis = io.enumValue(reduceAxis, LimitKind.VALUES);
        grossNotionalUsd = io.f64(grossNotionalUsd);
        dayPeak.exchangeState(io);
        varianceRate = io.f64(varianceRate);
        volIndexUsd = io.f64(volIndexUsd);
        volTimeNs = io.i64(volTimeNs);
    }
}
