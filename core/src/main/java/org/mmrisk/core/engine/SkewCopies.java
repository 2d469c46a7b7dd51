package org.mmrisk.core.engine;

import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.exposure.ContractRisk;
import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.skew.SkewRule;

import java.util.Arrays;

/**
 * The {@link SkewTable}'s copies of the skew inputs of every instrument of one underlying, in flat arrays in book
 * order, and each instrument's <em>silent band</em>: the open interval of shifts (USD per coin) in which neither the
 * shift nor the vol shift reaches its threshold from the last sent values, narrowed against rounding. The
 * coefficients are copied from the instrument's {@link ContractRisk} ({@link #copyRisk}), the last values from its
 * {@link LastQuote} ({@link #copyLast}); both through {@link SkewRule}'s functions, as {@link SkewBatch} reads them.
 * Derived data, not saved. Owned by the engine thread; allocation-free once its arrays have grown to the book.
 */
final class SkewCopies
{
    /** The state of an instrument never sent. */
    static final int NO_STATE = -1;
    /**
     * Relative width kept between the silent band and the thresholds: many orders of magnitude above the few
     * roundings on either side, many below any threshold a desk would set.
     */
    static final double BAND_MARGIN = 1e-12;

    private final EngineConfig config;
    InstrumentState[] states = new InstrumentState[0];
    boolean[] quoted = new boolean[0];
    boolean[] option = new boolean[0];
    double[] deltaPerCoin = new double[0];
    double[] gammaPerCoin = new double[0];
    double[] vegaPerCoin = new double[0];
    /** USD per unit of the quoted price ({@link SkewRule#priceUnitUsd}): the forward, or exactly 1. */
    double[] divisor = new double[0];
    double[] minShift = new double[0];
    double[] lastShift = new double[0];
    double[] lastShiftVol = new double[0];
    double[] lastSpreadMult = new double[0];
    double[] lastBidSizeMult = new double[0];
    double[] lastAskSizeMult = new double[0];
    int[] lastState = new int[0];
    double[] silentLowUsd = new double[0];
    double[] silentHighUsd = new double[0];
    long[] lastQuoteNs = new long[0];
    boolean[] rateCapped = new boolean[0];

    SkewCopies(final EngineConfig config)
    {
        this.config = config;
    }

    void copyRisk(final int i, final InstrumentState instrument)
    {
        final Instrument terms = instrument.instrument();
        final ContractRisk risk = instrument.risk();
        quoted[i] = SkewBatch.isQuoted(instrument);
        option[i] = terms.kind() == InstrumentKind.OPTION;
        deltaPerCoin[i] = risk.deltaPerCoin;
        gammaPerCoin[i] = SkewBatch.gammaPerCoin(instrument);
        vegaPerCoin[i] = risk.vegaPerCoin;
        divisor[i] = SkewRule.priceUnitUsd(terms.isCoinQuoted(), risk.forward);
        minShift[i] = config.minShiftTicks() * terms.tickSize();
    }

    void copyLast(final int i, final InstrumentState instrument)
    {
        final LastQuote last = instrument.lastQuote;
        lastShift[i] = last.shift();
        lastShiftVol[i] = last.shiftVol();
        lastSpreadMult[i] = last.spreadMult();
        lastBidSizeMult[i] = last.bidSizeMult();
        lastAskSizeMult[i] = last.askSizeMult();
        lastState[i] = last.state() == null ? NO_STATE : last.state().ordinal();
        lastQuoteNs[i] = last.quoteNs();
        rateCapped[i] = last.rateCapped();
    }

    /**
     * @return true when the instrument is not quoted (it cannot be priced) but its HALT for unknown risk may change
     * what was last sent ({@link SkewRule#isHaltDue}): it must be decided.
     */
    boolean isHaltDue(final int i)
    {
        return !quoted[i] && SkewRule.isHaltDue(lastState[i] != NO_STATE, lastState[i] == QuotingState.HALT.ordinal(),
            lastShift[i], lastSpreadMult[i], lastBidSizeMult[i], lastAskSizeMult[i]);
    }

    /**
     * The instrument's shift (USD per coin) at these skew terms.
     */
    double shiftUsd(final int i, final double deltaTerm, final double gammaTerm, final double vegaTerm)
    {
        return SkewRule.shiftUsd(deltaPerCoin[i], gammaPerCoin[i], vegaPerCoin[i], deltaTerm, gammaTerm, vegaTerm);
    }

    /**
     * How far inside its band the instrument's shift must be to be silent: {@link #BAND_MARGIN} of its terms.
     */
    double roundingUsd(final int i, final double deltaTerm, final double gammaTerm, final double vegaTerm)
    {
        return BAND_MARGIN * (Math.abs(deltaPerCoin[i] * deltaTerm) + Math.abs(gammaPerCoin[i] * gammaTerm) +
            Math.abs(vegaPerCoin[i] * vegaTerm));
    }

    /**
     * @return true when a shift, give or take its rounding allowance, is inside the instrument's silent band.
     */
    boolean isInsideBand(final int i, final double shiftUsdPerCoin, final double roundingUsd)
    {
        return shiftUsdPerCoin - roundingUsd > silentLowUsd[i] && shiftUsdPerCoin + roundingUsd < silentHighUsd[i];
    }

    /**
     * The distance (USD per coin) from a shift to the nearer end of the instrument's silent band, less three times
     * its rounding allowance: one for the allowance where it was computed, one for the allowance's growth as the
     * terms move, one for the roundings of both shifts. Not positive, or NaN, when the instrument is not silent there.
     */
    double slackUsd(final int i, final double shiftUsdPerCoin, final double roundingUsd)
    {
        return Math.min(shiftUsdPerCoin - silentLowUsd[i], silentHighUsd[i] - shiftUsdPerCoin) - 3 * roundingUsd;
    }

    /**
     * Sets the instrument's silent band, narrowed by {@link #BAND_MARGIN} of its ends so that rounding never puts
     * inside it a shift that {@link SkewRule#moved} would call moved; NaN (nothing is inside) when the last values
     * or the instrument's figures leave no such interval. Only full sizes can be silent: NORMAL and WIDEN quote so.
     */
    void band(final int i)
    {
        double low = Double.NaN;
        double high = Double.NaN;
        final boolean lastFullSize = lastBidSizeMult[i] == 1 && lastAskSizeMult[i] == 1;
        if (lastFullSize && divisor[i] > 0 && Double.isFinite(divisor[i]))
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

    /**
     * Drops the references past the book's end.
     */
    void clearFrom(final int count)
    {
        Arrays.fill(states, count, states.length, null);
    }

    void grow(final int capacity)
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
        lastBidSizeMult = Arrays.copyOf(lastBidSizeMult, length);
        lastAskSizeMult = Arrays.copyOf(lastAskSizeMult, length);
        lastState = Arrays.copyOf(lastState, length);
        silentLowUsd = Arrays.copyOf(silentLowUsd, length);
        silentHighUsd = Arrays.copyOf(silentHighUsd, length);
        lastQuoteNs = Arrays.copyOf(lastQuoteNs, length);
        rateCapped = Arrays.copyOf(rateCapped, length);
    }
}
