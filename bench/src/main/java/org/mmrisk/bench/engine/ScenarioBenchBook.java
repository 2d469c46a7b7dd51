package org.mmrisk.bench.engine;

import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.config.ScenarioConfig;
import org.mmrisk.core.event.MarginCurrency;
import org.mmrisk.core.event.VolShock;
import org.mmrisk.core.scenario.MarginCalculator;
import org.mmrisk.core.scenario.MarginFigures;
import org.mmrisk.core.scenario.ScenarioBook;
import org.mmrisk.core.scenario.ScenarioContract;
import org.mmrisk.core.scenario.ScenarioPoints;
import org.mmrisk.core.scenario.ScenarioRisk;
import org.mmrisk.core.scenario.ValueCurves;

import java.util.SplittableRandom;

/**
 * A random BTC book for the scenario benchmarks, built through the scenario package's public API with the default
 * {@code engine.scenario.*} settings: about 45% coin-settled options, 40% linear (USD-settled) options and 15%
 * futures and perpetuals (inverse and linear), options from 1 to 180 days, strikes within ±40% of the index, vols
 * 40–90%, each option short with probability 0.65 (a delta-one position 0.5). Each position is a
 * {@link ScenarioRisk} whose contract is centred at the index; the {@link ScenarioBook} holds the same contracts, and
 * the {@link ValueCurves} can be filled from them. The coin balance is chosen so that the account's equity is a
 * given multiple of its maintenance margin. Owned by the benchmark's thread.
 */
final class ScenarioBenchBook
{
    static final double INDEX_USD = 100_000;

    final ScenarioConfig config = new EngineConfig().conclude().scenario();
    final ScenarioPoints points = new ScenarioPoints(config);
    final MarginCalculator calculator = new MarginCalculator(points, config);
    final ScenarioBook book = new ScenarioBook();
    final ValueCurves curves = new ValueCurves(config);
    final MarginFigures figures = new MarginFigures();
    final ScenarioRisk[] risks;
    final double[] quantities;
    final double[] avgPrices;
    final int optionCount;
    final int[] options;

    ScenarioBenchBook(final int positions, final long seed)
    {
        risks = new ScenarioRisk[positions];
        quantities = new double[positions];
        avgPrices = new double[positions];
        final SplittableRandom random = new SplittableRandom(seed);
        int optionsSeen = 0;
        for (int i = 0; i < positions; i++)
        {
            final ScenarioRisk risk = new ScenarioRisk(points);
            final ScenarioContract c = risk.contract();
            final double kind = random.nextDouble();
            final double sign = random.nextDouble() < (kind < 0.85 ? 0.65 : 0.5) ? -1 : 1;
            if (kind < 0.85)
            {
                final double days = 1 + random.nextInt(180);
                final double years = days / 365.25;
                final double forward = INDEX_USD * Math.exp(0.05 * years);
                final double strike = Math.round(INDEX_USD * (0.6 + 0.8 * random.nextDouble()) / 500) * 500.0;
                final double vol = 0.4 + 0.5 * random.nextDouble();
                c.option(kind < 0.45, strike >= forward, strike, 1, INDEX_USD, forward, vol, years, days, config);
                quantities[i] = sign * 0.1 * (1 + random.nextInt(50));
                optionsSeen++;
            }
            else
            {
                final boolean inverse = random.nextBoolean();
                final double forward = random.nextBoolean() ? INDEX_USD : INDEX_USD * (1 + 0.01 * random.nextDouble());
                c.future(inverse, inverse ? 10 : 0.001, INDEX_USD, forward);
                quantities[i] = sign * (1 + random.nextInt(1000));
            }
            avgPrices[i] = INDEX_USD * (0.95 + 0.1 * random.nextDouble());
            risks[i] = risk;
        }
        optionCount = optionsSeen;
        options = new int[optionsSeen];
        for (int i = 0, o = 0; i < positions; i++)
        {
            if (risks[i].contract().isOption())
            {
                options[o++] = i;
            }
        }
    }

    /**
     * Fills the book with a coin balance that makes equity {@code equityOverMaintenance} × maintenance (COIN margin).
     */
    void fillBook(final double equityOverMaintenance)
    {
        fillBookWithBalance(0);
        final double worstLoss = calculator.worstLoss(book, book, INDEX_USD);
        calculator.margin(book, worstLoss, MarginCalculator.equity(book, book), figures);
        final double balance = equityOverMaintenance * figures.maintenance - figures.equity;
        fillBookWithBalance(balance);
    }

    void fillBookWithBalance(final double coinBalance)
    {
        book.reset(MarginCurrency.COIN, INDEX_USD, coinBalance, 0);
        for (int i = 0; i < risks.length; i++)
        {
            book.add(risks[i].contract(), quantities[i], avgPrices[i]);
        }
    }

    /**
     * Puts every position into the curves at every point of the three shocks.
     *
     * @return the option valuations it took.
     */
    long fillCurves()
    {
        curves.reset(INDEX_USD);
        long valuations = 0;
        for (int i = 0; i < risks.length; i++)
        {
            final ScenarioContract c = risks[i].contract();
            if (c.isOption())
            {
                for (final VolShock shock : VolShock.VALUES)
                {
                    valuations += curves.addOption(c, quantities[i], shock, 0, curves.size(shock));
                }
            }
            else
            {
                curves.addDeltaOne(c, quantities[i]);
            }
        }
        return valuations;
    }
}
