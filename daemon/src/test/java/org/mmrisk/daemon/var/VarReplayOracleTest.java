package org.mmrisk.daemon.var;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The replay state's {@code var[]} against {@link VarReference} on two underlyings, BTC (index 100,000) and ETH
 * (index 3,500), with vols and the correlation configured ({@code engine.var.vols}, {@code engine.var.correlations})
 * so that nothing is estimated. The reference takes delta, gamma and the index from the same state's
 * {@code underlyings[]}, as the definitions do; each book's aggregates are checked separately against hand-worked
 * numbers (linear) or the test's own Black-76 (options).
 */
class VarReplayOracleTest
{
    private static final Instant EXPIRY = VarBook.START.plus(Duration.ofDays(30));
    private static final Map<String, Double> VOLS = Map.of("BTC", 0.6, "ETH", 0.8);
    static final String CONFIG = "engine:\n  var:\n    vols: {BTC: 0.6, ETH: 0.8}\n" +
        "    correlations: {BTC/ETH: 0.5}\n";

    @TempDir
    Path dir;

    /**
     * Long 3 BTC of linear perpetual, short 40 ETH: delta 3 and -40 coins, no gamma, so deltaGamma = deltaNormal.
     * By hand: a day's σ of the index is S·σ/√365.25 = 3,139.47 USD (BTC), 146.509 USD (ETH); z(0.99) = 2.326348.
     * BTC: 2.326348 × 3 × 3,139.47 = 21,910.49; ETH: 2.326348 × 40 × 146.509 = 13,633.19; PORTFOLIO:
     * a = 9,418.41, b = -5,860.34, √(a² + b² + 2·0.5·a·b) = 8,237.36, × z = 19,163.08 (less than BTC alone: the
     * short ETH hedges the correlated long BTC). Liquidity without sizes: half-spread on all, BTC 3 × 5 = 15 USD,
     * ETH 40 × 0.5 = 20 USD, PORTFOLIO 35 USD.
     */
    @Test
    void shouldGiveTheDeltaNormalFiguresForALinearBookAndEqualDeltaGamma() throws IOException
    {
        final JsonNode state = linearBook().run(dir, CONFIG);
        assertThat(state.get("rejects")).as("rejects").isEmpty();
        final SoftAssertions soft = new SoftAssertions();
        checkLinearAggregates(soft, state);
        checkAll(soft, state, VOLS, Map.of("BTC/ETH", 0.5), 0.99, 1);
        final double[] byHand = { 21_910.49, 13_633.19, 19_163.08 };
        final double[] cost = { 15, 20, 35 };
        final String[] scopes = { "BTC", "ETH", "PORTFOLIO" };
        for (int i = 0; i < 3; i++)
        {
            final JsonNode row = VarBook.var(state, scopes[i]);
            if (row == null)
            {
                continue;
            }
            soft.assertThat(row.path("deltaNormal").asDouble()).as("%s deltaNormal by hand", scopes[i])
                .isCloseTo(byHand[i], within(0.01));
            soft.assertThat(row.path("deltaGamma").asDouble()).as("%s deltaGamma = deltaNormal (linear)", scopes[i])
                .isCloseTo(row.path("deltaNormal").asDouble(), within(1e-9 * byHand[i]));
            soft.assertThat(row.path("liquidityCost").asDouble()).as("%s liquidityCost by hand", scopes[i])
                .isCloseTo(cost[i], within(1e-9));
        }
        checkEchoes(soft, state, 0.5);
        soft.assertAll();
    }

