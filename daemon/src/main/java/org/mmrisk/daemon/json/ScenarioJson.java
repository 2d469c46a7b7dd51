package org.mmrisk.daemon.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mmrisk.core.engine.ScenarioReport;
import org.mmrisk.core.event.MarginCurrency;
import org.mmrisk.core.scenario.GridFigures;
import org.mmrisk.core.scenario.MarginFigures;
import org.mmrisk.core.scenario.ScenarioPoints;

import java.util.List;

import static org.mmrisk.daemon.json.OutputJson.number;

/**
 * The replay state's {@code scenarios[]}, {@code margin[]} and {@code liquidationDistance[]} (docs/replay-format.md),
 * from a fresh {@link ScenarioReport}; also what {@code risk scenario --json} prints.
 */
public final class ScenarioJson
{
    private ScenarioJson()
    {
    }

    /**
     * Adds the three arrays to {@code state}, one entry per underlying with an index, in name order.
     */
    public static void write(final List<ScenarioReport.Underlying> reports, final ObjectNode state)
    {
        final ArrayNode scenarios = state.putArray("scenarios");
        final ArrayNode margin = state.putArray("margin");
        final ArrayNode liquidation = state.putArray("liquidationDistance");
        for (final ScenarioReport.Underlying r : reports)
        {
            scenario(r, scenarios.addObject());
            margin(r, margin.addObject());
            liquidation(r, liquidation.addObject());
        }
    }

    /**
     * @return the currency as reported: the coin's code for COIN, else USD.
     */
    public static String currency(final ScenarioReport.Underlying r)
    {
        return OutputJson.currency(r.currency, r.code);
    }

    private static void scenario(final ScenarioReport.Underlying r, final ObjectNode n)
    {
        final ScenarioPoints points = r.points;
        final GridFigures grid = r.grid;
        n.put("underlying", r.name);
        n.put("currency", currency(r));
        n.put("complete", r.complete);
        final ArrayNode out = n.putArray("points");
        for (int p = 0; p < points.count(); p++)
        {
            final ObjectNode point = out.addObject();
            final double move = points.move(p);
            point.put("move", move);
            point.put("vol", points.shock(p).name());
            point.put("extended", points.isExtended(p));
            point.put("weight", points.weight(p));
            number(point, "pnl", grid.pnl(p));
            number(point, "pnlUsd", pnlUsd(r, grid.pnl(p), move));
            number(point, "taylorPnl", grid.taylor(p));
        }
        number(n, "worstLoss", grid.worstLoss());
        n.put("worstMove", points.move(grid.worstPoint()));
        n.put("worstVol", points.shock(grid.worstPoint()).name());
        number(n, "maxTaylorGap", grid.maxTaylorGap());
        n.put("maxTaylorGapMove", points.move(grid.maxTaylorGapPoint()));
        n.put("maxTaylorGapVol", points.shock(grid.maxTaylorGapPoint()).name());
    }

    /**
     * @return a point's P&L in USD: × the moved index for a coin-margined account.
     */
    static double pnlUsd(final ScenarioReport.Underlying r, final double pnl, final double move)
    {
        return r.currency == MarginCurrency.COIN ? pnl * r.indexUsd * (1 + move) : pnl;
    }

    private static void margin(final ScenarioReport.Underlying r, final ObjectNode n)
    {
        final MarginFigures m = r.margin;
        n.put("underlying", r.name);
        n.put("currency", currency(r));
        number(n, "worstLoss", m.worstLoss);
        number(n, "contingency", m.contingency);
        number(n, "initial", m.initial);
        number(n, "maintenance", m.maintenance);
        number(n, "equity", m.equity);
        number(n, "initialUtilization", m.initialUtilization);
        number(n, "maintenanceUtilization", m.maintenanceUtilization);
    }

    private static void liquidation(final ScenarioReport.Underlying r, final ObjectNode n)
    {
        final MarginFigures m = r.margin;
        n.put("underlying", r.name);
        number(n, "downMove", m.downMove);
        number(n, "upMove", m.upMove);
        number(n, "downIndex", m.downIndexUsd);
        number(n, "upIndex", m.upIndexUsd);
    }
}
