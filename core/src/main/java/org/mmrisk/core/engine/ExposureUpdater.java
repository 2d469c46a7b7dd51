package org.mmrisk.core.engine;

import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.exposure.ContractRisk;
import org.mmrisk.core.exposure.TaylorExposure;
import org.mmrisk.core.time.YearFraction;

/**
 * Keeps each underlying's aggregates current at the end of a batch without repricing its book on every tick.
 * Owned by the engine thread; allocation-free.
 * <ul>
 *   <li>An index move changes nothing per instrument: the aggregates are the {@link TaylorExposure} polynomials
 *       evaluated at the new index and time, O(1).</li>
 *   <li>Instruments whose own inputs changed in the batch (their tick, their expiry's smile or future, a new
 *       definition) are revalued exactly and re-anchored, O(1) each.</li>
 *   <li>A sweep re-anchors {@code reanchorSliceSize} further instruments per batch, round robin, so every
 *       instrument is exact again within ⌈n / slice⌉ batches of its underlying. Each slice re-anchor compares the
 *       Taylor delta with the exact one; the largest error relative to the gross delta is published, and when the
 *       errors of the current sweep add up beyond {@code approxErrorBudget} of the gross delta, everything is
 *       revalued at once (counted).</li>
 *   <li>A move out of the trust radius — the index more than {@code trustRadius} (relative) away from any index
 *       an anchor may have been taken at, or anchors older than {@code maxAnchorAgeNs} — revalues the whole
 *       underlying before the aggregates are used (counted as a jump).</li>
 * </ul>
 * Everything is driven by batches and event time, never by thread timing, so replay reproduces it exactly.
 */
final class ExposureUpdater
{
    private final EngineConfig config;
    private final Revaluer revaluer;
    private final EngineCounters counters;
    private double vegaBeforeUsd;
    private double volgaBeforeUsd;
    private double vannaBeforeUsd;
    /** The re-anchored contract's vol and how it moved before the re-anchor (scratch). */
    private final ContractRisk heldBefore = new ContractRisk();

    ExposureUpdater(final EngineConfig config, final EngineCounters counters)
    {
        this.config = config;
        this.revaluer = new Revaluer(config);
        this.counters = counters;
    }

    /**
     * Brings the underlying's aggregates to {@code nowNs} at the end of a batch that touched it.
     */
    void update(final UnderlyingRisk u, final long nowNs)
    {
        final ExposureSums sums = u.sums();
        final ReanchorSweep sweep = u.sweep();
        final double previousIndexUsd = sums.indexUsd();
        sums.setIndex(u.book().resolveIndexUsd());
        final double indexUsd = sums.indexUsd();
        final double indexMoveUsd = indexUsd - previousIndexUsd;
        if (Double.isFinite(indexMoveUsd))
        {
            u.explain().marketStep(sums.trueValueUsd(), sums.delta(), sums.gamma(), sums.theta(), previousIndexUsd,
                indexMoveUsd, days(sums.evaluatedNs(), nowNs));
        }
        if (sweep.needsFullRevaluation() || !(indexUsd > 0))
        {
            revalueAll(u, nowNs);
        }
        else if (sweep.isOutsideTrustRadius(indexUsd, nowNs, config.trustRadius(), config.maxAnchorAgeNs()))
        {
            counters.increment(EngineCounter.JUMP_REVALUATIONS);
            revalueAll(u, nowNs);
        }
        else
        {
            reanchorTouched(u, nowNs, Double.isFinite(indexMoveUsd) ? indexMoveUsd : 0);
            sweep.markSliceDue();
        }
        u.book().clearTouched();
        sums.evaluate(nowNs);
        u.marks().clean();
    }

    /**
     * The batch's routine re-anchor slice, once its outputs are out: it refines sums the quotes can already use, so
     * it can wait until after the quotes — off the path from a tick to its quotes — and still run at a point of the
     * batch that the journal fixes. A sweep whose errors exceed the budget revalues everything here, and the
     * aggregates are evaluated again, so the state between batches is as exact as before. The quoting state was
     * decided before the slice: when the slice revalued everything or changed which positions can be priced, the
     * underlying is marked dirty so that the next batch, whatever it touches, decides it again — and so it is when
     * the slice left a quoted instrument unpriced, whose HALT then goes out at that next batch.
     */
    void reanchorAfterOutputs(final UnderlyingRisk u, final long nowNs)
    {
        if (!u.sweep().takeSliceDue())
        {
            return;
        }
        final int unpricedBefore = u.unpricedPositions();
        // the halts found before the outputs went out with them
        u.skewTable.takeHaltDue();
        reanchorSlice(u, nowNs);
        boolean revaluedAll = false;
        if (u.sweep().errorCoins() > config.approxErrorBudget() * u.sums().taylor().grossDelta())
        {
            counters.increment(EngineCounter.BUDGET_REVALUATIONS);
            revalueAll(u, nowNs);
            revaluedAll = true;
        }
        u.sums().evaluate(nowNs);
        if (revaluedAll || u.unpricedPositions() != unpricedBefore || u.skewTable.takeHaltDue())
        {
            u.marks().markDirty();
        }
    }