    /**
     * The same book at 97.5% over 10 days with ρ = -0.3 written "ETH/BTC" (either order is allowed): every figure
     * scales by z(0.975)/z(0.99)·√10; by hand BTC 58,374.81, ETH 36,322.10, PORTFOLIO 77,453.80 (a negative ρ makes
     * the long/short pair add up).
     */
    @Test
    void shouldScaleWithConfidenceAndHorizonAndReadThePairInEitherOrder() throws IOException
    {
        final String yaml = "engine:\n  var:\n    vols: {BTC: 0.6, ETH: 0.8}\n    correlations: {ETH/BTC: -0.3}\n" +
            "    confidence: 0.975\n    horizonDays: 10\n";
        final JsonNode state = linearBook().run(dir, yaml);
        assertThat(state.get("rejects")).as("rejects").isEmpty();
        final SoftAssertions soft = new SoftAssertions();
        checkAll(soft, state, VOLS, Map.of("BTC/ETH", -0.3), 0.975, 10);
        final double[] byHand = { 58_374.81, 36_322.10, 77_453.80 };
        final String[] scopes = { "BTC", "ETH", "PORTFOLIO" };
        for (int i = 0; i < 3; i++)
        {
            final JsonNode row = VarBook.var(state, scopes[i]);
            if (row != null)
            {
                soft.assertThat(row.path("deltaNormal").asDouble()).as("%s deltaNormal by hand", scopes[i])
                    .isCloseTo(byHand[i], within(0.01));
            }
        }
        checkEchoes(soft, state, -0.3);
        soft.assertAll();
    }

    /**
     * Short wings: BTC short 10 puts 85,000 and 10 calls 115,000 (linear, 1 coin, 30 days, vol 60%), long 1 BTC
     * perpetual; ETH short 100 puts 3,000 (linear, 1 ETH, 30 days, vol 80%) and long 20 ETH perpetual. The
     * aggregates are checked against the test's own Black-76 (forward = index, so ∂F/∂S = 1): delta
     * Σq·c·N(d1)(−1 for puts) + perpetuals, gamma Σq·c·n(d1)/(Fσ√T). Short gamma skews the loss: deltaGamma must
     * exceed deltaNormal and match Cornish-Fisher on the state's aggregates.
     */
    @Test
    void shouldGiveCornishFisherOnAShortWingBook() throws IOException
    {
        final JsonNode state = shortWingBook().run(dir, CONFIG);
        assertThat(state.get("rejects")).as("rejects").isEmpty();
        final SoftAssertions soft = new SoftAssertions();
        final double years = years(state);
        final double[] btc = greeks(years, 100_000, 0.6, new double[][] { { 85_000, 0, -10 }, { 115_000, 1, -10 } });
        final double[] eth = greeks(years, 3_500, 0.8, new double[][] { { 3_000, 0, -100 } });
        checkAggregates(soft, state, "BTC", btc[0] + 1, btc[1]);
        checkAggregates(soft, state, "ETH", eth[0] + 20, eth[1]);
        checkAll(soft, state, VOLS, Map.of("BTC/ETH", 0.5), 0.99, 1);
        for (final String scope : List.of("BTC", "ETH", "PORTFOLIO"))
        {
            final JsonNode row = VarBook.var(state, scope);
            if (row != null)
            {
                System.out.printf("short wings %s: deltaNormal %.4f deltaGamma %.4f liquidityCost %.4f%n", scope,
                    row.path("deltaNormal").asDouble(), row.path("deltaGamma").asDouble(),
                    row.path("liquidityCost").asDouble());
                soft.assertThat(row.path("deltaGamma").asDouble()).as("%s short gamma: deltaGamma > deltaNormal",
                    scope).isGreaterThan(row.path("deltaNormal").asDouble());
            }
        }
        soft.assertAll();
    }

