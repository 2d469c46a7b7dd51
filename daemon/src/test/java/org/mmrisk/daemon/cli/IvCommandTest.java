package org.mmrisk.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
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

    private static void assertNoVol(final JsonNode json, final String reason)
    {
        assertThat(json.has("iv")).isTrue();
        assertThat(json.get("iv").isNull()).isTrue();
        assertThat(json.get("reason").asText()).isEqualTo(reason);
    }
}
