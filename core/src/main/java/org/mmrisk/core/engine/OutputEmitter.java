package org.mmrisk.core.engine;

import org.mmrisk.core.config.HedgeConfig;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.exposure.ExposureBuckets;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.output.FiniteOutputs;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.MarginStatus;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.output.ScenarioGridMessage;
import org.mmrisk.core.skew.SkewRule;

/**
 * Hands the engine's decisions of a batch to the {@link RiskOutput}, each with the next output sequence: alerts,
 * the quote adjustments worth sending, hedge signals and due risk snapshots. Each is checked first against the
 * output contract ({@link FiniteOutputs}: every required field finite), so a number the engine could not compute
 * becomes a HALT (a quote adjustment) or is withheld (a hedge signal, a snapshot), with an alert, never a NaN.
 * Owned by the engine thread; allocation-free (flyweights are fields).
 */
final class OutputEmitter
{
    private final EngineContext ctx;
    private final RiskOutput output;
    private SkewPass.Source skewPasses = SkewPass.TABLES;
    private final HedgeSignals hedges = new HedgeSignals();
    private final QuoteAdjustment quote = new QuoteAdjustment();
    private final RiskSnapshot snapshot = new RiskSnapshot();
    private final ScenarioGridMessage scenarioGrid;
    private final MarginStatus marginStatus = new MarginStatus();
    private final double[] expiryFigures = new double[6];
    private long nextOutputSequence;

    OutputEmitter(final EngineContext ctx, final RiskOutput output)
    {
        this.ctx = ctx;
        this.output = output;
        this.scenarioGrid = new ScenarioGridMessage(ctx.scenarioPoints.count());
    }

    /**
     * Emits an underlying's scenario grid and margin from its last refresh; a grid that fails the output check is
     * withheld (with its alert), the margin goes out with its optional figures.
     */
    void emitScenario(final UnderlyingRisk underlying)
    {
        ScenarioMessages.fillGrid(underlying, ctx.timeNs, scenarioGrid);
        if (FiniteOutputs.isFinite(scenarioGrid))
        {
            scenarioGrid.sequence = nextOutputSequence++;
            output.onScenarioGrid(scenarioGrid);
        }
        else
        {
            nonFinite(underlying.code(), 0, FiniteOutputs.SCENARIO_GRID);
        }
        ScenarioMessages.fillMargin(underlying, ctx.timeNs, marginStatus);
        if (FiniteOutputs.isFinite(marginStatus))
        {
            marginStatus.sequence = nextOutputSequence++;
            output.onMarginStatus(marginStatus);
        }
        else
        {
            nonFinite(underlying.code(), 0, FiniteOutputs.MARGIN_STATUS);
        }
    }

    /**
     * Emits the alerts raised so far in the batch: those of its inputs and its exposure first, then again after the
     * quotes, hedges and snapshots, for the alerts those raised. An alert's infinite value or threshold goes out as
     * absent, and raises {@link AlertCode#NON_FINITE_OUTPUT}, which this same walk emits.
     */
    void emitAlerts()
    {
        for (int i = 0; i < ctx.alerts.size(); i++)
        {
            final Alert alert = ctx.alerts.get(i);
            if (!FiniteOutputs.isFinite(alert))
            {
                FiniteOutputs.withholdInfinite(alert);
                nonFinite(alert.underlying, alert.instrumentId, FiniteOutputs.ALERT);
            }
            alert.sequence = nextOutputSequence++;
            output.onAlert(alert);
            ctx.counters.increment(EngineCounter.ALERTS_EMITTED);
        }
        ctx.alerts.clear();
    }

