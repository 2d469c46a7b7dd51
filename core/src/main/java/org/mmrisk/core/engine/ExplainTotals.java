package org.mmrisk.core.engine;

import org.mmrisk.core.exposure.PnlExplain;
import org.mmrisk.core.state.StateIo;

/**
 * One underlying's P&L explain in two numeraires — USD, and coins of the underlying — each as the totals since its
 * first valuation and a copy of them as they stood at the last risk snapshot (the start of the interval the next one
 * reports). Nothing is booked before the first valuation. Owned by the engine thread; its fields are written only by
 * its own methods, which the exposure sums and updater, the appliers and the output stage call.
 * <p>
 * The coin explain is the same expansion applied to the book's worth in coins, V/S, with V its true USD value: the
 * model value (the coin account at the index among it) with what the model value leaves out because it is constant
 * in USD, the cash and cost of USD-settled contracts and the entry terms of inverse ones (in USD only changes matter;
 * in coins the level does). S is the index. Its Greeks follow from the USD ones by the quotient rule:
 * <pre>
 *   Δc = (Δ − V/S)/S        Γc = (Γ − 2Δc)/S        Θc = Θ/S
 *   νc = ν/S                volgaC = volga/S        vannaC = (vanna − νc)/S
 * </pre>
 * A trade brings (V after − V before)/S coins of inventory at the index of the trade. A coin balance c is worth c·S,
 * so it adds c to Δ and c·S to V and nothing to Δc or Γc: coins earn no coin P&L, as a desk that reports in coins
 * expects, while the USD explain books them their delta P&L.
 */
public final class ExplainTotals
{
    private final PnlExplain total = new PnlExplain();
    private final PnlExplain atSnapshot = new PnlExplain();
    private final PnlExplain totalCoin = new PnlExplain();
    private final PnlExplain atSnapshotCoin = new PnlExplain();
    private final EdgeTotals edge = new EdgeTotals();

    /**
     * The first valuation starts the totals, and the first reporting interval, at the book's value then.
     *
     * @param indexUsd the index of that valuation, > 0.
     */
    void startIfNeeded(final double valueUsd, final double trueValueUsd, final double indexUsd, final long nowNs)
    {
        if (!total.isStarted())
        {
            total.start(valueUsd, nowNs);
            atSnapshot.markInterval(total, valueUsd, nowNs);
            totalCoin.start(trueValueUsd / indexUsd, nowNs);
            atSnapshotCoin.markInterval(totalCoin, totalCoin.startValue(), nowNs);
        }
    }

    /**
     * The index moved from {@code indexUsd} by {@code indexMoveUsd} over {@code days}: booked at the aggregates
     * before the move, the book's true value {@code trueValueUsd} among them.
     */
    void marketStep(final double trueValueUsd, final double delta, final double gamma, final double theta,
        final double indexUsd, final double indexMoveUsd, final double days)
    {
        if (total.isStarted())
        {
            total.onMarketStep(delta, gamma, theta, indexMoveUsd, days);
            // an index without a price had no aggregates to book (they were zero), in either numeraire
            if (indexUsd > 0 && Double.isFinite(trueValueUsd))
            {
                final double deltaCoin = (delta - trueValueUsd / indexUsd) / indexUsd;
                final double gammaCoin = (gamma - 2 * deltaCoin) / indexUsd;
                totalCoin.onMarketStep(deltaCoin, gammaCoin, theta / indexUsd, indexMoveUsd, days);
            }
        }
    }

    /**
     * A re-anchored contract's implied vol moved by {@code volPoints}: booked at its Greeks before, expanded at the
     * index {@code indexUsd} from which the step's {@code indexMoveUsd} is crossed with the vol change.
     */
    void volChange(final double quantity, final double vegaUsd, final double volgaUsd, final double vannaUsd,
        final double volPoints, final double indexUsd, final double indexMoveUsd)
    {
        if (total.isStarted())
        {
            total.onVolChange(quantity, vegaUsd, volgaUsd, vannaUsd, volPoints, indexMoveUsd);
            if (indexUsd > 0)
            {
                final double vegaCoin = vegaUsd / indexUsd;
                totalCoin.onVolChange(quantity, vegaCoin, volgaUsd / indexUsd, (vannaUsd - vegaCoin) / indexUsd,
                    volPoints, indexMoveUsd);
            }
        }
    }

    /**
     * A position or the account changed the book's value at the index {@code indexUsd}: that is inventory, not P&L,
     * so it is booked as trading.
     */
    void trade(final double valueBeforeUsd, final double valueAfterUsd, final double trueValueBeforeUsd,
        final double trueValueAfterUsd, final double indexUsd)
    {
        if (total.isStarted() && !Double.isNaN(valueBeforeUsd) && !Double.isNaN(valueAfterUsd))
        {
            total.onTrade(valueAfterUsd - valueBeforeUsd);
            if (indexUsd > 0)
            {
                totalCoin.onTrade((trueValueAfterUsd - trueValueBeforeUsd) / indexUsd);
            }
        }
    }

    /**
     * A risk snapshot closes the reporting interval at the book's value now, at the index now.
     */
    void snapshotInterval(final double valueNowUsd, final double trueValueNowUsd, final double indexUsd,
        final long nowNs)
    {
        if (total.isStarted())
        {
            atSnapshot.markInterval(total, valueNowUsd, nowNs);
            atSnapshotCoin.markInterval(totalCoin, trueValueNowUsd / indexUsd, nowNs);
        }
    }

    /**
     * @return the USD totals since the first valuation.
     */
    public PnlExplain total()
    {
        return total;
    }

    /**
     * @return the USD totals as they were at the last risk snapshot, with the book's value then.
     */
    public PnlExplain atSnapshot()
    {
        return atSnapshot;
    }

    /**
     * @return the coin totals since the first valuation, in coins of the underlying.
     */
    public PnlExplain totalCoin()
    {
        return totalCoin;
    }

    /**
     * @return the coin totals as they were at the last risk snapshot, with the book's value in coins then.
     */
    public PnlExplain atSnapshotCoin()
    {
        return atSnapshotCoin;
    }

    /**
     * @return the trading P&L's split into edge and inventory.
     */
    public EdgeTotals edge()
    {
        return edge;
    }

    void exchangeState(final StateIo io)
    {
        edge.exchangeState(io);
        total.exchangeState(io);
        atSnapshot.exchangeState(io);
        totalCoin.exchangeState(io);
        atSnapshotCoin.exchangeState(io);
    }
}
