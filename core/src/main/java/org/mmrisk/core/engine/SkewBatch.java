package org.mmrisk.core.engine;

import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.ContractUnit;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.exposure.ContractRisk;
import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.scenario.GridFigures;
import org.mmrisk.core.scenario.ScenarioRisk;
import org.mmrisk.core.skew.SkewRule;

/**
 * One underlying's skew terms for the current batch — W·G and the spread multiplier of {@link SkewRule}, computed
 * once by {@link #prepare} — and the rule applied to one instrument of it ({@link #quote}), which records the outcome
 * in the instrument's {@link LastQuote}, its only writer. Owned by the engine thread; allocation-free.
 */
public final class SkewBatch
{
    /** Why an instrument's risk is unknown ({@code AlertCode.QUOTE_UNKNOWN_RISK}'s value): it cannot be priced. */
    static final int UNPRICED = 1;
    /** Its skew is not a finite number. */
    static final int NON_FINITE_SKEW = 2;

    private final EngineConfig config;
    private final double rateCapGapNs;
    /** The batch's terms, written by {@link #prepare} only: W·G's delta, gamma and vega terms, the spread multiplier. */
    double deltaTermUsd;
    double gammaTerm;
    double vegaTerm;
    double spreadMult;
    QuotingState state;
    long nowNs;

    /** The prepared underlying's exposure and the axis REDUCE_ONLY sizes against. */
    private double delta;
    private double gamma;
    private double vega;
    private LimitKind reduceAxis;
    /** Why the instrument {@link #quote} decided last had unknown risk; 0: it was known. */
    private int unknownCause;

    SkewBatch(final EngineConfig config)
    {
        this.config = config;
        this.rateCapGapNs = SkewRule.rateCapGapNs(config.maxQuotesPerSecond());
    }

    /**
     * Computes the underlying's share of every instrument's skew for the batch ending at {@code nowNs}.
     */
    void prepare(final UnderlyingRisk u, final long nowNs)
    {
        prepare(u, u.delta(), nowNs);
    }

    /**
     * {@link #prepare(UnderlyingRisk, long)} as if the underlying's delta were {@code deltaCoins} (a what-if, and the
     * benchmark's way to move the book without the rest of the engine).
     */
    void prepare(final UnderlyingRisk u, final double deltaCoins, final long nowNs)
    {
        delta = deltaCoins;
        gamma = u.gamma();
        vega = u.vega();
        reduceAxis = u.quoting().reduceAxis();
        deltaTermUsd = SkewRule.deltaTermUsd(config.riskAversionPerUsd(), config.indexVolatility(), u.indexUsd(),
            config.skewHorizonYears(), delta);
        gammaTerm = SkewRule.weightedTerm(config.skewGammaWeight(), gamma);
        vegaTerm = SkewRule.weightedTerm(config.skewVegaWeight(), vega);
        spreadMult = SkewRule.spreadMult(u.quoting().realizedVol(), config.indexVolatility(), config.spreadPerUtilization(),
            u.quoting().maxUtilization(), u.state(), config.widenSpreadMult());
        state = u.state();
        this.nowNs = nowNs;
    }

    double rateCapGapNs()
    {
        return rateCapGapNs;
    }

    /**
     * Fills the adjustment of a candidate instrument of the prepared underlying ({@link #isCandidate}) and decides
     * it; a decision that changes anything is recorded in its {@link LastQuote}. An instrument whose risk is unknown
     * — it cannot be priced, or its shift or spread is not a finite number — gets a HALT ({@link #unknownCause}
     * says why), which a state change sends at once, whatever the rate cap.
     *
     * @return {@link SkewRule#SEND} when it goes out, {@link SkewRule#HELD} when the rate cap holds back a first
     * adjustment since the last sent, else {@link SkewRule#SILENT}.
     */
    int quote(final InstrumentState instrument, final UnderlyingRisk u, final QuoteAdjustment adjustment)
    {
        final Instrument terms = instrument.instrument();
        final boolean option = terms.kind() == InstrumentKind.OPTION;
        unknownCause = 0;
        if (!isQuoted(instrument))
        {
            unknownCause = UNPRICED;
            haltUnknown(instrument.lastQuote, option, adjustment);
            return record(instrument.lastQuote, adjustment, terms.tickSize());
        }
        final ContractRisk risk = instrument.risk();
        final double shiftUsdPerCoin = SkewRule.shiftUsd(risk.deltaPerCoin, gammaPerCoin(instrument),
            risk.vegaPerCoin, deltaTermUsd, gammaTerm, vegaTerm);
        adjustment.shift = SkewRule.shift(shiftUsdPerCoin, SkewRule.priceUnitUsd(terms.isCoinQuoted(), risk.forward));
        adjustment.shiftVol = SkewRule.shiftVol(option, shiftUsdPerCoin, risk.vegaPerCoin, config.maxShiftVolPoints());
        if (!SkewRule.isKnown(adjustment.shift, adjustment.shiftVol, option, spreadMult))
        {
            unknownCause = NON_FINITE_SKEW;
            haltUnknown(instrument.lastQuote, option, adjustment);
            return record(instrument.lastQuote, adjustment, terms.tickSize());
        }
        adjustment.bidSpreadMult = spreadMult;
        adjustment.askSpreadMult = spreadMult;
        final double direction = isMarginAxis(reduceAxis) ? marginDirection(instrument, u) :
            SkewRule.reduceDirection(reduceAxis, delta, gamma, vega, risk.delta, skewGamma(instrument), risk.vega);
        adjustment.bidSizeMult = SkewRule.bidSizeMult(state, direction);
        adjustment.askSizeMult = SkewRule.askSizeMult(state, direction);
        adjustment.state = state;
        adjustment.bidMaxQty = instrument.scenario().bidMaxQty;
        adjustment.askMaxQty = instrument.scenario().askMaxQty;
        return record(instrument.lastQuote, adjustment, terms.tickSize());
    }

