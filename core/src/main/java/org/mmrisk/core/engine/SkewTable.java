package org.mmrisk.core.engine;

import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.instrument.Instrument;

import java.util.Arrays;

/**
 * The inventory skew's inputs for every instrument of one underlying, in flat arrays in book order, so that a batch
 * finds the few instruments whose adjustment can go out with one pass over primitives instead of a walk through
 * three objects per instrument.
 * <p>
 * For each instrument the table copies what {@link InventorySkew#update} reads — the per-coin delta, gamma and vega,
 * the forward that converts a coin-quoted shift, the threshold in the quoted price — and what it compares against:
 * the last emitted shift, vol shift, spread multiplier, sizes, state and rate-cap flag. A <em>candidate</em> is an
 * instrument for which {@code update} would not return false at once, with no side effect. Most instruments are
 * settled by a quick test: a shift inside the instrument's <em>silent band</em> (the open interval of shifts in which
 * neither the shift nor the vol shift reaches its threshold from the last values, narrowed against rounding) with the
 * spread multiplier near its last value, or a value the rate cap already holds back while the cap lasts, is no
 * candidate. The others are decided by {@code update}'s own conditions and arithmetic on the copies (the same
 * operations in the same order, so bit for bit the same doubles). Candidates then go through {@code update} in book
 * order, so the outputs and the rate-cap counter are exactly those of a full pass. In REDUCE_ONLY and HALT, where
 * sizes depend on each instrument's side of the exposure, every quoted instrument is a candidate.
 * <p>
 * Instruments are grouped in blocks of {@link EngineConfig#skewBlockInstruments} in book order. A batch first asks
 * each block's bound ({@link SkewBlocks}) whether any member can have become a candidate since the block was last
 * opened; only the blocks it cannot settle are opened, their members decided one by one and their bound made again
 * at this batch's terms. On a quiet book a tick opens a few blocks instead of testing every instrument.
 * <p>
 * The copies follow their sources: the coefficients after each exact revaluation of one instrument
 * ({@link #refreshRisk}), the last values and the rate-cap flag after each look at a candidate ({@link #remember}).
 * A new or settled instrument, a full revaluation or a restored state rebuilds the table at the next batch. The
 * table is derived data, not part of the engine's saved state. Owned by the engine thread; allocation-free once its
 * arrays have grown to the book.
 */
final class SkewTable
{
    private static final int NO_STATE = -1;
    /**
     * Relative width kept between the silent band and the thresholds: many orders of magnitude above the few
     * roundings on either side, many below any threshold a desk would set.
     */
    private static final double BAND_MARGIN = 1e-12;

    private final EngineConfig config;
    private final SkewBlocks blocks;
    private final double rateCapGapNs;
    /** log2 of the instruments per block. */
    private final int blockShift;
    private boolean valid;
    private int count;
    private InstrumentState[] states = new InstrumentState[0];
    private boolean[] quoted = new boolean[0];
    private boolean[] option = new boolean[0];
    private double[] deltaPerCoin = new double[0];
    private double[] gammaPerCoin = new double[0];
    private double[] vegaPerCoin = new double[0];
    /** The forward for coin-quoted instruments (their shift is USD per coin over it), else exactly 1. */
    private double[] divisor = new double[0];
    private double[] minShift = new double[0];
    private double[] lastShift = new double[0];
    private double[] lastShiftVol = new double[0];
    private double[] lastSpreadMult = new double[0];
    /** Both last size multipliers were 1, as NORMAL and WIDEN always quote. */
    private boolean[] lastFullSize = new boolean[0];
    private int[] lastState = new int[0];
    private double[] silentLowUsd = new double[0];
    private double[] silentHighUsd = new double[0];
    private long[] lastQuoteNs = new long[0];
    private boolean[] rateCapped = new boolean[0];

