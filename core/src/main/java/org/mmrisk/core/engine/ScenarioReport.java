package org.mmrisk.core.engine;

import org.mmrisk.core.event.MarginCurrency;
import org.mmrisk.core.scenario.GridFigures;
import org.mmrisk.core.scenario.MarginCalculator;
import org.mmrisk.core.scenario.MarginFigures;
import org.mmrisk.core.scenario.ScenarioBook;
import org.mmrisk.core.scenario.ScenarioContract;
import org.mmrisk.core.scenario.ScenarioPoints;

import java.util.ArrayList;
import java.util.List;

/**
 * A fresh, full computation of every underlying's scenario grid, margin and liquidation distance from the engine's
 * state now: every position centred at the current index and time, every point revalued exactly, the liquidation
 * searched by exact revaluation (no curves). What the replay state and {@code risk scenario} report, and what the
 * live, incremental figures are tested against. Reads the engine between batches, on the thread that owns it;
 * allocates (a report, not the hot path).
 */
public final class ScenarioReport
{
    /** One underlying's figures. */
    public static final class Underlying
    {
        public final String name;
        public final long code;
        public final MarginCurrency currency;
        public final double indexUsd;
        public final ScenarioPoints points;
        public final GridFigures grid;
        public final MarginFigures margin = new MarginFigures();
        /** False when a position could not be valued: the grid holds the others, the margin is unknown. */
        public boolean complete;

        Underlying(final UnderlyingRisk u, final ScenarioPoints points)
        {
            this.name = u.name();
            this.code = u.code();
            this.currency = u.scenarios().currency();
            this.indexUsd = u.indexUsd();
            this.points = points;
            this.grid = new GridFigures(points);
        }
    }

    private ScenarioReport()
    {
    }

    /**
     * @return the figures of every underlying with an index and a position or a balance, in name order.
     */
    public static List<Underlying> compute(final RiskEngine engine)
    {
        final List<Underlying> out = new ArrayList<>();
        for (final UnderlyingRisk u : engine.underlyings())
        {
            if (u.indexUsd() > 0 && holdsAnything(u))
            {
                out.add(compute(engine, u));
            }
        }
        return out;
    }

    private static boolean holdsAnything(final UnderlyingRisk u)
    {
        if (u.account().balanceAndCashCoins() != 0 || u.usdAccount().balanceAndCashUsd() != 0)
        {
            return true;
        }
        for (int i = 0; i < u.instrumentCount(); i++)
        {
            if (u.positionQuantity(i) != 0)
            {
                return true;
            }
        }
        return false;
    }

    private static Underlying compute(final RiskEngine engine, final UnderlyingRisk u)
    {
        final ScenarioPoints points = u.scenarios().points();
        final Underlying report = new Underlying(u, points);
        final ScenarioBook book = book(engine, u, report.currency);
        report.complete = book.isKnown();
        final double s = u.indexUsd();
        final double balancePerMove = report.currency == MarginCurrency.USD ? book.coinBalance() * s : 0;
        for (int p = 0; p < points.count(); p++)
        {
            final double move = points.move(p);
            final double pnl = MarginCalculator.pnl(book, book, s, s * (1 + move), points.shock(p));
            double taylor = balancePerMove * move;
            for (int i = 0; i < book.positionCount(); i++)
            {
                taylor += book.quantity(i) * book.contract(i).taylor(move, points.shock(p));
            }
            report.grid.set(p, pnl, taylor);
        }
        report.grid.conclude(points);
        if (!report.complete || engine.contextIsVenueParked(u))
        {
            report.complete = false;
            report.margin.unknown();
        }
        else
        {
            new MarginCalculator(points, engine.config().scenario()).marginAndLiquidation(book, book, report.margin);
        }
        return report;
    }

    private static ScenarioBook book(final RiskEngine engine, final UnderlyingRisk u, final MarginCurrency currency)
    {
        final ScenarioBook book = new ScenarioBook();
        book.reset(currency, u.indexUsd(), u.account().balanceAndCashCoins(), u.usdAccount().balanceAndCashUsd());
        for (int i = 0; i < u.instrumentCount(); i++)
        {
            final InstrumentState state = u.instrument(i);
            final double quantity = state.position().quantity();
            if (quantity == 0)
            {
                continue;
            }
            final ScenarioContract contract = new ScenarioContract();
            if (!ScenarioCentre.centre(state, u.indexUsd(), engine.timeNs(), engine.config(), contract))
            {
                book.unknown();
                continue;
            }
            contract.prepareTaylor(currency);
            book.add(contract, quantity, state.position().avgPrice());
        }
        return book;
    }
}
