package org.mmrisk.core.scenario;

import org.mmrisk.core.state.StateIo;

/**
 * An underlying's scenario grid kept incrementally: the sums, over its instruments, of quantity × risk array
 * ({@link ScenarioRisk}), in the margin currency, without the coin balance's own change (added when read). Each
 * instrument's part is added when it is centred or its position changes and taken out before. Owned by the engine
 * thread; written only by its own methods.
 */
public final class ScenarioGrid
{
    private final double[] pnl;
    private final double[] taylor;

    public ScenarioGrid(final ScenarioPoints points)
    {
        pnl = new double[points.count()];
        taylor = new double[points.count()];
    }

    /**
     * Adds {@code quantity} contracts of an instrument's array (negative: takes them out).
     */
    public void add(final ScenarioRisk risk, final double quantity)
    {
        if (quantity == 0 || !risk.isCentred())
        {
            return;
        }
        for (int p = 0, n = pnl.length; p < n; p++)
        {
            pnl[p] += quantity * risk.pnl(p);
            taylor[p] += quantity * risk.taylor(p);
        }
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
     * Copies the sums into {@code figures}, adding a coin balance's change {@code balancePerMove} × m (USD margin).
     */
    public void into(final GridFigures figures, final ScenarioPoints points, final double balancePerMove)
    {
        for (int p = 0, n = pnl.length; p < n; p++)
        {
            final double balance = balancePerMove * points.move(p);
            figures.set(p, pnl[p] + balance, taylor[p] + balance);
        }
        figures.conclude(points);
    }

    public void exchangeState(final StateIo io)
    {
        io.f64s(pnl, pnl.length);
        io.f64s(taylor, taylor.length);
    }
}
