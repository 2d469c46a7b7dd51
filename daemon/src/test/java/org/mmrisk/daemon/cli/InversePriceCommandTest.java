package org.mmrisk.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

/**
 * {@code risk price --settlement INVERSE}: the coin premium and the coin view against finite differences of the
 * printed coin premium, and the USD view against the linear verb at r = 0.
 */
class InversePriceCommandTest
{
    private static final double FORWARD_USD = 3_000.0;
    private static final double STRIKE_USD = 2_800.0;

    private static CliRun inverse(final OptionType type)
    {
        return CliRun.verb("price")
            .with("forward", FORWARD_USD)
            .with("strike", STRIKE_USD)
            .with("years", 0.1)
            .with("vol", 0.7)
            .with("type", type)
            .with("settlement", "INVERSE");
    }

    private static double slope(final CliRun base, final String key, final String name, final double h)
    {
        return (base.bumped(name, h).number(key) - base.bumped(name, -h).number(key)) / (2.0 * h);
    }

    @ParameterizedTest
    @EnumSource(OptionType.class)
    void shouldPrintTheCoinPremiumAndTheUsdViewOfTheLinearOption(final OptionType type)
    {
        final JsonNode coin = inverse(type).json();
        final JsonNode usd = inverse(type).with("settlement", "LINEAR").json();
        assertThat(coin.get("priceUsd").doubleValue()).isEqualTo(usd.get("price").doubleValue());
        assertThat(coin.get("price").doubleValue())
            .isCloseTo(usd.get("price").doubleValue() / FORWARD_USD, withPercentage(1e-12));
        for (final String key : new String[] {"delta", "gamma", "vega", "theta", "rho", "dollarGamma"})
        {
            assertThat(coin.get(key).doubleValue()).as(key).isEqualTo(usd.get(key).doubleValue());
        }
    }

    @ParameterizedTest
    @EnumSource(OptionType.class)
    void shouldGiveThePremiumAdjustedDeltaAsForwardTimesTheSlopeOfTheCoinPremium(final OptionType type)
    {
        final CliRun base = inverse(type);
        final JsonNode json = base.json();
        final double hF = FORWARD_USD * 1e-5;
        final double premiumAdjustedDelta = json.get("premiumAdjustedDelta").doubleValue();
        assertThat(premiumAdjustedDelta)
            .isCloseTo(FORWARD_USD * slope(base, "price", "forward", hF), withPercentage(1e-6));
        assertThat(premiumAdjustedDelta)
            .isCloseTo(json.get("delta").doubleValue() - json.get("price").doubleValue(), withPercentage(1e-12));
    }

    @Test
    void shouldMatchFiniteDifferencesOfTheCoinView()
    {
        final CliRun base = inverse(OptionType.CALL);
        final JsonNode json = base.json();
        assertThat(json.get("coinGamma").doubleValue())
            .isCloseTo(slope(base, "premiumAdjustedDelta", "forward", FORWARD_USD * 1e-5), withPercentage(1e-5));
        assertThat(json.get("coinVega").doubleValue())
            .isCloseTo(slope(base, "price", "vol", 1e-5) * 0.01, withPercentage(1e-6));
        assertThat(json.get("coinTheta").doubleValue())
            .isCloseTo(-slope(base, "price", "years", 1e-6) / 365.25, withPercentage(1e-6));
    }

    @Test
    void shouldAcceptAZeroRate()
    {
        assertThat(inverse(OptionType.PUT).with("rate", 0).json().get("price").doubleValue())
            .isEqualTo(inverse(OptionType.PUT).json().get("price").doubleValue());
    }
}
