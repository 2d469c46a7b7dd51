package org.mmrisk.core.engine;

import org.agrona.collections.Int2ObjectHashMap;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.state.StateIo;

import java.util.ArrayList;
import java.util.List;

/**
 * What the last full skew pass of an underlying proved, so that later batches re-evaluate only the instruments that
 * can have moved by their threshold.
 * <p>
 * Every instrument's shift is linear in the underlying's three skew terms (delta, gamma and vega terms of W·G):
 * shift_i = −(a_i·D + b_i·G + c_i·V) / conv_i. After the full pass, instrument i has slack s_i = threshold_i −
 * |shift_i(terms at the pass) − its last emitted shift| (and likewise in vol points for options, whose shiftVol is
 * 1-Lipschitz in shift / vega). With κ_i = max(|a_i|, |b_i|, |c_i|) / (conv_i·s_i) and E = |ΔD| + |ΔG| + |ΔV|
 * measured from the pass, instrument i cannot reach its threshold while κ_i·E &lt; 1. The pass keeps each
 * instrument's κ, so a later batch marks only those with κ·E ≥ 1 (one comparison each; what was marked once stays
 * marked until the next full pass) and the instruments re-anchored since the pass (their coefficients changed); the
 * marked ones are then evaluated in book order, so the outputs are exactly those of a full pass. An instrument without slack (a held-back quote, an option without vega) gets κ = ∞ and is always
 * marked. A state change, a spread move beyond its slack, a full revaluation, or a prefix or re-anchored set beyond
 * a quarter of the book (at least 16) ends in a new full pass. Owned by the engine thread; allocation-free once its
 * arrays have grown to the book.
 */
final class SkewScan
{
    /** Margin under 1 that absorbs rounding in the shifts themselves. */
    private static final double SAFETY = 0.999;

    private boolean valid;
    double deltaTermUsd;
    double gammaTerm;
    double vegaTerm;
    double spreadMult;
    private QuotingState state;
    private double spreadSlack;
    private InstrumentState[] order = new InstrumentState[16];
    private double[] keys = new double[16];
    private int count;
    /** The lowest key marked since the full pass: every instrument at or above it is evaluated at each batch. */
    private double markedFromKey;
    private final List<InstrumentState> reanchored = new ArrayList<>();
    private double currentKey;

    void begin(final double deltaTermUsd, final double gammaTerm, final double vegaTerm, final double spreadMult,
        final QuotingState state, final int capacity)
    {
        valid = state == QuotingState.NORMAL || state == QuotingState.WIDEN;
        this.deltaTermUsd = deltaTermUsd;
        this.gammaTerm = gammaTerm;
        this.vegaTerm = vegaTerm;
        this.spreadMult = spreadMult;
        this.state = state;
        spreadSlack = Double.POSITIVE_INFINITY;
        if (order.length < capacity)
        {
            order = new InstrumentState[capacity];
            keys = new double[capacity];
        }
        count = 0;
        markedFromKey = Double.POSITIVE_INFINITY;
        for (int i = 0, n = reanchored.size(); i < n; i++)
        {
            reanchored.get(i).inSkewRecheck = false;
        }
        reanchored.clear();
    }

    QuotingState stateOrNull()
    {
        return state;
    }

    /**
     * Starts the key of one instrument (folded from its shift and vol-shift conditions).
     */
    void startKey()
    {
        currentKey = 0;
    }

    /**
     * Folds one condition into the current key: the coefficients per unit of each term (already divided by the
     * conversion) and the slack in the same unit.
     */
    void include(final double perDelta, final double perGamma, final double perVega, final double slack)
    {
        if (!(slack > 0))
        {
            currentKey = Double.POSITIVE_INFINITY;
            return;
        }
        final double largest = Math.max(Math.abs(perDelta), Math.max(Math.abs(perGamma), Math.abs(perVega)));
        currentKey = Math.max(currentKey, largest / slack);
    }

    void alwaysVisit()
    {
        currentKey = Double.POSITIVE_INFINITY;
    }

    void includeSpreadSlack(final double slack)
    {
        spreadSlack = Math.min(spreadSlack, slack);
    }

    /**
     * Records the instrument with its key during a full pass, in book order.
     */
    void record(final InstrumentState instrument)
    {
        order[count] = instrument;
        keys[count] = currentKey;
        count++;
    }

    /**
     * Keeps an instrument re-anchored since the full pass for evaluation at every later batch.
     */
    void recheck(final InstrumentState instrument)
    {
        if (!instrument.inSkewRecheck)
        {
            instrument.inSkewRecheck = true;
            reanchored.add(instrument);
        }
    }

    /**
     * Marks ({@link InstrumentState#skewDue}) what this batch must evaluate.
     *
     * @return false when a full pass is due instead (nothing marked).
     */
    boolean markDue(final double deltaTermUsd, final double gammaTerm, final double vegaTerm,
        final double spreadMult, final QuotingState state)
    {
        if (!valid || state != this.state || !(Math.abs(spreadMult - this.spreadMult) < spreadSlack * SAFETY) ||
            reanchored.size() > partialLimit())
        {
            return false;
        }
        final double reach = Math.abs(deltaTermUsd - this.deltaTermUsd) + Math.abs(gammaTerm - this.gammaTerm) +
            Math.abs(vegaTerm - this.vegaTerm);
        // what was due once stays due until the next full pass: the threshold only falls
        markedFromKey = Math.min(markedFromKey, reach > 0 ? SAFETY / reach : Double.POSITIVE_INFINITY);
        int marked = 0;
        for (int i = 0; i < count; i++)
        {
            if (keys[i] >= markedFromKey)
            {
                order[i].skewDue = true;
                marked++;
            }
        }
        for (int i = 0, n = reanchored.size(); i < n; i++)
        {
            reanchored.get(i).skewDue = true;
        }
        if (marked > partialLimit())
        {
            clearMarks();
            return false;
        }
        return true;
    }

    private void clearMarks()
    {
        for (int i = 0; i < count; i++)
        {
            order[i].skewDue = false;
        }
        for (int i = 0, n = reanchored.size(); i < n; i++)
        {
            reanchored.get(i).skewDue = false;
        }
    }

    /**
     * A partial pass marks at most a quarter of the book (at least 16): beyond that a full pass costs little more
     * and renews the bound.
     */
    private int partialLimit()
    {
        return Math.max(count / 4, 16);
    }

    /**
     * Saves or restores what the last full pass proved; instruments are recorded by id.
     */
    void exchangeState(final StateIo io, final Int2ObjectHashMap<InstrumentState> instruments)
    {
        valid = io.bool(valid);
        deltaTermUsd = io.f64(deltaTermUsd);
        gammaTerm = io.f64(gammaTerm);
        vegaTerm = io.f64(vegaTerm);
        spreadMult = io.f64(spreadMult);
        state = io.enumValue(state, QuotingState.VALUES);
        spreadSlack = io.f64(spreadSlack);
        count = io.count(count, instruments.size(), "skew scan entries");
        if (io.isReading() && order.length < count)
        {
            order = new InstrumentState[count];
            keys = new double[count];
        }
        for (int i = 0; i < count; i++)
        {
            order[i] = EngineStateCodec.exchangeInstrument(io, order[i], instruments);
            keys[i] = io.f64(keys[i]);
        }
        markedFromKey = io.f64(markedFromKey);
        currentKey = io.f64(currentKey);
        EngineStateCodec.exchangeInstruments(io, reanchored, instruments);
    }
}
