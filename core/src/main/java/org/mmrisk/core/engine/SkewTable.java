package org.mmrisk.core.engine;

import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.skew.SkewBlocks;
import org.mmrisk.core.skew.SkewRule;

/**
 * The engine's walk through the quote decisions of one underlying ({@link SkewPass}): it finds the few instruments
 * whose adjustment can go out with one pass over primitives instead of a walk through three objects per instrument.
 * <p>
 * For each instrument the table keeps copies ({@link SkewCopies}) of what {@link SkewBatch#quote} reads — the per-coin
 * delta, gamma and vega, the forward that converts a coin-quoted shift, the threshold in the quoted price — and what
 * it compares against: the instrument's {@link LastQuote}. A <em>candidate</em> is an instrument for which the rule's
 * decision changes something: it sends, or the rate cap holds back a first adjustment. Most instruments are settled by
 * a quick test: a shift inside the instrument's silent band with the spread multiplier near its last value, or a
 * value the rate cap already holds back while the cap lasts, is no candidate. The others are decided by
 * {@link SkewRule}'s own functions on the copies (the same operations in the same order, so bit for bit the same
 * doubles). Candidates then go through {@link SkewBatch#quote} in book order, so the outputs and the rate-cap counter
 * are exactly those of a full pass over every instrument. In REDUCE_ONLY and HALT, where sizes depend on each
 * instrument's side of the exposure, every quoted instrument is a candidate, and so is every one when the batch's
 * terms are not finite. An instrument that can no longer be priced is a candidate while its HALT for unknown risk
 * would change what it was last sent ({@link SkewCopies#isHaltDue}); a quoted one whose adjustment is not finite is
 * one always (the batch halts it).
 * <p>
 * Instruments are grouped in blocks of {@link EngineConfig#skewBlockInstruments} in book order. A batch first asks
 * each block's bound ({@link SkewBlocks}) whether any member can have become a candidate since the block was last
 * opened; only the blocks it cannot settle are opened, their members decided one by one and their bound made again
 * at this batch's terms. On a quiet book a tick opens a few blocks instead of testing every instrument.
 * <p>
 * The copies follow their sources: the coefficients after each exact revaluation of one instrument
 * ({@link #refreshRisk}), the last values and the rate-cap flag after each candidate's decision ({@link #quote}).
 * A new or settled instrument, a full revaluation or a restored state rebuilds the table at the next batch. The
 * table is derived data, not part of the engine's saved state. Owned by the engine thread; allocation-free once its
 * arrays have grown to the book.
 */
public final class SkewTable implements SkewPass
{
    private final EngineConfig config;
    private final SkewBatch batch;
    private final SkewCopies copies;
    private final SkewBlocks blocks;
    private final double rateCapGapNs;
    /** log2 of the instruments per block. */
    private final int blockShift;
    private boolean valid;
    private int count;
    private UnderlyingRisk underlying;

    /** The terms of the current batch, from {@link SkewBatch#prepare}. */
    private double deltaTermUsd;
    private double gammaTerm;
    private double vegaTerm;
    private double spreadMult;
    /** The size multipliers of both sides while every quoted instrument is not a candidate (NORMAL, WIDEN). */
    private double fullBidSizeMult;
    private double fullAskSizeMult;
    private int state;
    private long nowNs;
    private boolean everyQuotedIsCandidate;
    /** A revaluation left a quoted instrument unpriced since {@link #takeHaltDue} was last called. */
    private boolean haltDue;
    /** The walk through this batch's candidates: the next block to look at, and the candidates of the last opened. */
    private int nextBlock;
    private int nextSlot;
    private final int[] pending;
    private int pendingCount;
    private int pendingNext;
    /** Diagnostics since the table was made (not engine state: a restored engine starts again at 0). */
    private long blocksDismissed;
    private long blocksOpened;

    SkewTable(final EngineConfig config)
    {
        this.config = config;
        this.batch = new SkewBatch(config);
        this.copies = new SkewCopies(config);
        this.blocks = new SkewBlocks(config);
        this.rateCapGapNs = batch.rateCapGapNs();
        this.blockShift = Integer.numberOfTrailingZeros(config.skewBlockInstruments());
        this.pending = new int[config.skewBlockInstruments()];
    }

    /**
     * The book changed (an instrument added or settled), every instrument was revalued, or the state was restored:
     * the next batch rebuilds the table.
     */
    void invalidate()
    {
        valid = false;
    }