    /**
     * A coin balance is delta when {@code engine.equityDelta} is on (the default): 5 BTC set by SET_EQUITY, no
     * position, index 100,000: delta 5, VaR z × 5 × 3,139.47 = 36,517.48 USD, deltaGamma the same, no liquidity
     * cost (an account is not unwound). With the switch off the aggregates hold no delta and the VaR is 0.
     */
    @Test
    void shouldCountTheCoinAccountAsDeltaOnlyWhileEquityDeltaIsOn() throws IOException
    {
        final VarBook book = new VarBook().index(1, "BTC").tick(1, 1, 100_000, 100_000).setCoinEquity(2, "BTC", 5)
            .timer(3);
        final SoftAssertions soft = new SoftAssertions();
        final JsonNode on = book.run(dir, "engine:\n  var:\n    vols: {BTC: 0.6}\n");
        assertThat(on.get("rejects")).as("rejects").isEmpty();
        checkAggregates(soft, on, "BTC", 5, 0);
        final JsonNode row = VarBook.var(on, "BTC");
        soft.assertThat(row).as("var[] BTC").isNotNull();
        if (row != null)
        {
            soft.assertThat(row.path("deltaNormal").asDouble()).as("deltaNormal by hand").isCloseTo(36_517.48,
                within(0.01));
            soft.assertThat(row.path("deltaGamma").asDouble()).as("deltaGamma = deltaNormal")
                .isCloseTo(row.path("deltaNormal").asDouble(), within(1e-6));
            soft.assertThat(row.path("liquidityCost").asDouble()).as("no position, no cost").isZero();
        }
        final JsonNode off = book.run(dir, "engine:\n  equityDelta: false\n  var:\n    vols: {BTC: 0.6}\n");
        checkAggregates(soft, off, "BTC", 0, 0);
        final JsonNode offRow = VarBook.var(off, "BTC");
        if (offRow != null)
        {
            // within 0, not isZero: the engine prints deltaGamma as -0.0 here (a signed zero from −κ1 = −0.0)
            soft.assertThat(offRow.path("deltaNormal").asDouble()).as("equityDelta off: no delta, no VaR")
                .isCloseTo(0, within(0.0));
            soft.assertThat(offRow.path("deltaGamma").asDouble()).as("equityDelta off: deltaGamma")
                .isCloseTo(0, within(0.0));
        }
        soft.assertAll();
    }

    // ---------------------------------------------------------------- books

    /** Ids 1, 2 BTC index and linear perpetual (1 coin); 20, 21 ETH. Fills at the mids. */
    static VarBook linearBook()
    {
        return new VarBook().index(1, "BTC").linearPerpetual(2, "BTC", 1).index(20, "ETH")
            .linearPerpetual(21, "ETH", 1)
            .tick(1, 1, 100_000, 100_000).tick(1, 2, 99_995, 100_005)
            .tick(1, 20, 3_500, 3_500).tick(1, 21, 3_499.5, 3_500.5)
            .fill(2, 2, 3, 100_000).fill(2, 21, -40, 3_500)
            .timer(3);
    }

    static VarBook shortWingBook()
    {
        final VarBook book = new VarBook().index(1, "BTC").linearPerpetual(2, "BTC", 1).index(20, "ETH")
            .linearPerpetual(21, "ETH", 1)
            .linearOption(10, "BTC", 1, EXPIRY, 85_000, false).linearOption(11, "BTC", 1, EXPIRY, 115_000, true)
            .linearOption(22, "ETH", 1, EXPIRY, 3_000, false)
            .tick(1, 1, 100_000, 100_000).tick(1, 2, 99_995, 100_005)
            .tick(1, 20, 3_500, 3_500).tick(1, 21, 3_499.5, 3_500.5);
        final double years = (30 * 86_400 - 1) / (VarReference.DAYS_PER_YEAR * 86_400);
        final double p1 = VarReference.black(100_000, 85_000, years, 0.6, false);
        final double c1 = VarReference.black(100_000, 115_000, years, 0.6, true);
        final double p2 = VarReference.black(3_500, 3_000, years, 0.8, false);
        book.optionTick(1, 10, 0.98 * p1, 1.02 * p1, 0.6, 100_000, Double.NaN, Double.NaN)
            .optionTick(1, 11, 0.98 * c1, 1.02 * c1, 0.6, 100_000, Double.NaN, Double.NaN)
            .optionTick(1, 22, 0.98 * p2, 1.02 * p2, 0.8, 3_500, Double.NaN, Double.NaN);
        return book.fill(2, 10, -10, p1).fill(2, 11, -10, c1).fill(2, 22, -100, p2)
            .fill(2, 2, 1, 100_000).fill(2, 21, 20, 3_500)
            .timer(3);
    }

    // ---------------------------------------------------------------- checks

    static double years(final JsonNode state)
    {
        final Instant now = Instant.parse(state.get("time").asText());
        return Duration.between(now, EXPIRY).toNanos() / 1e9 / (VarReference.DAYS_PER_YEAR * 86_400);
    }

