package org.mmrisk.core.engine;

import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.state.StateIo;

/**
 * Runs the scenario work between batches, after the batch's outputs: each underlying in turn gets what is left of
 * the slice's valuation budget ({@code engine.scenario.sliceEvaluations}) for its re-centring and curve cycle
 * ({@link UnderlyingScenarios}); a finished cycle refreshes the margin and the liquidation distance, which are
 * published when due and re-decided by the quoting guard at the next batch end when a margin limit is set. The
 * budget is counted in valuations, never in time, so a replay does the same work at the same batches. Owned by the
 * engine thread; allocation-free.
 */
final class ScenarioUpdater
{
    private final EngineContext ctx;
    private final OutputEmitter outputs;
    /** The underlying the last slice started with: each starts one further, so a busy one does not starve the rest. */
    private int turn;

    ScenarioUpdater(final EngineContext ctx, final OutputEmitter outputs)
    {
        this.ctx = ctx;
        this.outputs = outputs;
    }

    void slice()
    {
        final int count = ctx.underlyings.size();
        if (!ctx.config.scenario().enabled() || count == 0)
        {
            return;
        }
        int budget = ctx.config.scenario().sliceEvaluations();
        for (int visited = 0; visited < count && budget > 0; visited++)
        {
            turn = turn >= count - 1 ? 0 : turn + 1;
            final UnderlyingRisk u = ctx.underlyings.get(turn);
            budget -= u.scenarios().slice(u, ctx.timeNs, budget);
            if (u.scenarios().refreshDue(u))
            {
                refresh(u);
            }
            budget = size(u, budget);
        }
    }

    /**
     * The sizing pass after a refresh, within the budget: an instrument whose largest sizes moved materially gets a
     * repeat of its last adjustment with them.
     *
     * @return the budget left.
     */
    private int size(final UnderlyingRisk u, final int budget)
    {
        int left = budget;
        while (left > 0 && u.scenarios().sizingPending(u))
        {
            final InstrumentState resized = u.scenarios().sizeNext(u, ctx.timeNs);
            left -= HeadroomSizing.COST;
            if (resized != null)
            {
                outputs.emitResize(u, resized);
            }
        }
        return left;
    }

    private void refresh(final UnderlyingRisk u)
    {
        final boolean unknown = u.unpricedPositions() > 0 || ctx.isVenueParked(u);
        u.scenarios().refresh(u, ctx.timeNs, unknown);
        ctx.counters.increment(EngineCounter.SCENARIO_REFRESHES);
        if (u.scenarios().takePublication())
        {
            outputs.emitScenario(u);
        }
        if (!Double.isNaN(u.limit(LimitKind.MARGIN_UTILIZATION)) ||
            !Double.isNaN(u.limit(LimitKind.LIQUIDATION_PROXIMITY)))
        {
            u.marks().markDirty();
        }
    }

    void exchangeState(final StateIo io)
    {
        turn = io.i32(turn);
    }
}