    /**
     * The quote adjustments of one underlying worth sending, in book order: the candidates its {@link SkewTable}
     * finds (exactly the instruments whose decision changes something), each decided by the skew rule. An instrument
     * halted because its risk became unknown is alerted ({@link AlertCode#QUOTE_UNKNOWN_RISK}) with the reason.
     */
    void emitQuotes(final UnderlyingRisk underlying)
    {
        if (!(underlying.indexUsd() > 0))
        {
            return;
        }
        final SkewPass pass = skewPasses.of(underlying);
        pass.prepare(underlying, ctx.timeNs);
        for (int i = pass.firstCandidate(), n = pass.count(); i < n; i = pass.nextCandidate())
        {
            final int decision = pass.quote(i, quote);
            if (decision == SkewRule.SEND)
            {
                if (pass.unknownCause() != 0)
                {
                    // the instrument's risk became unknown: the HALT goes out with the reason
                    ctx.raise(AlertCode.QUOTE_UNKNOWN_RISK, underlying.code(), pass.state(i).instrumentId(),
                        pass.unknownCause(), Double.NaN, QuotingState.HALT);
                    ctx.counters.increment(EngineCounter.QUOTES_UNKNOWN_RISK);
                }
                send(underlying, pass.state(i));
            }
            else if (decision == SkewRule.HELD)
            {
                ctx.counters.increment(EngineCounter.QUOTES_RATE_CAPPED);
            }
            ctx.counters.increment(EngineCounter.SKEW_CANDIDATES);
        }
        ctx.counters.increment(EngineCounter.SKEW_PASSES_SKIPPED);
    }

    /**
     * Repeats an instrument's last quote adjustment with its new largest sizes (from the margin headroom).
     */
    void emitResize(final UnderlyingRisk underlying, final InstrumentState state)
    {
        SkewBatch.resize(state, quote);
        send(underlying, state);
    }

    private void send(final UnderlyingRisk underlying, final InstrumentState state)
    {
        if (!FiniteOutputs.isFinite(quote))
        {
            // the last line of defence: a number the rule could not compute never reaches the quoting engine
            FiniteOutputs.halt(quote);
            nonFinite(underlying.code(), state.instrumentId(), FiniteOutputs.QUOTE_ADJUSTMENT);
        }
        quote.sequence = nextOutputSequence++;
        quote.timeNs = ctx.timeNs;
        quote.instrumentId = state.instrumentId();
        quote.kind = state.instrument().kind();
        quote.underlying = underlying.code();
        quote.causeJournalSequence = underlying.marks().causeJournalSequence();
        quote.causeReceiveTimeNs = underlying.marks().causeReceiveTimeNs();
        quote.causeSendTimeNs = underlying.marks().causeSendTimeNs();
        output.onQuoteAdjustment(quote);
        ctx.counters.increment(EngineCounter.QUOTES_EMITTED);
    }

    /**
     * Replaces the walk each underlying's quote decisions take (the tests' reference full pass); the engine's is
     * {@link SkewPass#TABLES}.
     */
    void skewPasses(final SkewPass.Source passes)
    {
        skewPasses = passes;
    }

    void emitHedge(final UnderlyingRisk u)
    {
        final HedgeConfig hedging = u.hedging();
        if (hedging != null && hedges.decide(u, hedging, ctx.timeNs))
        {
            final HedgeSignal signal = hedges.signal();
            if (!FiniteOutputs.isFinite(signal))
            {
                nonFinite(u.code(), signal.hedgeInstrumentId, FiniteOutputs.HEDGE_SIGNAL);
                return;
            }
            signal.sequence = nextOutputSequence++;
            output.onHedgeSignal(signal);
            ctx.counters.increment(EngineCounter.HEDGES_EMITTED);
        }
    }

