package org.mmrisk.core.engine;

import org.mmrisk.core.config.HedgeConfig;
import org.mmrisk.core.exposure.ExposureBuckets;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.skew.SkewRule;

/**
 * Hands the engine's decisions of a batch to the {@link RiskOutput}, each with the next output sequence: alerts,
 * the quote adjustments worth sending, hedge signals and due risk snapshots. Owned by the engine thread;
 * allocation-free (flyweights are fields).
 */
final class OutputEmitter
{
    private final EngineContext ctx;
    private final RiskOutput output;
    private SkewPass.Source skewPasses = SkewPass.TABLES;
    private final HedgeSignals hedges = new HedgeSignals();
    private final QuoteAdjustment quote = new QuoteAdjustment();
    private final RiskSnapshot snapshot = new RiskSnapshot();
    private final double[] expiryFigures = new double[6];
    private long nextOutputSequence;

    OutputEmitter(final EngineContext ctx, final RiskOutput output)
    {
        this.ctx = ctx;
        this.output = output;
    }

    void emitAlerts()
    {
        for (int i = 0, n = ctx.alerts.size(); i < n; i++)
        {
            final Alert alert = ctx.alerts.get(i);
            alert.sequence = nextOutputSequence++;
            output.onAlert(alert);
            ctx.counters.increment(EngineCounter.ALERTS_EMITTED);
        }
        ctx.alerts.clear();
    }

    /**
     * The quote adjustments of one underlying worth sending, in book order: the candidates its {@link SkewTable}
     * finds (exactly the instruments whose decision changes something), each decided by the skew rule.
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

    private void send(final UnderlyingRisk underlying, final InstrumentState state)
    {
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
            final org.mmrisk.core.output.HedgeSignal signal = hedges.signal();
            signal.sequence = nextOutputSequence++;
            output.onHedgeSignal(signal);
            ctx.counters.increment(EngineCounter.HEDGES_EMITTED);
        }
    }

    void emitSnapshot(final UnderlyingRisk underlying)
    {
        final RiskSnapshot s = snapshot;
        s.sequence = nextOutputSequence++;
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
        s.maxApproxError = underlying.maxApproxError();
        underlying.sweep().startErrorWindow();
        underlying.sums().markSnapshotInterval(ctx.timeNs);
        s.eventsProcessed = ctx.counters.get(EngineCounter.EVENTS);
        s.state = underlying.state();
        fillPositions(underlying, s);
        fillExpiries(underlying, s, ctx.timeNs);
        underlying.snapshotTaken(ctx.timeNs);
        output.onRiskSnapshot(s);
        ctx.counters.increment(EngineCounter.SNAPSHOTS_EMITTED);
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
                s.avgPrice[count] = state.position().avgPrice();
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
