package org.mmrisk.core.engine;

import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.skew.SkewRule;
import org.mmrisk.core.state.StateIo;

/**
 * What was last sent for one instrument — the quote adjustment's shift, vol shift, spread and size multipliers, the
 * quoting state and the engine time it went out — and whether the rate cap holds a newer one back: what
 * {@link SkewRule#decide} compares a new adjustment with. Part of the instrument's saved state.
 * <p>
 * One writer: {@link SkewBatch#quote}, on the engine thread, records each decision here (a restore fills it through
 * {@link #exchangeState}). Everyone else only reads.
 */
final class LastQuote
{
    private double shift = Double.NaN;
    private double shiftVol = Double.NaN;
    private double spreadMult = Double.NaN;
    private double bidSizeMult = Double.NaN;
    private double askSizeMult = Double.NaN;
    private long quoteNs = Long.MIN_VALUE;
    /** A quote adjustment is held back by the rate cap; the latest value goes out once the cap lifts. */
    private boolean rateCapped;
    private QuotingState state;
    /** The largest sizes last sent (NaN: absent). */
    private double bidMaxQty = Double.NaN;
    private double askMaxQty = Double.NaN;

    /**
     * The adjustment went out at {@code nowNs}.
     */
    void sent(final QuoteAdjustment adjustment, final long nowNs)
    {
        shift = adjustment.shift;
        shiftVol = adjustment.shiftVol;
        spreadMult = adjustment.bidSpreadMult;
        bidSizeMult = adjustment.bidSizeMult;
        askSizeMult = adjustment.askSizeMult;
        state = adjustment.state;
        quoteNs = nowNs;
        rateCapped = false;
        resized(adjustment);
    }

    /**
     * The adjustment's largest sizes went out (with the adjustment, or repeating the last one: then the skew's last
     * values, its send time and whether it holds one back stay as they are, so that the skew table's copies of them
     * stay true).
     */
    void resized(final QuoteAdjustment adjustment)
    {
        bidMaxQty = adjustment.bidMaxQty;
        askMaxQty = adjustment.askMaxQty;
    }

    /**
     * Fills {@code adjustment} with what was last sent, for a repeat that only changes its largest sizes.
     */
    void repeatInto(final QuoteAdjustment adjustment)
    {
        adjustment.shift = shift;
        adjustment.shiftVol = shiftVol;
        adjustment.bidSpreadMult = spreadMult;
        adjustment.askSpreadMult = spreadMult;
        adjustment.bidSizeMult = bidSizeMult;
        adjustment.askSizeMult = askSizeMult;
        adjustment.state = state;
    }

    /**
     * @return true when the values last decided are finite numbers (else the output check sent a HALT instead).
     */
    boolean isFinite()
    {
        return Double.isFinite(shift) && !Double.isInfinite(shiftVol) && Double.isFinite(spreadMult) &&
            Double.isFinite(bidSizeMult) && Double.isFinite(askSizeMult);
    }

    double bidMaxQty()
    {
        return bidMaxQty;
    }

    double askMaxQty()
    {
        return askMaxQty;
    }

    /**
     * The rate cap holds an adjustment back.
     *
     * @return true when none was held back since the last one sent.
     */
    boolean hold()
    {
        if (rateCapped)
        {
            return false;
        }
        rateCapped = true;
        return true;
    }

    double shift()
    {
        return shift;
    }

    double shiftVol()
    {
        return shiftVol;
    }

    double spreadMult()
    {
        return spreadMult;
    }

    double bidSizeMult()
    {
        return bidSizeMult;
    }

    double askSizeMult()
    {
        return askSizeMult;
    }

    long quoteNs()
    {
        return quoteNs;
    }

    boolean rateCapped()
    {
        return rateCapped;
    }

    /**
     * @return the quoting state the last adjustment was sent under; null before the first.
     */
    QuotingState state()
    {
        return state;
    }

    /**
     * Saves or restores these fields, in the order of the instrument's state record.
     */
    void exchangeState(final StateIo io)
    {
        shift = io.f64(shift);
        shiftVol = io.f64(shiftVol);
        spreadMult = io.f64(spreadMult);
        bidSizeMult = io.f64(bidSizeMult);
        askSizeMult = io.f64(askSizeMult);
        quoteNs = io.i64(quoteNs);
        rateCapped = io.bool(rateCapped);
        state = io.enumValue(state, QuotingState.VALUES);
        bidMaxQty = io.f64(bidMaxQty);
        askMaxQty = io.f64(askMaxQty);
    }
}
