package org.mmrisk.core.scenario;

import org.mmrisk.core.state.StateIo;

/**
 * An underlying's scenario grid as reported: P&L and its Taylor estimate at every point, in the margin currency,
 * the worst loss and the point that sets it, and the largest gap between the two over the regular points. A plain
 * holder, filled by {@link ScenarioGrid#into} or a full revaluation; owned by the thread that fills it.
 */
public final class GridFigures
{
    private final double[] pnl;
    private final double[] taylor;
    private double worstLoss;
    private int worstPoint;
    private double maxTaylorGap;
    private int maxTaylorGapPoint;

    public GridFigures(final ScenarioPoints points)
    {
        pnl = new double[points.count()];
        taylor = new double[points.count()];
    }

    /**
     * Sets one point's P&L and Taylor estimate; {@link #conclude} after the last.
     */
    public void set(final int point, final double pnlValue, final double taylorValue)
    {
        pnl[point] = pnlValue;
        taylor[point] = taylorValue;
    }

    /**
     * The worst loss max(0, max −pnl·weight) and the first point that attains the maximum; the largest
     * |pnl − taylor| over the regular points and the first that attains it.
     */
    public void conclude(final ScenarioPoints points)
    {
        double worst = Double.NEGATIVE_INFINITY;
        worstPoint = 0;
        double gap = -1;
        maxTaylorGapPoint = 0;
        for (int p = 0, n = points.count(); p < n; p++)
        {
            final double loss = -pnl[p] * points.weight(p);
            if (loss > worst)
            {
                worst = loss;
                worstPoint = p;
            }
            if (p < points.regularCount() && Math.abs(pnl[p] - taylor[p]) > gap)
            {
                gap = Math.abs(pnl[p] - taylor[p]);
                maxTaylorGapPoint = p;
            }
        }
        worstLoss = Math.max(0, worst);
        maxTaylorGap = gap;
    }

    public double pnl(final int point)
    {
        return pnl[point];
    }

    public double taylor(final int point)
    {
        return taylor[point];
    }

    /**
     * @return the worst weighted loss, a positive number in the margin currency (0 when no point loses).
     */
    public double worstLoss()
    {
        return worstLoss;
    }

    public int worstPoint()
    {
        return worstPoint;
    }

    public double maxTaylorGap()
    {
        return maxTaylorGap;
    }

    public int maxTaylorGapPoint()
    {
        return maxTaylorGapPoint;
    }

    /**
     * @return true when every figure is a finite number.
     */
    public boolean isFinite()
    {
        for (int p = 0; p < pnl.length; p++)
        {
            if (!Double.isFinite(pnl[p]) || !Double.isFinite(taylor[p]))
            {
                return false;
            }
        }
        return Double.isFinite(worstLoss) && Double.isFinite(maxTaylorGap);
    }

    /**
     * Saves or restores the figures: the live engine reads them between refreshes (the margin's reducing side, the
     * sizing pass).
     */
    public void exchangeState(final StateIo io)
    {
        io.f64s(pnl, pnl.length);
        io.f64s(taylor, taylor.length);
        worstLoss = io.f64(worstLoss);
        worstPoint = io.i32(worstPoint);
        maxTaylorGap = io.f64(maxTaylorGap);
        maxTaylorGapPoint = io.i32(maxTaylorGapPoint);
    }
}
