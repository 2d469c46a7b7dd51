package org.mmrisk.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

/**
 * {@code risk price} against independent checks: put–call parity and finite differences of the printed price
 * (each bump is a new run of the command with one argument moved).
 */
class PriceCommandTest
{
    private static final double FORWARD_USD = 100_000.0;
    private static final double STRIKE_USD = 110_000.0;
    private static final double YEARS = 0.25;
    private static final double VOL = 0.55;
    private static final double RATE = 0.03;
    private static final double DAYS_PER_YEAR = 365.25;

    private static CliRun linear(final OptionType type)
    {
        return CliRun.verb("price")
            .with("forward", FORWARD_USD)
            .with("strike", STRIKE_USD)
            .with("years", YEARS)
            .with("vol", VOL)
            .with("rate", RATE)
            .with("type", type);
    }

    /** Central difference of {@code key} for a bump of {@code h} in option {@code name}. */
    private static double slope(final CliRun base, final String key, final String name, final double h)
    {
        return (base.bumped(name, h).number(key) - base.bumped(name, -h).number(key)) / (2.0 * h);
    }

    @Test
    void shouldPrintEveryGreekAsANumber()
    {
        final JsonNode json = linear(OptionType.CALL).json();
        assertThat(json.fieldNames()).toIterable().containsExactly(
            "price", "delta", "gamma", "vega", "theta", "vanna", "volga", "charm", "speed", "rho", "dollarGamma");
        json.fields().forEachRemaining(field -> assertThat(field.getValue().isNumber()).as(field.getKey()).isTrue());
    }

    @Test
    void shouldSatisfyPutCallParity()
    {
        final double discount = Math.exp(-RATE * YEARS);
        final JsonNode call = linear(OptionType.CALL).json();
        final JsonNode put = linear(OptionType.PUT).json();
        assertThat(call.get("price").doubleValue() - put.get("price").doubleValue())
            .isCloseTo(discount * (FORWARD_USD - STRIKE_USD), within(1e-8));
        assertThat(call.get("delta").doubleValue() - put.get("delta").doubleValue())
            .isCloseTo(discount, within(1e-14));
        for (final String key : new String[] {"gamma", "vega", "vanna", "volga", "speed"})
        {
            assertThat(call.get(key).doubleValue()).as(key)
                .isCloseTo(put.get(key).doubleValue(), withPercentage(1e-9));
        }
    }

    @ParameterizedTest
    @EnumSource(OptionType.class)
    void shouldMatchFiniteDifferencesOfThePrintedPrice(final OptionType type)
    {
        final CliRun base = linear(type);
        final JsonNode greeks = base.json();
        final double price = greeks.get("price").doubleValue();
        final double hF = FORWARD_USD * 1e-4;

        assertThat(greeks.get("delta").doubleValue())
            .isCloseTo(slope(base, "price", "forward", FORWARD_USD * 1e-5), withPercentage(1e-6));
        final double secondDifference = (base.bumped("forward", hF).number("price") - 2.0 * price +
            base.bumped("forward", -hF).number("price")) / (hF * hF);
        assertThat(greeks.get("gamma").doubleValue()).isCloseTo(secondDifference, withPercentage(1e-5));
        assertThat(greeks.get("vega").doubleValue())
            .isCloseTo(slope(base, "price", "vol", 1e-5) * 0.01, withPercentage(1e-6));
        assertThat(greeks.get("theta").doubleValue())
            .isCloseTo(-slope(base, "price", "years", 1e-6) / DAYS_PER_YEAR, withPercentage(1e-6));
        assertThat(greeks.get("rho").doubleValue())
            .isCloseTo(slope(base, "price", "rate", 1e-6) * 0.01, withPercentage(1e-6));
        assertThat(greeks.get("dollarGamma").doubleValue())
            .isCloseTo(greeks.get("gamma").doubleValue() * FORWARD_USD * FORWARD_USD / 100.0, withPercentage(1e-12));
    }

    @Test
    void shouldMatchFiniteDifferencesOfThePrintedGreeks()
    {
        final CliRun base = linear(OptionType.CALL);
        final JsonNode greeks = base.json();
        final double hF = FORWARD_USD * 1e-5;
        assertThat(greeks.get("vanna").doubleValue())
            .isCloseTo(slope(base, "vega", "forward", hF), withPercentage(1e-5));
        assertThat(greeks.get("volga").doubleValue())
            .isCloseTo(slope(base, "vega", "vol", 1e-5) * 0.01, withPercentage(1e-5));
        assertThat(greeks.get("charm").doubleValue())
            .isCloseTo(-slope(base, "delta", "years", 1e-6) / DAYS_PER_YEAR, withPercentage(1e-5));
        assertThat(greeks.get("speed").doubleValue())
            .isCloseTo(slope(base, "gamma", "forward", hF), withPercentage(1e-5));
    }

    @Test
    void shouldPriceAtIntrinsicBelowOneSecondWithFiniteGreeks()
    {
        final JsonNode json = CliRun.verb("price").with("forward", 120).with("strike", 100).with("years", 1e-9)
            .with("vol", 0.8).with("type", "CALL").json();
        assertThat(json.get("price").doubleValue()).isCloseTo(20.0, within(1e-12));
        assertThat(json.get("delta").doubleValue()).isCloseTo(1.0, within(1e-15));
        assertThat(json.get("gamma").doubleValue()).isZero();
        assertThat(json.get("vega").doubleValue()).isZero();
        json.fields().forEachRemaining(field -> assertThat(field.getValue().isNumber()).as(field.getKey()).isTrue());
    }

    @Test
    void shouldPriceAtIntrinsicForANegligibleVolatility()
    {
        final JsonNode json = CliRun.verb("price").with("forward", 90).with("strike", 100).with("years", 1)
            .with("vol", 1e-12).with("type", "PUT").json();
        assertThat(json.get("price").doubleValue()).isCloseTo(10.0, within(1e-12));
        assertThat(json.get("delta").doubleValue()).isCloseTo(-1.0, within(1e-15));
        assertThat(json.get("gamma").doubleValue()).isZero();
    }
}
