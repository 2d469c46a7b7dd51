package org.mmrisk.core.scenario;

import org.mmrisk.core.state.StateIo;

/**
 * An underlying's margin estimate, in its margin currency, and its distance to liquidation. A plain holder, filled
 * by {@link MarginCalculator}; NaN marks a figure that is unknown (a position that cannot be valued) or absent
 * (utilization when equity is at or below zero; a liquidation distance when none is in range). Owned by the thread
 * that fills it.
 */
public final class MarginFigures
{
    public boolean known;
    public double worstLoss = Double.NaN;
    public double contingency = Double.NaN;
    public double initial = Double.NaN;
    public double maintenance = Double.NaN;
    public double equity = Double.NaN;
    public double initialUtilization = Double.NaN;
    public double maintenanceUtilization = Double.NaN;
    /** The liquidation's index move down (negative) and up, fractions; NaN: none in range. */
    public double downMove = Double.NaN;
    public double upMove = Double.NaN;
    public double downIndexUsd = Double.NaN;
    public double upIndexUsd = Double.NaN;

    public void unknown()
    {
        known = false;
        worstLoss = contingency = initial = maintenance = equity = Double.NaN;
        initialUtilization = maintenanceUtilization = Double.NaN;
        downMove = upMove = downIndexUsd = upIndexUsd = Double.NaN;
    }

    /**
     * @return true when equity is at or below zero (no utilization): a breach of any margin limit.
     */
    public boolean equityExhausted()
    {
        return known && !(equity > 0);
    }

    /**
     * @return the nearer of the two liquidation distances, |move|; NaN when neither is in range.
     */
    public double nearestDistance()
    {
        final double down = Math.abs(downMove);
        final double up = Math.abs(upMove);
        return Double.isNaN(down) ? up : Double.isNaN(up) ? down : Math.min(down, up);
    }

    public void exchangeState(final StateIo io)
    {
        known = io.bool(known);
        worstLoss = io.f64(worstLoss);
        contingency = io.f64(contingency);
        initial = io.f64(initial);
        maintenance = io.f64(maintenance);
        equity = io.f64(equity);
        initialUtilization = io.f64(initialUtilization);
        maintenanceUtilization = io.f64(maintenanceUtilization);
        downMove = io.f64(downMove);
        upMove = io.f64(upMove);
        downIndexUsd = io.f64(downIndexUsd);
        upIndexUsd = io.f64(upIndexUsd);
    }
}
