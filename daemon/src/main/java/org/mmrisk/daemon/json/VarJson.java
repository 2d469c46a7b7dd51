package org.mmrisk.daemon.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mmrisk.core.config.VarConfig;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.core.engine.UnderlyingRisk;
import org.mmrisk.core.engine.UnderlyingVar;
import org.mmrisk.core.engine.ValueAtRisk;

import java.util.ArrayList;
import java.util.List;

import static org.mmrisk.daemon.json.OutputJson.number;

/**
 * The replay state's {@code var[]} (docs/replay-format.md, docs/var.md): one row per underlying with an index, in
 * name order, then the portfolio's, each with its delta-normal, delta-gamma, liquidity cost and liquidity-adjusted
 * VaR (USD, positive for a loss), the confidence and horizon, and the vols and correlations used. Computed afresh from
 * the engine's state and estimator, whatever {@code engine.var.enabled} says. Report thread, between events.
 */
public final class VarJson
{
    public static final String PORTFOLIO = "PORTFOLIO";

    private VarJson()
    {
    }

    public static void write(final RiskEngine engine, final ObjectNode state)
    {
        final ValueAtRisk var = engine.valueAtRisk();
        var.computeAll(engine.underlyings(), engine.timeNs());
        final VarConfig settings = engine.config().var();
        final ArrayNode rows = state.putArray("var");
        final List<UnderlyingRisk> scope = new ArrayList<>();
        for (final UnderlyingRisk u : engine.underlyings())
        {
            if (!(u.indexUsd() > 0))
            {
                continue;
            }
            final UnderlyingVar v = u.valueAtRisk();
            final ObjectNode row = rows.addObject();
            final double cost = u.liquidity().costUsd();
            figures(row, u.name(), v.deltaNormalUsd(), v.deltaGammaUsd(), cost, settings);
            vols(row, var, List.of(u));
            row.putObject("correlations");
            if (Double.isFinite(v.deltaGammaUsd()))
            {
                scope.add(u);
            }
        }
        final ObjectNode portfolio = rows.addObject();
        figures(portfolio, PORTFOLIO, var.portfolioDeltaNormalUsd(), var.portfolioDeltaGammaUsd(),
            var.portfolioLiquidityCostUsd(), settings);
        vols(portfolio, var, scope);
        final ObjectNode correlations = portfolio.putObject("correlations");
        for (int a = 0; a < scope.size(); a++)
        {
            for (int b = a + 1; b < scope.size(); b++)
            {
                // name order: scope's names ascend, so A < B
                number(correlations, scope.get(a).name() + "/" + scope.get(b).name(),
                    var.correlationUsed(scope.get(a), scope.get(b)));
            }
        }
    }

    private static void figures(final ObjectNode row, final String scope, final double deltaNormal,
        final double deltaGamma, final double liquidityCost, final VarConfig settings)
    {
        row.put("scope", scope);
        number(row, "deltaNormal", deltaNormal);
        number(row, "deltaGamma", deltaGamma);
        number(row, "liquidityCost", liquidityCost);
        number(row, "liquidityAdjusted", deltaGamma + liquidityCost);
        row.put("confidence", settings.confidence());
        row.put("horizonDays", settings.horizonDays());
    }

    private static void vols(final ObjectNode row, final ValueAtRisk var, final List<UnderlyingRisk> scope)
    {
        final ObjectNode vols = row.putObject("vols");
        for (final UnderlyingRisk u : scope)
        {
            number(vols, u.name(), var.volUsed(u));
        }
    }
}
