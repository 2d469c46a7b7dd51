package org.mmrisk.core.output;

import org.mmrisk.core.event.QuotingState;

/**
 * Exposure of one underlying and its open positions, emitted periodically in engine time. A flyweight owned by the
 * engine thread; the position arrays grow only when an underlying gains instruments, never in steady state.
 * Units as in the README's conventions: delta in coins, gamma coins per USD, vega USD per vol point, theta USD per day.
 */
public final class RiskSnapshot
{
    public long sequence;
    public long timeNs;
    public long underlying;
    public double indexUsd;
    public double delta;
    public double deltaUsd;
    public double gamma;
    public double vega;
    public double theta;
    public double realizedPnlUsd;
    public double unrealizedPnlUsd;
    public double maxApproxError;
    public long eventsProcessed;
    public QuotingState state;

    public int positionCount;
    public int[] instrumentId = new int[16];
    public double[] quantity = new double[16];
    public double[] avgPrice = new double[16];
    public double[] positionRealizedPnlUsd = new double[16];
    public double[] positionUnrealizedPnlUsd = new double[16];

    /**
     * Makes room for {@code count} positions (allocates only when the capacity grows).
     */
    public void ensureCapacity(final int count)
    {
        if (count > instrumentId.length)
        {
            final int capacity = Math.max(count, instrumentId.length * 2);
            instrumentId = java.util.Arrays.copyOf(instrumentId, capacity);
            quantity = java.util.Arrays.copyOf(quantity, capacity);
            avgPrice = java.util.Arrays.copyOf(avgPrice, capacity);
            positionRealizedPnlUsd = java.util.Arrays.copyOf(positionRealizedPnlUsd, capacity);
            positionUnrealizedPnlUsd = java.util.Arrays.copyOf(positionUnrealizedPnlUsd, capacity);
        }
    }
}