    /**
     * Repeats the instrument's last adjustment with its new largest sizes (from margin headroom), which moved by more
     * than {@code engine.margin.sizingChange}; the skew's own record stays as it is.
     */
    static void resize(final InstrumentState instrument, final QuoteAdjustment adjustment)
    {
        instrument.lastQuote.repeatInto(adjustment);
        adjustment.bidMaxQty = instrument.scenario().bidMaxQty;
        adjustment.askMaxQty = instrument.scenario().askMaxQty;
        instrument.lastQuote.resized(adjustment);
    }

    private static boolean isMarginAxis(final LimitKind axis)
    {
        return axis == LimitKind.MARGIN_UTILIZATION || axis == LimitKind.LIQUIDATION_PROXIMITY;
    }

    /**
     * REDUCE_ONLY on a margin limit: the side whose fill lowers the initial margin, read from the instrument's risk
     * array at the grid point that sets the worst loss — positive (only the offer) when a contract bought loses
     * there, negative (only the bid) when it gains, neither without an array or a loss.
     */
    private static double marginDirection(final InstrumentState instrument, final UnderlyingRisk u)
    {
        final ScenarioRisk array = instrument.scenarioRisk();
        final GridFigures grid = u.scenarios().gridFigures();
        if (array == null || !array.isCentred() || !(grid.worstLoss() > 0))
        {
            return 0;
        }
        final int worst = grid.worstPoint();
        final double balancePerFill = HeadroomSizing.balancePerFill(array.contract(), u.scenarios().currency(),
            Double.NaN);
        return -Math.signum(array.pnl(worst) + balancePerFill * u.scenarios().points().move(worst));
    }

    /**
     * @return why the instrument last decided by {@link #quote} had unknown risk ({@link #UNPRICED},
     * {@link #NON_FINITE_SKEW}), 0 when it was known.
     */
    int unknownCause()
    {
        return unknownCause;
    }

    /**
     * An instrument whose risk is unknown is not quoted: HALT, both sizes 0, with the last shift and spread it was
     * sent (finite, so that the next halt sends nothing new).
     */
    private static void haltUnknown(final LastQuote last, final boolean option, final QuoteAdjustment adjustment)
    {
        adjustment.shift = SkewRule.lastOr(last.shift(), 0);
        adjustment.shiftVol = option ? SkewRule.lastOr(last.shiftVol(), 0) : Double.NaN;
        adjustment.bidSpreadMult = SkewRule.lastOr(last.spreadMult(), 1);
        adjustment.askSpreadMult = adjustment.bidSpreadMult;
        adjustment.bidSizeMult = SkewRule.HALT_SIZE_MULT;
        adjustment.askSizeMult = SkewRule.HALT_SIZE_MULT;
        adjustment.state = QuotingState.HALT;
        adjustment.bidMaxQty = Double.NaN;
        adjustment.askMaxQty = Double.NaN;
    }

    private int record(final LastQuote last, final QuoteAdjustment adjustment, final double tickSize)
    {
        final boolean moved = SkewRule.moved(adjustment.shift, last.shift(), config.minShiftTicks() * tickSize,
            adjustment.shiftVol, last.shiftVol(), config.minShiftVolPoints(), adjustment.bidSpreadMult,
            last.spreadMult(), adjustment.bidSizeMult, last.bidSizeMult(), adjustment.askSizeMult,
            last.askSizeMult());
        final int decision = SkewRule.decide(last.state() != adjustment.state, last.shift(), moved, last.quoteNs(),
            nowNs, rateCapGapNs);
        if (decision == SkewRule.SEND)
        {
            last.sent(adjustment, nowNs);
            return SkewRule.SEND;
        }
        return decision == SkewRule.HELD && last.hold() ? SkewRule.HELD : SkewRule.SILENT;
    }

    /**
     * @return the instrument's gamma per contract as the skew counts it ({@link SkewRule#skewGamma}): with the
     * underlying's own equity switch, which the aggregates use and a restored checkpoint keeps.
     */
    static double skewGamma(final InstrumentState instrument)
    {
        final Instrument terms = instrument.instrument();
        return SkewRule.skewGamma(instrument.risk().gamma, terms.isInverse() && !terms.isOption(),
            instrument.underlying().account().equityDelta());
    }

    /**
     * @return the instrument's gamma per coin of notional, as the skew counts it.
     */
    static double gammaPerCoin(final InstrumentState instrument)
    {
        final Instrument terms = instrument.instrument();
        final ContractRisk risk = instrument.risk();
        return SkewRule.gammaPerCoin(skewGamma(instrument), terms.contractSize(),
            terms.contractUnit() == ContractUnit.USD, risk.forward);
    }

    static boolean isQuoted(final InstrumentState instrument)
    {
        return SkewRule.isQuoted(instrument.instrument().kind() == InstrumentKind.INDEX, instrument.risk().priced);
    }

    /**
     * @return true for the instruments whose quote is decided at every batch of a full pass: those quoted, and
     * those that were sent an adjustment and can no longer be priced (they get a HALT).
     */
    static boolean isCandidate(final InstrumentState instrument)
    {
        return isQuoted(instrument) || instrument.lastQuote.state() != null;
    }
}
