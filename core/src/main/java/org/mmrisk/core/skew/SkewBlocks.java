package org.mmrisk.core.skew;

import org.mmrisk.core.config.EngineConfig;

import java.util.Arrays;

/**
 * One bound per block of consecutive instruments of a {@code SkewTable}, so that a batch dismisses most of an
 * underlying's instruments a block at a time instead of one at a time.
 * <p>
 * A block is <em>opened</em> at the skew terms of some batch (the delta, gamma and vega terms D, G and V of
 * {@link SkewRule}), its anchor. An instrument's shift is linear in the terms, with its per-coin delta, gamma and
 * vega (δ, γ, ν) as coefficients, so from the anchor it moves by at most |δ|·|ΔD| + |γ|·|ΔG| + |ν|·|ΔV|. Each member
 * silent at the anchor has a <em>slack</em>, the distance from its shift to the nearer end of its silent band; the
 * block keeps the largest δ/slack, γ/slack and ν/slack of those members (in absolute value). While
 * |ΔD|·max(δ/slack) + |ΔG|·max(γ/slack) + |ΔV|·max(ν/slack) stays below 1, none of them has left its band.
 * <p>
 * The block also keeps what else makes an instrument a candidate:
 * <ul>
 * <li>the range of those members' last spread multipliers (each must stay within a step of the batch's);</li>
 * <li>the quoting state they were all last sent under;</li>
 * <li>for the members outside their band whose adjustment the rate cap holds back, which are silent whatever the
 * terms until their cap ends, the oldest last quote among them: the block is silent only while that cap lasts.</li>
 * </ul>
 * Any other member that is not silent at the anchor <em>poisons</em> the block: the next batch opens it again. A
 * member that changes while its block stands (a new exact revaluation, a new last value) is folded in, which only
 * ever widens what the bound covers.
 * <p>
 * Owned by the engine thread; allocation-free once its arrays have grown to the book.
 */
public final class SkewBlocks
{
    /** No bound: the block is opened at the next batch that looks at it. */
    private static final int STALE = -3;
    /** Members were last sent under different states. */
    private static final int MIXED = -2;
    /** Head-room for the rounding of the bound itself, far above it and far below any threshold. */
    private static final double BOUND_MARGIN = 1e-9;

    private final double rateCapGapNs;
    private int count;
    private double[] anchorDelta = new double[0];
    private double[] anchorGamma = new double[0];
    private double[] anchorVega = new double[0];
    private double[] deltaPerSlack = new double[0];
    private double[] gammaPerSlack = new double[0];
    private double[] vegaPerSlack = new double[0];
    private double[] lowestSpreadMult = new double[0];
    private double[] highestSpreadMult = new double[0];
    /** The last quote time of the member held back by the rate cap that quoted first, or MAX_VALUE. */
    private long[] oldestHeldQuoteNs = new long[0];
    private int[] state = new int[0];

    /** The terms of the current batch, set by {@link #batch}. */
    private double deltaTerm;
    private double gammaTerm;
    private double vegaTerm;
    private double spreadMult;
    private int quotingState;
    private long nowNs;

    public SkewBlocks(final EngineConfig config)
    {
        rateCapGapNs = SkewRule.rateCapGapNs(config.maxQuotesPerSecond());
    }

    /**
     * Sizes the blocks for a rebuilt table; every block is stale.
     */
    public void reset(final int blocks)
    {
        if (state.length < blocks)
        {
            grow(blocks);
        }
        count = blocks;
        invalidateAll();
    }

    public void invalidateAll()
    {
        Arrays.fill(state, 0, count, STALE);
    }

    /**
     * Sets the terms of a batch, those of {@code SkewBatch.prepare} for the underlying, for the calls that follow.
     */
    public void batch(final double deltaTerm, final double gammaTerm, final double vegaTerm, final double spreadMult,
        final int quotingState, final long nowNs)
    {
        this.deltaTerm = deltaTerm;
        this.gammaTerm = gammaTerm;
        this.vegaTerm = vegaTerm;
        this.spreadMult = spreadMult;
        this.quotingState = quotingState;
        this.nowNs = nowNs;
    }

    /**
     * @return the first block at or after {@code from} whose bound does not settle it at this batch's terms, or
     * {@link #count()}: the blocks before it have no candidate. One tight loop with the terms in locals, since on a
     * quiet book it passes over nearly every block.
     */
    public int nextUnsettled(final int from)
    {
        final double deltaTerm = this.deltaTerm;
        final double gammaTerm = this.gammaTerm;
        final double vegaTerm = this.vegaTerm;
        final double spreadMult = this.spreadMult;
        final int quotingState = this.quotingState;
        final long nowNs = this.nowNs;
        for (int block = from; block < count; block++)
        {
            if (!isSilent(block, deltaTerm, gammaTerm, vegaTerm, spreadMult, quotingState, nowNs))
            {
                return block;
            }
        }
        return count;
    }

