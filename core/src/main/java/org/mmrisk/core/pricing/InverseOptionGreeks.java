package org.mmrisk.core.pricing;

/**
 * Price and sensitivities of ONE coin-settled (inverse) option, filled in place by {@link InverseOptions#greeks}.
 * Per coin of notional; F in USD per coin; formulas in {@link InverseOptions}.
 * <ul>
 *   <li>{@link #usd}: the USD view, Black-76 at r = 0 in USD, units of {@link OptionGreeks} (its delta is the
 *       Black forward delta N(d1), or N(d1) − 1 for a put)</li>
 *   <li>{@code coinPremium} = C(F)/F, in coins</li>
 *   <li>{@code premiumAdjustedDelta} = usd.delta − coinPremium = F·∂V_coin/∂F, in coins</li>
 *   <li>{@code coinGamma} = ∂premiumAdjustedDelta/∂F, in coins per USD</li>
 *   <li>{@code coinVega} = usd.vega/F, coins per vol point; {@code coinTheta} = usd.theta/F, coins per day</li>
 * </ul>
 * A plain mutable holder: owned by the thread that passes it in; no allocation after construction.
 */
public final class InverseOptionGreeks
{
    public final OptionGreeks usd = new OptionGreeks();
    public double coinPremium;
    public double premiumAdjustedDelta;
    public double coinGamma;
    public double coinVega;
    public double coinTheta;
}
