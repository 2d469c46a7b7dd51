package org.mmrisk.core.scenario;

import org.mmrisk.core.config.ScenarioConfig;
import org.mmrisk.core.event.MarginCurrency;
import org.mmrisk.core.event.VolShock;

/**
 * The portfolio-margin estimate of one underlying and its distance to liquidation, from a {@link ScenarioBook}
 * (balances, contingency) and a {@link BookValuation} of its positions:
 * <ul>
 *   <li>P&L between two index levels, margin currency: COIN — ΔC + ΔU/S′; USD — ΔU + C′·S′ − C·S + B·(S′ − S),
 *       C and U the coin- and USD-settled values, B the coin balance;</li>
 *   <li>worst loss at an index: max(0, max over points of −weight × P&L to that point); initial margin = worst loss
 *       + contingency; maintenance = factor × initial;</li>
 *   <li>equity: COIN (B + C) + (B$ + U)/S; USD (B$ + U) + (B + C)·S;</li>
 *   <li>liquidation: the first move m, searched outward from 0 in steps of {@value #STEP} to {@value #DOWN_LIMIT} and
 *       {@value #UP_LIMIT}, then bisected to {@value #TOLERANCE}, where equity + P&L(m, SAME) ≤ the maintenance margin
 *       of the grid re-centred at S·(1+m).</li>
 * </ul>
 * Owned by the thread that calls it; allocation-free.
 */
public final class MarginCalculator
{
    public static final double STEP = 0.005;
    public static final double DOWN_LIMIT = -0.99;
    public static final double UP_LIMIT = 5.0;
    public static final double TOLERANCE = 1e-4;

    private final ScenarioPoints points;
    private final ScenarioConfig config;

    public MarginCalculator(final ScenarioPoints points, final ScenarioConfig config)
    {
        this.points = points;
        this.config = config;
    }

    /**
     * @return the change of the account's equity, margin currency, from the index at {@code fromIndexUsd} (vol
     * unshocked) to {@code toIndexUsd} with the vols shocked by {@code shock}.
     */
    public static double pnl(final ScenarioBook book, final BookValuation values, final double fromIndexUsd,
        final double toIndexUsd, final VolShock shock)
    {
        return pnl(book, values.coinValue(fromIndexUsd, VolShock.SAME), values.usdValue(fromIndexUsd, VolShock.SAME),
            fromIndexUsd, values.coinValue(toIndexUsd, shock), values.usdValue(toIndexUsd, shock), toIndexUsd);
    }

    /**
     * @return the same change from the values at both ends: coins {@code coinFrom}, {@code coinTo} of the
     * coin-settled positions, USD {@code usdFrom}, {@code usdTo} of the USD-settled ones.
     */
    public static double pnl(final ScenarioBook book, final double coinFrom, final double usdFrom,
        final double fromIndexUsd, final double coinTo, final double usdTo, final double toIndexUsd)
    {
        if (book.currency() == MarginCurrency.COIN)
        {
            return coinTo - coinFrom + (usdTo - usdFrom) / toIndexUsd;
        }
        return usdTo - usdFrom + coinTo * toIndexUsd - coinFrom * fromIndexUsd +
            book.coinBalance() * (toIndexUsd - fromIndexUsd);
    }

    /**
     * @return the worst weighted loss of the grid centred at {@code centreIndexUsd}, a positive number.
     */
    public double worstLoss(final ScenarioBook book, final BookValuation values, final double centreIndexUsd)
    {
        final double coinFrom = values.coinValue(centreIndexUsd, VolShock.SAME);
        final double usdFrom = values.usdValue(centreIndexUsd, VolShock.SAME);
        double worst = 0;
        for (int p = 0, n = points.count(); p < n; p++)
        {
            final double moved = centreIndexUsd * (1 + points.move(p));
            final VolShock shock = points.shock(p);
            final double pnl = pnl(book, coinFrom, usdFrom, centreIndexUsd, values.coinValue(moved, shock),
                values.usdValue(moved, shock), moved);
            worst = Math.max(worst, -points.weight(p) * pnl);
        }
        return worst;
    }

