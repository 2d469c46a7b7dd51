package org.mmrisk.core.output;

import org.mmrisk.core.event.MarginCurrency;

/**
 * An underlying's portfolio-margin estimate and distance to liquidation, in its margin currency. Every figure is NaN
 * when the margin is unknown (a position that cannot be valued); the utilizations are NaN when equity is at or below
 * zero; a liquidation move and its index are NaN when none is in range. Emitted with the grid. A flyweight owned by
 * the engine thread.
 */
public final class MarginStatus
{
    public long sequence;
    public long timeNs;
    public long underlying;
    public MarginCurrency currency;
    public boolean known;
    public double indexUsd;
    public double worstLoss;
    public double contingency;
    public double initial;
    public double maintenance;
    public double equity;
    public double initialUtilization;
    public double maintenanceUtilization;
    public double downMove;
    public double upMove;
    public double downIndexUsd;
    public double upIndexUsd;
}
