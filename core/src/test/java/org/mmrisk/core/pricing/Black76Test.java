package org.mmrisk.core.pricing;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Financial invariants and finite differences for what the oracle does not have (charm, speed, rho), and the
 * behaviour at the edges of the domain.
 */
class Black76Test
{
    private final OptionGreeks call = new OptionGreeks();
    private final OptionGreeks put = new OptionGreeks();
    private final OptionGreeks bumped = new OptionGreeks();
    private final List<String> failures = new ArrayList<>();

    @Test
    void shouldSatisfyPutCallParityOnTheGrid()
    {
        PricingGrid.forEach((isCall, forward, strike, years, vol, rate) ->
        {
            if (!isCall)
            {
                return;
            }
            final double discount = Math.exp(-rate * years);
            Black76.greeks(true, forward, strike, years, vol, rate, call);
            Black76.greeks(false, forward, strike, years, vol, rate, put);
            final double scale = Math.max(forward, strike);
            expectClose("parity price", call.price - put.price, discount * (forward - strike), 1e-15 * scale);
            expectClose("parity delta", call.delta - put.delta, discount, 1e-15);
            expectClose("same gamma", call.gamma, put.gamma, 0.0);
            expectClose("same vega", call.vega, put.vega, 0.0);
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void shouldMatchFiniteDifferencesForCharmSpeedRhoAndTheRest()
    {
        for (double moneyness = 0.5; moneyness <= 2.0; moneyness *= 1.19)
        {
            for (double years = 2.0 / 365.25; years <= 3.0; years *= 2.3)
            {
                for (double vol = 0.1; vol <= 2.0; vol *= 1.7)
                {
                    for (final boolean isCall : new boolean[] {true, false})
                    {
                        checkFiniteDifferences(isCall, 65_000.0, 65_000.0 * moneyness, years, vol, 0.04);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void shouldValueAtIntrinsicBelowMinimumTimeAndStdDev()
    {
        final double years = 0.5 * Black76.MIN_YEARS;
        final double rate = 0.05;
        final double discount = Math.exp(-rate * years);
        Black76.greeks(true, 100.0, 90.0, years, 0.8, rate, call);
        assertThat(call.price).isEqualTo(discount * 10.0);
        assertThat(call.delta).isEqualTo(discount);
        assertThat(call.gamma).isZero();
        assertThat(call.vega).isZero();
        assertThat(call.vanna).isZero();
        assertThat(call.volga).isZero();
        assertThat(call.speed).isZero();
        assertThat(call.dollarGamma).isZero();
        assertThat(call.theta).isEqualTo(rate * call.price / Black76.DAYS_PER_YEAR);
        assertThat(call.charm).isEqualTo(rate * call.delta / Black76.DAYS_PER_YEAR);
        assertThat(call.rho).isEqualTo(-years * call.price / 100.0);

        Black76.greeks(false, 100.0, 90.0, years, 0.8, rate, put);
        assertThat(put.price).isZero();
        assertThat(put.delta).isZero();

        Black76.greeks(false, 100.0, 100.0, 1.0, 1e-9, 0.0, put);
        assertThat(put.price).isZero();
        assertThat(put.delta).isEqualTo(-0.5);

        Black76.greeks(true, 100.0, 110.0, 0.0, 0.5, rate, call);
        assertThat(call.price).isZero();
        assertThat(call.delta).isZero();
        assertThat(Black76.price(false, 100.0, 110.0, -1.0, 0.5, rate)).isEqualTo(10.0);
    }

    @Test
    void shouldApproachIntrinsicContinuouslyAtTheMinimumTime()
    {
        final double justAbove = Black76.MIN_YEARS * 1.000001;
        Black76.greeks(true, 100.0, 90.0, justAbove, 0.8, 0.0, call);
        assertThat(call.price).isCloseTo(10.0, within(1e-12));
        assertThat(call.delta).isCloseTo(1.0, within(1e-12));
        Black76.greeks(true, 100.0, 100.0, justAbove, 0.8, 0.0, call);
        // at the money the time value at one second is σ·√T·F/√(2π) ≈ 5.7e-3 USD: the jump to intrinsic
        assertThat(call.price).isCloseTo(0.8 * Math.sqrt(justAbove) * 100.0 * Normal.INV_SQRT_2PI, within(1e-9));
    }

    @Test
    void shouldStayFiniteForFinitePositiveInputs()
    {
        final double[] forwards = {1e-8, 1.0, 65_000.0, 1e12};
        final double[] moneynesses = {1e-9, 0.5, 0.999999, 1.0, 1.000001, 2.0, 1e9};
        final double[] yearsList = {0.0, 1e-300, 1e-20, 1e-12, 0.5 * Black76.MIN_YEARS, Black76.MIN_YEARS,
            Black76.MIN_YEARS * 1.0001, 1e-6, 1e-3, 1.0, 50.0};
        final double[] vols = {1e-12, 1e-8, 1e-5, 0.01, 0.5, 3.0, 20.0, 200.0};
        final double[] rates = {0.0, 0.05, 1.0};
        for (final double forward : forwards)
        {
            for (final double moneyness : moneynesses)
            {
                for (final double years : yearsList)
                {
                    for (final double vol : vols)
                    {
                        for (final double rate : rates)
                        {
                            for (final boolean isCall : new boolean[] {true, false})
                            {
                                Black76.greeks(isCall, forward, forward * moneyness, years, vol, rate, call);
                                expectFinite(isCall, forward, forward * moneyness, years, vol, rate);
                            }
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private void expectFinite(
        final boolean isCall, final double forward, final double strike, final double years, final double vol,
        final double rate)
    {
        final double[] values = {call.price, call.delta, call.gamma, call.vega, call.theta, call.vanna, call.volga,
            call.charm, call.speed, call.rho, call.dollarGamma,
            Black76.price(isCall, forward, strike, years, vol, rate)};
        for (final double value : values)
        {
            if (!Double.isFinite(value))
            {
                failures.add(String.format("non-finite call=%s F=%s K=%s T=%s vol=%s r=%s", isCall, forward, strike,
                    years, vol, rate));
                return;
            }
        }
        if (call.price < 0.0 || Math.abs(call.delta) > 1.0 || call.gamma < 0.0 || call.vega < 0.0)
        {
            failures.add(String.format("out of range call=%s F=%s K=%s T=%s vol=%s r=%s", isCall, forward, strike,
                years, vol, rate));
        }
    }

    private void checkFiniteDifferences(
        final boolean isCall, final double forward, final double strike, final double years, final double vol,
        final double rate)
    {
        Black76.greeks(isCall, forward, strike, years, vol, rate, call);
        final String where = String.format("call=%s K=%s T=%s vol=%s", isCall, strike, years, vol);
        final double dF = 0.01 * vol * Math.sqrt(years) * forward;
        final double dT = 1e-3 * years;
        final double dVol = 1e-3 * vol;
        final double dRate = 1e-4;

        final double delta = richardson(h -> Black76.price(isCall, forward + h, strike, years, vol, rate), dF);
        final double gamma = richardson(h -> greek(isCall, forward + h, strike, years, vol, rate).delta, dF);
        final double speed = richardson(h -> greek(isCall, forward + h, strike, years, vol, rate).gamma, dF);
        final double vega = richardson(h -> Black76.price(isCall, forward, strike, years, vol + h, rate), dVol);
        final double vanna = richardson(h -> greek(isCall, forward, strike, years, vol + h, rate).delta, dVol);
        final double volga = richardson(h -> greek(isCall, forward, strike, years, vol + h, rate).vega, dVol);
        final double dPdT = richardson(h -> Black76.price(isCall, forward, strike, years + h, vol, rate), dT);
        final double dDeltaDT = richardson(h -> greek(isCall, forward, strike, years + h, vol, rate).delta, dT);
        final double rho = richardson(h -> Black76.price(isCall, forward, strike, years, vol, rate + h), dRate);

        expectRelative("delta " + where, call.delta, delta, 1.0);
        expectRelative("gamma " + where, call.gamma, gamma, 1.0 / forward);
        expectRelative("speed " + where, call.speed, speed, 1.0 / (forward * forward));
        expectRelative("vega " + where, call.vega, vega / 100.0, forward);
        expectRelative("vanna " + where, call.vanna, vanna / 100.0, 1.0);
        expectRelative("volga " + where, call.volga, volga / 100.0, forward);
        expectRelative("theta " + where, call.theta, -dPdT / Black76.DAYS_PER_YEAR, forward);
        expectRelative("charm " + where, call.charm, -dDeltaDT / Black76.DAYS_PER_YEAR, 1.0);
        expectRelative("rho " + where, call.rho, rho / 100.0, forward);
        expectRelative("dollarGamma " + where, call.dollarGamma, gamma * forward * forward / 100.0, forward);
    }

    private OptionGreeks greek(
        final boolean isCall, final double forward, final double strike, final double years, final double vol,
        final double rate)
    {
        Black76.greeks(isCall, forward, strike, years, vol, rate, bumped);
        return bumped;
    }

    /**
     * Fourth-order central difference: (8(f(h) − f(−h)) − (f(2h) − f(−2h)))/(12h).
     */
    private static double richardson(final java.util.function.DoubleUnaryOperator f, final double h)
    {
        return (8.0 * (f.applyAsDouble(h) - f.applyAsDouble(-h)) - (f.applyAsDouble(2 * h) - f.applyAsDouble(-2 * h)))
            / (12.0 * h);
    }

    private void expectRelative(final String what, final double actual, final double expected, final double scale)
    {
        if (Math.abs(actual - expected) > Math.max(1e-6 * Math.abs(expected), 1e-9 * scale))
        {
            failures.add(what + " analytic=" + actual + " finite difference=" + expected);
        }
    }

    private void expectClose(final String what, final double actual, final double expected, final double tolerance)
    {
        if (Math.abs(actual - expected) > tolerance)
        {
            failures.add(what + " actual=" + actual + " expected=" + expected);
        }
    }
}
