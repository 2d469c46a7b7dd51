package org.mmrisk.core.engine;

/**
 * One underlying's exposure update after an index tick, without the rest of the batch, for benchmarks outside the
 * engine's package: the incremental path and a full revaluation. Shipped in core's test jar, so that the engine's
 * package keeps its seams package-private. Owned by the calling thread.
 */
public final class ExposureProbe
{
    private final EngineCounters counters = new EngineCounters();
    private final ExposureUpdater updater;
    private final UnderlyingRisk underlying;
    private final InstrumentState index;

    public ExposureProbe(final RiskEngine engine, final int underlyingIndex, final int indexInstrumentId)
    {
        this.updater = new ExposureUpdater(engine.config(), counters);
        this.underlying = engine.underlyings().get(underlyingIndex);
        this.index = engine.instruments().get(indexInstrumentId);
    }

    /**
     * The index instrument's quote moves to {@code priceUsd}, as a tick would leave it.
     */
    public void moveIndex(final double priceUsd)
    {
        index.market().bid = priceUsd;
        index.market().ask = priceUsd;
    }

    /**
     * @return delta after the batch-end update and the re-anchor slice that follows the outputs.
     */
    public double incremental(final long nowNs)
    {
        updater.update(underlying, nowNs);
        updater.reanchorAfterOutputs(underlying, nowNs);
        return underlying.delta();
    }

    /**
     * @return delta after the part of the update the batch's quotes wait for (the Taylor sums at the new index).
     */
    public double incrementalBeforeQuotes(final long nowNs)
    {
        updater.update(underlying, nowNs);
        return underlying.delta();
    }

    /**
     * @return delta after an exact revaluation of every position.
     */
    public double fullRevaluation(final long nowNs)
    {
        updater.revalueAll(underlying, nowNs);
        underlying.sums().evaluate(nowNs);
        return underlying.delta();
    }

    public EngineCounters counters()
    {
        return counters;
    }
}