    /**
     * Computes this batch's terms once ({@link SkewBatch#prepare}) and rebuilds the table if needed.
     */
    @Override
    public void prepare(final UnderlyingRisk underlying, final long nowNs)
    {
        prepare(underlying, underlying.delta(), nowNs);
    }

    /**
     * {@link #prepare(UnderlyingRisk, long)} as if the underlying's delta were {@code deltaCoins}
     * ({@link SkewBatch#prepare(UnderlyingRisk, double, long)}).
     */
    void prepare(final UnderlyingRisk underlying, final double deltaCoins, final long nowNs)
    {
        if (!valid)
        {
            rebuild(underlying);
        }
        this.underlying = underlying;
        batch.prepare(underlying, deltaCoins, nowNs);
        deltaTermUsd = batch.deltaTermUsd;
        gammaTerm = batch.gammaTerm;
        vegaTerm = batch.vegaTerm;
        spreadMult = batch.spreadMult;
        state = batch.state.ordinal();
        this.nowNs = nowNs;
        fullBidSizeMult = SkewRule.bidSizeMult(batch.state, Double.NaN);
        fullAskSizeMult = SkewRule.askSizeMult(batch.state, Double.NaN);
        blocks.batch(deltaTermUsd, gammaTerm, vegaTerm, spreadMult, state, nowNs);
        // terms that are not finite leave no bound to test against: every instrument is decided (and halted)
        everyQuotedIsCandidate = !SkewRule.isFullSize(batch.state) || !(Double.isFinite(deltaTermUsd) &&
            Double.isFinite(gammaTerm) && Double.isFinite(vegaTerm) && Double.isFinite(spreadMult));
        if (everyQuotedIsCandidate)
        {
            // every instrument is evaluated and its last values change: no bound survives the batch
            blocks.invalidateAll();
        }
    }

    /**
     * @return true when a revaluation since the last call left an instrument that was quoted unpriced, so that its
     * HALT is due at the next walk; clears the flag.
     */
    boolean takeHaltDue()
    {
        final boolean due = haltDue;
        haltDue = false;
        return due;
    }

    long blocksDismissed()
    {
        return blocksDismissed;
    }

    long blocksOpened()
    {
        return blocksOpened;
    }

    @Override
    public int count()
    {
        return count;
    }

    @Override
    public InstrumentState state(final int slot)
    {
        return copies.states[slot];
    }

    @Override
    public int firstCandidate()
    {
        nextBlock = 0;
        nextSlot = 0;
        pendingCount = 0;
        pendingNext = 0;
        return nextCandidate();
    }

    @Override
    public int nextCandidate()
    {
        if (everyQuotedIsCandidate)
        {
            final int slot = nextQuoted(nextSlot);
            nextSlot = slot + 1;
            return slot;
        }
        while (pendingNext == pendingCount)
        {
            final int block = blocks.nextUnsettled(nextBlock);
            blocksDismissed += block - nextBlock;
            if (block == blocks.count())
            {
                nextBlock = block;
                return count;
            }
            nextBlock = block + 1;
            blocksOpened++;
            pendingCount = 0;
            pendingNext = 0;
            openBlock(block);
        }
        return pending[pendingNext++];
    }

    /**
     * Decides a candidate ({@link SkewBatch#quote}), then copies its last values and folds it into its block. Whether
     * an instrument is quoted at all, or must be halted because it no longer can be priced
     * ({@link SkewCopies#isHaltDue}), is read from the copies: every change to whether it can be priced goes through
     * a revaluation ({@link #refreshRisk}), a settlement or a restore ({@link #invalidate}), which keep them current.
     */
    @Override
    public int unknownCause()
    {
        return batch.unknownCause();
    }

    @Override
    public int quote(final int slot, final QuoteAdjustment adjustment)
    {
        final InstrumentState instrument = copies.states[slot];
        final int decision = batch.quote(instrument, underlying, adjustment);
        remember(instrument);
        return decision;
    }

    private int nextQuoted(final int from)
    {
        final boolean[] quoted = copies.quoted;
        for (int i = from; i < count; i++)
        {
            if (quoted[i] || copies.isHaltDue(i))
            {
                return i;
            }
        }
        return count;
    }

