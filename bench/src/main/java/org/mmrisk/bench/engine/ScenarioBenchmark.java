package org.mmrisk.bench.engine;

import org.mmrisk.core.event.MarginCurrency;
import org.mmrisk.core.event.VolShock;
import org.mmrisk.core.scenario.MarginCalculator;
import org.mmrisk.core.scenario.ScenarioContract;
import org.mmrisk.core.scenario.ScenarioGrid;
import org.mmrisk.core.scenario.ScenarioRisk;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The scenario work's pieces on a random book ({@link ScenarioBenchBook}) of {@code positions} positions, default
 * {@code engine.scenario.*} settings (the grid's 27 regular and 8 extended points, curves at 0.005 in log index):
 * <ul>
 *   <li>{@code exactWorstLoss}: the whole grid by exact revaluation of every position, as a report does it
 *       ({@code MarginCalculator.worstLoss(book, book, S)});</li>
 *   <li>{@code exactRiskArrays}: every position's risk array recomputed ({@code ScenarioRisk.fill}, the exact change
 *       and its Taylor estimate at each point), as re-centring the whole book would;</li>
 *   <li>{@code gridAdd}: a fill's O(points) grid update ({@code ScenarioGrid.add}), on a rotating position;</li>
 *   <li>{@code liquidationInRange}: the liquidation-distance refresh on curves already built, the account's equity
 *       1.5 times its maintenance margin; {@code liquidationNoneInRange}: the same with a balance so large that no move
 *       from −99% to +500% fails, the search scanning the whole range;</li>
 *   <li>{@code curvesAddOption}: one option put into the curves, every point of the three shocks.</li>
 * </ul>
 * The set-up prints the liquidation distances found and the curves' size.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class ScenarioBenchmark
{
    @Param({ "1000", "10000" })
    public int positions;

    private ScenarioBenchBook inRange;
    private ScenarioBenchBook noneInRange;
    private ScenarioGrid grid;
    private double equityInRange;
    private double equityNoneInRange;
    private long nowNs;
    private int next;

    @Setup(Level.Trial)
    public void setUp()
    {
        inRange = new ScenarioBenchBook(positions, 11);
        inRange.fillBook(1.5);
        final long valuations = inRange.fillCurves();
        equityInRange = MarginCalculator.equity(inRange.book, inRange.book);
        for (final ScenarioRisk risk : inRange.risks)
        {
            risk.fill(inRange.points, MarginCurrency.COIN, 0);
        }
        grid = new ScenarioGrid(inRange.points);
        noneInRange = new ScenarioBenchBook(positions, 11);
        noneInRange.fillBookWithBalance(1e9);
        noneInRange.fillCurves();
        equityNoneInRange = MarginCalculator.equity(noneInRange.book, noneInRange.book);
        inRange.calculator.liquidation(inRange.book, inRange.curves, equityInRange, inRange.figures);
        noneInRange.calculator.liquidation(noneInRange.book, noneInRange.curves, equityNoneInRange,
            noneInRange.figures);
        System.out.printf("%n[scenario] positions=%d options=%d points=%d curve points per shock=%d " +
            "curve valuations=%,d; in range: down %.4f up %.4f; none in range: down %s up %s%n", positions,
            inRange.optionCount, inRange.points.count(), inRange.curves.size(VolShock.SAME), valuations,
            inRange.figures.downMove, inRange.figures.upMove, noneInRange.figures.downMove,
            noneInRange.figures.upMove);
    }

    @Benchmark
    public double exactWorstLoss()
    {
        return inRange.calculator.worstLoss(inRange.book, inRange.book, ScenarioBenchBook.INDEX_USD);
    }

    @Benchmark
    public double exactRiskArrays()
    {
        final long now = ++nowNs;
        double sum = 0;
        for (final ScenarioRisk risk : inRange.risks)
        {
            risk.fill(inRange.points, MarginCurrency.COIN, now);
            sum += risk.pnl(0);
        }
        return sum;
    }

    @Benchmark
    public double gridAdd()
    {
        final int i = next;
        next = i + 1 == positions ? 0 : i + 1;
        grid.add(inRange.risks[i], (i & 1) == 0 ? 0.5 : -0.5);
        return grid.pnl(0);
    }

    @Benchmark
    public double liquidationInRange()
    {
        inRange.calculator.liquidation(inRange.book, inRange.curves, equityInRange, inRange.figures);
        return inRange.figures.downMove;
    }

    @Benchmark
    public double liquidationNoneInRange()
    {
        noneInRange.calculator.liquidation(noneInRange.book, noneInRange.curves, equityNoneInRange,
            noneInRange.figures);
        return noneInRange.figures.upMove;
    }

    /**
     * One option put into the curves and the next taken out again (alternating signs), so the curves stay bounded.
     */
    @Benchmark
    public int curvesAddOption()
    {
        final int k = next++;
        final int i = inRange.options[k % inRange.optionCount];
        final ScenarioContract c = inRange.risks[i].contract();
        final double quantity = (k & 1) == 0 ? 0.1 : -0.1;
        int valuations = 0;
        for (final VolShock shock : VolShock.VALUES)
        {
            valuations += inRange.curves.addOption(c, quantity, shock, 0, inRange.curves.size(shock));
        }
        return valuations;
    }
}
