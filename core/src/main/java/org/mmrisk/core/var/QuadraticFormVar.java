package org.mmrisk.core.var;

/**
 * The delta-normal and delta-gamma (Cornish–Fisher) value at risk of a P&L that is a quadratic form in Gaussian
 * factor moves: ΔP = δ'f + ½ f'Γf with f ~ N(0, C) and Γ diagonal (no cross-gammas). Load the factors with
 * {@link #factor}, their covariance with {@link #covariance}, then {@link #compute}. The cumulants are the closed
 * forms of docs/var.md: κ1 = ½ tr(ΓC), κr = ½ (r−1)! tr((ΓC)^r) + ½ r! δ'C(ΓC)^(r−2)δ for r ≥ 2.
 * <p>
 * Sized once for {@code capacity} factors; {@link #compute} allocates nothing and costs O(n³) in the factors
 * loaded, nothing in the positions behind them. Units: δ in P&L per unit of factor, Γ in P&L per unit², C in
 * units²; the results are in the P&L's unit (USD in the engine). Owned by one thread (the engine's, or a report's).
 */
public final class QuadraticFormVar
{
    private final int capacity;
    private final double[] delta;
    private final double[] gamma;
    /** C, row-major, capacity × capacity. */
    private final double[] cov;
    /** M = ΓC and M². */
    private final double[] m;
    private final double[] m2;
    private final double[] cDelta;
    private final double[] work;
    private final double[] work2;
    private int n;

    private double kappa1;
    private double kappa2;
    private double kappa3;
    private double kappa4;
    private double deltaNormal;
    private double deltaGamma;

    public QuadraticFormVar(final int capacity)
    {
        this.capacity = capacity;
        delta = new double[capacity];
        gamma = new double[capacity];
        cov = new double[capacity * capacity];
        m = new double[capacity * capacity];
        m2 = new double[capacity * capacity];
        cDelta = new double[capacity];
        work = new double[capacity];
        work2 = new double[capacity];
    }

    public int capacity()
    {
        return capacity;
    }

    /**
     * Starts a new form of {@code factors} factors (all loadings and covariances zero).
     */
    public void reset(final int factors)
    {
        if (factors < 0 || factors > capacity)
        {
            throw new IllegalArgumentException("factors " + factors + " outside 0.." + capacity);
        }
        n = factors;
        for (int i = 0; i < factors; i++)
        {
            delta[i] = 0;
            gamma[i] = 0;
            for (int j = 0; j < factors; j++)
            {
                cov[i * capacity + j] = 0;
            }
        }
    }

    /**
     * The P&L's first and (own) second derivative in factor {@code i}.
     */
    public void factor(final int i, final double firstDerivative, final double secondDerivative)
    {
        delta[i] = firstDerivative;
        gamma[i] = secondDerivative;
    }

    /**
     * Sets C_ij = C_ji.
     */
    public void covariance(final int i, final int j, final double value)
    {
        cov[i * capacity + j] = value;
        cov[j * capacity + i] = value;
    }

    /**
     * Computes the cumulants and both VaR figures at {@code confidence} (0.5 &lt; confidence &lt; 1), given
     * z = Φ⁻¹(confidence) (passed in so the caller computes it once).
     */
    public void compute(final double z)
    {
        final int c = capacity;
        double traceM = 0;
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < n; j++)
            {
                m[i * c + j] = gamma[i] * cov[i * c + j];
                sum += cov[i * c + j] * delta[j];
            }
            cDelta[i] = sum;
            traceM += m[i * c + i];
        }
        double traceM2 = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int k = 0; k < n; k++)
                {
                    sum += m[i * c + k] * m[k * c + j];
                }
                m2[i * c + j] = sum;
            }
            traceM2 += m2[i * c + i];
        }
        double traceM3 = 0;
        double traceM4 = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                traceM3 += m2[i * c + j] * m[j * c + i];
                traceM4 += m2[i * c + j] * m2[j * c + i];
            }
        }
        // δ'C(ΓC)^k δ = (Cδ)'(ΓC)^k δ: work = Mδ, work2 = M²δ
        multiply(m, delta, work);
        multiply(m, work, work2);
        final double q0 = dot(cDelta, delta);
        final double q1 = dot(cDelta, work);
        final double q2 = dot(cDelta, work2);
        kappa1 = 0.5 * traceM;
        kappa2 = 0.5 * traceM2 + q0;
        kappa3 = traceM3 + 3 * q1;
        kappa4 = 3 * traceM4 + 12 * q2;
        deltaNormal = q0 > 0 ? z * Math.sqrt(q0) : 0;
        final double cornishFisherLoss = -CornishFisher.quantile(kappa1, kappa2, kappa3, kappa4, -z);
        deltaGamma = Math.max(lossBound(-1), Math.min(lossBound(1), cornishFisherLoss));
    }

    /**
     * The form's largest loss ({@code curvature} 1) or its largest gain as a negative loss ({@code curvature} −1)
     * over every factor move, where one exists: when each factor curves the same way (Γ_i of that sign, or no
     * exposure to it at all), ½Γ_i f² + δ_i f is bounded by δ_i²/(2|Γ_i|) in that direction, factor by factor. A
     * quantile can never lie beyond it, while the expansion, far outside its domain, can (a delta-hedged long straddle
     * would otherwise show a loss it cannot make).
     *
     * @return the bound, or ±infinity when a factor is unbounded that way.
     */
    private double lossBound(final double curvature)
    {
        double bound = 0;
        for (int i = 0; i < n; i++)
        {
            final double g = gamma[i] * curvature;
            if (g > 0)
            {
                bound += delta[i] * delta[i] / (2 * g);
            }
            else if (g < 0 || delta[i] != 0)
            {
                return curvature * Double.POSITIVE_INFINITY;
            }
        }
        return curvature * bound;
    }

    private void multiply(final double[] matrix, final double[] vector, final double[] out)
    {
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < n; j++)
            {
                sum += matrix[i * capacity + j] * vector[j];
            }
            out[i] = sum;
        }
    }

    private double dot(final double[] a, final double[] b)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    public double kappa1()
    {
        return kappa1;
    }

    public double kappa2()
    {
        return kappa2;
    }

    public double kappa3()
    {
        return kappa3;
    }

    public double kappa4()
    {
        return kappa4;
    }

    /**
     * @return z·√(δ'Cδ): the loss quantile of the linear part alone (mean zero), ≥ 0.
     */
    public double deltaNormal()
    {
        return deltaNormal;
    }

    /**
     * @return −(the Cornish–Fisher quantile of ΔP at 1 − confidence), held within the form's largest loss and
     * largest gain where those exist: positive for a loss; negative only when the whole distribution up to that
     * quantile is a gain.
     */
    public double deltaGamma()
    {
        return deltaGamma;
    }
}