    /** The terms of the current batch, set by {@link #prepare}. */
    private double deltaTermUsd;
    private double gammaTerm;
    private double vegaTerm;
    private double spreadMult;
    private int state;
    private long nowNs;
    private boolean everyQuotedIsCandidate;
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
        this.blocks = new SkewBlocks(config);
        this.rateCapGapNs = InventorySkew.rateCapGapNs(config.maxQuotesPerSecond());
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
     * Sets the terms of this batch (those of {@link InventorySkew#prepare}) and rebuilds the table if needed.
     */
    void prepare(final UnderlyingRisk underlying, final double deltaTermUsd, final double gammaTerm,
        final double vegaTerm, final double spreadMult, final long nowNs)
    {
        if (!valid)
        {
            rebuild(underlying);
        }
        this.deltaTermUsd = deltaTermUsd;
        this.gammaTerm = gammaTerm;
        this.vegaTerm = vegaTerm;
        this.spreadMult = spreadMult;
        this.state = underlying.state().ordinal();
        this.nowNs = nowNs;
        blocks.batch(deltaTermUsd, gammaTerm, vegaTerm, spreadMult, state, nowNs);
        everyQuotedIsCandidate = underlying.state() != QuotingState.NORMAL && underlying.state() != QuotingState.WIDEN;
        if (everyQuotedIsCandidate)
        {
            // every instrument is evaluated and its last values change: no bound survives the batch
            blocks.invalidateAll();
        }
    }

    long blocksDismissed()
    {
        return blocksDismissed;
    }

    long blocksOpened()
    {
        return blocksOpened;
    }

    int count()
    {
        return count;
    }

    InstrumentState state(final int slot)
    {
        return states[slot];
    }

    /**
     * Starts this batch's walk through the candidates, in book order.
     *
     * @return the first candidate, or {@link #count()} when there is none.
     */
    int firstCandidate()
    {
        nextBlock = 0;
        nextSlot = 0;
        pendingCount = 0;
        pendingNext = 0;
        return nextCandidate();
    }

    /**
     * @return the next candidate in book order, or {@link #count()} when there are no more; {@link #remember} was
     * called for the one before.
     */
    int nextCandidate()
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
            openBlock(block);
        }
        return pending[pendingNext++];
    }

    private int nextQuoted(final int from)
    {
        for (int i = from; i < count; i++)
        {
            if (quoted[i])
            {
                return i;
            }
        }
        return count;
    }

