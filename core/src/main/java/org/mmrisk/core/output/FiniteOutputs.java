package org.mmrisk.core.output;

import org.mmrisk.core.event.QuotingState;

/**
 * The output contract's check: every field the schema requires is a finite number; an optional one (a quote
 * adjustment's {@code shiftVol}, an alert's {@code value} and {@code threshold}) is finite or absent (NaN), never
 * infinite. The engine checks each message before it numbers it; one that fails is halted (a quote adjustment),
 * withheld (a hedge signal, a risk snapshot) or sent with the infinite optional field absent (an alert).
 * Stateless and allocation-free; called on the engine thread.
 */
public final class FiniteOutputs
{
    /** {@link AlertCode#NON_FINITE_OUTPUT}'s value: which message failed the check. */
    public static final int QUOTE_ADJUSTMENT = 1;
    public static final int HEDGE_SIGNAL = 2;
    public static final int RISK_SNAPSHOT = 3;
    public static final int ALERT = 4;
    public static final int SCENARIO_GRID = 5;
    public static final int MARGIN_STATUS = 6;

    private FiniteOutputs()
    {
    }

    public static boolean isFinite(final QuoteAdjustment q)
    {
        return Double.isFinite(q.shift) && isFiniteOrAbsent(q.shiftVol) && Double.isFinite(q.bidSpreadMult) &&
            Double.isFinite(q.askSpreadMult) && Double.isFinite(q.bidSizeMult) && Double.isFinite(q.askSizeMult) &&
            isFiniteOrAbsent(q.bidMaxQty) && isFiniteOrAbsent(q.askMaxQty);
    }

    /**
     * Turns an adjustment that failed {@link #isFinite(QuoteAdjustment)} into a HALT of its instrument: sizes 0,
     * no shift, spreads unchanged, no vol shift.
     */
    public static void halt(final QuoteAdjustment q)
    {
        q.shift = 0;
        q.shiftVol = Double.NaN;
        q.bidSpreadMult = 1;
        q.askSpreadMult = 1;
        q.bidSizeMult = 0;
        q.askSizeMult = 0;
        q.state = QuotingState.HALT;
    }

    public static boolean isFinite(final HedgeSignal h)
    {
        return Double.isFinite(h.quantity) && Double.isFinite(h.deltaBefore) && Double.isFinite(h.deltaTarget);
    }

    public static boolean isFinite(final RiskSnapshot s)
    {
        boolean finite = Double.isFinite(s.indexUsd) && Double.isFinite(s.delta) && Double.isFinite(s.deltaUsd) &&
            Double.isFinite(s.gamma) && Double.isFinite(s.vega) && Double.isFinite(s.theta) &&
            Double.isFinite(s.realizedPnlUsd) && Double.isFinite(s.unrealizedPnlUsd) &&
            Double.isFinite(s.maxApproxError) && isFiniteOrAbsent(s.initialUtilization) &&
            isFiniteOrAbsent(s.maintenanceUtilization) && isFiniteOrAbsent(s.liquidationDownMove) &&
            isFiniteOrAbsent(s.liquidationUpMove) && isFiniteOrAbsent(s.tradingPnlUsd) &&
            isFiniteOrAbsent(s.edgeUsd) && isFiniteOrAbsent(s.inventoryUsd);
        for (int i = 0; finite && i < s.positionCount; i++)
        {
            finite = Double.isFinite(s.quantity[i]) && Double.isFinite(s.avgPrice[i]) &&
                Double.isFinite(s.positionRealizedPnlUsd[i]) && Double.isFinite(s.positionUnrealizedPnlUsd[i]);
        }
        for (int i = 0; finite && i < s.expiryCount; i++)
        {
            finite = Double.isFinite(s.expiryVega[i]) && Double.isFinite(s.expiryTimeWeightedVega[i]) &&
                Double.isFinite(s.expiryRiskReversal25[i]) && Double.isFinite(s.expiryButterfly25[i]) &&
                Double.isFinite(s.expiryRho[i]) && Double.isFinite(s.expiryBasisDelta[i]);
        }
        return finite;
    }

    /**
     * @return true when the alert's optional numbers are finite or absent.
     */
    public static boolean isFinite(final Alert a)
    {
        return isFiniteOrAbsent(a.value) && isFiniteOrAbsent(a.threshold);
    }

    /**
     * @return true when the grid's every P&L, its Taylor estimate, the worst loss and the largest gap are finite.
     */
    public static boolean isFinite(final ScenarioGridMessage g)
    {
        boolean finite = Double.isFinite(g.indexUsd) && Double.isFinite(g.worstLoss) && Double.isFinite(g.maxTaylorGap);
        for (int p = 0; finite && p < g.pointCount; p++)
        {
            finite = Double.isFinite(g.pnl[p]) && Double.isFinite(g.taylorPnl[p]);
        }
        return finite;
    }

    /**
     * @return true when every figure of the margin is finite or absent (all of them are optional: unknown margin).
     */
    public static boolean isFinite(final MarginStatus m)
    {
        return Double.isFinite(m.indexUsd) && isFiniteOrAbsent(m.worstLoss) && isFiniteOrAbsent(m.contingency) &&
            isFiniteOrAbsent(m.initial) && isFiniteOrAbsent(m.maintenance) && isFiniteOrAbsent(m.equity) &&
            isFiniteOrAbsent(m.initialUtilization) && isFiniteOrAbsent(m.maintenanceUtilization) &&
            isFiniteOrAbsent(m.downMove) && isFiniteOrAbsent(m.upMove) && isFiniteOrAbsent(m.downIndexUsd) &&
            isFiniteOrAbsent(m.upIndexUsd);
    }

    /**
     * Sends an alert's infinite optional numbers as absent (NaN).
     */
    public static void withholdInfinite(final Alert a)
    {
        a.value = isFiniteOrAbsent(a.value) ? a.value : Double.NaN;
        a.threshold = isFiniteOrAbsent(a.threshold) ? a.threshold : Double.NaN;
    }

    private static boolean isFiniteOrAbsent(final double value)
    {
        return !Double.isInfinite(value);
    }
}
