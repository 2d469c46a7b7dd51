package org.mmrisk.core.engine;

import org.mmrisk.core.config.ScenarioConfig;
import org.mmrisk.core.event.VolShock;
import org.mmrisk.core.scenario.ScenarioContract;
import org.mmrisk.core.scenario.ValueCurves;
import org.mmrisk.core.state.StateIo;

/**
 * One underlying's liquidation curves ({@link ValueCurves}) and the cycle that keeps them: a walk over the book that
 * takes out and puts back, point by point, each position whose quantity changed since it entered the curves, or whose
 * vol, basis or time to expiry moved past its tolerance, resuming where the last slice stopped. Between cycles the curves hold every position as of its turn in the
 * last one. Written only by itself, called by {@link UnderlyingScenarios}; owned by the engine thread.
 */
final class CurveCycle
{
    private static final int DECIDE = 0;
    private static final int TAKE_OUT = 1;
    private static final int PUT_IN = 2;
    /**
     * How much an option's time to expiry may shrink (relative) before its curves are put in again: a re-centred
     * array whose vol and basis did not change values the same at every index level, so only time passing (theta)
     * and a quantity, vol or basis change cost a pass over the curves.
     */
    static final double CURVE_TIME_TOLERANCE = 0.01;
    /**
     * How far an option's vol may move (absolute) before its curves are put in again: under the sticky-moneyness
     * dynamics every index move moves every vol a little, and redoing the curves for each would never let a cycle
     * end on a busy market. A quarter of a vol point.
     */
    static final double CURVE_VOL_TOLERANCE = 0.0025;
    /** How far a basis may move (relative) before a contract's curves are put in again: a basis point. */
    static final double CURVE_BASIS_TOLERANCE = 1e-4;

    private final ValueCurves curves;
    private int curveCursor;
    private int curvePhase = DECIDE;
    private int curveShock;
    private int curvePoint;
    private boolean active;
    private boolean rebuild = true;

    CurveCycle(final ScenarioConfig settings)
    {
        curves = new ValueCurves(settings);
    }

    ValueCurves curves()
    {
        return curves;
    }

    boolean isActive()
    {
        return active;
    }

    /**
     * @return true when the running cycle has walked the whole book.
     */
    boolean isComplete(final UnderlyingRisk u)
    {
        return active && curveCursor >= u.instrumentCount();
    }

    void end()
    {
        active = false;
    }

    /**
     * Instruments left the book (an expiry settled): the running cycle stops, and the next rebuilds the curves from
     * empty.
     */
    void abort()
    {
        active = false;
        curvePhase = DECIDE;
        rebuild = true;
    }

    /**
     * Starts a cycle over the book; the curves are emptied around the index first when an expiry took instruments
     * out of the book or the index drifted out of the curves' reach.
     */
    void start(final UnderlyingRisk u, final double indexUsd)
    {
        if (rebuild || !curves.covers(indexUsd))
        {
            curves.reset(indexUsd);
            for (int i = 0, n = u.instrumentCount(); i < n; i++)
            {
                u.instrument(i).scenario().curveQuantity = 0;
            }
            rebuild = false;
        }
        active = true;
        curveCursor = 0;
        curvePhase = DECIDE;
    }

    /**
     * Works through the cycle, resuming where the last slice stopped.
     *
     * @return the valuations spent, about {@code budget} at most.
     */
    int advance(final UnderlyingRisk u, final int budget)
    {
        int spent = 0;
        while (spent < budget && curveCursor < u.instrumentCount())
        {
            final InstrumentState state = u.instrument(curveCursor);
            final InstrumentScenario part = state.scenario();
            if (curvePhase == DECIDE)
            {
                spent++;
                decide(state, part);
            }
            else
            {
                spent += moveCurvePoints(part, budget - spent);
            }
        }
        return spent;
    }

    private void decide(final InstrumentState state, final InstrumentScenario part)
    {
        final double wanted = part.risk.isCentred() ? state.position().quantity() : 0;
        if (part.curveQuantity == wanted &&
            (wanted == 0 || part.inCurves.valuesLike(part.risk.contract(), CURVE_VOL_TOLERANCE, CURVE_BASIS_TOLERANCE,
            CURVE_TIME_TOLERANCE)))
        {
            curveCursor++;
            return;
        }
        curveShock = 0;
        curvePoint = 0;
        if (part.curveQuantity != 0)
        {
            curvePhase = TAKE_OUT;
        }
        else
        {
            startPutIn(part, wanted);
        }
    }

    private void startPutIn(final InstrumentScenario part, final double wanted)
    {
        if (wanted == 0)
        {
            curveCursor++;
            curvePhase = DECIDE;
            return;
        }
        part.inCurves.copyFrom(part.risk.contract());
        part.curveQuantity = wanted;
        curvePhase = PUT_IN;
        curveShock = 0;
        curvePoint = 0;
    }

    /**
     * Takes out or puts in the current position's curves, resuming where the last slice stopped.
     *
     * @return the valuations spent.
     */
    private int moveCurvePoints(final InstrumentScenario part, final int budget)
    {
        final ScenarioContract contract = part.inCurves;
        final double quantity = curvePhase == TAKE_OUT ? -part.curveQuantity : part.curveQuantity;
        int spent = 0;
        if (!contract.isOption())
        {
            curves.addDeltaOne(contract, quantity);
            spent = 1;
        }
        else
        {
            while (curveShock < VolShock.VALUES.length && spent < budget)
            {
                final VolShock shock = VolShock.VALUES[curveShock];
                final int to = Math.min(curves.size(shock), curvePoint + Math.max(1, budget - spent));
                spent += curves.addOption(contract, quantity, shock, curvePoint, to);
                curvePoint = to;
                if (curvePoint == curves.size(shock))
                {
                    curveShock++;
                    curvePoint = 0;
                }
            }
            if (curveShock < VolShock.VALUES.length)
            {
                return spent;
            }
        }
        if (curvePhase == TAKE_OUT)
        {
            part.curveQuantity = 0;
            curvePhase = DECIDE;
        }
        else
        {
            curveCursor++;
            curvePhase = DECIDE;
        }
        return spent;
    }

    void exchangeState(final StateIo io)
    {
        curves.exchangeState(io);
        curveCursor = io.i32(curveCursor);
        curvePhase = io.i32(curvePhase);
        curveShock = io.i32(curveShock);
        curvePoint = io.i32(curvePoint);
        active = io.bool(active);
        rebuild = io.bool(rebuild);
    }
}
