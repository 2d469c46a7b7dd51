package org.mmrisk.core.engine;

import org.mmrisk.core.config.VarConfig;
import org.mmrisk.core.var.QuadraticFormVar;
import org.mmrisk.core.vol.VolSurface;

import java.util.List;

/**
 * The portfolio's factors for {@link ValueAtRisk}: the underlyings in scope (with an index and finite Greeks) in name
 * order, their correlation matrix made positive semi-definite, and the covariance of the index moves ΔS and of any
 * vega factors loaded into a {@link QuadraticFormVar}. Owned by the engine thread; grows only with the underlyings.
 */
final class VarMatrix
{
    private static final int REPAIR_STEPS = 20;
    private static final long THIRTY_DAYS_NS = 30L * 86_400_000_000_000L;
    private static final double PIVOT_TOLERANCE = -1e-12;

    private UnderlyingRisk[] members = new UnderlyingRisk[4];
    private int[] slots = new int[4];
    private double[] rho = new double[16];
    private double[] pivots = new double[4];
    private double[] lower = new double[16];
    private int n;

    /**
     * @return the number of underlyings in scope, now loaded in name order.
     */
    int load(final ValueAtRisk var, final List<UnderlyingRisk> underlyings)
    {
        ensure(underlyings.size());
        n = 0;
        for (int i = 0, count = underlyings.size(); i < count; i++)
        {
            final UnderlyingRisk u = underlyings.get(i);
            if (ValueAtRisk.inScope(u))
            {
                members[n] = u;
                slots[n] = var.slot(u);
                n++;
            }
        }
        return n;
    }

    UnderlyingRisk underlying(final int i)
    {
        return members[i];
    }

    private void ensure(final int count)
    {
        if (count > members.length)
        {
            members = new UnderlyingRisk[count];
            slots = new int[count];
            rho = new double[count * count];
            pivots = new double[count];
            lower = new double[count * count];
        }
    }

    /**
     * Assembles the correlations; when the mix of configured, estimated and default values is not positive
     * semi-definite, shrinks the values that are not configured towards 0, then (if still not) every value, in
     * steps of 1/20, until it is (the identity always is). Records the values used.
     */
    void repairCorrelations(final ValueAtRisk var)
    {
        for (int step = 0; step <= 2 * REPAIR_STEPS; step++)
        {
            final double shrinkOthers = step <= REPAIR_STEPS ? 1 - (double)step / REPAIR_STEPS : 0;
            final double shrinkConfigured = step <= REPAIR_STEPS ? 1 : 1 - (double)(step - REPAIR_STEPS) / REPAIR_STEPS;
            for (int a = 0; a < n; a++)
            {
                for (int b = 0; b < n; b++)
                {
                    final double raw = var.rawCorrelation(slots[a], slots[b]);
                    rho[a * n + b] = a == b ? 1 : raw * (var.isConfiguredCorrelation(slots[a], slots[b]) ?
                        shrinkConfigured : shrinkOthers);
                }
            }
            if (isPositiveSemiDefinite())
            {
                break;
            }
        }
        for (int a = 0; a < n; a++)
        {
            for (int b = 0; b < n; b++)
            {
                var.correlationUsed(slots[a], slots[b], rho[a * n + b]);
            }
        }
    }

    /**
     * LDLᵀ with pivots ≥ −1e-12; a zero pivot needs a zero column below it.
     */
    private boolean isPositiveSemiDefinite()
    {
        for (int j = 0; j < n; j++)
        {
            double pivot = rho[j * n + j];
            for (int k = 0; k < j; k++)
            {
                pivot -= lower[j * n + k] * lower[j * n + k] * pivots[k];
            }
            if (pivot < PIVOT_TOLERANCE)
            {
                return false;
            }
            pivots[j] = pivot;
            for (int i = j + 1; i < n; i++)
            {
                double sum = rho[i * n + j];
                for (int k = 0; k < j; k++)
                {
                    sum -= lower[i * n + k] * lower[j * n + k] * pivots[k];
                }
                if (pivot > 1e-12)
                {
                    lower[i * n + j] = sum / pivot;
                }
                else if (Math.abs(sum) > 1e-9)
                {
                    return false;
                }
                else
                {
                    lower[i * n + j] = 0;
                }
            }
        }
        return true;
    }

    /**
     * Loads the form: factor i &lt; n is ΔS of member i (δ, Γ), cov S_a S_b σ_a σ_b ρ_ab h; then one vega factor per
     * member that has one, the log-change y of its ATM vol, var ν² h, corr(y_a, x_b) = ρv_a ρ_ab and
     * corr(y_a, y_b) = ρv_a ρv_b ρ_ab (a one-factor link through the index, which keeps the matrix semi-definite).
     */
    void fill(final ValueAtRisk var, final QuadraticFormVar form, final VarConfig settings, final long nowNs)
    {
        final double h = settings.horizonYears();
        int next = n;
        for (int a = 0; a < n; a++)
        {
            final UnderlyingRisk ua = members[a];
            final double sa = ua.indexUsd() * var.vol(slots[a]);
            form.factor(a, ua.delta(), ua.gamma());
            for (int b = 0; b <= a; b++)
            {
                final double sb = members[b].indexUsd() * var.vol(slots[b]);
                form.covariance(a, b, sa * sb * rho[a * n + b] * h);
            }
        }
        for (int a = 0; a < n; a++)
        {
            final UnderlyingRisk ua = members[a];
            final double loading = var.vegaLoading(ua, var.vol(slots[a]), nowNs);
            if (loading == 0)
            {
                continue;
            }
            final double nu = var.volOfVol(slots[a]);
            final double rv = var.volIndexCorrelation(slots[a]);
            form.factor(next, loading, 0);
            form.covariance(next, next, nu * nu * h);
            for (int b = 0; b < n; b++)
            {
                final double sb = members[b].indexUsd() * var.vol(slots[b]);
                form.covariance(next, b, nu * sb * rv * rho[a * n + b] * h);
            }
            int other = n;
            for (int b = 0; b < a; b++)
            {
                final double lb = var.vegaLoading(members[b], var.vol(slots[b]), nowNs);
                if (lb != 0)
                {
                    form.covariance(next, other, nu * var.volOfVol(slots[b]) * rv *
                        var.volIndexCorrelation(slots[b]) * rho[a * n + b] * h);
                    other++;
                }
            }
            next++;
        }
    }

    /**
     * The ATM (k = 0) vol of the first expiry at least 30 days out, else the longest: the vol a vega factor moves.
     */
    static double atmVol(final VolSurface surface, final long nowNs)
    {
        final int count = surface.expiryCount();
        if (count == 0)
        {
            return Double.NaN;
        }
        long expiry = surface.expiryNs(count - 1);
        for (int i = 0; i < count; i++)
        {
            if (surface.expiryNs(i) >= nowNs + THIRTY_DAYS_NS)
            {
                expiry = surface.expiryNs(i);
                break;
            }
        }
        return surface.impliedVol(expiry, 0, nowNs);
    }
}