    /**
     * Decides every instrument of a block the bound did not settle: its candidates become the pending ones (each is
     * folded into the block by {@link #remember} once {@link #quote} has decided it), and the others make the
     * block's new bound, anchored at this batch's terms. One loop with the bound in locals, because a batch that
     * moves the terms far opens every block. A member the rate cap holds back is silent while the cap lasts, unless
     * its last shift is NaN: that always sends (the rule's first condition), whatever the cap.
     */
    private void openBlock(final int block)
    {
        final SkewCopies c = copies;
        double deltaPerSlack = 0;
        double gammaPerSlack = 0;
        double vegaPerSlack = 0;
        double lowestSpreadMult = Double.POSITIVE_INFINITY;
        double highestSpreadMult = Double.NEGATIVE_INFINITY;
        long oldestHeldQuoteNs = Long.MAX_VALUE;
        boolean poisoned = false;
        for (int i = block << blockShift, end = Math.min(count, (block + 1) << blockShift); i < end; i++)
        {
            if (!c.quoted[i])
            {
                if (c.isHaltDue(i))
                {
                    pending[pendingCount++] = i;
                }
                continue;
            }
            if (c.lastState[i] != state)
            {
                pending[pendingCount++] = i;
                continue;
            }
            if (c.rateCapped[i] && isRateCapped(i) && !Double.isNaN(c.lastShift[i]) && isKnown(i))
            {
                oldestHeldQuoteNs = Math.min(oldestHeldQuoteNs, c.lastQuoteNs[i]);
                continue;
            }
            final double shiftUsdPerCoin = c.shiftUsd(i, deltaTermUsd, gammaTerm, vegaTerm);
            final double roundingUsd = c.roundingUsd(i, deltaTermUsd, gammaTerm, vegaTerm);
            if (c.isInsideBand(i, shiftUsdPerCoin, roundingUsd) &&
                Math.abs(spreadMult - c.lastSpreadMult[i]) < SkewRule.MULT_STEP)
            {
                final double slackUsd = c.slackUsd(i, shiftUsdPerCoin, roundingUsd);
                // NaN coefficients propagate through max and fail the block's test; the reciprocal's rounding is far
                // inside the test's margin
                final double perSlack = 1 / slackUsd;
                deltaPerSlack = Math.max(deltaPerSlack, Math.abs(c.deltaPerCoin[i]) * perSlack);
                gammaPerSlack = Math.max(gammaPerSlack, Math.abs(c.gammaPerCoin[i]) * perSlack);
                vegaPerSlack = Math.max(vegaPerSlack, Math.abs(c.vegaPerCoin[i]) * perSlack);
                lowestSpreadMult = Math.min(lowestSpreadMult, c.lastSpreadMult[i]);
                highestSpreadMult = Math.max(highestSpreadMult, c.lastSpreadMult[i]);
                poisoned |= !(slackUsd > 0);
            }
            else if (isCandidateExactly(i))
            {
                pending[pendingCount++] = i;
            }
            else
            {
                // silent now, but not by a band a bound can carry: look again at the next batch
                poisoned = true;
            }
        }
        blocks.open(block, deltaPerSlack, gammaPerSlack, vegaPerSlack, lowestSpreadMult, highestSpreadMult,
            oldestHeldQuoteNs);
        if (poisoned)
        {
            blocks.poison(block);
        }
    }

    /**
     * Folds a quoted instrument into its block's bound, at the block's anchor, if the block is open: by its slack
     * when it is inside its band there, else as held back while the rate cap it was flagged by lasts.
     */
    private void fold(final int i)
    {
        final SkewCopies c = copies;
        final int block = i >> blockShift;
        if (!c.quoted[i] || !blocks.isOpen(block))
        {
            return;
        }
        final double anchorDelta = blocks.anchorDelta(block);
        final double anchorGamma = blocks.anchorGamma(block);
        final double anchorVega = blocks.anchorVega(block);
        final double slackUsd = c.slackUsd(i, c.shiftUsd(i, anchorDelta, anchorGamma, anchorVega),
            c.roundingUsd(i, anchorDelta, anchorGamma, anchorVega));
        if (!(slackUsd > 0) && c.rateCapped[i] && !Double.isNaN(c.lastShift[i]))
        {
            blocks.foldHeld(block, c.lastQuoteNs[i], c.lastState[i]);
        }
        else
        {
            blocks.fold(block, c.deltaPerCoin[i], c.gammaPerCoin[i], c.vegaPerCoin[i], slackUsd, c.lastSpreadMult[i],
                c.lastState[i]);
        }
    }

