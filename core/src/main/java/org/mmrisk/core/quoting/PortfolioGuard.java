package org.mmrisk.core.quoting;

import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.limits.Ladder;
import org.mmrisk.core.limits.PortfolioLimitKind;
import org.mmrisk.core.state.StateIo;

import java.util.Arrays;
import java.util.List;

/**
 * The portfolio's own rung on the quoting ladder: its limits measure every underlying together, in USD, and the rung
 * applies to every underlying. Every change of a rung is alerted (no underlying). Owned by the engine thread;
 * allocation-free.
 */
public final class PortfolioGuard
{
    public interface AlertSink
    {
        void alert(PortfolioLimitKind kind, double value, double threshold);
    }

    private final EngineConfig config;
    private final double[] limits;
    private final QuotingState[] levels = new QuotingState[PortfolioLimitKind.VALUES.length];
    private final double[] measure = new double[PortfolioLimitKind.VALUES.length];
    private QuotingState state = QuotingState.NORMAL;
    private final DayPeak dayPeak = new DayPeak();
    private double varUsd;
    private double liquidityAdjustedVarUsd;

    public PortfolioGuard(final EngineConfig config)
    {
        this.config = config;
        this.limits = config.portfolioLimits();
        Arrays.fill(levels, QuotingState.NORMAL);
    }

    /**
     * The portfolio's delta-gamma VaR and its liquidity-adjusted figure, USD, for the next {@link #update} (NaN with
     * unknown while an underlying has an index reads as a breach; with none, 0).
     */
    public void varMeasures(final double deltaGammaUsd, final double liquidityAdjustedUsd)
    {
        varUsd = deltaGammaUsd;
        liquidityAdjustedVarUsd = liquidityAdjustedUsd;
    }

    /**
     * @return true when the portfolio's rung changed (every underlying must re-quote).
     */
    public boolean update(final List<? extends GuardedUnderlying> underlyings, final long nowNs, final AlertSink sink)
    {
        double deltaUsd = 0;
        double vega = 0;
        double notionalUsd = 0;
        double pnlUsd = 0;
        boolean anyIndex = false;
        for (int i = 0, n = underlyings.size(); i < n; i++)
        {
            final GuardedUnderlying u = underlyings.get(i);
            if (u.indexUsd() > 0)
            {
                anyIndex = true;
                deltaUsd += u.deltaUsd();
                vega += u.vega();
                notionalUsd += u.quoting().grossNotionalUsd();
                pnlUsd += u.pnlUsd();
            }
        }
        dayPeak.update(pnlUsd, nowNs, config.dayStartOffsetNs());
        measure[PortfolioLimitKind.TOTAL_DELTA_USD.ordinal()] = Math.abs(deltaUsd);
        measure[PortfolioLimitKind.TOTAL_VEGA.ordinal()] = Math.abs(vega);
        measure[PortfolioLimitKind.TOTAL_NOTIONAL.ordinal()] = notionalUsd;
        measure[PortfolioLimitKind.TOTAL_LOSS.ordinal()] = dayPeak.lossFromPeakUsd(pnlUsd);
        measure[PortfolioLimitKind.TOTAL_VAR.ordinal()] = anyIndex ? varUsd : 0;
        measure[PortfolioLimitKind.TOTAL_LIQUIDITY_VAR.ordinal()] = anyIndex ? liquidityAdjustedVarUsd : 0;
        QuotingState next = QuotingState.NORMAL;
        for (final PortfolioLimitKind kind : PortfolioLimitKind.VALUES)
        {
            final int k = kind.ordinal();
            final double utilization = Ladder.utilization(measure[k], limits[k]);
            final QuotingState level = Ladder.next(levels[k], utilization, config.ladder());
            if (level != levels[k])
            {
                levels[k] = level;
                sink.alert(kind, measure[k], limits[k]);
            }
            next = Ladder.max(next, level);
        }
        final boolean changed = next != state;
        state = next;
        return changed;
    }

    public void setLimit(final PortfolioLimitKind kind, final double value)
    {
        limits[kind.ordinal()] = value;
    }

    public QuotingState state()
    {
        return state;
    }

    public double limit(final PortfolioLimitKind kind)
    {
        return limits[kind.ordinal()];
    }

    /**
     * Saves or restores the limits as they stand (operators may have changed them), each rung and the trailing peak.
     */
    public void exchangeState(final StateIo io)
    {
        io.f64s(limits, limits.length);
        for (int i = 0; i < levels.length; i++)
        {
            levels[i] = io.enumValue(levels[i], QuotingState.VALUES);
        }
        io.f64s(measure, measure.length);
        state = io.enumValue(state, QuotingState.VALUES);
        dayPeak.exchangeState(io);
    }
}
