package org.mmrisk.core.scenario;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.config.ScenarioConfig;
import org.mmrisk.core.event.MarginCurrency;
import org.mmrisk.core.event.VolShock;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interpolated curves of the liquidation search against the exact valuation of the same book, at the default
 * {@code engine.scenario.curveStep} (0.005 in log index, cubic): a realistic BTC book of coin-settled and linear
 * options from 1 to 180 days (a fifth of them expiring in a day, struck near the money), futures and perpetuals,
 * short gamma on balance so that a liquidation is in range on both sides.
 */
class ValueCurvesTest
{
    private static final double INDEX_USD = 100_000;
    private static final int POSITIONS = 150;

    private final ScenarioConfig config = new EngineConfig().conclude().scenario();
    private final ScenarioPoints points = new ScenarioPoints(config);
    private final MarginCalculator calculator = new MarginCalculator(points, config);
    private final ScenarioBook book = new ScenarioBook();
    private final ValueCurves curves = new ValueCurves(config);
    private final ScenarioContract[] contracts = new ScenarioContract[POSITIONS];
    private final double[] quantities = new double[POSITIONS];
    private final double[] avgPrices = new double[POSITIONS];
    /** Σ|q|·size of the options, coins: the scale of the curves' values (times the index for the USD ones). */
    private double coinOptionContracts;
    private double usdOptionContracts;

    @BeforeEach
    void setUp()
    {
        build(0.65, 0.65);
    }

