package org.mmrisk.core.engine;

import org.agrona.collections.Int2ObjectHashMap;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.fill.HeldFills;
import org.mmrisk.core.fill.SeenFills;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.quoting.PortfolioGuard;
import org.mmrisk.core.quoting.QuotingGuard;
import org.mmrisk.core.state.StateIo;
import org.mmrisk.core.vol.SmileRejectReason;

import java.util.List;

/**
 * The deterministic risk engine: a state machine over {@link RiskEvent}s.
 * <p>
 * Owned by ONE thread (the daemon's engine thread, or the replay thread). It reads no clock and no randomness: time
 * is the events' {@code timeNs}, so its state and outputs are a pure function of the event sequence. Each event is
 * validated, then applied ({@link #onEvent}) by the part that owns its kind — {@link MarketApplier} (definitions,
 * ticks, smiles), {@link TradeApplier} (fills, positions), {@link ControlApplier} (operator commands). At the end of
 * an ingress batch, {@link #onBatchEnd} settles expiries, updates the exposure of what the batch touched
 * ({@link ExposureUpdater}), decides each underlying's quoting state ({@link QuotingGuard}, {@link PortfolioGuard})
 * and hands alerts, quote adjustments, hedge signals and due snapshots to the {@link RiskOutput}
 * ({@link OutputEmitter}) — so bursts are conflated and outputs depend only on batch boundaries recorded in the
 * journal. Last, a bounded slice of stress work ({@link ScenarioUpdater}: scenario grid, margin, liquidation
 * distance) runs and publishes its refreshes.
 */
public final class RiskEngine
{
    private final EngineContext ctx;
    private final MarketApplier market;
    private final TradeApplier trades;
    private final ControlApplier controls;
    private final ExposureUpdater exposure;
    private final ExpirySettlement settlement;
    private final QuotingGuard guard;
    private final OutputEmitter outputs;
    private final ExpirySettlement.AlertSink settledAlerts;
    private final QuotingGuard.AlertSink guardAlerts;
    private final PortfolioGuard.AlertSink portfolioAlerts;
    private final EngineStateCodec stateCodec;
    private final ScenarioUpdater scenarios;

    public RiskEngine(final EngineConfig config, final RiskOutput output)
    {
        ctx = new EngineContext(config);
        market = new MarketApplier(ctx);
        trades = new TradeApplier(ctx);
        guard = new QuotingGuard(config);
        controls = new ControlApplier(ctx, guard);
        exposure = new ExposureUpdater(config, ctx.counters);
        settlement = new ExpirySettlement(config, ctx.counters);
        outputs = new OutputEmitter(ctx, output);
        settledAlerts = (underlying, instrumentId, quantity) ->
            ctx.raise(AlertCode.POSITION_SETTLED, underlying.code(), instrumentId, quantity);
        guardAlerts = ctx::raise;
        portfolioAlerts = (kind, value, threshold) -> ctx.raise(kind.alertCode(), AsciiCode.NONE, 0, value, threshold);
        scenarios = new ScenarioUpdater(ctx, outputs);
        stateCodec = new EngineStateCodec(ctx, trades, outputs, scenarios);
    }

    /**
     * Records the whole state into {@code writer}, between batches only (after {@link #onBatchEnd()}); a restored
     * engine then continues exactly as this one. Allocation-free once the writer and the codec's scratch have grown.
     */
    public void saveState(final StateIo writer)
    {
        if (writer.isReading())
        {
            throw new IllegalArgumentException("saveState needs a writer");
        }
        stateCodec.exchange(writer);
    }

    /**
     * Restores a state recorded by {@link #saveState} into this engine, which must not have seen any event. The
     * engine's configuration must be the one the state was saved under (the caller checks).
     *
     * @throws org.mmrisk.core.state.StateFormatException when the record is damaged or of another layout; the
     *                                                     engine must then be discarded.
     */
    public void restoreState(final StateIo reader)
    {
        if (!reader.isReading())
        {
            throw new IllegalArgumentException("restoreState needs a reader");
        }
        stateCodec.exchange(reader);
    }

