package org.mmrisk.core.pricing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The implied volatility inverts the price function as it is, near-expiry cut-off included ({@link Black76}: under
 * one second, or with σ√T under 1e-8, the price is the discounted intrinsic value). Every volatility the solver
 * returns reprices to the price it was given; where none can, it says the option is under the cut-off.
 */
class ImpliedVolCutOffTest
{
    private final ImpliedVolResult result = new ImpliedVolResult();

    /**
     * One option and a price for it: either Black-76's own price at a volatility whose σ√T lies around the cut-off,
     * or the discounted intrinsic value plus a time value of up to 1e-8 of the forward.
     */
    record Case(boolean isCall, double forward, double strike, double years, double rate, double price,
        double vol)
    {
        @Override
        public String toString()
        {
            return String.format("call=%s F=%s K=%s T=%s r=%s price=%s (from vol %s)", isCall, forward, strike, years,
                rate, price, vol);
        }
    }

    @Provide
    Arbitrary<Case> nearTheCutOff()
    {
        final Arbitrary<Double> years = Arbitraries.oneOf(
            Arbitraries.of(Black76.MIN_YEARS, Math.nextDown(Black76.MIN_YEARS), Math.nextUp(Black76.MIN_YEARS),
                0.25, 2.0),
            around(Black76.MIN_YEARS, 0.25, 4), around(Black76.MIN_YEARS, 4, 1e7));
        final Arbitrary<Double> stdDevs = Arbitraries.oneOf(
            Arbitraries.of(Black76.MIN_STD_DEV, Math.nextDown(Black76.MIN_STD_DEV), Math.nextUp(Black76.MIN_STD_DEV)),
            around(Black76.MIN_STD_DEV, 0.25, 4), around(Black76.MIN_STD_DEV, 4, 1e5));
        // near the money: where a time value at σ√T ≈ 1e-8 is still resolved by a double
        final Arbitrary<Double> logMoneyness = Arbitraries.oneOf(Arbitraries.just(0.0), around(1e-8, -3, 3),
            around(1e-3, -10, 10));
        final Arbitrary<Double> addedTimeValue = Arbitraries.oneOf(Arbitraries.just(Double.NaN), around(1e-8, 0, 1));
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.doubles().between(10, 200_000),
            logMoneyness, years, stdDevs, Arbitraries.of(0.0, 0.03, -0.01), addedTimeValue)
            .as((isCall, forward, k, t, stdDev, rate, added) ->
            {
                final double strike = forward * Math.exp(k);
                final double vol = stdDev / Math.sqrt(t);
                final double discount = Math.exp(-rate * t);
                final double price = Double.isNaN(added) ? Black76.price(isCall, forward, strike, t, vol, rate) :
                    discount * (Black76.intrinsic(isCall, forward, strike) + added * forward);
                return new Case(isCall, forward, strike, t, rate, price, Double.isNaN(added) ? vol : Double.NaN);
            });
    }

    /** {@code unit} times a factor from {@code from} to {@code to}, log-uniform when both are positive. */
    private static Arbitrary<Double> around(final double unit, final double from, final double to)
    {
        final Arbitrary<Double> u = Arbitraries.doubles().between(0, 1).ofScale(12);
        if (from > 0)
        {
            return u.map(x -> unit * from * Math.pow(to / from, x));
        }
        return u.map(x -> unit * (from + (to - from) * x));
    }

    // a fixed seed: the same cases on every run and machine
    @Property(tries = 5000, edgeCases = EdgeCasesMode.NONE, seed = "7201")
    void shouldRepriceEveryReturnedVolatilityToThePriceGiven(@ForAll("nearTheCutOff") final Case c)
    {
        final ImpliedVolStatus status = ImpliedVol.solve(c.price, c.forward, c.strike, c.years, c.isCall, c.rate,
            result);
        final double tolerance = 2 * ImpliedVol.MIN_TIME_VALUE_RATIO * c.forward;
        final String where = c + " -> " + status + " " + result.vol;
        Statistics.collect(status, c.years < Black76.MIN_YEARS ? "under 1 s" : "1 s or more");
        if (status == ImpliedVolStatus.OK || status == ImpliedVolStatus.AT_BOUND)
        {
            // price(iv(P)) == P
            assertThat(Black76.price(c.isCall, c.forward, c.strike, c.years, result.vol, c.rate))
                .as(where).isCloseTo(c.price, org.assertj.core.data.Offset.offset(tolerance));
            return;
        }
        assertThat(status).as(where).isEqualTo(ImpliedVolStatus.INTRINSIC_ONLY);
        assertThat(result.vol).as(where).isNaN();
        if (c.years >= Black76.MIN_YEARS)
        {
            // no volatility reproduces it: intrinsic below the cut-off is under the price, the least price above it
            // over it (the price rises with the volatility)
            final double cutOffVol = Math.nextUp(Black76.MIN_STD_DEV / Math.sqrt(c.years));
            final double intrinsic = Black76.price(c.isCall, c.forward, c.strike, c.years, 0.0, c.rate);
            if (c.price - intrinsic <= tolerance)
            {
                // the intrinsic value itself, to the solver's tolerance: nothing to imply
                return;
            }
            assertThat(intrinsic).as(where).isLessThan(c.price - tolerance / 2);
            assertThat(Black76.price(c.isCall, c.forward, c.strike, c.years, cutOffVol, c.rate)).as(where)
                .isGreaterThan(c.price + tolerance / 2);
            assertThat(Double.isNaN(c.vol) || Black76.isAtIntrinsic(c.years, c.vol * Math.sqrt(c.years)))
                .as("a price Black-76 gave above the cut-off has its volatility: " + where).isTrue();
        }
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE, seed = "7202")
    void shouldImplyNoVolatilityUnderOneSecondToExpiry(@ForAll("nearTheCutOff") final Case c)
    {
        final double years = c.years * Black76.MIN_YEARS / (4 * Black76.MIN_YEARS + c.years);
        final double price = c.price + c.forward * 1e-6;
        assertThat(years).isLessThan(Black76.MIN_YEARS);
        final ImpliedVolStatus status = ImpliedVol.solve(price, c.forward, c.strike, years, c.isCall, c.rate, result);
        assertThat(status).as(c.toString()).isIn(ImpliedVolStatus.INTRINSIC_ONLY, ImpliedVolStatus.NO_SOLUTION);
        assertThat(result.vol).isNaN();
    }

    @Test
    void shouldSayIntrinsicOnlyForAnAtTheMoneyPriceHalfASecondBeforeExpiry()
    {
        final double years = 0.5 * Black76.MIN_YEARS;
        assertThat(ImpliedVol.solve(10.0, 100_000, 100_000, years, true, 0.0, result))
            .isEqualTo(ImpliedVolStatus.INTRINSIC_ONLY);
        assertThat(result.vol).isNaN();
        // at intrinsic too: every volatility gives that price there, so none is implied
        assertThat(ImpliedVol.solve(0.0, 100_000, 100_000, years, true, 0.0, result))
            .isEqualTo(ImpliedVolStatus.INTRINSIC_ONLY);
        // beyond a no-arbitrage bound it is still no solution
        assertThat(ImpliedVol.solve(-1.0, 100_000, 100_000, years, true, 0.0, result))
            .isEqualTo(ImpliedVolStatus.NO_SOLUTION);
    }

    @Test
    void shouldSayIntrinsicOnlyForATimeValueBelowTheLeastAboveTheStdDevCutOff()
    {
        final double forward = 100_000;
        final double years = 0.25;
        // at σ√T = 1e-8 an at-the-money call is worth about 0.4e-8·F = 4e-4 USD; 1e-4 is no Black-76 price
        assertThat(ImpliedVol.solve(1e-4, forward, forward, years, true, 0.0, result))
            .isEqualTo(ImpliedVolStatus.INTRINSIC_ONLY);
        // the cut-off's own price comes back as a volatility that gives it
        final double atCutOff = Black76.price(true, forward, forward, 1.0, Black76.MIN_STD_DEV, 0.0);
        assertThat(ImpliedVol.solve(atCutOff, forward, forward, years, true, 0.0, result))
            .isEqualTo(ImpliedVolStatus.OK);
        assertThat(Black76.price(true, forward, forward, years, result.vol, 0.0))
            .isCloseTo(atCutOff, org.assertj.core.data.Offset.offset(ImpliedVol.MIN_TIME_VALUE_RATIO * forward));
    }
}
