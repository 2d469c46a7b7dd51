package org.mmrisk.core.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.opengamma.strata.pricer.impl.option.BlackFormulaRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Black-76 against OpenGamma Strata's {@code BlackFormulaRepository} on the 10,416-point {@link PricingGrid}.
 * <p>
 * Unit conversions: Strata prices and Greeks are undiscounted (forward value), so ours = D·Strata's. Its vega,
 * vanna and volga are per unit of volatility (ours per vol point: ×100, ×100, ×10,000). Its theta is −∂V/∂T per
 * year of the undiscounted value; with r = 0 that is ours ×365.25. For r ≠ 0 its {@code theta(…, r)} holds the
 * spot fixed and discounts the strike leg only, not our forward-fixed convention, so there we compare with
 * D·(driftlessTheta + r·price), which is −∂(D·Black)/∂T at fixed F.
 * <p>
 * Tolerances: the price within max(1e-12 relative, 1e-13·F); every Greek that Strata has (delta, gamma, vega,
 * theta, vanna, volga) within max(1e-9 relative, 1e-12·scale), the scale being 1 for delta and vanna, 1/F for gamma
 * and F for vega, theta and volga. Where Strata loses precision in the far wings (its F·N(d1) − K·N(d2) cancels),
 * ours is compared with the 80-digit {@link HighPrecision} reference instead, and counted: a price that meets the
 * absolute tolerance but not the relative one must still be within 1e-12 relative of the reference, and a Greek
 * that misses Strata must be within the Greek tolerance of the reference. That is Strata losing precision, not a
 * licence for ours to.
 */
class Black76StrataTest
{
    private static final double PRICE_RELATIVE = 1e-12;
    private static final double PRICE_ABSOLUTE_PER_FORWARD = 1e-13;
    private static final double GREEK_RELATIVE = 1e-9;
    private static final double GREEK_ABSOLUTE_PER_SCALE = 1e-12;

    private final OptionGreeks greeks = new OptionGreeks();
    private final List<String> failures = new ArrayList<>();
    private final java.util.Map<String, Double> worstRelative = new java.util.TreeMap<>();
    private int strataImprecise;
    private int strataPriceImprecise;

    @Test
    void shouldMatchStrataPriceAndGreeksOnTheGrid()
    {
        final int[] points = {0};
        PricingGrid.forEach((isCall, forward, strike, years, vol, rate) ->
        {
            points[0]++;
            checkPoint(isCall, forward, strike, years, vol, rate);
        });
        System.out.printf("Strata grid: %d points; %d prices and %d Greeks where Strata lost relative precision " +
            "and the 80-digit reference confirmed ours; worst relative difference where above 1e-9 of scale: %s%n",
            points[0], strataPriceImprecise, strataImprecise, worstRelative);
        assertThat(points[0]).isGreaterThanOrEqualTo(10_000);
        assertThat(failures).isEmpty();
    }

