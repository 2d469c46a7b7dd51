package org.mmrisk.core.output;

import org.mmrisk.core.event.MarginCurrency;
import org.mmrisk.core.event.VolShock;

/**
 * An underlying's scenario grid: at every point (index move, vol shock, weight; regular points first, then the
 * extended ones) the account's P&L in the margin currency and its second-order Taylor estimate, the worst weighted
 * loss and the largest gap between the two. Emitted at each refresh that is due or changed materially. A flyweight
 * owned by the engine thread; its arrays are sized once for the configured points.
 */
public final class ScenarioGridMessage
{
    public long sequence;
    public long timeNs;
    public long underlying;
    public MarginCurrency currency;
    public double indexUsd;
    public int pointCount;
    public int regularCount;
    public final double[] move;
    public final VolShock[] shock;
    public final double[] weight;
    public final double[] pnl;
    public final double[] taylorPnl;
    public double worstLoss;
    public int worstPoint;
    public double maxTaylorGap;
    public int maxTaylorGapPoint;

    public ScenarioGridMessage(final int points)
    {
        move = new double[points];
        shock = new VolShock[points];
        weight = new double[points];
        pnl = new double[points];
        taylorPnl = new double[points];
    }
}
