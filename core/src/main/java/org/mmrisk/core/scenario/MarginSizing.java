package org.mmrisk.core.scenario;

import org.mmrisk.core.config.ScenarioConfig;
import org.mmrisk.core.event.MarginCurrency;

/**
 * The largest fill of one instrument, per side, that the margin allows: with the fill at the instrument's fair value,
 * the initial-margin utilization stays at or below the target ({@code engine.margin.sizingUtilization}); where it is
 * already above, the fill must not raise the initial margin. The initial margin after a fill of q contracts is
 * max(0, max over points of −weight·(G + q·a)) + the contingency after it, G the grid's P&L and a the instrument's
 * risk array, so it is piecewise linear in q; equity moves by q × (model value − fair value). The largest q is found
 * by doubling from one contract to the cap, then bisection to the double's precision: every q below it passes.
 * Owned by the thread that calls it; allocation-free.
 */
public final class MarginSizing
{
    private static final int BISECTIONS = 60;

    private final ScenarioPoints points;
    private final ScenarioConfig config;
    private final double[] loss;
    private final double[] lossPerContract;
    private ScenarioBook book;
    private ScenarioContract contract;
    private double position;
    private double equity;
    private double edgePerContract;
    private double target;
    private double initialNow;

    public MarginSizing(final ScenarioPoints points, final ScenarioConfig config)
    {
        this.points = points;
        this.config = config;
        loss = new double[points.count()];
        lossPerContract = new double[points.count()];
    }

    /**
     * Prepares one instrument.
     *
     * @param grid            the underlying's grid (P&L with the balance's change), margin currency.
     * @param risk            the instrument's centred risk array.
     * @param position        the contracts held now.
     * @param equity          the account's equity now, margin currency.
     * @param edgePerContract model value − fair value of one contract, margin currency.
     * @param balancePerFill  for a USD-margined inverse delta-one contract, the coins a contract bought at fair value
     *                        adds to the balance, times the index (its change at a point is that × the move); else 0.
     */
    public void prepare(final ScenarioBook book, final GridFigures grid, final ScenarioRisk risk, final double position,
        final double equity, final double edgePerContract, final double balancePerFill)
    {
        this.book = book;
        this.contract = risk.contract();
        this.position = position;
        this.equity = equity;
        this.edgePerContract = edgePerContract;
        for (int p = 0, n = points.count(); p < n; p++)
        {
            loss[p] = -points.weight(p) * grid.pnl(p);
            lossPerContract[p] = -points.weight(p) * (risk.pnl(p) + balancePerFill * points.move(p));
        }
        initialNow = initialAfter(0);
        final double utilization = equity > 0 ? initialNow / equity : Double.POSITIVE_INFINITY;
        target = utilization <= config.sizingUtilization() ? config.sizingUtilization() : Double.NaN;
    }

    /**
     * @param side +1 for the bid (a buy), −1 for the offer (a sale).
     * @param cap  the largest answer, contracts.
     * @return the largest fill on that side, contracts, in [0, cap].
     */
    public double maxFill(final int side, final double cap)
    {
        double passing = 0;
        double failing = 1;
        while (passes(side * failing))
        {
            passing = failing;
            if (failing >= cap)
            {
                return cap;
            }
            failing = Math.min(cap, 2 * failing);
        }
        for (int i = 0; i < BISECTIONS && failing - passing > Math.ulp(failing); i++)
        {
            final double middle = 0.5 * (passing + failing);
            if (passes(side * middle))
            {
                passing = middle;
            }
            else
            {
                failing = middle;
            }
        }
        return passing;
    }

    private boolean passes(final double fill)
    {
        final double initial = initialAfter(fill);
        if (Double.isNaN(target))
        {
            return initial <= initialNow;
        }
        return initial <= target * (equity + fill * edgePerContract);
    }

    private double initialAfter(final double fill)
    {
        double worst = 0;
        for (int p = 0, n = loss.length; p < n; p++)
        {
            worst = Math.max(worst, loss[p] + fill * lossPerContract[p]);
        }
        return worst + book.contingencyAfterFill(contract, position, fill, config.shortOptionContingencyCoins(),
            config.futuresContingency());
    }

    /**
     * @return a fill's edge per contract, margin currency: model value − the value at {@code fairPrice} (the
     * instrument's quoted price: coin or USD per coin of an option, USD for a delta-one contract).
     */
    public static double edgePerContract(final ScenarioRisk risk, final double fairPrice, final MarginCurrency currency)
    {
        final ScenarioContract c = risk.contract();
        final double atFair = c.isOption() ? fairPrice * c.size() :
            c.isCoinSettled() ? -c.size() / fairPrice : c.size() * fairPrice;
        final double edge = risk.centreValue() - atFair;
        if (currency == MarginCurrency.COIN)
        {
            return c.isCoinSettled() ? edge : edge / c.indexUsd();
        }
        return c.isCoinSettled() ? edge * c.indexUsd() : edge;
    }
}
