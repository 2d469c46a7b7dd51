package org.mmrisk.core.engine;

import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.output.QuoteAdjustment;

/**
 * The reference the {@link SkewTable} is compared with: a pass over every quoted instrument of the underlying at
 * every batch, each decided by the same rule ({@link SkewBatch#quote}), with no bound, band or copy.
 */
final class FullPassSkew implements SkewPass
{
    private final SkewBatch batch;
    private UnderlyingRisk underlying;
    private int next;

    FullPassSkew(final EngineConfig config)
    {
        batch = new SkewBatch(config);
    }

    /**
     * Makes {@code engine} decide its quotes with a full pass.
     */
    static void use(final RiskEngine engine)
    {
        final FullPassSkew pass = new FullPassSkew(engine.config());
        engine.skewPasses(underlying -> pass);
    }

    @Override
    public void prepare(final UnderlyingRisk underlying, final long nowNs)
    {
        this.underlying = underlying;
        batch.prepare(underlying, nowNs);
    }

    @Override
    public int firstCandidate()
    {
        next = 0;
        return nextCandidate();
    }

    @Override
    public int nextCandidate()
    {
        while (next < count() && !SkewBatch.isCandidate(underlying.instrument(next)))
        {
            next++;
        }
        return next++;
    }

    @Override
    public int count()
    {
        return underlying.instrumentCount();
    }

    @Override
    public InstrumentState state(final int slot)
    {
        return underlying.instrument(slot);
    }

    @Override
    public int quote(final int slot, final QuoteAdjustment adjustment)
    {
        return batch.quote(underlying.instrument(slot), underlying, adjustment);
    }

    @Override
    public int unknownCause()
    {
        return batch.unknownCause();
    }
}
