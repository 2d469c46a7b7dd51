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
    /** The last margin refresh's utilizations and liquidation moves; NaN when unknown or absent. */
    public double initialUtilization = Double.NaN;
    public double maintenanceUtilization = Double.NaN;
    public double liquidationDownMove = Double.NaN;
    public double liquidationUpMove = Double.NaN;
    /** The trading P&L (realized + unrealized, fees and funding included) and its split, USD; NaN when unknown. */
    public double tradingPnlUsd = Double.NaN;
    public double edgeUsd = Double.NaN;
    public double inventoryUsd = Double.NaN;

    public int positionCount;
    public int[] instrumentId = new int[16];
    public double[] quantity = new double[16];
    public double[] avgPrice = new double[16];
    public double[] positionRealizedPnlUsd = new double[16];
    public double[] positionUnrealizedPnlUsd = new double[16];

    /** Surface and carry risk per expiry, ascending (0: instruments without an expiry); see ExposureBuckets. */
    public int expiryCount;
    public long[] expiryNs = new long[8];
    public double[] expiryVega = new double[8];
    public double[] expiryTimeWeightedVega = new double[8];
    public double[] expiryRiskReversal25 = new double[8];
    public double[] expiryButterfly25 = new double[8];
    public double[] expiryRho = new double[8];
    public double[] expiryBasisDelta = new double[8];

    /**
     * Makes room for {@code count} expiries (allocates only when the capacity grows).
     */
    public void ensureExpiryCapacity(final int count)
    {
        if (count > expiryNs.length)
        {
            final int capacity = Math.max(count, expiryNs.length * 2);
            expiryNs = java.util.Arrays.copyOf(expiryNs, capacity);
            expiryVega = java.util.Arrays.copyOf(expiryVega, capacity);
            expiryTimeWeightedVega = java.util.Arrays.copyOf(expiryTimeWeightedVega, capacity);
            expiryRiskReversal25 = java.util.Arrays.copyOf(expiryRiskReversal25, capacity);
            expiryButterfly25 = java.util.Arrays.copyOf(expiryButterfly25, capacity);
            expiryRho = java.util.Arrays.copyOf(expiryRho, capacity);
            expiryBasisDelta = java.util.Arrays.copyOf(expiryBasisDelta, capacity);
        }
    }

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
