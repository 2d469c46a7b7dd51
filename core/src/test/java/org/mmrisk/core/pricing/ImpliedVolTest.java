package org.mmrisk.core.pricing;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImpliedVolTest
{
    private static final double FORWARD = 65_000.0;
    private final ImpliedVolResult result = new ImpliedVolResult();
    private final List<String> failures = new ArrayList<>();

    @Test
    void shouldRecoverVolToMachinePrecisionOverTheWholeDomain()
    {
        final double[] moneynesses = {0.01, 0.1, 0.3, 0.7, 0.95, 0.999, 1.0, 1.001, 1.05, 1.5, 3.0, 10.0, 100.0};
        final double[] yearsList = {1.0 / 525_960.0, 1.0 / 8_766.0, 1.0 / 365.25, 0.1, 1.0, 5.0, 30.0};
        final double[] vols = {0.005, 0.03, 0.1, 0.4, 1.0, 2.5, 6.0};
        int solved = 0;
        double worstVol = 0.0;
        for (final double moneyness : moneynesses)
        {
            for (final double years : yearsList)
            {
                for (final double vol : vols)
                {
                    for (final boolean isCall : new boolean[] {true, false})
                    {
                        final double strike = FORWARD * moneyness;
                        final double price = Black76.price(isCall, FORWARD, strike, years, vol, 0.02);
                        final double timeValue = price / Math.exp(-0.02 * years) -
                            Black76.intrinsic(isCall, FORWARD, strike);
                        final ImpliedVolStatus status = ImpliedVol.solve(price, FORWARD, strike, years, isCall, 0.02,
                            result);
                        final String where = String.format("call=%s K/F=%s T=%s vol=%s price=%s status=%s vol=%s",
                            isCall, moneyness, years, vol, price, status, result.vol);
                        final double tolerance = ImpliedVol.MIN_TIME_VALUE_RATIO * FORWARD;
                        if (timeValue <= tolerance || Math.min(FORWARD, strike) - timeValue <= tolerance)
                        {
                            expect(status == ImpliedVolStatus.AT_BOUND, "AT_BOUND " + where);
                            continue;
                        }
                        expect(status == ImpliedVolStatus.OK, "OK " + where);
                        final double reprice = Black76.price(isCall, FORWARD, strike, years, result.vol, 0.02);
                        expect(Math.abs(reprice / price - 1.0) <= 1e-12, "reprice " + reprice + " " + where);
                        solved++;
                        // where the price pins the vol down (relative vega above 1e-3), the vol itself comes back
                        final double relativeVega = Black76.price(isCall, FORWARD, strike, years, vol * 1.001, 0.02)
                            / price - 1.0;
                        if (relativeVega > 1e-3 * 1e-3)
                        {
                            worstVol = Math.max(worstVol, Math.abs(result.vol / vol - 1.0));
                        }
                    }
                }
            }
        }
        System.out.printf("IV whole domain: %d solved, worst vol error where well conditioned %.2e%n", solved,
            worstVol);
        assertThat(failures).isEmpty();
        assertThat(worstVol).isLessThan(1e-11);
    }

    @Test
    void shouldInvertFarWingPricesWithASmallerBoundTolerance()
    {
        final double strike = 3.0 * FORWARD;
        final double years = 1.0 / 365.25;
        final double price = Black76.price(true, FORWARD, strike, years, 0.6, 0.0);
        assertThat(price).isLessThan(1e-100);
        assertThat(ImpliedVol.solve(price, FORWARD, strike, years, true, 0.0, result))
            .isEqualTo(ImpliedVolStatus.AT_BOUND);
        assertThat(ImpliedVol.solve(price, FORWARD, strike, years, true, 0.0, 0.0, result))
            .isEqualTo(ImpliedVolStatus.OK);
        assertThat(result.vol).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void shouldReportBoundsAsStatuses()
    {
        final double strike = 60_000.0;
        final double years = 0.25;
        final double rate = 0.04;
        final double discount = Math.exp(-rate * years);
        final double intrinsic = discount * (FORWARD - strike);

        assertStatus(ImpliedVol.solve(intrinsic, FORWARD, strike, years, true, rate, result),
            ImpliedVolStatus.AT_BOUND, 0.0);
        assertStatus(ImpliedVol.solve(intrinsic * (1 - 1e-17), FORWARD, strike, years, true, rate, result),
            ImpliedVolStatus.AT_BOUND, 0.0);
        assertStatus(ImpliedVol.solve(intrinsic - 1.0, FORWARD, strike, years, true, rate, result),
            ImpliedVolStatus.NO_SOLUTION, Double.NaN);
        assertStatus(ImpliedVol.solve(-1.0, FORWARD, strike, years, false, rate, result),
            ImpliedVolStatus.NO_SOLUTION, Double.NaN);
        assertStatus(ImpliedVol.solve(0.0, FORWARD, strike, years, false, rate, result),
            ImpliedVolStatus.AT_BOUND, 0.0);
        assertStatus(ImpliedVol.solve(discount * FORWARD, FORWARD, strike, years, true, rate, result),
            ImpliedVolStatus.AT_BOUND, Double.POSITIVE_INFINITY);
        assertStatus(ImpliedVol.solve(discount * strike, FORWARD, strike, years, false, rate, result),
            ImpliedVolStatus.AT_BOUND, Double.POSITIVE_INFINITY);
        assertStatus(ImpliedVol.solve(discount * FORWARD + 1.0, FORWARD, strike, years, true, rate, result),
            ImpliedVolStatus.NO_SOLUTION, Double.NaN);
        assertStatus(ImpliedVol.solve(Double.NaN, FORWARD, strike, years, true, rate, result),
            ImpliedVolStatus.INVALID_INPUT, Double.NaN);
        assertStatus(ImpliedVol.solve(100.0, 0.0, strike, years, true, rate, result),
            ImpliedVolStatus.INVALID_INPUT, Double.NaN);
        assertStatus(ImpliedVol.solve(100.0, FORWARD, -1.0, years, true, rate, result),
            ImpliedVolStatus.INVALID_INPUT, Double.NaN);
        assertStatus(ImpliedVol.solve(100.0, FORWARD, strike, 0.0, true, rate, result),
            ImpliedVolStatus.INVALID_INPUT, Double.NaN);
        assertStatus(ImpliedVol.solve(100.0, FORWARD, strike, years, true, Double.POSITIVE_INFINITY, result),
            ImpliedVolStatus.INVALID_INPUT, Double.NaN);
        assertStatus(ImpliedVol.solve(intrinsic + 1000.0, FORWARD, strike, years, true, rate, result),
            ImpliedVolStatus.OK, result.vol);
        assertThat(result.isOk()).isTrue();
    }

    private void assertStatus(final ImpliedVolStatus returned, final ImpliedVolStatus expected, final double vol)
    {
        assertThat(returned).isEqualTo(expected);
        assertThat(result.status).isEqualTo(expected);
        if (Double.isNaN(vol))
        {
            assertThat(result.vol).isNaN();
        }
        else
        {
            assertThat(result.vol).isEqualTo(vol);
        }
    }

    private void expect(final boolean condition, final String message)
    {
        if (!condition && failures.size() < 30)
        {
            failures.add(message);
        }
    }
}
