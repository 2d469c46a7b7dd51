package org.mmrisk.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

/**
 * {@code risk iv}: round trips through {@code risk price} (price → iv → price), and the null + reason answers.
 */
class IvCommandTest
{
    private static CliRun contract(final String type, final double forwardUsd, final double strikeUsd,
        final double years)
    {
        return CliRun.verb("iv").with("forward", forwardUsd).with("strike", strikeUsd).with("years", years)
            .with("type", type);
    }

    @ParameterizedTest
    @CsvSource({
        "CALL, 100000, 110000, 0.25, 0.55, 0.03, LINEAR",
        "PUT, 100000, 110000, 0.25, 0.55, 0.03, LINEAR",
        "PUT, 100000, 60000, 0.02, 1.2, -0.01, LINEAR",
        "CALL, 3000, 2800, 0.1, 0.7, 0, INVERSE",
        "PUT, 3000, 4000, 2.0, 0.45, 0, INVERSE",
    })
    void shouldRecoverTheVolatilityOfAPrintedPrice(final String type, final double forwardUsd,
        final double strikeUsd, final double years, final double vol, final double rate, final String settlement)
    {
        final CliRun price = CliRun.verb("price").with("forward", forwardUsd).with("strike", strikeUsd)
            .with("years", years).with("type", type).with("rate", rate).with("settlement", settlement);
        final double printedPrice = price.with("vol", vol).number("price");

        final double iv = contract(type, forwardUsd, strikeUsd, years).with("rate", rate)
            .with("settlement", settlement).with("price", printedPrice).number("iv");

        assertThat(iv).isCloseTo(vol, withPercentage(1e-10));
        assertThat(price.with("vol", iv).number("price")).isCloseTo(printedPrice, withPercentage(1e-11));
    }

    @Test
    void shouldPrintOnlyTheVolatilityWhenItExists()
    {
        final JsonNode json = contract("CALL", 100, 100, 1).with("price", 10).json();
        assertThat(json.fieldNames()).toIterable().containsExactly("iv");
    }

    @Test
    void shouldSayAtTheLowerBoundForAPriceAtIntrinsic()
    {
        assertNoVol(contract("CALL", 100, 110, 0.5).with("price", 0).json(), "AT_BOUND");
        final JsonNode inTheMoney = contract("PUT", 90, 100, 0.5).with("price", 10).json();
        assertNoVol(inTheMoney, "AT_BOUND");
        assertThat(inTheMoney.get("bound").asText()).isEqualTo("LOWER");
    }

    @Test
    void shouldSayAtTheUpperBoundForACallWorthTheForward()
    {
        final JsonNode json = contract("CALL", 100, 100, 0.5).with("price", 100).json();
        assertNoVol(json, "AT_BOUND");
        assertThat(json.get("bound").asText()).isEqualTo("UPPER");
    }

    @Test
    void shouldSayNoSolutionBeyondTheBounds()
    {
        assertNoVol(contract("PUT", 90, 100, 0.5).with("price", 9).json(), "NO_SOLUTION");
        assertNoVol(contract("CALL", 100, 100, 0.5).with("price", 101).json(), "NO_SOLUTION");
        assertNoVol(contract("CALL", 100, 100, 0.5).with("price", -1).json(), "NO_SOLUTION");
        assertNoVol(contract("CALL", 3000, 2800, 0.1).with("settlement", "INVERSE").with("price", 1.5).json(),
            "NO_SOLUTION");
    }

    @Test
    void shouldSayInvalidInputForACoinPremiumWhoseUsdPriceOverflows()
    {
        final JsonNode json = contract("CALL", 10, 10, 0.5).with("settlement", "INVERSE").with("price", 1e308).json();
        assertNoVol(json, "INVALID_INPUT");
        assertThat(json.has("bound")).isFalse();
    }