    private void checkPoint(
        final boolean isCall, final double forward, final double strike, final double years, final double vol,
        final double rate)
    {
        final double discount = Math.exp(-rate * years);
        Black76.greeks(isCall, forward, strike, years, vol, rate, greeks);
        final String where = String.format("call=%s F=%s K=%s T=%s vol=%s r=%s", isCall, forward, strike, years,
            vol, rate);

        final HighPrecisionLazy reference = new HighPrecisionLazy(isCall, forward, strike, years, vol, rate);
        final double strataPrice = discount * BlackFormulaRepository.price(forward, strike, years, vol, isCall);
        final double priceTolerance = Math.max(PRICE_RELATIVE * Math.abs(strataPrice),
            PRICE_ABSOLUTE_PER_FORWARD * forward);
        track("price", greeks.price, strataPrice, forward);
        if (Math.abs(greeks.price - strataPrice) > priceTolerance ||
            Math.abs(Black76.price(isCall, forward, strike, years, vol, rate) - greeks.price) > priceTolerance)
        {
            failures.add("price " + where + " ours=" + greeks.price + " strata=" + strataPrice);
        }
        else if (Math.abs(greeks.price - strataPrice) > PRICE_RELATIVE * Math.abs(strataPrice))
        {
            // within the absolute tolerance but not the relative one: Strata's F·N(d1) − K·N(d2) cancels in the
            // wings, so ours must then hold 1e-12 relative against the 80-digit reference (where the price is a
            // normal double: subnormals carry fewer than 16 digits)
            final double exact = reference.get().price.doubleValue();
            if (Math.abs(exact) > 1e-290 && Math.abs(greeks.price - exact) > PRICE_RELATIVE * Math.abs(exact))
            {
                failures.add("wing price " + where + " ours=" + greeks.price + " exact=" + exact);
            }
            strataPriceImprecise++;
        }

        final double driftlessTheta = BlackFormulaRepository.theta(forward, strike, years, vol, isCall, 0.0);
        final double strataTheta = rate == 0.0 ? driftlessTheta :
            discount * (driftlessTheta + rate * BlackFormulaRepository.price(forward, strike, years, vol, isCall));

        check("delta", where, greeks.delta, discount * BlackFormulaRepository.delta(forward, strike, years, vol,
            isCall), 1.0, reference, r -> r.delta, 1.0);
        check("gamma", where, greeks.gamma, discount * BlackFormulaRepository.gamma(forward, strike, years, vol),
            1.0 / forward, reference, r -> r.gamma, 1.0);
        check("vega", where, greeks.vega * 100.0, discount * BlackFormulaRepository.vega(forward, strike, years,
            vol), forward, reference, r -> r.vega, 100.0);
        check("theta", where, greeks.theta * Black76.DAYS_PER_YEAR, strataTheta,
            forward, reference, r -> r.theta, Black76.DAYS_PER_YEAR);
        check("vanna", where, greeks.vanna * 100.0, discount * BlackFormulaRepository.vanna(forward, strike, years,
            vol), 1.0, reference, r -> r.vanna, 100.0);
        check("volga", where, greeks.volga * 10_000.0, discount * BlackFormulaRepository.volga(forward, strike,
            years, vol), forward, reference, r -> r.volga, 10_000.0);
    }

    private void check(
        final String name, final String where, final double ours, final double strata, final double scale,
        final HighPrecisionLazy reference, final Extractor extractor, final double unitFactor)
    {
        track(name, ours, strata, scale);
        if (within(ours, strata, scale))
        {
            return;
        }
        final double exact = extractor.get(reference.get()).doubleValue() * unitFactor;
        if (within(ours, exact, scale))
        {
            strataImprecise++;
            return;
        }
        if (failures.size() < 30)
        {
            failures.add(name + " " + where + " ours=" + ours + " strata=" + strata + " exact=" + exact);
        }
    }

    private void track(final String name, final double ours, final double strata, final double scale)
    {
        if (Math.abs(strata) > 1e-9 * scale)
        {
            final double relative = Math.abs(ours / strata - 1.0);
            worstRelative.merge(name, relative, Math::max);
        }
    }

    private static boolean within(final double actual, final double expected, final double scale)
    {
        return Math.abs(actual - expected) <=
            Math.max(GREEK_RELATIVE * Math.abs(expected), GREEK_ABSOLUTE_PER_SCALE * scale);
    }

    @FunctionalInterface
    private interface Extractor
    {
        BigDecimal get(HighPrecision.Black black);
    }

    /**
     * The decimal reference is slow, so it is built only for a point where Strata and ours disagree.
     */
    private static final class HighPrecisionLazy
    {
        private final boolean isCall;
        private final double forward;
        private final double strike;
        private final double years;
        private final double vol;
        private final double rate;
        private HighPrecision.Black black;

        HighPrecisionLazy(
            final boolean isCall, final double forward, final double strike, final double years, final double vol,
            final double rate)
        {
            this.isCall = isCall;
            this.forward = forward;
            this.strike = strike;
            this.years = years;
            this.vol = vol;
            this.rate = rate;
        }

        HighPrecision.Black get()
        {
            if (black == null)
            {
                black = new HighPrecision.Black(isCall, forward, strike, years, vol, rate);
            }
            return black;
        }
    }
}
