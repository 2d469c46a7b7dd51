package org.mmrisk.daemon.var;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code liquidityCost} of a hand-built book, every figure worked below from the definition: each position unwound
 * at its side of the book (a long sells at the bid, a short buys at the ask), half the quoted spread h on the
 * displayed size and beyondTopMultiple (3) × h beyond it, valued as the contracts' value change in their settlement
 * currency and converted at the index; half-spread on all when the tick has no sizes.
 * <p>
 * For an inverse contract "3 × h beyond the top" has two readings. Literally, the part beyond the top trades 3h from
 * the mid and its value change is c·q·(1/(mid − 3h) − 1/mid) coins (a long; a short pays c·q·(1/mid − 1/(mid + 3h))).
 * docs/liquidity.md takes the linearized one: 3 × the top-of-book coin change per contract, 3·c·q·(1/bid − 1/mid).
 * The two differ by about 2h/mid of the beyond-top cost (here 0.29 USD of 440.6). The checks follow the documented
 * reading; {@link #shouldValueTheBeyondTopPartOfAnInverseContractAtThreeHalfSpreadsFromTheMid} holds the literal one
 * (disabled: the engine documents the other).
 */
class LiquidityCostHandBuiltTest
{
    private static final Instant NEAR = VarBook.START.plus(Duration.ofDays(30));
    private static final Instant FAR = VarBook.START.plus(Duration.ofDays(60));

    @TempDir
    Path dir;

    /**
     * BTC, index 100,000:
     * <ul>
     * <li>linear perpetual (1 BTC), 99,990 / 100,010 (h = 10), sizes 5 / 5, long 2: all within the bid's 5,
     *     2 × 1 × 10 = 20 USD;</li>
     * <li>inverse future (10 USD), 100,950 / 101,050 (mid 101,000, h = 50), sizes 20,000 / 30,000, short 50,000:
     *     buys back 30,000 at the ask, 10 × 30,000 × (1/101,000 − 1/101,050) = 0.00146971649 BTC, and 20,000
     *     beyond: documented, 3 × 10 × 20,000 × (1/101,000 − 1/101,050) = 0.00293943298 BTC, in all
     *     0.00440914948 BTC × 100,000 = 440.914948 USD (literally, at mid + 3h = 101,150,
     *     10 × 20,000 × (1/101,000 − 1/101,150) = 0.00293652697 BTC, in all 440.624346 USD);</li>
     * <li>linear call 100,000 (1 BTC, 30 days), 4,480 / 4,680 (h = 100), sizes 5 / 8, long 12: 5 × 100 at the bid
     *     and 7 × 300 beyond, 500 + 2,100 = 2,600 USD;</li>
     * <li>coin put 90,000 (1 BTC, 30 days), 0.0267 / 0.0271 BTC (h = 0.0002), no sizes, short 20: 20 × 0.0002
     *     = 0.004 BTC = 400 USD.</li>
     * </ul>
     * BTC: 20 + 440.914948 + 2,600 + 400 = 3,460.914948 USD. ETH, index 3,500: linear perpetual (1 ETH),
     * 3,499 / 3,501 (h = 1), sizes 50 / 4, short 10: 4 × 1 + 6 × 3 = 22 USD. PORTFOLIO: 3,482.914948 USD.
     */
    @Test
    void shouldCostTheUnwindingOfEachPositionAtItsSideOfTheBook() throws IOException
    {
        final VarBook book = new VarBook().index(1, "BTC").linearPerpetual(2, "BTC", 1)
            .inverseFuture(3, "BTC", 10, FAR)
            .linearOption(10, "BTC", 1, NEAR, 100_000, true).coinOption(11, "BTC", 1, NEAR, 90_000, false)
            .index(20, "ETH").linearPerpetual(21, "ETH", 1)
            .tick(1, 1, 100_000, 100_000).tick(1, 20, 3_500, 3_500)
            .tick(1, 2, 99_990, 100_010, 5, 5)
            .tick(1, 3, 100_950, 101_050, 20_000, 30_000)
            .optionTick(1, 10, 4_480, 4_680, 0.4, 100_000, 5, 8)
            .optionTick(1, 11, 0.0267, 0.0271, 0.6, 100_000, Double.NaN, Double.NaN)
            .tick(1, 21, 3_499, 3_501, 50, 4)
            .fill(2, 2, 2, 100_000).fill(2, 3, -50_000, 101_000).fill(2, 10, 12, 4_580).fill(2, 11, -20, 0.0269)
            .fill(2, 21, -10, 3_500)
            .timer(3);
        final JsonNode state = book.run(dir, VarReplayOracleTest.CONFIG);
        assertThat(state.get("rejects")).as("rejects").isEmpty();

        final double future = 1e5 * (10 * 30_000 * (1 / 101_000.0 - 1 / 101_050.0) +
            10 * 20_000 * (1 / 101_000.0 - 1 / 101_150.0));
        final double futureOtherReading = 1e5 * (10 * 30_000 * (1 / 101_000.0 - 1 / 101_050.0) +
            3 * 10 * 20_000 * (1 / 101_000.0 - 1 / 101_050.0));
        final double btc = 20 + futureOtherReading + 2_600 + 400;
        final double eth = 22;
        final SoftAssertions soft = new SoftAssertions();
        soft.assertThat(future).as("the future by hand, literally").isCloseTo(440.624346, within(1e-6));
        soft.assertThat(futureOtherReading).as("the future by hand, documented").isCloseTo(440.914948, within(1e-6));
        final JsonNode btcRow = VarBook.var(state, "BTC");
        final JsonNode ethRow = VarBook.var(state, "ETH");
        final JsonNode portfolio = VarBook.var(state, "PORTFOLIO");
        soft.assertThat(btcRow).as("var[] BTC").isNotNull();
        soft.assertThat(ethRow).as("var[] ETH").isNotNull();
        soft.assertThat(portfolio).as("var[] PORTFOLIO").isNotNull();
        if (btcRow != null)
        {
            final double got = btcRow.path("liquidityCost").asDouble();
            System.out.printf("liquidity BTC: expected %.9f (literal reading %.9f), got %.9f%n", btc,
                btc - futureOtherReading + future, got);
            soft.assertThat(got).as("BTC liquidityCost (the literal reading of beyond-top for the inverse future " +
                "gives %s)", btc - futureOtherReading + future).isCloseTo(btc, within(1e-6));
        }
        if (ethRow != null)
        {
            soft.assertThat(ethRow.path("liquidityCost").asDouble()).as("ETH liquidityCost")
                .isCloseTo(eth, within(1e-9));
        }
        if (portfolio != null)
        {
            soft.assertThat(portfolio.path("liquidityCost").asDouble()).as("PORTFOLIO liquidityCost = Σ")
                .isCloseTo(btc + eth, within(1e-6));
        }
        soft.assertAll();
    }

    /**
     * Each leg alone, so a disagreement names its leg: the expected figure of each single-position book is the
     * matching line above (the inverse future in the documented reading). A long inverse future sells at the bid:
     * 20,000 within the bid's size, 5,000 beyond, (20,000 + 3 × 5,000) × 10 × (1/100,950 − 1/101,000) × 100,000
     * = 171.636777 USD.
     */
    @Test
    void shouldCostEachLegAloneAsWorkedByHand() throws IOException
    {
        final SoftAssertions soft = new SoftAssertions();
        leg(soft, "linear perpetual within size", base().linearPerpetual(2, "BTC", 1)
            .tick(1, 2, 99_990, 100_010, 5, 5).fill(2, 2, 2, 100_000).timer(3), 20);
        leg(soft, "linear call beyond size", base().linearOption(10, "BTC", 1, NEAR, 100_000, true)
            .optionTick(1, 10, 4_480, 4_680, 0.4, 100_000, 5, 8).fill(2, 10, 12, 4_580).timer(3), 2_600);
        leg(soft, "coin put without sizes", base().coinOption(11, "BTC", 1, NEAR, 90_000, false)
            .optionTick(1, 11, 0.0267, 0.0271, 0.6, 100_000, Double.NaN, Double.NaN).fill(2, 11, -20, 0.0269)
            .timer(3), 400);
        leg(soft, "short inverse future beyond size", shortFuture(),
            1e5 * (30_000 + 3 * 20_000) * 10 * (1 / 101_000.0 - 1 / 101_050.0));
        leg(soft, "long inverse future beyond the bid's size", longFuture(),
            1e5 * (20_000 + 3 * 5_000) * 10 * (1 / 100_950.0 - 1 / 101_000.0));
        soft.assertAll();
    }

    /**
     * The literal reading for the inverse future: the part beyond the top trades 3h from the mid. Short 50,000:
     * 30,000 at the ask and 20,000 at 101,150, 440.624346 USD; long 25,000: 20,000 at the bid and 5,000 at 100,850,
     * 1e5 × 10 × (20,000 × (1/100,950 − 1/101,000) + 5,000 × (1/100,850 − 1/101,000)) = 171.709716 USD. The engine
     * gives 440.914948 and 171.636777 (its documented reading, 3 × the top-of-book coins per contract).
     */
    @Test
    @Disabled("docs/liquidity.md values an inverse contract beyond the top at 3 × its top-of-book coin change, not at "
        + "a price 3 half-spreads from the mid: 440.914948 vs 440.624346 USD (short), 171.636777 vs 171.709716 (long)")
    void shouldValueTheBeyondTopPartOfAnInverseContractAtThreeHalfSpreadsFromTheMid() throws IOException
    {
        final SoftAssertions soft = new SoftAssertions();
        leg(soft, "short inverse future, literal", shortFuture(), 1e5 * (10 * 30_000 * (1 / 101_000.0 - 1 / 101_050.0)
            + 10 * 20_000 * (1 / 101_000.0 - 1 / 101_150.0)));
        leg(soft, "long inverse future, literal", longFuture(), 1e5 * (10 * 20_000 * (1 / 100_950.0 - 1 / 101_000.0)
            + 10 * 5_000 * (1 / 100_850.0 - 1 / 101_000.0)));
        soft.assertAll();
    }

    private static VarBook shortFuture()
    {
        return base().inverseFuture(3, "BTC", 10, FAR).tick(1, 3, 100_950, 101_050, 20_000, 30_000)
            .fill(2, 3, -50_000, 101_000).timer(3);
    }

    private static VarBook longFuture()
    {
        return base().inverseFuture(3, "BTC", 10, FAR).tick(1, 3, 100_950, 101_050, 20_000, 30_000)
            .fill(2, 3, 25_000, 101_000).timer(3);
    }

    private static VarBook base()
    {
        return new VarBook().index(1, "BTC").tick(1, 1, 100_000, 100_000);
    }

    private void leg(final SoftAssertions soft, final String name, final VarBook book, final double expected)
        throws IOException
    {
        final JsonNode state = book.run(dir, "engine:\n  var:\n    vols: {BTC: 0.6}\n");
        soft.assertThat(state.get("rejects")).as("%s rejects", name).isEmpty();
        final JsonNode row = VarBook.var(state, "BTC");
        soft.assertThat(row).as("%s var[] BTC", name).isNotNull();
        if (row != null)
        {
            final double got = row.path("liquidityCost").asDouble();
            System.out.printf("liquidity %s: expected %.9f got %.9f%n", name, expected, got);
            soft.assertThat(got).as("%s liquidityCost", name).isCloseTo(expected, within(1e-9 * expected + 1e-9));
        }
    }
}