    /**
     * price → iv → price around the price function's near-expiry cut-off (one second; σ√T = 1e-8), and with a time
     * value added that no volatility gives there: a volatility comes back only when it reprices to the price asked
     * about; otherwise the answer is INTRINSIC_ONLY with the intrinsic value `risk price` prints under the cut-off.
     */
    @ParameterizedTest
    @CsvSource({
        // years, vol, time value added to the printed price (USD per coin)
        "1.0E-8, 0.6, 0",
        "1.0E-8, 0.6, 5",
        "3.0E-8, 0.6, 5",
        "3.2E-8, 0.6, 0",
        "3.2E-8, 0.6, 0.01",
        "0.25, 1.0E-8, 0",
        "0.25, 1.9E-8, 0",
        "0.25, 2.0E-8, 0",
        "0.25, 2.1E-8, 0",
        "0.25, 2.0E-8, -0.0002",
        "0.25, 1.0E-9, 0.0001",
        "1.0, 1.0E-8, 0",
    })
    void shouldRepriceTheVolatilityItGivesNearTheCutOffOrSayIntrinsicOnly(final double years, final double vol,
        final double added)
    {
        for (final String type : new String[] {"CALL", "PUT"})
        {
            for (final String settlement : new String[] {"LINEAR", "INVERSE"})
            {
                final double forward = 100_000;
                final CliRun price = CliRun.verb("price").with("forward", forward).with("strike", 100_000.0001)
                    .with("years", years).with("type", type).with("settlement", settlement);
                final double perUsd = settlement.equals("INVERSE") ? 1 / forward : 1;
                final double asked = price.with("vol", vol).number("price") + added * perUsd;
                final JsonNode json = contract(type, forward, 100_000.0001, years).with("settlement", settlement)
                    .with("price", asked).json();
                final String where = type + " " + settlement + " " + years + " " + vol + " " + added + ": " + json;
                if (json.get("iv").isNumber())
                {
                    assertThat(price.with("vol", json.get("iv").doubleValue()).number("price")).as(where)
                        .isCloseTo(asked, within(1e-13 * forward * perUsd));
                    continue;
                }
                final String reason = json.get("reason").asText();
                if (reason.equals("AT_BOUND"))
                {
                    // at intrinsic within 1e-14·F: vol 0 gives it
                    assertThat(price.with("vol", 1e-300).number("price")).as(where)
                        .isCloseTo(asked, within(1e-13 * forward * perUsd));
                    continue;
                }
                assertThat(reason).as(where).isEqualTo("INTRINSIC_ONLY");
                assertThat(json.get("intrinsic").doubleValue()).as(where)
                    .isEqualTo(price.with("vol", 1e-300).number("price"));
                assertThat(json.get("cutoff").asText()).as(where)
                    .isEqualTo(years < 1 / (365.25 * 86_400) ? "MIN_YEARS" : "MIN_STD_DEV");
                if (years < 1 / (365.25 * 86_400))
                {
                    // under one second every volatility prices at intrinsic, the printed price included
                    assertThat(price.with("vol", vol).number("price")).as(where)
                        .isEqualTo(json.get("intrinsic").doubleValue());
                }
            }
        }
    }

    @Test
    void shouldSayIntrinsicOnlyForAnOptionUnderOneSecondToExpiry()
    {
        // 0.3 s before expiry `risk price` prints the intrinsic value, 0 at the money, whatever the volatility
        final double priced = CliRun.verb("price").with("forward", 100_000).with("strike", 100_000)
            .with("years", 1.0e-8).with("type", "CALL").with("vol", 0.6).number("price");
        assertThat(priced).isZero();

        final JsonNode json = contract("CALL", 100_000, 100_000, 1.0e-8).with("price", 10).json();
        assertNoVol(json, "INTRINSIC_ONLY");
        assertThat(json.get("cutoff").asText()).isEqualTo("MIN_YEARS");
        assertThat(json.get("intrinsic").doubleValue()).isZero();
        assertThat(json.has("bound")).isFalse();

        final JsonNode inTheMoney = contract("PUT", 90, 100, 1.0e-8).with("rate", 0.05).with("price", 10).json();
        assertNoVol(inTheMoney, "INTRINSIC_ONLY");
        assertThat(inTheMoney.get("intrinsic").doubleValue()).isEqualTo(10 * Math.exp(-0.05 * 1.0e-8));
    }

    @Test
    void shouldSayIntrinsicOnlyForATimeValueBelowWhatTheLeastPricedVolatilityGives()
    {
        // σ√T = 1e-8 gives an at-the-money option about 0.4e-8·F = 4e-4 USD: 1e-4 USD has no volatility
        final JsonNode json = contract("CALL", 100_000, 100_000, 0.25).with("price", 1e-4).json();
        assertNoVol(json, "INTRINSIC_ONLY");
        assertThat(json.get("cutoff").asText()).isEqualTo("MIN_STD_DEV");
        assertThat(json.get("intrinsic").doubleValue()).isZero();
        final double underCutOff = CliRun.verb("price").with("forward", 100_000).with("strike", 100_000)
            .with("years", 0.25).with("type", "CALL").with("vol", 1.9e-8).number("price");
        assertThat(underCutOff).isZero();
    }

    private static void assertNoVol(final JsonNode json, final String reason)
    {
        assertThat(json.has("iv")).isTrue();
        assertThat(json.get("iv").isNull()).isTrue();
        assertThat(json.get("reason").asText()).isEqualTo(reason);
    }
}