    /**
     * @return true when the instrument's adjustment at this batch's terms is finite ({@link SkewRule#isKnown}); one
     * that is not is halted, which the rate cap does not hold back.
     */
    private boolean isKnown(final int i)
    {
        final SkewCopies c = copies;
        final double shiftUsdPerCoin = c.shiftUsd(i, deltaTermUsd, gammaTerm, vegaTerm);
        return SkewRule.isKnown(SkewRule.shift(shiftUsdPerCoin, c.divisor[i]),
            SkewRule.shiftVol(c.option[i], shiftUsdPerCoin, c.vegaPerCoin[i], config.maxShiftVolPoints()), c.option[i],
            spreadMult);
    }

    private boolean isRateCapped(final int i)
    {
        return SkewRule.isRateCapped(copies.lastQuoteNs[i], nowNs, rateCapGapNs);
    }

    /**
     * The rule's decision ({@link SkewRule#moved}, {@link SkewRule#decide}) on the copies: a candidate sends, or is
     * held back by the rate cap for the first time since it last sent. One already held back is no candidate while
     * the cap lasts: its decision would change nothing.
     */
    private boolean isCandidateExactly(final int i)
    {
        final SkewCopies c = copies;
        final double shiftUsdPerCoin = c.shiftUsd(i, deltaTermUsd, gammaTerm, vegaTerm);
        final double shiftVol = SkewRule.shiftVol(c.option[i], shiftUsdPerCoin, c.vegaPerCoin[i],
            config.maxShiftVolPoints());
        if (!SkewRule.isKnown(SkewRule.shift(shiftUsdPerCoin, c.divisor[i]), shiftVol, c.option[i], spreadMult))
        {
            // its risk is unknown: SkewBatch#quote halts it, which sends unless it was halted so already
            return true;
        }
        final boolean moved = SkewRule.moved(SkewRule.shift(shiftUsdPerCoin, c.divisor[i]), c.lastShift[i],
            c.minShift[i], shiftVol, c.lastShiftVol[i], config.minShiftVolPoints(), spreadMult, c.lastSpreadMult[i],
            fullBidSizeMult, c.lastBidSizeMult[i], fullAskSizeMult, c.lastAskSizeMult[i]);
        final int decision = SkewRule.decide(c.lastState[i] != state, c.lastShift[i], moved, c.lastQuoteNs[i], nowNs,
            rateCapGapNs);
        return decision == SkewRule.SEND || decision == SkewRule.HELD && !c.rateCapped[i];
    }

    /**
     * Copies an instrument's coefficients after its exact revaluation.
     */
    void refreshRisk(final InstrumentState instrument)
    {
        final int slot = slotOf(instrument);
        if (slot >= 0)
        {
            copies.copyRisk(slot, instrument);
            copies.band(slot);
            fold(slot);
            if (copies.isHaltDue(slot))
            {
                // it can no longer be priced: no bound holds it, so its block is opened at the next walk
                blocks.poison(slot >> blockShift);
                haltDue = true;
            }
        }
    }

    /**
     * Copies an instrument's last sent values and rate-cap flag after its decision.
     */
    private void remember(final InstrumentState instrument)
    {
        final int slot = slotOf(instrument);
        if (slot >= 0)
        {
            copies.copyLast(slot, instrument);
            copies.band(slot);
            fold(slot);
        }
    }

    private int slotOf(final InstrumentState instrument)
    {
        final int slot = instrument.skewSlot;
        if (!valid)
        {
            return -1;
        }
        if (slot < 0 || slot >= count || copies.states[slot] != instrument)
        {
            // not where the table put it: the book changed without telling; start again rather than guess
            valid = false;
            return -1;
        }
        return slot;
    }

    private void rebuild(final UnderlyingRisk underlying)
    {
        count = underlying.instrumentCount();
        if (copies.states.length < count)
        {
            copies.grow(count);
        }
        for (int i = 0; i < count; i++)
        {
            final InstrumentState instrument = underlying.instrument(i);
            copies.states[i] = instrument;
            instrument.skewSlot = i;
            copies.copyRisk(i, instrument);
            copies.copyLast(i, instrument);
            copies.band(i);
        }
        copies.clearFrom(count);
        blocks.reset((count + (1 << blockShift) - 1) >> blockShift);
        valid = true;
    }
}
