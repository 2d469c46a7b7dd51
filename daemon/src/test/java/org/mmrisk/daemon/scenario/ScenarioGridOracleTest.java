package org.mmrisk.daemon.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.daemon.config.ConfigLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay state's {@code scenarios[]}, {@code margin[]} and {@code liquidationDistance[]} against
 * {@link ScenarioOracle} on seeded random books: coin-settled and linear options at three expiries (one under 30
 * days, so both vega powers are used), inverse and linear perpetuals and futures, a coin balance (SET_EQUITY) and a
 * USD balance ({@code engine.usdBalances}), premiums paid and received, futures filled away from their mid. Seeds 1
 * to 3 and 6 are COIN-margined (the default), 4 and 5 USD-margined through {@code engine.margin.currencies}; seeds 3
 * and 5 add an ETH book (COIN-margined); seed 2 runs on non-default scenario and margin settings; seed 6 takes its
 * option vols from an SVI surface rather than the ticks' mark vols (each option keeps the vol the state gives it: no
 * smile is re-read at a moved forward). Every point's pnl, pnlUsd and taylorPnl, the worst loss and its point, the
 * largest Taylor gap and its point, every margin figure and both liquidation distances are compared (tolerances in
 * {@link ScenarioComparison}).
 */
class ScenarioGridOracleTest
{
    private static final Instant NEAR = ScenarioBook.START.plus(Duration.ofDays(9));
    private static final Instant MID = ScenarioBook.START.plus(Duration.ofDays(32));
    private static final Instant FAR = ScenarioBook.START.plus(Duration.ofDays(121));
    private static final Instant[] EXPIRIES = { NEAR, MID, FAR };

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 3, 4, 5, 6 })
    void shouldMatchTheBruteForceGridMarginAndLiquidationDistance(final int seed) throws IOException
    {
        final boolean usd = seed == 4 || seed == 5;
        final boolean eth = seed == 3 || seed == 5;
        final ScenarioOracle.Params params = new ScenarioOracle.Params();
        final StringBuilder yaml = new StringBuilder("engine:\n");
        if (usd)
        {
            yaml.append("  margin: {currencies: {BTC: USD}}\n");
        }
        if (seed == 2)
        {
            params.priceRange = 0.2;
            params.priceBuckets = 5;
            params.extendedMoves = new double[] { -0.8, -0.5, 0.4, 1.5, 3 };
            params.extendedWeight = 0.5;
            params.shortTermVegaPower = 0.4;
            params.longTermVegaPower = 0.2;
            params.volRangeUp = 0.6;
            params.volRangeDown = 0.3;
            params.shortOptionContingencyCoins = 0.02;
            params.futuresContingency = 0.03;
            params.maintenanceFactor = 0.7;
            yaml.append("  scenario: {priceRange: 0.2, priceBuckets: 5, extendedMoves: [-0.8, -0.5, 0.4, 1.5, 3],")
                .append(" extendedWeight: 0.5, shortTermVegaPower: 0.4, longTermVegaPower: 0.2, volRangeUp: 0.6,")
                .append(" volRangeDown: 0.3, volFloor: 0.01}\n")
                .append("  margin: {shortOptionContingencyCoins: 0.02, futuresContingency: 0.03,")
                .append(" maintenanceFactor: 0.7}\n");
        }
        final Random random = new Random(seed);
        final ScenarioBook book = new ScenarioBook();
        final double usdBalance = 100_000 + 500_000 * random.nextDouble();
        yaml.append("  usdBalances: {BTC: ").append(usdBalance).append("}\n");
        book.usdBalance("BTC", usdBalance);
        final double last = btcBook(book, random);
        if (eth)
        {
            ethBook(book, random);
        }
        if (seed == 6)
        {
            book.surface(4, "BTC", EXPIRIES);
        }
        book.tick(5, 1, last, last);
        book.timer(6);

        final JsonNode state = book.run(config(yaml.toString()));
        assertThat(state.get("rejects")).as("rejects").isEmpty();

        final SoftAssertions soft = new SoftAssertions();
        final ScenarioOracle btc = ScenarioOracle.of(state, book, "BTC", params, usd);
        compare(soft, state, "BTC", btc, usd ? "USD" : "BTC");
        if (eth)
        {
            compare(soft, state, "ETH", ScenarioOracle.of(state, book, "ETH", params, false), "ETH");
        }
        soft.assertAll();
    }

    private static void compare(final SoftAssertions soft, final JsonNode state, final String underlying,
        final ScenarioOracle oracle, final String currency)
    {
        assertThat(oracle.legs()).as("%s positions", underlying).isNotEmpty();
        ScenarioComparison.checkScenarios(soft, state, underlying, oracle, currency);
        ScenarioComparison.checkMargin(soft, state, underlying, oracle, currency);
        ScenarioComparison.checkLiquidation(soft, state, underlying, oracle);
    }

    private EngineConfig config(final String yaml) throws IOException
    {
        final Path file = dir.resolve("daemon.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file).engineConfig();
    }

    /**
     * Ids 1 to 19: index, both perpetuals, both futures, up to eight options and their fills.
     *
     * @return the index's last value, sent after every other underlying's fills.
     */
    private static double btcBook(final ScenarioBook book, final Random random)
    {
        final double index = 80_000 + 30_000 * random.nextDouble();
        book.index(1, "BTC").perpetual(2, "BTC", true, 10).future(3, "BTC", true, 10, MID)
            .perpetual(4, "BTC", false, 0.001).future(5, "BTC", false, 0.001, FAR);
        book.tick(1, 1, index, index);
        final double perp = index * (1 + 0.001 * random.nextGaussian());
        book.tick(1, 2, perp - 0.5, perp + 0.5).tick(1, 4, perp - 0.5, perp + 0.5);
        final double midFuture = index * Math.exp(0.08 * 32 / 365.25);
        final double farFuture = index * Math.exp(0.1 * 121 / 365.25);
        book.tick(1, 3, midFuture - 1, midFuture + 1).tick(1, 5, farFuture - 1, farFuture + 1);
        book.setCoinEquity(2, "BTC", 10 + 40 * random.nextDouble());
        final double[] forwards = { index * Math.exp(0.07 * 9 / 365.25), midFuture, farFuture };
        final int options = 5 + random.nextInt(4);
        for (int n = 0; n < options; n++)
        {
            final int id = 10 + n;
            final int e = random.nextInt(3);
            final boolean inverse = random.nextDouble() < 0.65;
            final boolean call = random.nextBoolean();
            final double strike = 1_000 * Math.round(index * Math.exp(0.2 * random.nextGaussian()) / 1_000);
            final double iv = 0.4 + 0.3 * random.nextDouble();
            final double years = Duration.between(ScenarioBook.START.plusSeconds(1), EXPIRIES[e]).getSeconds() /
                ScenarioOracle.YEAR_SECONDS;
            final double usd = ScenarioOracle.black(forwards[e], strike, years, iv, call);
            final double fair = inverse ? usd / forwards[e] : usd;
            final double size = inverse ? 1 : 0.01;
            book.option(id, "BTC", inverse, size, EXPIRIES[e], strike, call)
                .optionTick(1, id, 0.9 * fair, 1.1 * fair, iv, forwards[e]);
            final double quantity = (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(inverse ? 10 : 200));
            book.fill(3, id, quantity, fair * (1 + 0.05 * random.nextGaussian()));
        }
        book.fill(3, 2, signed(random, 100, 2_000), perp * (1 + 0.01 * random.nextGaussian()))
            .fill(3, 3, signed(random, 100, 2_000), midFuture * (1 + 0.01 * random.nextGaussian()))
            .fill(3, 4, signed(random, 100, 2_000), perp * (1 + 0.01 * random.nextGaussian()))
            .fill(3, 5, signed(random, 100, 2_000), farFuture * (1 + 0.01 * random.nextGaussian()));
        return index * (1 + 0.003 * random.nextGaussian());
    }

    /** Ids 20 to 29: ETH index, inverse perpetual, three coin options. */
    private static void ethBook(final ScenarioBook book, final Random random)
    {
        final double index = 3_000 + 1_000 * random.nextDouble();
        book.index(20, "ETH").perpetual(21, "ETH", true, 1);
        book.tick(1, 20, index, index).tick(1, 21, index - 0.05, index + 0.05);
        book.setCoinEquity(2, "ETH", 20 + 50 * random.nextDouble());
        for (int n = 0; n < 3; n++)
        {
            final int id = 22 + n;
            final Instant expiry = EXPIRIES[n];
            final double forward = index * 1.001;
            final double strike = 100 * Math.round(index * Math.exp(0.15 * random.nextGaussian()) / 100);
            final double iv = 0.5 + 0.3 * random.nextDouble();
            final boolean call = n != 1;
            final double years = Duration.between(ScenarioBook.START.plusSeconds(1), expiry).getSeconds() /
                ScenarioOracle.YEAR_SECONDS;
            final double fair = ScenarioOracle.black(forward, strike, years, iv, call) / forward;
            book.option(id, "ETH", true, 1, expiry, strike, call)
                .optionTick(1, id, 0.9 * fair, 1.1 * fair, iv, forward)
                .fill(3, id, signed(random, 5, 100), fair);
        }
        book.fill(3, 21, signed(random, 1_000, 50_000), index * (1 + 0.01 * random.nextGaussian()));
        book.tick(5, 20, index * 1.002, index * 1.002);
    }

    private static double signed(final Random random, final int from, final int to)
    {
        return (random.nextBoolean() ? 1 : -1) * (from + random.nextInt(to - from));
    }
}