    /**
     * A new book, each option short with the probability {@code shortCalls} or {@code shortPuts}, and its curves.
     */
    private void build(final double shortCalls, final double shortPuts)
    {
        coinOptionContracts = 0;
        usdOptionContracts = 0;
        final SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < POSITIONS; i++)
        {
            final ScenarioContract c = new ScenarioContract();
            final double kind = random.nextDouble();
            if (kind < 0.85)
            {
                final boolean oneDay = i % 5 == 0;
                final double days = oneDay ? 1 : 2 + random.nextInt(179);
                final double years = days / 365.25;
                final double forward = INDEX_USD * Math.exp(0.05 * years);
                final double spread = oneDay ? 0.06 : 0.8;
                final double strike =
                    Math.round(INDEX_USD * (1 - spread / 2 + spread * random.nextDouble()) / 500) * 500.0;
                final double vol = 0.4 + 0.5 * random.nextDouble();
                final boolean coinSettled = kind < 0.45;
                c.option(coinSettled, strike >= forward, strike, 1, INDEX_USD, forward, vol, years, days, config);
                final double shortShare = strike >= forward ? shortCalls : shortPuts;
                quantities[i] = (random.nextDouble() < shortShare ? -1 : 1) * 0.1 * (1 + random.nextInt(50));
                if (coinSettled)
                {
                    coinOptionContracts += Math.abs(quantities[i]);
                }
                else
                {
                    usdOptionContracts += Math.abs(quantities[i]);
                }
            }
            else
            {
                final boolean inverse = random.nextBoolean();
                final double forward = random.nextBoolean() ? INDEX_USD : INDEX_USD * (1 + 0.01 * random.nextDouble());
                c.future(inverse, inverse ? 10 : 0.001, INDEX_USD, forward);
                quantities[i] = (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(1000));
            }
            contracts[i] = c;
            avgPrices[i] = INDEX_USD * (0.95 + 0.1 * random.nextDouble());
        }
        curves.reset(INDEX_USD);
        for (int i = 0; i < POSITIONS; i++)
        {
            if (contracts[i].isOption())
            {
                for (final VolShock shock : VolShock.VALUES)
                {
                    curves.addOption(contracts[i], quantities[i], shock, 0, curves.size(shock));
                }
            }
            else
            {
                curves.addDeltaOne(contracts[i], quantities[i]);
            }
        }
    }

    @Test
    void shouldUseTheDefaultStep()
    {
        assertThat(config.curveStep()).isEqualTo(0.005);
    }

    /**
     * Every index level a liquidation search can reach (a move from −99% to +500%, and from there every point of
     * the grid, the extended ones with the vol up), off the curves' nodes: the values agree with the exact book
     * within 1e-6 of the options' gross size (coins; USD per unit of index).
     */
    @Test
    void shouldInterpolateTheBookWithinTheBound()
    {
        final double[] extended = config.extendedMoves();
        double worstCoin = 0;
        double worstUsd = 0;
        final SplittableRandom random = new SplittableRandom(5);
        for (final VolShock shock : VolShock.VALUES)
        {
            final double lowest = (1 + MarginCalculator.DOWN_LIMIT) *
                (1 + (shock == VolShock.UP ? Math.min(extended[0], -config.priceRange()) : -config.priceRange()));
            final double highest = (1 + MarginCalculator.UP_LIMIT) *
                (1 + (shock == VolShock.UP ? extended[extended.length - 1] : config.priceRange()));
            final int samples = 20_000;
            for (int k = 0; k < samples; k++)
            {
                final double x = Math.log(lowest) + (Math.log(highest) - Math.log(lowest)) *
                    (k + random.nextDouble()) / samples;
                final double indexUsd = INDEX_USD * Math.exp(x);
                final double coinError = Math.abs(curves.coinValue(indexUsd, shock) - book(true, indexUsd, shock));
                final double usdError = Math.abs(curves.usdValue(indexUsd, shock) - book(false, indexUsd, shock));
                worstCoin = Math.max(worstCoin, coinError / coinOptionContracts);
                worstUsd = Math.max(worstUsd, usdError / (usdOptionContracts * indexUsd));
            }
        }

        System.out.printf("curves vs exact: largest error %.2e coins and %.2e USD per unit of index, per contract%n",
            worstCoin, worstUsd);
        assertThat(worstCoin).isLessThan(1e-6);
        assertThat(worstUsd).isLessThan(1e-6);
    }

    /**
     * The liquidation distance found on the curves is the one found by revaluing the book exactly, within 1e-3 (the
     * search's own tolerance is 1e-4), with the equity 1.5 times the maintenance margin: a book short puts and calls
     * alike fails on the way down, one short mostly calls on the way up. So does the worst loss at the index.
     */
    @Test
    void shouldFindTheLiquidationTheExactBookFinds()
    {
        final MarginFigures down = liquidationBothWays();
        assertThat(down.downMove).isBetween(-0.99, -1e-3);
        build(0.8, 0.45);
        final MarginFigures up = liquidationBothWays();
        assertThat(up.upMove).isBetween(1e-3, 5.0);
    }

    /**
     * @return the exact figures, after checking the curves' against them.
     */
    private MarginFigures liquidationBothWays()
    {
        fillBook(0);
        final MarginFigures atZero = new MarginFigures();
        calculator.margin(book, calculator.worstLoss(book, book, INDEX_USD), MarginCalculator.equity(book, book),
            atZero);
        fillBook(1.5 * atZero.maintenance - atZero.equity);
        final double equity = MarginCalculator.equity(book, book);
        final MarginFigures exact = new MarginFigures();
        final MarginFigures interpolated = new MarginFigures();

        calculator.liquidation(book, book, equity, exact);
        calculator.liquidation(book, curves, equity, interpolated);

        System.out.printf("liquidation: exact down %.6f up %.6f, curves down %.6f up %.6f (differences %.1e, %.1e)%n",
            exact.downMove, exact.upMove, interpolated.downMove, interpolated.upMove,
            interpolated.downMove - exact.downMove, interpolated.upMove - exact.upMove);
        agree(interpolated.downMove, exact.downMove);
        agree(interpolated.upMove, exact.upMove);
        final double exactLoss = calculator.worstLoss(book, book, INDEX_USD);
        assertThat(exactLoss).isPositive();
        assertThat(calculator.worstLoss(book, curves, INDEX_USD)).isCloseTo(exactLoss, Offset.offset(1e-6 * exactLoss));
        return exact;
    }

    private static void agree(final double interpolated, final double exact)
    {
        if (Double.isNaN(exact))
        {
            assertThat(interpolated).isNaN();
        }
        else
        {
            assertThat(interpolated).isCloseTo(exact, Offset.offset(1e-3));
        }
    }

    private void fillBook(final double coinBalance)
    {
        book.reset(MarginCurrency.COIN, INDEX_USD, coinBalance, 0);
        for (int i = 0; i < POSITIONS; i++)
        {
            book.add(contracts[i], quantities[i], avgPrices[i]);
        }
    }

    /**
     * @return the exact value of the book's options and delta-one contracts of one settlement, straight from the
     * contracts (independent of {@link ScenarioBook}'s loop).
     */
    private double book(final boolean coinSettled, final double indexUsd, final VolShock shock)
    {
        double sum = 0;
        for (int i = 0; i < POSITIONS; i++)
        {
            final ScenarioContract c = contracts[i];
            if (c.isCoinSettled() == coinSettled)
            {
                sum += quantities[i] * c.settlementValue(c.forward() / INDEX_USD * indexUsd, c.vol(shock));
            }
        }
        return sum;
    }
}
