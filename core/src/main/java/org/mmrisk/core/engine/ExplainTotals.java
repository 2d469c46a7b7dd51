package org.mmrisk.core.engine;

import org.mmrisk.core.exposure.PnlExplain;
import org.mmrisk.core.state.StateIo;

/**
 * One underlying's P&L explain: the totals since its first valuation, and a copy of them as they stood at the last risk
 * snapshot (the start of the interval the next one reports). Nothing is booked before the first valuation. Owned by
 * the engine thread; its fields are written only by its own methods, which the exposure sums and updater, the appliers
 * and the output stage call.
 */
public final class ExplainTotals
{
    private final PnlExplain total = new PnlExplain();
    private final PnlExplain atSnapshot = new PnlExplain();

    /**
     * The first valuation starts the totals, and the first reporting interval, at the book's value then.
     */
    void startIfNeeded(final double valueUsd, final long nowNs)
    {
        if (!total.isStarted())
        {
            total.start(valueUsd, nowNs);
            atSnapshot.markInterval(total, total.startValueUsd, nowNs);
        }
    }

    /**
     * The index moved by {@code indexMoveUsd} over {@code days}: booked at the aggregates before the move.
     */
    void marketStep(final double delta, final double gamma, final double theta, final double indexMoveUsd,
        final double days)
    {
        if (total.isStarted())
        {
            total.onMarketStep(delta, gamma, theta, indexMoveUsd, days);
        }
    }

    /**
     * A re-anchored contract's implied vol moved by {@code volPoints}: booked at its Greeks before.
     */
    void volChange(final double quantity, final double vegaUsd, final double volgaUsd, final double vannaUsd,
        final double volPoints, final double indexMoveUsd)
    {
        if (total.isStarted())
        {
            total.onVolChange(quantity, vegaUsd, volgaUsd, vannaUsd, volPoints, indexMoveUsd);
        }
    }

    /**
     * A position or the account changed the book's value: that is inventory, not P&L, so it is booked as trading.
     */
    void trade(final double valueBeforeUsd, final double valueAfterUsd)
    {
        if (total.isStarted() && !Double.isNaN(valueBeforeUsd) && !Double.isNaN(valueAfterUsd))
        {
            total.onTrade(valueAfterUsd - valueBeforeUsd);
        }
    }

    /**
     * A risk snapshot closes the reporting interval at the book's value now.
     */
    void snapshotInterval(final double valueNowUsd, final long nowNs)
    {
        if (total.isStarted())
        {
            atSnapshot.markInterval(total, valueNowUsd, nowNs);
        }
    }

    /**
     * @return the totals since the first valuation.
     */
    public PnlExplain total()
    {
        return total;
    }

    /**
     * @return the totals as they were at the last risk snapshot, with the book's value then.
     */
    public PnlExplain atSnapshot()
    {
        return atSnapshot;
    }

    void exchangeState(final StateIo io)
    {
        total.exchangeState(io);
        atSnapshot.exchangeState(io);
    }
}
