package org.mmrisk.core.engine;

import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.skew.SkewRule;

/**
 * A batch's walk through the instruments of one underlying whose quote adjustment must be decided, in book order:
 * the engine's is each underlying's {@link SkewTable}; the tests hold a full pass over every instrument as the
 * reference it is compared with. Owned by the engine thread.
 */
interface SkewPass
{
    /** The engine's walk: each underlying's own table. */
    Source TABLES = underlying -> underlying.skewTable;

    /**
     * Sets this batch's terms for {@code underlying} (computed once) before the walk.
     */
    void prepare(UnderlyingRisk underlying, long nowNs);

    /**
     * Starts the walk.
     *
     * @return the first slot to decide, or {@link #count()} when there is none.
     */
    int firstCandidate();

    /**
     * @return the next slot to decide, or {@link #count()} when there are no more; {@link #quote} was called for
     * the one before.
     */
    int nextCandidate();

    int count();

    InstrumentState state(int slot);

    /**
     * Fills the adjustment of the instrument in {@code slot} and decides it ({@link SkewBatch#quote}).
     *
     * @return {@link SkewRule#SEND}, {@link SkewRule#HELD} or {@link SkewRule#SILENT}.
     */
    int quote(int slot, QuoteAdjustment adjustment);

    /**
     * @return why the instrument {@link #quote} decided last had unknown risk and was halted
     * ({@link SkewBatch#UNPRICED}, {@link SkewBatch#NON_FINITE_SKEW}), 0 when it was known.
     */
    int unknownCause();

    /**
     * Which walk each underlying's quotes take.
     */
    @FunctionalInterface
    interface Source
    {
        SkewPass of(UnderlyingRisk underlying);
    }
}