    /**
     * The underlying's risk snapshot, once it has an index: before, nothing of it can be valued (its index, its
     * USD delta and its P&L would be NaN), as nothing of it is quoted.
     */
    void emitSnapshot(final UnderlyingRisk underlying)
    {
        if (!(underlying.indexUsd() > 0))
        {
            return;
        }
        final RiskSnapshot s = snapshot;
        s.timeNs = ctx.timeNs;
        s.underlying = underlying.code();
        s.indexUsd = underlying.indexUsd();
        s.delta = underlying.delta();
        s.deltaUsd = underlying.deltaUsd();
        s.gamma = underlying.gamma();
        s.vega = underlying.vega();
        s.theta = underlying.theta();
        s.realizedPnlUsd = underlying.realizedPnlUsd();
        s.unrealizedPnlUsd = underlying.unrealizedPnlUsd();
        s.tradingPnlUsd = underlying.tradingPnlUsd();
        s.edgeUsd = underlying.edgeUsd();
        s.inventoryUsd = underlying.inventoryUsd();
        s.maxApproxError = underlying.maxApproxError();
        underlying.sweep().startErrorWindow();
        underlying.sums().markSnapshotInterval(ctx.timeNs);
        s.eventsProcessed = ctx.counters.get(EngineCounter.EVENTS);
        s.state = underlying.state();
        ScenarioMessages.fillSnapshot(underlying, s);
        fillPositions(underlying, s);
        fillExpiries(underlying, s, ctx.timeNs);
        underlying.snapshotTaken(ctx.timeNs);
        if (!FiniteOutputs.isFinite(s))
        {
            // withheld until the next interval: a consumer reads every field of a snapshot as a number
            nonFinite(underlying.code(), 0, FiniteOutputs.RISK_SNAPSHOT);
            return;
        }
        s.sequence = nextOutputSequence++;
        output.onRiskSnapshot(s);
        ctx.counters.increment(EngineCounter.SNAPSHOTS_EMITTED);
    }

    /**
     * An output failed the contract's check ({@link FiniteOutputs}): counted, and alerted with the message it was.
     */
    private void nonFinite(final long underlying, final int instrumentId, final int message)
    {
        ctx.counters.increment(EngineCounter.OUTPUTS_NON_FINITE);
        ctx.raise(AlertCode.NON_FINITE_OUTPUT, underlying, instrumentId, message, Double.NaN);
    }

    private static void fillPositions(final UnderlyingRisk underlying, final RiskSnapshot s)
    {
        s.ensureCapacity(underlying.instrumentCount());
        int count = 0;
        for (int i = 0, n = underlying.instrumentCount(); i < n; i++)
        {
            final InstrumentState state = underlying.instrument(i);
            if (state.position().quantity() != 0 || state.position().realizedPnlUsd() != 0)
            {
                s.instrumentId[count] = state.instrumentId();
                s.quantity[count] = state.position().quantity();
                // a closed position has no entry (NaN in the position); its row carries its realized P&L with 0
                s.avgPrice[count] = state.position().quantity() == 0 ? 0 : state.position().avgPrice();
                s.positionRealizedPnlUsd[count] = state.position().realizedPnlUsd();
                s.positionUnrealizedPnlUsd[count] = state.unrealizedUsd(underlying.indexUsd());
                count++;
            }
        }
        s.positionCount = count;
    }

    private void fillExpiries(final UnderlyingRisk underlying, final RiskSnapshot s, final long nowNs)
    {
        final ExposureBuckets buckets = underlying.sums().buckets();
        final int keys = buckets.sortExpiryKeys();
        s.ensureExpiryCapacity(keys);
        final double[] figures = expiryFigures;
        int count = 0;
        for (int k = 0; k < keys; k++)
        {
            final long expiryNs = buckets.sortedExpiry(k);
            if (expiryNs != ExposureBuckets.NO_EXPIRY && expiryNs <= nowNs)
            {
                // settled: its bucket stays (empty) in the sums, but has nothing left to report
                continue;
            }
            // read as the replay state reads it, at the sums' last evaluation
            buckets.readExpirySurface(expiryNs, underlying.indexUsd(), underlying.sums().evaluatedNs(), figures);
            final int i = count++;
            s.expiryNs[i] = expiryNs;
            s.expiryVega[i] = figures[0];
            s.expiryTimeWeightedVega[i] = figures[1];
            s.expiryRho[i] = figures[2];
            s.expiryBasisDelta[i] = figures[3];
            s.expiryRiskReversal25[i] = figures[4];
            s.expiryButterfly25[i] = figures[5];
        }
        s.expiryCount = count;
    }

    long nextOutputSequence()
    {
        return nextOutputSequence;
    }

    /**
     * Restores the output sequence with the rest of the engine's state.
     */
    void nextOutputSequence(final long sequence)
    {
        nextOutputSequence = sequence;
    }

    void batchComplete()
    {
        output.onBatchComplete();
    }
}