    /** {delta, gamma} of options {strike, call ? 1 : 0, quantity} of 1 coin on forward = index. */
    static double[] greeks(final double years, final double forward, final double vol, final double[][] options)
    {
        double delta = 0;
        double gamma = 0;
        for (final double[] o : options)
        {
            delta += o[2] * VarReference.blackDelta(forward, o[0], years, vol, o[1] == 1);
            gamma += o[2] * VarReference.blackGamma(forward, o[0], years, vol);
        }
        return new double[] { delta, gamma };
    }

    private static void checkLinearAggregates(final SoftAssertions soft, final JsonNode state)
    {
        checkAggregates(soft, state, "BTC", 3, 0);
        checkAggregates(soft, state, "ETH", -40, 0);
    }

    /** The state's aggregates against the test's: delta to 1e-7 of itself (Black-76 evaluations), gamma likewise. */
    static void checkAggregates(final SoftAssertions soft, final JsonNode state, final String coin,
        final double delta, final double gamma)
    {
        final JsonNode row = VarBook.underlying(state, coin);
        soft.assertThat(row).as("underlyings[] %s", coin).isNotNull();
        if (row == null)
        {
            return;
        }
        soft.assertThat(row.path("delta").asDouble()).as("%s aggregate delta", coin)
            .isCloseTo(delta, within(1e-7 * Math.max(1, Math.abs(delta))));
        soft.assertThat(row.path("gamma").asDouble()).as("%s aggregate gamma", coin)
            .isCloseTo(gamma, within(1e-7 * Math.max(1e-12, Math.abs(gamma))));
    }

    static void checkAll(final SoftAssertions soft, final JsonNode state, final Map<String, Double> vols,
        final Map<String, Double> correlations, final double confidence, final double horizonDays)
    {
        final JsonNode rows = state.get("var");
        soft.assertThat(rows).as("var[]").isNotNull();
        if (rows == null)
        {
            return;
        }
        soft.assertThat(rows.size()).as("var[]: BTC, ETH, PORTFOLIO").isEqualTo(3);
        if (rows.size() == 3)
        {
            soft.assertThat(rows.get(0).path("scope").asText()).isEqualTo("BTC");
            soft.assertThat(rows.get(1).path("scope").asText()).isEqualTo("ETH");
            soft.assertThat(rows.get(2).path("scope").asText()).isEqualTo("PORTFOLIO");
        }
        for (final String coin : List.of("BTC", "ETH"))
        {
            VarComparison.check(soft, state, coin, VarComparison.expected(state, new String[] { coin }, vols,
                correlations, confidence, horizonDays), confidence, horizonDays);
        }
        VarComparison.check(soft, state, "PORTFOLIO", VarComparison.expected(state, new String[] { "BTC", "ETH" },
            vols, correlations, confidence, horizonDays), confidence, horizonDays);
    }

    /** {@code vols}: only those in scope; {@code correlations}: {} for one underlying, the pair for the portfolio. */
    static void checkEchoes(final SoftAssertions soft, final JsonNode state, final double rho)
    {
        for (final String coin : List.of("BTC", "ETH"))
        {
            final JsonNode row = VarBook.var(state, coin);
            if (row != null)
            {
                soft.assertThat(row.path("vols").size()).as("%s vols: itself only", coin).isEqualTo(1);
                soft.assertThat(row.path("vols").path(coin).asDouble()).as("%s vol", coin).isEqualTo(VOLS.get(coin));
                soft.assertThat(row.path("correlations").isObject()).as("%s correlations an object", coin).isTrue();
                soft.assertThat(row.path("correlations").size()).as("%s correlations {}", coin).isZero();
            }
        }
        final JsonNode row = VarBook.var(state, "PORTFOLIO");
        if (row != null)
        {
            soft.assertThat(row.path("vols").path("BTC").asDouble()).as("PORTFOLIO vols BTC").isEqualTo(0.6);
            soft.assertThat(row.path("vols").path("ETH").asDouble()).as("PORTFOLIO vols ETH").isEqualTo(0.8);
            soft.assertThat(row.path("correlations").size()).as("PORTFOLIO one pair").isEqualTo(1);
            soft.assertThat(row.path("correlations").path("BTC/ETH").asDouble()).as("PORTFOLIO BTC/ETH")
                .isEqualTo(rho);
        }
    }
}
