package org.mmrisk.core.skew;

import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.limits.LimitKind;

/**
 * The inventory-skew rule, written once, as functions of primitives: a multi-Greek Avellaneda–Stoikov
 * reservation-price shift, spreads that widen with limit utilization, realized volatility and the WIDEN rung, sizes
 * that follow the quoting state, and whether an adjustment is worth sending. {@code SkewBatch} applies it to the
 * engine's objects; the {@code SkewTable} also uses it to decide the instruments its bounds do not settle. Stateless
 * and allocation-free.
 * <p>
 * With the underlying's exposure G = (delta q in coins, gamma Γ, vega V) and a diagonal risk-aversion
 * W = diag(γ·σ_S²·τ, W_ΓΓ, W_νν) — γ the risk aversion per USD, σ_S = vol × S the index's absolute volatility in USD
 * per √year, τ the horizon in years — the shift of instrument i per coin of its notional is
 * <pre>  shiftUsd_i = −g_i·W·G = −(δ_i·γσ_S²τ·q + γ_i·W_ΓΓ·Γ + ν_i·W_νν·V)</pre>
 * with g_i = (δ_i, γ_i, ν_i) its delta, gamma and vega per coin ({@link #skewGamma}: an inverse future or perpetual
 * has no gamma while its coin P&L counts as equity). For the index (δ = 1, no gamma or vega) this is
 * exactly the A–S reservation price −q·γ·σ_S²·τ. The shift is expressed per unit of the quoted price: USD as is,
 * coin-quoted options divided by the forward. Options also get it in vol points, shiftUsd / vega per coin,
 * capped where vega is too small for that to mean much. The batch's terms W·G (the delta, gamma and vega terms) and
 * its spread multiplier are computed once per underlying and batch.
 */
public final class SkewRule
{
    /** The spread multiplier's move that sends an adjustment. */
    public static final double MULT_STEP = 0.05;
    /** {@link #decide}: nothing to send. */
    public static final int SILENT = 0;
    /** {@link #decide}: the adjustment goes out. */
    public static final int SEND = 1;
    /** {@link #decide}: the adjustment moved, but the rate cap holds it back. */
    public static final int HELD = 2;
    /** The size multiplier of both sides of an instrument whose risk is unknown: it is not quoted. */
    public static final double HALT_SIZE_MULT = 0;
    private static final double NANOS_PER_SECOND = 1e9;

    private SkewRule()
    {
    }

    /**
     * @return the delta term of W·G, USD per coin of delta per coin of notional: γ·(vol·S)²·τ·q.
     */
    public static double deltaTermUsd(final double riskAversionPerUsd, final double indexVolatility, final double indexUsd,
        final double horizonYears, final double delta)
    {
        if (delta == 0)
        {
            // a flat book has no delta term whatever the index: (vol·S)² can overflow to infinity, and ∞·0 is NaN
            return 0;
        }
        final double sigmaUsd = indexVolatility * indexUsd;
        return riskAversionPerUsd * sigmaUsd * sigmaUsd * horizonYears * delta;
    }

    /**
     * @return the gamma or vega term of W·G: its weight times the underlying's exposure.
     */
    public static double weightedTerm(final double weight, final double exposure)
    {
        return weight * exposure;
    }

    /**
     * Wider with the largest limit utilization and with realized volatility above the assumed one, and by
     * {@code widenSpreadMult} on the WIDEN rung and above.
     */
    public static double spreadMult(final double realizedVol, final double indexVolatility, final double spreadPerUtilization,
        final double maxUtilization, final QuotingState state, final double widenSpreadMult)
    {
        final double volRatio = Math.max(1, realizedVol / indexVolatility);
        final double mult = (1 + spreadPerUtilization * maxUtilization) * volRatio;
        return state.ordinal() >= QuotingState.WIDEN.ordinal() ? mult * widenSpreadMult : mult;
    }

    /**
     * @return true when the underlying's quoting state quotes both sides at full size (NORMAL and WIDEN), so that
     * sizes need no look at each instrument's side of the exposure.
     */
    public static boolean isFullSize(final QuotingState state)
    {
        return state == QuotingState.NORMAL || state == QuotingState.WIDEN;
    }