    /**
     * Decides every instrument of a block the bound did not settle: its candidates become the pending ones (each is
     * folded into the block by {@link #remember} once {@link InventorySkew#update} has looked at it), and the others
     * make the block's new bound, anchored at this batch's terms. One loop with the bound in locals, because a batch
     * that moves the terms far opens every block.
     */
    private void openBlock(final int block)
    {
        double deltaPerSlack = 0;
        double gammaPerSlack = 0;
        double vegaPerSlack = 0;
        double lowestSpreadMult = Double.POSITIVE_INFINITY;
        double highestSpreadMult = Double.NEGATIVE_INFINITY;
        long oldestHeldQuoteNs = Long.MAX_VALUE;
        boolean poisoned = false;
        pendingCount = 0;
        pendingNext = 0;
        for (int i = block << blockShift, end = Math.min(count, (block + 1) << blockShift); i < end; i++)
        {
            if (!quoted[i])
            {
                continue;
            }
            if (lastState[i] != state)
            {
                pending[pendingCount++] = i;
                continue;
            }
            // a NaN last shift always sends (update's first condition), whatever the rate cap
            if (rateCapped[i] && isRateCapped(i) && !Double.isNaN(lastShift[i]))
            {
                oldestHeldQuoteNs = Math.min(oldestHeldQuoteNs, lastQuoteNs[i]);
                continue;
            }
            final double shiftUsdPerCoin = shiftUsd(i, deltaTermUsd, gammaTerm, vegaTerm);
            final double roundingUsd = roundingUsd(i, deltaTermUsd, gammaTerm, vegaTerm);
            if (shiftUsdPerCoin - roundingUsd > silentLowUsd[i] && shiftUsdPerCoin + roundingUsd < silentHighUsd[i] &&
                Math.abs(spreadMult - lastSpreadMult[i]) < InventorySkew.MULT_STEP)
            {
                final double slackUsd = slackUsd(i, shiftUsdPerCoin, roundingUsd);
                // NaN coefficients propagate through max and fail the block's test; the reciprocal's rounding is far
                // inside the test's margin
                final double perSlack = 1 / slackUsd;
                deltaPerSlack = Math.max(deltaPerSlack, Math.abs(deltaPerCoin[i]) * perSlack);
                gammaPerSlack = Math.max(gammaPerSlack, Math.abs(gammaPerCoin[i]) * perSlack);
                vegaPerSlack = Math.max(vegaPerSlack, Math.abs(vegaPerCoin[i]) * perSlack);
                lowestSpreadMult = Math.min(lowestSpreadMult, lastSpreadMult[i]);
                highestSpreadMult = Math.max(highestSpreadMult, lastSpreadMult[i]);
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
     * The instrument's shift (USD per coin) at these skew terms, as {@link InventorySkew#update} computes it.
     */
    private double shiftUsd(final int i, final double deltaTerm, final double gammaTerm, final double vegaTerm)
    {
        return -(deltaPerCoin[i] * deltaTerm + gammaPerCoin[i] * gammaTerm + vegaPerCoin[i] * vegaTerm);
    }

    /**
     * How far inside its band the instrument's shift must be to be silent: {@link #BAND_MARGIN} of its terms.
     */
    private double roundingUsd(final int i, final double deltaTerm, final double gammaTerm, final double vegaTerm)
    {
        return BAND_MARGIN * (Math.abs(deltaPerCoin[i] * deltaTerm) + Math.abs(gammaPerCoin[i] * gammaTerm) +
            Math.abs(vegaPerCoin[i] * vegaTerm));
    }

    /**
     * Folds a quoted instrument into its block's bound, at the block's anchor, if the block is open: by its slack
     * when it is inside its band there, else as held back while the rate cap it was flagged by lasts.
     */
    private void fold(final int i)
    {
        final int block = i >> blockShift;
        if (!quoted[i] || !blocks.isOpen(block))
        {
            return;
        }
        final double anchorDelta = blocks.anchorDelta(block);
        final double anchorGamma = blocks.anchorGamma(block);
        final double anchorVega = blocks.anchorVega(block);
        final double slackUsd = slackUsd(i, shiftUsd(i, anchorDelta, anchorGamma, anchorVega),
            roundingUsd(i, anchorDelta, anchorGamma, anchorVega));
        if (!(slackUsd > 0) && rateCapped[i] && !Double.isNaN(lastShift[i]))
        {
            blocks.foldHeld(block, lastQuoteNs[i], lastState[i]);
        }
        else
        {
            blocks.fold(block, deltaPerCoin[i], gammaPerCoin[i], vegaPerCoin[i], slackUsd, lastSpreadMult[i],
                lastState[i]);
        }
    }

    /**
     * The distance (USD per coin) from a shift to the nearer end of the instrument's silent band, less three times
     * its rounding allowance: one for the allowance where it was computed, one for the allowance's growth as the
     * terms move, one for the roundings of both shifts. Not positive, or NaN, when the instrument is not silent there.
     */
    private double slackUsd(final int i, final double shiftUsdPerCoin, final double roundingUsd)
    {
        return Math.min(shiftUsdPerCoin - silentLowUsd[i], silentHighUsd[i] - shiftUsdPerCoin) - 3 * roundingUsd;
    }

    private boolean isRateCapped(final int i)
    {
        return InventorySkew.isRateCapped(lastQuoteNs[i], nowNs, rateCapGapNs);
    }

    /**
     * The conditions of {@link InventorySkew#update} with its arithmetic, on the copies. An adjustment already held
     * back by the rate cap is no candidate while the cap lasts: {@code update} would change nothing.
     */
    private boolean isCandidateExactly(final int i)
    {
        if (lastState[i] != state || Double.isNaN(lastShift[i]))
        {
            return true;
        }
        if (rateCapped[i] && isRateCapped(i))
        {
            return false;
        }
        if (!lastFullSize[i])
        {
            return true;
        }
        final double shiftUsdPerCoin = shiftUsd(i, deltaTermUsd, gammaTerm, vegaTerm);
        return Math.abs(shiftUsdPerCoin / divisor[i] - lastShift[i]) >= minShift[i] ||
            option[i] && Math.abs(InventorySkew.shiftInVolPoints(shiftUsdPerCoin, vegaPerCoin[i],
                config.maxShiftVolPoints()) - lastShiftVol[i]) >= config.minShiftVolPoints() ||
            Math.abs(spreadMult - lastSpreadMult[i]) >= InventorySkew.MULT_STEP;
    }

    /**
     * Copies an instrument's coefficients after its exact revaluation.
     */
    void refreshRisk(final InstrumentState instrument)
    {
        final int slot = slotOf(instrument);
        if (slot >= 0)
        {
            copyRisk(slot, instrument);
            band(slot);
            fold(slot);
        }
    }

    /**
     * Copies an instrument's last emitted values and rate-cap flag after {@link InventorySkew#update} looked at it.
     */
    void remember(final InstrumentState instrument)
    {
        final int slot = slotOf(instrument);
        if (slot >= 0)
        {
            copyLast(slot, instrument);
            band(slot);
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
        if (slot < 0 || slot >= count || states[slot] != instrument)
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
        if (states.length < count)
        {
            grow(count);
        }
        for (int i = 0; i < count; i++)
        {
            final InstrumentState instrument = underlying.instrument(i);
            states[i] = instrument;
            instrument.skewSlot = i;
            copyRisk(i, instrument);
            copyLast(i, instrument);
            band(i);
        }
        Arrays.fill(states, count, states.length, null);
        blocks.reset((count + (1 << blockShift) - 1) >> blockShift);
        valid = true;
    }

    private void copyRisk(final int i, final InstrumentState instrument)
    {
        final Instrument terms = instrument.instrument();
        final ContractRisk risk = instrument.risk();
        quoted[i] = InventorySkew.isQuoted(instrument);
        option[i] = terms.kind() == InstrumentKind.OPTION;
        deltaPerCoin[i] = risk.deltaPerCoin;
        gammaPerCoin[i] = InventorySkew.gammaPerCoin(terms, risk);
        vegaPerCoin[i] = risk.vegaPerCoin;
        divisor[i] = terms.isCoinQuoted() ? risk.forward : 1.0;
        minShift[i] = config.minShiftTicks() * terms.tickSize();
    }

    /**
     * The open interval of shifts (USD per coin) in which neither the shift nor the vol shift can have moved by its
     * threshold from the last emitted values, narrowed by {@link #BAND_MARGIN} of its ends so that rounding never
     * puts inside it a shift that {@link InventorySkew#update} would send; NaN (nothing is inside) when the last values
     * or the instrument's figures leave no such interval.
     */
    private void band(final int i)
    {
        double low = Double.NaN;
        double high = Double.NaN;
        if (lastFullSize[i] && divisor[i] > 0 && Double.isFinite(divisor[i]))
        {
            final double thresholdPrice = minShift[i];
            low = (lastShift[i] - thresholdPrice) * divisor[i];
            high = (lastShift[i] + thresholdPrice) * divisor[i];
            if (option[i])
            {
                final double vega = vegaPerCoin[i];
                final boolean usable = vega > 0 && Double.isFinite(vega);
                low = usable ? Math.max(low, volBandLow(lastShiftVol[i]) * vega) : Double.NaN;
                high = usable ? Math.min(high, volBandHigh(lastShiftVol[i]) * vega) : Double.NaN;
            }
            final double margin = BAND_MARGIN * Math.max(Math.abs(low), Math.abs(high));
            low += margin;
            high -= margin;
        }
        silentLowUsd[i] = low;
        silentHighUsd[i] = high;
    }

    /**
     * The vol shift is capped at ±cap: from a last value within a threshold of the cap, no move towards the cap can
     * reach the threshold, so that side of the band is open.
     */
    private double volBandLow(final double lastShiftVol)
    {
        final double low = lastShiftVol - config.minShiftVolPoints();
        final double cap = config.maxShiftVolPoints();
        return low < -cap * (1 + BAND_MARGIN) ? Double.NEGATIVE_INFINITY : low;
    }

    private double volBandHigh(final double lastShiftVol)
    {
        final double high = lastShiftVol + config.minShiftVolPoints();
        final double cap = config.maxShiftVolPoints();
        return high > cap * (1 + BAND_MARGIN) ? Double.POSITIVE_INFINITY : high;
    }

    private void copyLast(final int i, final InstrumentState instrument)
    {
        lastShift[i] = instrument.lastShift;
        lastShiftVol[i] = instrument.lastShiftVol;
        lastSpreadMult[i] = instrument.lastSpreadMult;
        lastFullSize[i] = instrument.lastBidSizeMult == 1 && instrument.lastAskSizeMult == 1;
        lastState[i] = instrument.lastState == null ? NO_STATE : instrument.lastState.ordinal();
        lastQuoteNs[i] = instrument.lastQuoteNs;
        rateCapped[i] = instrument.rateCapped;
    }

    private void grow(final int capacity)
    {
        final int length = Math.max(capacity, 2 * states.length);
        states = Arrays.copyOf(states, length);
        quoted = Arrays.copyOf(quoted, length);
        option = Arrays.copyOf(option, length);
        deltaPerCoin = Arrays.copyOf(deltaPerCoin, length);
        gammaPerCoin = Arrays.copyOf(gammaPerCoin, length);
        vegaPerCoin = Arrays.copyOf(vegaPerCoin, length);
        divisor = Arrays.copyOf(divisor, length);
        minShift = Arrays.copyOf(minShift, length);
        lastShift = Arrays.copyOf(lastShift, length);
        lastShiftVol = Arrays.copyOf(lastShiftVol, length);
        lastSpreadMult = Arrays.copyOf(lastSpreadMult, length);
        lastFullSize = Arrays.copyOf(lastFullSize, length);
        lastState = Arrays.copyOf(lastState, length);
        silentLowUsd = Arrays.copyOf(silentLowUsd, length);
        silentHighUsd = Arrays.copyOf(silentHighUsd, length);
        lastQuoteNs = Arrays.copyOf(lastQuoteNs, length);
        rateCapped = Arrays.copyOf(rateCapped, length);
    }
}
