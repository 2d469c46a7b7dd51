package org.mmrisk.core.engine;

import org.mmrisk.core.event.QuotingState;

/**
 * What the last full skew pass of an underlying proved, so that later batches can skip the pass when nothing can
 * have moved an instrument by its threshold.
 * <p>
 * Every instrument's shift is linear in the underlying's three skew terms (delta, gamma and vega terms of W·G):
 * shift_i = −(a_i·D + b_i·G + c_i·V) / conv_i. After a pass, instrument i still has slack s_i = threshold_i −
 * |shift_i(terms at the pass) − its last emitted shift| (and likewise in vol points for options, whose shiftVol is
 * 1-Lipschitz in shift / vega). No instrument can reach its threshold while
 * <pre>  |ΔD|·max_i |a_i|/(conv_i s_i) + |ΔG|·max_i |b_i|/(conv_i s_i) + |ΔV|·max_i |c_i|/(conv_i s_i) &lt; 1</pre>
 * with Δ measured from the pass, the spread multiplier within its own slack and the state unchanged (and NORMAL
 * or WIDEN, where sizes do not depend on exposure signs). Instruments re-anchored since (new coefficients) are
 * re-checked one by one and folded into the maxima; anything else — a state change, a held-back quote, a full
 * revaluation — forces the full pass. Owned by the engine thread.
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
    private double maxRatioDelta;
    private double maxRatioGamma;
    private double maxRatioVega;
    private double spreadSlack;

    void begin(final double deltaTermUsd, final double gammaTerm, final double vegaTerm, final double spreadMult,
        final QuotingState state)
    {
        valid = state == QuotingState.NORMAL || state == QuotingState.WIDEN;
        this.deltaTermUsd = deltaTermUsd;
        this.gammaTerm = gammaTerm;
        this.vegaTerm = vegaTerm;
        this.spreadMult = spreadMult;
        this.state = state;
        maxRatioDelta = 0;
        maxRatioGamma = 0;
        maxRatioVega = 0;
        spreadSlack = Double.POSITIVE_INFINITY;
    }

    QuotingState stateOrNull()
    {
        return state;
    }

    void invalidate()
    {
        valid = false;
    }

    /**
     * Folds one instrument in: its coefficients per unit of each term (already divided by its conversion) and its
     * slack in the same unit.
     */
    void include(final double perDelta, final double perGamma, final double perVega, final double slack)
    {
        if (!(slack > 0))
        {
            valid = false;
            return;
        }
        maxRatioDelta = Math.max(maxRatioDelta, Math.abs(perDelta) / slack);
        maxRatioGamma = Math.max(maxRatioGamma, Math.abs(perGamma) / slack);
        maxRatioVega = Math.max(maxRatioVega, Math.abs(perVega) / slack);
    }

    void includeSpreadSlack(final double slack)
    {
        spreadSlack = Math.min(spreadSlack, slack);
    }

    /**
     * @return true when no instrument can have moved by its threshold since the pass.
     */
    boolean allowsSkip(final double deltaTermUsd, final double gammaTerm, final double vegaTerm,
        final double spreadMult, final QuotingState state)
    {
        if (!valid || state != this.state || !(Math.abs(spreadMult - this.spreadMult) < spreadSlack * SAFETY))
        {
            return false;
        }
        final double reach = Math.abs(deltaTermUsd - this.deltaTermUsd) * maxRatioDelta +
            Math.abs(gammaTerm - this.gammaTerm) * maxRatioGamma + Math.abs(vegaTerm - this.vegaTerm) * maxRatioVega;
        return reach < SAFETY;
    }
}