    /**
     * @return the gamma per contract the skew gives an instrument: its own, except none for an inverse future or
     * perpetual while its coin P&L counts as equity delta ({@code engine.equityDelta}). Its c/F coins of contract and
     * c·(1/entry − 1/F) coins of unrealized P&L are c/entry coins whatever the index (its equity view, as the
     * underlying's aggregates count it), and a contract traded at the quote has the delta the skew takes for it.
     */
    public static double skewGamma(final double gammaPerContract, final boolean inverseDeltaOne,
        final boolean equityDelta)
    {
        return inverseDeltaOne && equityDelta ? 0 : gammaPerContract;
    }

    /**
     * @return the instrument's gamma per coin of notional: per contract over the coins one contract is.
     */
    public static double gammaPerCoin(final double gammaPerContract, final double contractSize, final boolean usdSized,
        final double forward)
    {
        final double coinsPerContract = usdSized ? contractSize / forward : contractSize;
        return gammaPerContract / coinsPerContract;
    }

    /**
     * @return USD per unit of the quoted price: the forward for coin-quoted instruments, else exactly 1.
     */
    public static double priceUnitUsd(final boolean coinQuoted, final double forward)
    {
        return coinQuoted ? forward : 1.0;
    }

    /**
     * @return the shift in USD per coin of notional, −g·W·G, at the batch's terms.
     */
    public static double shiftUsd(final double deltaPerCoin, final double gammaPerCoin, final double vegaPerCoin,
        final double deltaTermUsd, final double gammaTerm, final double vegaTerm)
    {
        return -(deltaPerCoin * deltaTermUsd + gammaPerCoin * gammaTerm + vegaPerCoin * vegaTerm);
    }

    /**
     * @return the shift in the quoted price (dividing by exactly 1 changes no number).
     */
    public static double shift(final double shiftUsdPerCoin, final double priceUnitUsd)
    {
        return shiftUsdPerCoin / priceUnitUsd;
    }

    /**
     * @return the shift in vol points for an option, NaN for any other instrument.
     */
    public static double shiftVol(final boolean option, final double shiftUsdPerCoin, final double vegaUsdPerCoin,
        final double capVolPoints)
    {
        return option ? shiftInVolPoints(shiftUsdPerCoin, vegaUsdPerCoin, capVolPoints) : Double.NaN;
    }

