package org.mmrisk.core.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coin-settled options against finite differences of the coin value V_coin(F) = C(F)/F and of the USD value
 * S·V_coin(b·S) at a fixed basis b = F/S.
 */
class InverseOptionsTest
{
    private final InverseOptionGreeks greeks = new InverseOptionGreeks();
    private final List<String> failures = new ArrayList<>();

    @Test
    void shouldMatchFiniteDifferencesOfTheCoinAndUsdValues()
    {
        final double spot = 64_000.0;
        for (final double basis : new double[] {0.98, 1.0, 1.03})
        {
            final double forward = basis * spot;
            for (double moneyness = 0.5; moneyness <= 2.0; moneyness *= 1.23)
            {
                for (double years = 1.0 / 365.25; years <= 2.0; years *= 3.1)
                {
                    for (final double vol : new double[] {0.2, 0.6, 1.5})
                    {
                        for (final boolean isCall : new boolean[] {true, false})
                        {
                            check(isCall, spot, basis, forward * moneyness, years, vol);
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void shouldReportPremiumAdjustedDeltaAsVenuesDo()
    {
        // a deep in-the-money call is worth (F − K)/F coins: its coin-numeraire delta is F·∂/∂F[(F − K)/F] = K/F,
        // that is the Black delta 1 less the coin premium
        InverseOptions.greeks(true, 60_000.0, 30_000.0, 1e-4, 0.5, greeks);
        assertThat(greeks.coinPremium).isEqualTo(0.5);
        assertThat(greeks.premiumAdjustedDelta).isEqualTo(0.5);
        assertThat(greeks.usd.delta).isEqualTo(1.0);
        assertThat(InverseOptions.coinPremium(true, 60_000.0, 30_000.0, 1e-4, 0.5)).isEqualTo(0.5);
    }

    private void check(
        final boolean isCall, final double spot, final double basis, final double strike, final double years,
        final double vol)
    {
        final double forward = basis * spot;
        InverseOptions.greeks(isCall, forward, strike, years, vol, greeks);
        final String where = String.format("call=%s b=%s K=%s T=%s vol=%s", isCall, basis, strike, years, vol);
        final DoubleUnaryOperator coinValue = f -> InverseOptions.coinPremium(isCall, f, strike, years, vol);
        final DoubleUnaryOperator usdValue = s -> s * InverseOptions.coinPremium(isCall, basis * s, strike, years,
            vol);
        final double h = 0.01 * vol * Math.sqrt(years) * forward;
        final DoubleUnaryOperator premiumAdjustedDelta = f -> f * derivative(coinValue, f, h);

        expect("coin premium " + where, greeks.coinPremium, greeks.usd.price / forward, 1e-15);
        expect("premium-adjusted delta " + where, greeks.premiumAdjustedDelta,
            forward * derivative(coinValue, forward, h), 1.0);
        // second derivatives by nested differences carry about 1e-13 of rounding noise in absolute terms
        expect("coin gamma " + where, greeks.coinGamma, derivative(premiumAdjustedDelta, forward, h),
            100.0 / forward);
        expect("USD index delta " + where, greeks.usd.delta, derivative(usdValue, spot, h / basis), 1.0);
        expect("USD index gamma " + where, basis * greeks.usd.gamma,
            derivative(s -> usdDelta(usdValue, s, h / basis), spot, h / basis), 100.0 / forward);
        expect("coin vega " + where, greeks.coinVega,
            derivative(v -> InverseOptions.coinPremium(isCall, forward, strike, years, v), vol, 1e-3 * vol) / 100.0,
            1.0);
        expect("coin theta " + where, greeks.coinTheta,
            -derivative(t -> InverseOptions.coinPremium(isCall, forward, strike, t, vol), years, 1e-3 * years)
                / Black76.DAYS_PER_YEAR, 1.0);
    }

    private static double usdDelta(final DoubleUnaryOperator usdValue, final double spot, final double h)
    {
        return derivative(usdValue, spot, h);
    }

    /**
     * Fourth-order central difference.
     */
    private static double derivative(final DoubleUnaryOperator f, final double x, final double h)
    {
        return (8.0 * (f.applyAsDouble(x + h) - f.applyAsDouble(x - h))
            - (f.applyAsDouble(x + 2 * h) - f.applyAsDouble(x - 2 * h))) / (12.0 * h);
    }

    private void expect(final String what, final double actual, final double expected, final double scale)
    {
        if (Math.abs(actual - expected) > Math.max(1e-6 * Math.abs(expected), 1e-9 * scale))
        {
            failures.add(what + " analytic=" + actual + " finite difference=" + expected);
        }
    }
}
