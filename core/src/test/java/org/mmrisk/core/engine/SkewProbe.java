package org.mmrisk.core.engine;

import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.skew.SkewRule;

/**
 * The skew decisions of one underlying at a given delta, for benchmarks outside the engine's package: the table's
 * walk (what the engine runs) and the full pass over every instrument (the tests' reference). Shipped in core's test
 * jar, so that the engine's package keeps its seams package-private. Owned by the calling thread.
 */
public final class SkewProbe
{
    private final UnderlyingRisk underlying;
    private final SkewBatch batch;
    private final QuoteAdjustment adjustment = new QuoteAdjustment();

    public SkewProbe(final RiskEngine engine, final int underlyingIndex)
    {
        this.underlying = engine.underlyings().get(underlyingIndex);
        this.batch = new SkewBatch(engine.config());
    }

    public double delta()
    {
        return underlying.delta();
    }

    /**
     * @return how many adjustments the skew table sends for a batch at {@code deltaCoins} ending at {@code nowNs}.
     */
    public int skewTable(final double deltaCoins, final long nowNs)
    {
        final SkewTable table = underlying.skewTable;
        table.prepare(underlying, deltaCoins, nowNs);
        int emitted = 0;
        for (int i = table.firstCandidate(), n = table.count(); i < n; i = table.nextCandidate())
        {
            if (table.quote(i, adjustment) == SkewRule.SEND)
            {
                emitted++;
            }
        }
        return emitted;
    }

    /**
     * @return how many adjustments the rule sends when applied to every instrument.
     */
    public int fullPass(final double deltaCoins, final long nowNs)
    {
        batch.prepare(underlying, deltaCoins, nowNs);
        int emitted = 0;
        for (int i = 0, n = underlying.instrumentCount(); i < n; i++)
        {
            final InstrumentState state = underlying.instrument(i);
            if (SkewBatch.isQuoted(state) && batch.quote(state, underlying, adjustment) == SkewRule.SEND)
            {
                emitted++;
            }
        }
        return emitted;
    }
}