    /**
     * The shift in vol points, capped at ±{@code capVolPoints} where vega is too small for it to mean much.
     */
    public static double shiftInVolPoints(final double shiftUsdPerCoin, final double vegaUsdPerCoin,
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
     * In REDUCE_ONLY, which side reduces the most utilized exposure ({@code axis}): positive when the instrument
     * adds to it when bought (only the offer reduces it), negative when it reduces it, otherwise neither side.
     */
    public static double reduceDirection(final LimitKind axis, final double delta, final double gamma, final double vega,
        final double contractDelta, final double contractGamma, final double contractVega)
    {
        final boolean vegaAxis = axis == LimitKind.VEGA || axis == LimitKind.EXPIRY_VEGA;
        final double exposure = vegaAxis ? vega : axis == LimitKind.DOLLAR_GAMMA ? gamma : delta;
        final double perContract = vegaAxis ? contractVega : axis == LimitKind.DOLLAR_GAMMA ? contractGamma :
            contractDelta;
        return Math.signum(exposure) * Math.signum(perContract);
    }

    /**
     * NORMAL and WIDEN quote both sides; REDUCE_ONLY only the side that reduces (see {@link #reduceDirection});
     * HALT neither.
     */
    public static double bidSizeMult(final QuotingState state, final double reduceDirection)
    {
        if (state == QuotingState.HALT)
        {
            return 0;
        }
        return state != QuotingState.REDUCE_ONLY || reduceDirection < 0 ? 1 : 0;
    }

    public static double askSizeMult(final QuotingState state, final double reduceDirection)
    {
        if (state == QuotingState.HALT)
        {
            return 0;
        }
        return state != QuotingState.REDUCE_ONLY || reduceDirection > 0 ? 1 : 0;
    }

    /**
     * @return true when the shift, the vol shift or the spread multiplier moved by its threshold from the last sent
     * values, or a size multiplier changed.
     */
    public static boolean moved(final double shift, final double lastShift, final double minShift, final double shiftVol,
        final double lastShiftVol, final double minShiftVol, final double spreadMult, final double lastSpreadMult,
        final double bidSizeMult, final double lastBidSizeMult, final double askSizeMult,
        final double lastAskSizeMult)
    {
        return Math.abs(shift - lastShift) >= minShift || Math.abs(shiftVol - lastShiftVol) >= minShiftVol ||
            Math.abs(spreadMult - lastSpreadMult) >= MULT_STEP || bidSizeMult != lastBidSizeMult ||
            askSizeMult != lastAskSizeMult;
    }

    /**
     * @return {@link #SEND} when the quoting state changed or nothing was sent yet (a NaN last shift), or the
     * adjustment {@code moved} and the rate cap allows; {@link #HELD} when it moved within the cap; else
     * {@link #SILENT}.
     */
    public static int decide(final boolean stateChanged, final double lastShift, final boolean moved, final long lastQuoteNs,
        final long nowNs, final double rateCapGapNs)
    {
        if (stateChanged || Double.isNaN(lastShift))
        {
            return SEND;
        }
        if (!moved)
        {
            return SILENT;
        }
        return isRateCapped(lastQuoteNs, nowNs, rateCapGapNs) ? HELD : SEND;
    }

    /**
     * @return the least engine time between two quotes of one instrument under the rate cap, for
     * {@link #isRateCapped}; minus infinity when there is no cap.
     */
    public static double rateCapGapNs(final double maxPerSecond)
    {
        return maxPerSecond > 0 ? NANOS_PER_SECOND / maxPerSecond : Double.NEGATIVE_INFINITY;
    }

    /**
     * @return true while an instrument that last quoted at {@code lastQuoteNs} may not quote again.
     */
    public static boolean isRateCapped(final long lastQuoteNs, final long nowNs, final double rateCapGapNs)
    {
        return lastQuoteNs != Long.MIN_VALUE && nowNs - lastQuoteNs < rateCapGapNs;
    }

    /**
     * @return true when an adjustment can be computed: its shift, an option's vol shift and the spread multiplier
     * are finite. Otherwise the instrument's risk is unknown (its figures or the underlying's exposure are too large
     * for the arithmetic) and it gets {@link #HALT_SIZE_MULT} instead of a NaN or an infinity.
     */
    public static boolean isKnown(final double shift, final double shiftVol, final boolean option,
        final double spreadMult)
    {
        return Double.isFinite(shift) && (!option || Double.isFinite(shiftVol)) && Double.isFinite(spreadMult);
    }

    /**
     * A value of an instrument's HALT for unknown risk: the last one sent when it was finite (so that a halt that
     * follows another sends nothing new), else {@code fallback}.
     */
    public static double lastOr(final double last, final double fallback)
    {
        return Double.isFinite(last) ? last : fallback;
    }

    /**
     * @return true when an instrument that is not quoted (it cannot be priced) must still be decided: an adjustment
     * was sent for it, and its HALT for unknown risk would change what was last sent (the quoting state, values
     * that were not finite, sizes that were not 0): its decision can then send or be held back.
     */
    public static boolean isHaltDue(final boolean sent, final boolean lastHalt, final double lastShift,
        final double lastSpreadMult, final double lastBidSizeMult, final double lastAskSizeMult)
    {
        return sent && !(lastHalt && Double.isFinite(lastShift) && Double.isFinite(lastSpreadMult) &&
            lastBidSizeMult == HALT_SIZE_MULT && lastAskSizeMult == HALT_SIZE_MULT);
    }

    /**
     * @return true for the instruments that are quoted: every kind but the index, once priced.
     */
    public static boolean isQuoted(final boolean index, final boolean priced)
    {
        return !index && priced;
    }
}