    /**
     * Exact revaluation of every instrument; the sums are rebuilt from scratch around the current index and time.
     */
    void revalueAll(final UnderlyingRisk u, final long nowNs)
    {
        final ExposureSums sums = u.sums();
        sums.setIndex(u.book().resolveIndexUsd());
        sums.reset(u.book().instruments(), nowNs);
        for (int i = 0, n = u.instrumentCount(); i < n; i++)
        {
            final InstrumentState state = u.instrument(i);
            final double quantity = state.risk().priced ? state.position().quantity() : 0;
            final double ivBefore = state.risk().iv;
            captureVolGreeks(state.risk());
            revaluer.revalueContract(state, u, nowNs);
            sums.attach(state);
            explainVolChange(u, quantity, ivBefore, state.risk(), 0);
        }
        u.skewTable.invalidate();
        u.sweep().restart(sums.indexUsd(), nowNs);
        counters.increment(EngineCounter.FULL_REVALUATIONS);
    }

    /**
     * Instruments whose inputs changed: their vol change (a new smile, a new mark IV) is explained by their vega.
     */
    private void reanchorTouched(final UnderlyingRisk u, final long nowNs, final double indexMoveUsd)
    {
        for (int i = 0, n = u.book().touchedCount(); i < n; i++)
        {
            final InstrumentState state = u.book().touched(i);
            final double quantity = state.contribution().quantity();
            final double ivBefore = state.risk().iv;
            captureVolGreeks(state.risk());
            u.sums().detach(state);
            revaluer.revalueContract(state, u, nowNs);
            u.sums().attach(state);
            u.skewTable.refreshRisk(state);
            explainVolChange(u, quantity, ivBefore, state.risk(), indexMoveUsd);
            counters.increment(EngineCounter.REANCHORS);
        }
    }

    private void captureVolGreeks(final ContractRisk risk)
    {
        vegaBeforeUsd = risk.vega;
        volgaBeforeUsd = risk.volga;
        vannaBeforeUsd = risk.vanna;
        heldBefore.copyVolDynamicsFrom(risk);
    }

    /**
     * Books the part of a re-anchored contract's vol change that the old smile does not explain: the vol the old
     * smile gives at the new forward and time is already in the smile-consistent delta, gamma and theta.
     */
    private void explainVolChange(final UnderlyingRisk u, final double quantity, final double ivBefore,
        final ContractRisk after, final double indexMoveUsd)
    {
        final double years = YearFraction.years(heldBefore.anchorTimeNs, after.anchorTimeNs);
        final double heldVol = heldBefore.heldVolAt(after.anchorIndexUsd, years);
        final double volPoints = (after.iv - (Double.isFinite(heldVol) ? heldVol : ivBefore)) * 100;
        if (quantity != 0 && after.priced && Double.isFinite(volPoints) && volPoints != 0)
        {
            // expanded from the index before the step whose move is crossed with this vol change
            u.explain().volChange(quantity, vegaBeforeUsd, volgaBeforeUsd, vannaBeforeUsd, volPoints,
                u.indexUsd() - indexMoveUsd, indexMoveUsd);
        }
    }

    private void reanchorSlice(final UnderlyingRisk u, final long nowNs)
    {
        final ReanchorSweep sweep = u.sweep();
        final UnderlyingBook book = u.book();
        final int n = book.instrumentCount();
        final int slice = Math.min(config.reanchorSliceSize(), n);
        for (int k = 0; k < slice; k++)
        {
            reanchorMeasured(u, book.instrument(sweep.cursor()), nowNs);
            sweep.advance(n, u.indexUsd(), nowNs);
        }
    }

    private void reanchorMeasured(final UnderlyingRisk u, final InstrumentState state, final long nowNs)
    {
        final ExposureSums sums = u.sums();
        final double quantity = state.contribution().quantity();
        final double taylorDelta =
            quantity != 0 ? TaylorExposure.contractDelta(state.risk(), sums.indexUsd(), nowNs) : 0;
        sums.detach(state);
        revaluer.revalueContract(state, u, nowNs);
        sums.attach(state);
        u.skewTable.refreshRisk(state);
        counters.increment(EngineCounter.REANCHORS);
        if (quantity != 0 && quantity == state.contribution().quantity())
        {
            final double errorCoins = Math.abs(quantity * (taylorDelta - state.risk().delta));
            final double gross = sums.taylor().grossDelta();
            u.sweep().recordError(errorCoins, gross);
            if (gross > 0)
            {
                counters.max(EngineCounter.MAX_APPROX_ERROR_PPB, (long)(1e9 * errorCoins / gross));
            }
        }
    }

    private static double days(final long fromNs, final long toNs)
    {
        return fromNs == Long.MIN_VALUE ? 0 : YearFraction.days(fromNs, toNs);
    }
}