    /**
     * @return the account's equity at the book's index, margin currency.
     */
    public static double equity(final ScenarioBook book, final BookValuation values)
    {
        final double s = book.indexUsd();
        return equity(book.currency(), book.coinBalance() + values.coinValue(s, VolShock.SAME),
            book.usdBalance() + values.usdValue(s, VolShock.SAME), s);
    }

    /**
     * @return the equity, in the margin currency, of an account holding {@code coins} and {@code usd} with the index
     * at {@code indexUsd}.
     */
    public static double equity(final MarginCurrency currency, final double coins, final double usd,
        final double indexUsd)
    {
        return currency == MarginCurrency.COIN ? coins + usd / indexUsd : usd + coins * indexUsd;
    }

    /**
     * Fills the margin at the book's index from {@code worstLoss} (the grid's, which may come from the incremental
     * risk arrays) and the equity {@code equity}; leaves the liquidation distance as it is.
     */
    public void margin(final ScenarioBook book, final double worstLoss, final double equity, final MarginFigures out)
    {
        if (!book.isKnown())
        {
            out.unknown();
            return;
        }
        out.known = true;
        out.worstLoss = worstLoss;
        out.contingency = book.contingency(1, config.shortOptionContingencyCoins(), config.futuresContingency());
        out.initial = worstLoss + out.contingency;
        out.maintenance = config.maintenanceFactor() * out.initial;
        out.equity = equity;
        out.initialUtilization = equity > 0 ? out.initial / equity : Double.NaN;
        out.maintenanceUtilization = equity > 0 ? out.maintenance / equity : Double.NaN;
    }

    /**
     * Fills the margin and the liquidation distance by revaluing {@code values} (exact or interpolated).
     */
    public void marginAndLiquidation(final ScenarioBook book, final BookValuation values, final MarginFigures out)
    {
        if (!book.isKnown() || !(book.indexUsd() > 0))
        {
            out.unknown();
            return;
        }
        margin(book, worstLoss(book, values, book.indexUsd()), equity(book, values), out);
        liquidation(book, values, out.equity, out);
    }

    /**
     * Fills the liquidation distances: the first failing moves down and up, NaN where none is in range, 0 when the
     * account is already at or below maintenance.
     */
    public void liquidation(final ScenarioBook book, final BookValuation values, final double equity,
        final MarginFigures out)
    {
        final double s = book.indexUsd();
        if (surplus(book, values, equity, 0) <= 0)
        {
            out.downMove = 0;
            out.upMove = 0;
        }
        else
        {
            out.downMove = firstFailure(book, values, equity, -STEP, DOWN_LIMIT);
            out.upMove = firstFailure(book, values, equity, STEP, UP_LIMIT);
        }
        out.downIndexUsd = s * (1 + out.downMove);
        out.upIndexUsd = s * (1 + out.upMove);
    }

    private double firstFailure(final ScenarioBook book, final BookValuation values, final double equity,
        final double step, final double limit)
    {
        final int steps = (int)Math.round(limit / step);
        double passing = 0;
        for (int k = 1; k <= steps; k++)
        {
            final double move = k == steps ? limit : k * step;
            if (surplus(book, values, equity, move) <= 0)
            {
                return bisect(book, values, equity, passing, move);
            }
            passing = move;
        }
        return Double.NaN;
    }

    private double bisect(final ScenarioBook book, final BookValuation values, final double equity,
        final double passingMove, final double failingMove)
    {
        double passing = passingMove;
        double failing = failingMove;
        while (Math.abs(failing - passing) > TOLERANCE / 2)
        {
            final double middle = 0.5 * (passing + failing);
            if (surplus(book, values, equity, middle) <= 0)
            {
                failing = middle;
            }
            else
            {
                passing = middle;
            }
        }
        return failing;
    }

    /**
     * @return equity after the move {@code move} minus the maintenance margin of the market moved there.
     */
    public double surplus(final ScenarioBook book, final BookValuation values, final double equity,
        final double move)
    {
        final double s = book.indexUsd();
        final double moved = s * (1 + move);
        final double equityAfter = equity + pnl(book, values, s, moved, VolShock.SAME);
        final double initial = worstLoss(book, values, moved) +
            book.contingency(1 + move, config.shortOptionContingencyCoins(), config.futuresContingency());
        return equityAfter - config.maintenanceFactor() * initial;
    }
}