    /**
     * After {@link #restoreState} of a state saved under another configuration (an operator accepted the change):
     * the configured limits replace the restored ones; each difference between the restored state and this
     * engine's configuration is reported, including those that stay as restored.
     */
    public void applyConfiguredLimits(final ConfiguredLimits.Listener listener)
    {
        ConfiguredLimits.apply(ctx, guard, listener);
    }

    /**
     * After a recovery whose replay may have produced fewer outputs than earlier runs wrote (it ran under another
     * configuration): numbers the next output after the last one written, so no sequence is used twice. A no-op
     * when the replay reproduced them all.
     */
    public void continueOutputSequenceAfter(final long lastWrittenSequence)
    {
        outputs.nextOutputSequence(Math.max(outputs.nextOutputSequence(), lastWrittenSequence + 1));
    }

    /**
     * @return the layout version of {@link #saveState}'s record.
     */
    public static int stateVersion()
    {
        return EngineStateCodec.STATE_VERSION;
    }

    /**
     * Validates and applies one event. Outputs wait for {@link #onBatchEnd()}.
     *
     * @return null when applied, else why the event was rejected (already counted; state untouched).
     */
    public RejectReason onEvent(final RiskEvent event)
    {
        ctx.counters.increment(EngineCounter.EVENTS);
        advanceTime(event.timeNs);
        final RejectReason reason = apply(event);
        if (reason != null)
        {
            ctx.counters.reject(reason);
        }
        return reason;
    }

    private void advanceTime(final long eventTimeNs)
    {
        if (eventTimeNs < ctx.timeNs)
        {
            ctx.counters.increment(EngineCounter.TIME_CLAMPED);
        }
        else
        {
            ctx.timeNs = eventTimeNs;
        }
    }

    private RejectReason apply(final RiskEvent event)
    {
        if (event.type == null)
        {
            return RejectReason.UNKNOWN_TYPE;
        }
        switch (event.type)
        {
            case INSTRUMENT:
                return market.onInstrument(event);
            case TICK:
                return market.onTick(event);
            case FILL:
                return trades.onFill(event);
            case POSITION:
                return trades.onPosition(event);
            case VOL:
            case SURFACE:
                return market.onSmiles(event);
            case CONTROL:
                return controls.onControl(event);
            case TIMER:
                onTimer(event);
                return null;
            default:
                return RejectReason.UNKNOWN_TYPE;
        }
    }

    /**
     * Time passing moves every option's value (theta) and ages the data: every underlying is revalued at the end
     * of the batch.
     */
    private void onTimer(final RiskEvent event)
    {
        ctx.counters.increment(EngineCounter.TIMERS);
        for (int i = 0, n = ctx.underlyings.size(); i < n; i++)
        {
            ctx.underlyings.get(i).marks().touchByTimer(event.journalSequence, event.receiveTimeNs, event.sendTimeNs);
        }
    }

    /**
     * The portfolio's rung changed: every underlying takes the higher of its own state and the portfolio's, and
     * re-quotes.
     */
    private void applyPortfolioState()
    {
        for (int i = 0, n = ctx.underlyings.size(); i < n; i++)
        {
            final UnderlyingRisk u = ctx.underlyings.get(i);
            guard.applyPortfolioState(u, ctx.portfolio.state());
            u.marks().requote();
        }
    }

