package org.mmrisk.core.engine;

import org.mmrisk.core.event.ContractUnit;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.output.QuoteAdjustment;

/**
 * Inventory skew: a multi-Greek Avellaneda–Stoikov reservation-price shift, spreads that widen with limit
 * utilization, realized volatility and the WIDEN rung, and sizes that follow the quoting state.
 * Owned by the engine thread; allocation-free.
 * <p>
 * With the underlying's exposure G = (delta q in coins, gamma Γ, vega V) and a diagonal risk-aversion
 * W = diag(γ·σ_S²·τ, W_ΓΓ, W_νν) — γ the risk aversion per USD, σ_S = vol × S the index's absolute volatility in USD
 * per √year, τ the horizon in years — the shift of instrument i per coin of its notional is
 * <pre>  shiftUsd_i = −g_i·W·G = −(δ_i·γσ_S²τ·q + γ_i·W_ΓΓ·Γ + ν_i·W_νν·V)</pre>
 * with g_i = (δ_i, γ_i, ν_i) its delta, gamma and vega per coin. For the index (δ = 1, no gamma or vega) this is
 * exactly the A–S reservation price −q·γ·σ_S²·τ. The shift is expressed per unit of the quoted price: USD as is,
 * coin-quoted options divided by the forward. Options also get it in vol points, shiftUsd / vega per coin,
 * capped where vega is too small for that to mean much.
 */
final class InventorySkew
{
    /** The spread multiplier's move that sends an adjustment. */
    static final double MULT_STEP = 0.05;
    private static final double NANOS_PER_SECOND = 1e9;

    private final EngineConfig config;
    private final EngineCounters counters;
    private final double rateCapGapNs;
    /** Per-underlying terms of the current batch, set by {@link #prepare}. */
    private double deltaTermUsd;
    private double gammaTerm;
    private double vegaTerm;
    private double spreadMult;

    InventorySkew(final EngineConfig config, final EngineCounters counters)
    {
        this.config = config;
        this.counters = counters;
        this.rateCapGapNs = rateCapGapNs(config.maxQuotesPerSecond());
    }

    /**
     * Computes the underlying's share of every instrument's skew once per batch: W·G and the spread multiplier.
     */
    void prepare(final UnderlyingRisk u)
    {
        prepare(u, u.delta());
    }

    /**
     * {@link #prepare(UnderlyingRisk)} at another delta (coins) than the underlying's.
     */
    void prepare(final UnderlyingRisk u, final double delta)
    {
        final double sigmaUsd = config.indexVolatility() * u.indexUsd();
        deltaTermUsd = config.riskAversionPerUsd() * sigmaUsd * sigmaUsd * config.skewHorizonYears() * delta;
        gammaTerm = config.skewGammaWeight() * u.gamma();
        vegaTerm = config.skewVegaWeight() * u.vega();
        spreadMult = spreadMult(u);
    }

    /**
     * Fills the adjustment for {@code state} and decides whether it is worth emitting now; {@link #prepare} was
     * called for its underlying in this batch.
     *
     * @return true when the state changed (always sent), or the shift, the vol shift or a multiplier moved by its
     * threshold and the instrument's rate cap allows.
     */
    boolean update(final InstrumentState state, final UnderlyingRisk underlying, final QuoteAdjustment adjustment,
        final long nowNs)
    {
        final Instrument instrument = state.instrument();
        final ContractRisk risk = state.risk();
        final double shiftUsdPerCoin = -(risk.deltaPerCoin * deltaTermUsd + gammaPerCoin(instrument, risk) * gammaTerm +
            risk.vegaPerCoin * vegaTerm);
        adjustment.shift = instrument.isCoinQuoted() ? shiftUsdPerCoin / risk.forward : shiftUsdPerCoin;
        adjustment.shiftVol = instrument.kind() == InstrumentKind.OPTION ?
            shiftInVolPoints(shiftUsdPerCoin, risk.vegaPerCoin, config.maxShiftVolPoints()) : Double.NaN;
        adjustment.bidSpreadMult = spreadMult;
        adjustment.askSpreadMult = spreadMult;
        sizes(risk, underlying, adjustment);
        adjustment.state = underlying.state();
        return isWorthEmitting(state, adjustment, instrument, nowNs);
    }

    /**
     * Wider with the largest limit utilization and with realized volatility above the assumed one, and by
     * {@code widenSpreadMult} on the WIDEN rung and above.
     */
    private double spreadMult(final UnderlyingRisk u)
    {
        final double volRatio = Math.max(1, u.realizedVol() / config.indexVolatility());
        final double mult = (1 + config.spreadPerUtilization() * u.maxUtilization()) * volRatio;
        return u.state().ordinal() >= QuotingState.WIDEN.ordinal() ? mult * config.widenSpreadMult() : mult;
    }

