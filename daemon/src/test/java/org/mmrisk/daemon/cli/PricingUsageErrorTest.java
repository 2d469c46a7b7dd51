package org.mmrisk.daemon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad arguments of {@code risk price} and {@code risk iv}: a picocli usage error (exit 2) whose message names the
 * option, nothing on stdout, no stack trace.
 */
class PricingUsageErrorTest
{
    private static CliRun valid(final String verb)
    {
        final CliRun contract = CliRun.verb(verb).with("forward", 100).with("strike", 100).with("years", 0.5)
            .with("type", "CALL");
        return "price".equals(verb) ? contract.with("vol", 0.5) : contract.with("price", 10);
    }

    @ParameterizedTest(name = "{0} --{1} {2}")
    @CsvSource({
        "price, forward, abc",
        "price, forward, 0",
        "price, forward, -100",
        "price, forward, NaN",
        "price, strike, Infinity",
        "price, strike, -Infinity",
        "price, strike, ''",
        "price, years, 0",
        "price, years, -0.1",
        "price, vol, 0",
        "price, vol, -0.2",
        "price, vol, NaN",
        "price, rate, NaN",
        "price, rate, 1/2",
        "price, type, STRADDLE",
        "price, settlement, QUANTO",
        "iv, price, NaN",
        "iv, price, ten",
        "iv, forward, 0",
        "iv, years, Infinity",
        "iv, type, call-ish",
    })
    void shouldRefuseABadValueNamingTheOption(final String verb, final String option, final String value)
    {
        assertUsageError(valid(verb).with(option, value).run(), option);
    }

    @ParameterizedTest(name = "{0} without --{1}")
    @CsvSource({
        "price, forward", "price, strike", "price, years", "price, vol", "price, type",
        "iv, price", "iv, forward", "iv, strike", "iv, years", "iv, type",
    })
    void shouldRefuseAMissingOptionNamingIt(final String verb, final String option)
    {
        final CliRun.Result result = valid(verb).without(option).run();
        assertUsageError(result, option);
        assertThat(result.err).contains("Missing required option");
    }

    @ParameterizedTest
    @CsvSource({"price", "iv"})
    void shouldRefuseARateForACoinSettledOption(final String verb)
    {
        final CliRun.Result result = valid(verb).with("settlement", "INVERSE").with("rate", 0.05).run();
        assertUsageError(result, "rate");
        assertThat(result.err).contains("INVERSE");
    }

    @ParameterizedTest
    @CsvSource({"55, 0.55", "10.5, 0.105", "1e3, 10"})
    void shouldRefuseAVolAboveTheBoundAsAPercentageTypedByMistake(final String vol, final String fraction)
    {
        final CliRun.Result result = valid("price").with("vol", vol).run();

        assertUsageError(result, "vol");
        assertThat(result.err.lines().findFirst().orElseThrow()).startsWith("Invalid value for option '--vol': '" + vol + "' is ")
            .contains("above 10 (1,000%)").contains("write " + fraction).contains("--allow-extreme")
            .doesNotContain("--forward").doesNotContain("--strike");
    }

    @Test
    void shouldPriceAVolAboveTheBoundWithAllowExtremeAndOneAtTheBoundWithout()
    {
        assertThat(valid("price").with("vol", 55).flag("allow-extreme").number("price")).isGreaterThan(0);
        assertThat(valid("price").with("vol", PriceCommand.MAX_VOL).number("price")).isGreaterThan(0);
    }

    @ParameterizedTest(name = "feed --{0} {1}")
    @CsvSource({"rate, 0", "rate, 1.5", "seconds, -1", "seconds, NaN", "fill-ratio, 1.5", "fill-ratio, -0.1"})
    void shouldRefuseABadFeedNumberNamingOnlyThatOptionAndItsValue(final String option, final String value)
    {
        final CliRun.Result result = CliRun.verb("feed").with("config", "no-such.yaml").with(option, value).run();

        assertUsageError(result, option);
        assertThat(result.err.lines().findFirst().orElseThrow())
            .isEqualTo("Invalid value for option '--" + option + "': '" + value + "' is not " +
                ("fill-ratio".equals(option) ? "within [0, 1]" : "rate".equals(option) && "1.5".equals(value) ?
                "a whole number" : "rate".equals(option) ? "a positive whole number" : "a positive finite number"));
    }

    private static void assertUsageError(final CliRun.Result result, final String option)
    {
        assertThat(result.exitCode).as(result.err).isEqualTo(CommandLine.ExitCode.USAGE).isEqualTo(2);
        assertThat(result.out).isEmpty();
        assertThat(result.err).contains("'--" + option).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