    /**
     * @return true when no member of {@code block} can be a candidate at these terms: every member was last sent
     * under the batch's quoting state, the rate cap still holds back the members it held, and for every other member
     * the spread multiplier is within a step of its last and the bound keeps its shift inside its band.
     */
    private boolean isSilent(final int block, final double deltaTerm, final double gammaTerm, final double vegaTerm,
        final double spreadMult, final int quotingState, final long nowNs)
    {
        if (state[block] != quotingState)
        {
            return false;
        }
        // subtraction rounds monotonically, so the extremes bound every member's own |spreadMult - last|
        if (!(spreadMult - lowestSpreadMult[block] < SkewRule.MULT_STEP &&
            highestSpreadMult[block] - spreadMult < SkewRule.MULT_STEP))
        {
            return false;
        }
        final long oldestHeldNs = oldestHeldQuoteNs[block];
        if (oldestHeldNs != Long.MAX_VALUE && !SkewRule.isRateCapped(oldestHeldNs, nowNs, rateCapGapNs))
        {
            // the cap of the member that quoted first ends first: the time difference only grows with a later quote
            return false;
        }
        final double reach = Math.abs(deltaTerm - anchorDelta[block]) * deltaPerSlack[block] +
            Math.abs(gammaTerm - anchorGamma[block]) * gammaPerSlack[block] +
            Math.abs(vegaTerm - anchorVega[block]) * vegaPerSlack[block];
        return reach * (1 + BOUND_MARGIN) < 1;
    }

    /**
     * Anchors {@code block} at this batch's terms with the bound its members make there: the largest ratios of their
     * coefficients to their slacks, the range of their last spread multipliers, and the oldest last quote of those
     * the rate cap holds back (MAX_VALUE if none).
     */
    public void open(final int block, final double deltaPerSlack, final double gammaPerSlack, final double vegaPerSlack,
        final double lowestSpreadMult, final double highestSpreadMult, final long oldestHeldQuoteNs)
    {
        anchorDelta[block] = deltaTerm;
        anchorGamma[block] = gammaTerm;
        anchorVega[block] = vegaTerm;
        this.deltaPerSlack[block] = deltaPerSlack;
        this.gammaPerSlack[block] = gammaPerSlack;
        this.vegaPerSlack[block] = vegaPerSlack;
        this.lowestSpreadMult[block] = lowestSpreadMult;
        this.highestSpreadMult[block] = highestSpreadMult;
        this.oldestHeldQuoteNs[block] = oldestHeldQuoteNs;
        state[block] = quotingState;
    }

    public int count()
    {
        return count;
    }

    public boolean isOpen(final int block)
    {
        return state[block] != STALE;
    }

    public double anchorDelta(final int block)
    {
        return anchorDelta[block];
    }

    public double anchorGamma(final int block)
    {
        return anchorGamma[block];
    }

    public double anchorVega(final int block)
    {
        return anchorVega[block];
    }

    /**
     * Widens the bound of an open block to cover a member with these coefficients, its slack at the block's anchor
     * (USD per coin), its last spread multiplier and the state it was last sent under. A slack that is not positive
     * poisons the block.
     */
    public void fold(final int block, final double deltaPerCoin, final double gammaPerCoin, final double vegaPerCoin,
        final double slackUsd, final double lastSpreadMult, final int lastState)
    {
        if (!foldLast(block, lastSpreadMult, lastState))
        {
            return;
        }
        if (!(slackUsd > 0))
        {
            poison(block);
            return;
        }
        // NaN coefficients propagate through max and fail isSilent's comparison; the rounding of the reciprocal is
        // far inside BOUND_MARGIN
        final double perSlack = 1 / slackUsd;
        deltaPerSlack[block] = Math.max(deltaPerSlack[block], Math.abs(deltaPerCoin) * perSlack);
        gammaPerSlack[block] = Math.max(gammaPerSlack[block], Math.abs(gammaPerCoin) * perSlack);
        vegaPerSlack[block] = Math.max(vegaPerSlack[block], Math.abs(vegaPerCoin) * perSlack);
    }

    /**
     * Covers a member outside its band that the rate cap holds back (its last shift a number): silent, whatever the
     * terms and the spread multiplier, while its cap lasts.
     */
    public void foldHeld(final int block, final long lastQuoteNs, final int lastState)
    {
        if (foldState(block, lastState))
        {
            oldestHeldQuoteNs[block] = Math.min(oldestHeldQuoteNs[block], lastQuoteNs);
        }
    }

    /**
     * Folds a member's last spread multiplier and state into an open block.
     *
     * @return false when the block is stale, or now mixed, so that nothing more about the member matters.
     */
    private boolean foldLast(final int block, final double lastSpreadMult, final int lastState)
    {
        if (!foldState(block, lastState))
        {
            return false;
        }
        // a NaN propagates through min and max and fails isSilent's comparisons
        lowestSpreadMult[block] = Math.min(lowestSpreadMult[block], lastSpreadMult);
        highestSpreadMult[block] = Math.max(highestSpreadMult[block], lastSpreadMult);
        return true;
    }

    private boolean foldState(final int block, final int lastState)
    {
        if (state[block] == STALE)
        {
            return false;
        }
        if (lastState != state[block])
        {
            state[block] = MIXED;
            return false;
        }
        return true;
    }

    /**
     * A member is silent now, but not in a way a bound can carry to other terms: the next batch opens the block
     * again.
     */
    public void poison(final int block)
    {
        state[block] = STALE;
    }

    private void grow(final int capacity)
    {
        final int length = Math.max(capacity, 2 * state.length);
        anchorDelta = Arrays.copyOf(anchorDelta, length);
        anchorGamma = Arrays.copyOf(anchorGamma, length);
        anchorVega = Arrays.copyOf(anchorVega, length);
        deltaPerSlack = Arrays.copyOf(deltaPerSlack, length);
        gammaPerSlack = Arrays.copyOf(gammaPerSlack, length);
        vegaPerSlack = Arrays.copyOf(vegaPerSlack, length);
        lowestSpreadMult = Arrays.copyOf(lowestSpreadMult, length);
        highestSpreadMult = Arrays.copyOf(highestSpreadMult, length);
        oldestHeldQuoteNs = Arrays.copyOf(oldestHeldQuoteNs, length);
        state = Arrays.copyOf(state, length);
    }
}
