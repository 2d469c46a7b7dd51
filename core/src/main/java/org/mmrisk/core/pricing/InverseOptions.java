package org.mmrisk.core.pricing;

/**
 * Coin-settled (inverse) options, as listed by Deribit-style venues: quoted, paid and settled in the coin, on that
 * expiry's forward, with no discounting (r = 0). Stateless and allocation-free.
 * <p>
 * With C(F) the Black-76 value in USD of one coin of notional (r = 0), S the coin index and b = F/S the basis of
 * the expiry, held fixed:
 * <pre>
 *   coin premium             V_coin = C(F)/F                                    coins
 *   USD value                V_usd  = S·V_coin = C(F)/b                         USD
 *   USD-view index delta     ∂V_usd/∂S   = ∂C/∂F = N(d1)   (put: N(d1) − 1)      the Black forward delta
 *   USD-view index gamma     ∂²V_usd/∂S² = b·Γ_F,  Γ_F = ∂²C/∂F²
 *   premium-adjusted delta   Δ_pa = F·∂V_coin/∂F = ∂C/∂F − C/F                   coins, what coin venues report
 *   coin gamma               ∂Δ_pa/∂F = Γ_F − Δ_pa/F                            coins per USD
 *   coin vega, coin theta    (∂C/∂σ)/F, (−∂C/∂T)/F                             per vol point, per day
 * </pre>
 * The premium-adjusted delta is the USD-view delta less the coin premium because the premium is itself coins,
 * whose USD value moves one for one with the coin. Near expiry the rules of {@link Black76} apply.
 */
public final class InverseOptions
{
    private InverseOptions()
    {
    }

    /**
     * @return C(F)/F, the premium in coins per coin of notional. Arguments as for {@link Black76#price}, r = 0.
     */
    public static double coinPremium(
        final boolean isCall, final double forward, final double strike, final double years, final double vol)
    {
        return Black76.price(isCall, forward, strike, years, vol, 0.0) / forward;
    }

    /**
     * Fills the USD view and the coin view in one Black-76 pass. Arguments as for {@link Black76#greeks}, r = 0.
     */
    public static void greeks(
        final boolean isCall, final double forward, final double strike, final double years, final double vol,
        final InverseOptionGreeks out)
    {
        final OptionGreeks usd = out.usd;
        Black76.greeks(isCall, forward, strike, years, vol, 0.0, usd);
        final double coinPremium = usd.price / forward;
        final double premiumAdjustedDelta = usd.delta - coinPremium;
        out.coinPremium = coinPremium;
        out.premiumAdjustedDelta = premiumAdjustedDelta;
        out.coinGamma = usd.gamma - premiumAdjustedDelta / forward;
        out.coinVega = usd.vega / forward;
        out.coinTheta = usd.theta / forward;
    }
}