    /**
     * NORMAL and WIDEN quote both sides; REDUCE_ONLY only the side that reduces the most utilized exposure (none
     * when the instrument has none of it); HALT neither.
     */
    private static void sizes(final ContractRisk risk, final UnderlyingRisk u, final QuoteAdjustment adjustment)
    {
        adjustment.bidSizeMult = 1;
        adjustment.askSizeMult = 1;
        if (u.state() == QuotingState.HALT)
        {
            adjustment.bidSizeMult = 0;
            adjustment.askSizeMult = 0;
        }
        else if (u.state() == QuotingState.REDUCE_ONLY)
        {
            final boolean vegaAxis = u.reduceAxis() == LimitKind.VEGA || u.reduceAxis() == LimitKind.EXPIRY_VEGA;
            final double exposure = vegaAxis ? u.vega() : u.reduceAxis() == LimitKind.DOLLAR_GAMMA ? u.gamma() : u.delta();
            final double perContract = vegaAxis ? risk.vega :
                u.reduceAxis() == LimitKind.DOLLAR_GAMMA ? risk.gamma : risk.delta;
            final double direction = Math.signum(exposure) * Math.signum(perContract);
            // buying adds to the exposure when both have the same sign: only the offer reduces it
            adjustment.bidSizeMult = direction < 0 ? 1 : 0;
            adjustment.askSizeMult = direction > 0 ? 1 : 0;
        }
    }

    private boolean isWorthEmitting(final InstrumentState state, final QuoteAdjustment adjustment,
        final Instrument instrument, final long nowNs)
    {
        if (state.lastState != adjustment.state || Double.isNaN(state.lastShift))
        {
            return true;
        }
        final boolean moved = Math.abs(adjustment.shift - state.lastShift) >= config.minShiftTicks() * instrument.tickSize() ||
            Math.abs(adjustment.shiftVol - state.lastShiftVol) >= config.minShiftVolPoints() ||
            Math.abs(adjustment.bidSpreadMult - state.lastSpreadMult) >= MULT_STEP ||
            adjustment.bidSizeMult != state.lastBidSizeMult || adjustment.askSizeMult != state.lastAskSizeMult;
        if (!moved)
        {
            return false;
        }
        if (isRateCapped(state.lastQuoteNs, nowNs, rateCapGapNs))
        {
            if (!state.rateCapped)
            {
                state.rateCapped = true;
                counters.increment(EngineCounter.QUOTES_RATE_CAPPED);
            }
            return false;
        }
        return true;
    }

    /**
     * The shift in vol points, capped at ±{@code capVolPoints} where vega is too small for it to mean much.
     */
    static double shiftInVolPoints(final double shiftUsdPerCoin, final double vegaUsdPerCoin,
        final double capVolPoints)
    {
        if (shiftUsdPerCoin == 0)
        {
            return 0;
        }
        if (Double.isNaN(shiftUsdPerCoin))
        {
            // a NaN has no sign to cap towards: copySign would read its sign bit, which the JIT does not fix
            return Double.NaN;
        }
        final double volPoints = vegaUsdPerCoin > 0 ? shiftUsdPerCoin / vegaUsdPerCoin :
            Math.copySign(capVolPoints, shiftUsdPerCoin);
        return Math.max(-capVolPoints, Math.min(capVolPoints, volPoints));
    }

    /**
     * @return the instrument's gamma per coin of notional (per contract over the coins one contract is).
     */
    static double gammaPerCoin(final Instrument instrument, final ContractRisk risk)
    {
        final double coinsPerContract = instrument.contractUnit() == ContractUnit.USD ?
            instrument.contractSize() / risk.forward : instrument.contractSize();
        return risk.gamma / coinsPerContract;
    }

    /**
     * Hands this batch's terms (from {@link #prepare}) to the underlying's {@link SkewTable}.
     */
    void prepare(final SkewTable table, final UnderlyingRisk underlying, final long nowNs)
    {
        table.prepare(underlying, deltaTermUsd, gammaTerm, vegaTerm, spreadMult, nowNs);
    }

    /**
     * @return the least engine time between two quotes of one instrument under the rate cap, for
     * {@link #isRateCapped}; minus infinity when there is no cap.
     */
    static double rateCapGapNs(final double maxPerSecond)
    {
        return maxPerSecond > 0 ? NANOS_PER_SECOND / maxPerSecond : Double.NEGATIVE_INFINITY;
    }

    /**
     * @return true while an instrument that last quoted at {@code lastQuoteNs} may not quote again.
     */
    static boolean isRateCapped(final long lastQuoteNs, final long nowNs, final double rateCapGapNs)
    {
        return lastQuoteNs != Long.MIN_VALUE && nowNs - lastQuoteNs < rateCapGapNs;
    }

    static void remember(final InstrumentState state, final QuoteAdjustment adjustment, final long nowNs)
    {
        state.lastShift = adjustment.shift;
        state.lastShiftVol = adjustment.shiftVol;
        state.lastSpreadMult = adjustment.bidSpreadMult;
        state.lastBidSizeMult = adjustment.bidSizeMult;
        state.lastAskSizeMult = adjustment.askSizeMult;
        state.lastState = adjustment.state;
        state.lastQuoteNs = nowNs;
        state.rateCapped = false;
    }

    static boolean isQuoted(final InstrumentState state)
    {
        return state.instrument().kind() != InstrumentKind.INDEX && state.risk().priced;
    }
}
