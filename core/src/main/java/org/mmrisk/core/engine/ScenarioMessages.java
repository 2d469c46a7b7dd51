package org.mmrisk.core.engine;

import org.mmrisk.core.output.MarginStatus;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.output.ScenarioGridMessage;
import org.mmrisk.core.scenario.GridFigures;
import org.mmrisk.core.scenario.MarginFigures;
import org.mmrisk.core.scenario.ScenarioPoints;

/**
 * Fills the scenario outputs of an underlying from its last refresh: the grid message, the margin message and the
 * risk snapshot's margin fields. Stateless; called on the engine thread by {@link OutputEmitter}.
 */
final class ScenarioMessages
{
    private ScenarioMessages()
    {
    }

    static void fillGrid(final UnderlyingRisk u, final long nowNs, final ScenarioGridMessage out)
    {
        final UnderlyingScenarios s = u.scenarios();
        final ScenarioPoints points = s.points();
        final GridFigures grid = s.gridFigures();
        out.timeNs = nowNs;
        out.underlying = u.code();
        out.currency = s.currency();
        out.indexUsd = u.indexUsd();
        out.pointCount = points.count();
        out.regularCount = points.regularCount();
        for (int p = 0; p < out.pointCount; p++)
        {
            out.move[p] = points.move(p);
            out.shock[p] = points.shock(p);
            out.weight[p] = points.weight(p);
            out.pnl[p] = grid.pnl(p);
            out.taylorPnl[p] = grid.taylor(p);
        }
        out.worstLoss = grid.worstLoss();
        out.worstPoint = grid.worstPoint();
        out.maxTaylorGap = grid.maxTaylorGap();
        out.maxTaylorGapPoint = grid.maxTaylorGapPoint();
    }

    static void fillMargin(final UnderlyingRisk u, final long nowNs, final MarginStatus out)
    {
        final MarginFigures f = u.scenarios().figures();
        out.timeNs = nowNs;
        out.underlying = u.code();
        out.currency = u.scenarios().currency();
        out.indexUsd = u.indexUsd();
        out.known = f.known;
        out.worstLoss = f.worstLoss;
        out.contingency = f.contingency;
        out.initial = f.initial;
        out.maintenance = f.maintenance;
        out.equity = f.equity;
        out.initialUtilization = f.initialUtilization;
        out.maintenanceUtilization = f.maintenanceUtilization;
        out.downMove = f.downMove;
        out.upMove = f.upMove;
        out.downIndexUsd = f.downIndexUsd;
        out.upIndexUsd = f.upIndexUsd;
    }

    static void fillSnapshot(final UnderlyingRisk u, final RiskSnapshot out)
    {
        final MarginFigures f = u.scenarios().figures();
        final boolean known = u.scenarios().isRefreshed() && f.known;
        out.initialUtilization = known ? f.initialUtilization : Double.NaN;
        out.maintenanceUtilization = known ? f.maintenanceUtilization : Double.NaN;
        out.liquidationDownMove = known ? f.downMove : Double.NaN;
        out.liquidationUpMove = known ? f.upMove : Double.NaN;
    }
}