    /**
     * Ends an ingress batch: revalues every underlying the batch touched, then emits ctx.alerts, the quote adjustments
     * that moved past their threshold, and the snapshots that are due.
     */
    public void onBatchEnd()
    {
        ctx.counters.increment(EngineCounter.BATCHES);
        final int n = ctx.underlyings.size();
        for (int i = 0; i < n; i++)
        {
            final UnderlyingRisk underlying = ctx.underlyings.get(i);
            settlement.settleExpired(underlying, ctx.timeNs, settledAlerts);
            underlying.marks().startBatchEnd();
            final boolean revalue = underlying.marks().isDirty();
            if (revalue)
            {
                exposure.update(underlying, ctx.timeNs);
                ctx.counters.increment(EngineCounter.REVALUATIONS);
            }
            // before the guard decides: its VaR limits read this batch's figures
            ctx.valueAtRisk.updateUnderlying(underlying, revalue, ctx.timeNs);
            if (revalue)
            {
                if (guard.decide(underlying, ctx.timeNs, ctx.isVenueParked(underlying), ctx.portfolio.state(),
                    guardAlerts))
                {
                    ctx.counters.increment(EngineCounter.FILLS_UNPRICEABLE);
                }
            }
        }
        ctx.valueAtRisk.updatePortfolio(ctx.underlyings, ctx.timeNs);
        ctx.portfolio.varMeasures(ctx.valueAtRisk.portfolioDeltaGammaUsd(),
            ctx.valueAtRisk.portfolioLiquidityAdjustedUsd());
        if (ctx.portfolio.update(ctx.underlyings, ctx.timeNs, portfolioAlerts))
        {
            applyPortfolioState();
        }
        outputs.emitAlerts();
        for (int i = 0; i < n; i++)
        {
            final UnderlyingRisk underlying = ctx.underlyings.get(i);
            if (underlying.marks().requotes())
            {
                outputs.emitQuotes(underlying);
                outputs.emitHedge(underlying);
            }
            if (underlying.isSnapshotDue(ctx.timeNs, ctx.config.snapshotIntervalNs()))
            {
                outputs.emitSnapshot(underlying);
            }
        }
        // the alerts the outputs raised: an instrument halted for unknown risk, an output that failed its check
        outputs.emitAlerts();
        for (int i = 0; i < n; i++)
        {
            final UnderlyingRisk underlying = ctx.underlyings.get(i);
            exposure.reanchorAfterOutputs(underlying, ctx.timeNs);
            underlying.marks().endBatch();
        }
        // after the batch's decisions: the stress work, bounded, and its outputs when a refresh is due
        scenarios.slice();
        outputs.emitAlerts();
        // last: the VaR estimator's sample of every index, when the grid's next point has passed
        ctx.valueAtRisk.sampleIfDue(ctx.underlyings, ctx.timeNs);
        outputs.batchComplete();
    }

    /**
     * @return the outcome of the last vol or surface update (NONE when it was applied), for reject reports.
     */
    public SmileRejectReason lastSmileReject()
    {
        return market.lastSmileReject();
    }

    /**
     * @return the fill identities remembered (engine state), for reports and snapshots.
     */
    public SeenFills seenFills()
    {
        return trades.seenFills();
    }

    /**
     * @return the most recent fills held beyond the horizon, for reports.
     */
    public HeldFills heldFills()
    {
        return trades.heldFills();
    }

    /**
     * Replaces the walk that decides each underlying's quotes: the tests compare the skew table with a full pass
     * over every instrument this way. The engine's own walk is {@link SkewPass#TABLES}.
     */
    void skewPasses(final SkewPass.Source passes)
    {
        outputs.skewPasses(passes);
    }

    public long timeNs()
    {
        return ctx.timeNs;
    }

    public EngineCounters counters()
    {
        return ctx.counters;
    }

    public EngineConfig config()
    {
        return ctx.config;
    }

    /**
     * @return true when a fill parked on an undefined instrument of {@code u}'s venue makes its risk unknown.
     */
    boolean contextIsVenueParked(final UnderlyingRisk u)
    {
        return ctx.isVenueParked(u);
    }

    public long nextOutputSequence()
    {
        return outputs.nextOutputSequence();
    }

    /**
     * @return every instrument id seen (defined, or parked by a fill), for reports; not for the hot path.
     */
    public Int2ObjectHashMap<InstrumentState> instruments()
    {
        return ctx.instruments;
    }

    /**
     * @return the value at risk of the underlyings and the portfolio (reports call
     * {@link ValueAtRisk#computeAll} first: the engine keeps it only with {@code engine.var.enabled}).
     */
    public ValueAtRisk valueAtRisk()
    {
        return ctx.valueAtRisk;
    }

    /**
     * @return the underlyings in name order, for reports.
     */
    public List<UnderlyingRisk> underlyings()
    {
        return ctx.underlyings;
    }
}
