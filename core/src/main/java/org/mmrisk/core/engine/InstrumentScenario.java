package org.mmrisk.core.engine;

import org.mmrisk.core.scenario.ScenarioContract;
import org.mmrisk.core.scenario.ScenarioPoints;
import org.mmrisk.core.scenario.ScenarioRisk;
import org.mmrisk.core.state.StateIo;

/**
 * One instrument's part of its underlying's scenarios: its risk array, the quantity of it the grid holds, and the
 * contract and quantity the liquidation curves hold (which may lag the array by one curve cycle). Written only by
 * {@link UnderlyingScenarios}; owned by the engine thread.
 */
final class InstrumentScenario
{
    final ScenarioRisk risk;
    final ScenarioContract inCurves = new ScenarioContract();
    /** The contracts of this instrument in the grid's sums (× the array, while it is centred). */
    double gridQuantity;
    /** The contracts of {@link #inCurves} in the liquidation curves; 0 when none. */
    double curveQuantity;
    /** The position at the last refresh: the sizing pass sizes from the refresh's grid and contingency with it. */
    double refreshQuantity;
    /** The largest fills per side that the margin headroom allows, contracts; NaN while unknown. */
    double bidMaxQty = Double.NaN;
    double askMaxQty = Double.NaN;

    InstrumentScenario(final ScenarioPoints points)
    {
        risk = new ScenarioRisk(points);
    }

    void exchangeState(final StateIo io)
    {
        risk.exchangeState(io);
        inCurves.exchangeState(io);
        gridQuantity = io.f64(gridQuantity);
        curveQuantity = io.f64(curveQuantity);
        refreshQuantity = io.f64(refreshQuantity);
        bidMaxQty = io.f64(bidMaxQty);
        askMaxQty = io.f64(askMaxQty);
    }
}
