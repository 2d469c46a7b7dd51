package org.mmrisk.core.engine;

import org.mmrisk.core.event.MarginCurrency;
import org.mmrisk.core.event.VolShock;
import org.mmrisk.core.pricing.Normal;
import org.mmrisk.core.scenario.MarginCalculator;
import org.mmrisk.core.scenario.ScenarioBook;
import org.mmrisk.core.scenario.ScenarioContract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Monte Carlo VaR by full revaluation (docs/var.md), for {@code risk scenario --var-mc}: draws the underlyings'
 * index log-returns over the horizon from the same vols and correlations as the engine's VaR, moves each index to
 * S·exp(x), revalues every position exactly at the moved index (each option keeps its own implied vol; no time
 * passes, as in the delta-gamma view) with the coin account when equity counts as delta, and takes the loss
 * quantile at the VaR's confidence, per underlying and for the portfolio. Seeded: the same seed, the same figures.
 * <p>
 * Off the engine's path: it allocates freely and reads the engine between events on its owning thread.
 */
public final class MonteCarloVar
{
    /** Per underlying in scope (name order), then the portfolio last; positive for a loss. */
    public final List<String> scopes = new ArrayList<>();
    public final List<Double> varUsd = new ArrayList<>();
    public final int paths;
    public final long seed;

    private MonteCarloVar(final int paths, final long seed)
    {
        this.paths = paths;
        this.seed = seed;
    }

    public static MonteCarloVar compute(final RiskEngine engine, final int paths, final long seed)
    {
        if (paths < 100)
        {
            throw new IllegalArgumentException("--var-mc: at least 100 paths (got " + paths + ")");
        }
        final ValueAtRisk var = engine.valueAtRisk();
        var.computeAll(engine.underlyings(), engine.timeNs());
        final List<UnderlyingRisk> scope = new ArrayList<>();
        final List<ScenarioBook> books = new ArrayList<>();
        for (final UnderlyingRisk u : engine.underlyings())
        {
            if (ValueAtRisk.inScope(u) && Double.isFinite(u.valueAtRisk().deltaGammaUsd()))
            {
                scope.add(u);
                books.add(book(engine, u));
            }
        }
        final int n = scope.size();
        final double h = engine.config().var().horizonYears();
        final double[] sd = new double[n];
        final double[][] rho = new double[n][n];
        for (int a = 0; a < n; a++)
        {
            sd[a] = var.volUsed(scope.get(a)) * Math.sqrt(h);
            for (int b = 0; b < n; b++)
            {
                rho[a][b] = a == b ? 1 : var.correlationUsed(scope.get(a), scope.get(b));
            }
        }
        final double[][] lower = cholesky(rho);
        final double[][] pnl = new double[n + 1][paths];
        final SplittableRandom random = new SplittableRandom(seed);
        final double[] z = new double[n];
        for (int p = 0; p < paths; p++)
        {
            for (int a = 0; a < n; a++)
            {
                z[a] = Normal.inverseCdf(random.nextDouble(0x1.0p-53, 1.0));
            }
            double total = 0;
            for (int a = 0; a < n; a++)
            {
                double x = 0;
                for (int k = 0; k <= a; k++)
                {
                    x += lower[a][k] * z[k];
                }
                final double s = scope.get(a).indexUsd();
                final ScenarioBook book = books.get(a);
                final double change = MarginCalculator.pnl(book, book, s, s * Math.exp(sd[a] * x), VolShock.SAME);
                pnl[a][p] = change;
                total += change;
            }
            pnl[n][p] = total;
        }
        final MonteCarloVar out = new MonteCarloVar(paths, seed);
        final double confidence = engine.config().var().confidence();
        for (int a = 0; a <= n; a++)
        {
            out.scopes.add(a < n ? scope.get(a).name() : "PORTFOLIO");
            out.varUsd.add(n == 0 ? Double.NaN : -quantile(pnl[a], 1 - confidence));
        }
        return out;
    }

    /**
     * The book in USD: every position centred at the index (a position that cannot be priced is left out, as the
     * engine's Greeks leave it), and the coin account when equity counts as delta.
     */
    private static ScenarioBook book(final RiskEngine engine, final UnderlyingRisk u)
    {
        final ScenarioBook book = new ScenarioBook();
        final double coins = engine.config().equityDelta() ? u.account().balanceAndCashCoins() : 0;
        book.reset(MarginCurrency.USD, u.indexUsd(), coins, u.usdAccount().balanceAndCashUsd());
        for (int i = 0; i < u.instrumentCount(); i++)
        {
            final InstrumentState state = u.instrument(i);
            final double quantity = state.position().quantity();
            final ScenarioContract contract = new ScenarioContract();
            if (quantity != 0 && ScenarioCentre.centre(state, u.indexUsd(), engine.timeNs(), engine.config(), contract))
            {
                book.add(contract, quantity, state.position().avgPrice());
            }
        }
        return book;
    }

    /**
     * Empirical quantile: the order statistic at ⌊p·n⌋ of the sorted sample.
     */
    static double quantile(final double[] values, final double p)
    {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int)Math.floor(p * sorted.length))];
    }

    private static double[][] cholesky(final double[][] r)
    {
        final int n = r.length;
        final double[][] l = new double[n][n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = r[i][j];
                for (int k = 0; k < j; k++)
                {
                    sum -= l[i][k] * l[j][k];
                }
                // a semi-definite matrix (ρ = ±1) leaves a zero pivot: that factor adds nothing new
                l[i][j] = i == j ? Math.sqrt(Math.max(0, sum)) : l[j][j] > 0 ? sum / l[j][j] : 0;
            }
        }
        return l;
    }
}
