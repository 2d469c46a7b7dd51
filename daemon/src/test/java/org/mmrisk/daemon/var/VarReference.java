package org.mmrisk.daemon.var;

import java.util.SplittableRandom;

/**
 * A reference for value at risk written from the definitions alone: its own normal CDF and inverse, its own Black-76
 * (rate 0), the delta-normal VaR, the cumulants of the delta-gamma quadratic form derived below, the Cornish-Fisher
 * quantile, and seeded Monte Carlo of the quadratic form. Test only, single-threaded, stateless; money in USD.
 * <p>
 * The risk factors are the index log-returns x ~ N(0, Σ), Σ = D·R·D, D = diag(σ_u·√(h/365.25)) (σ_u annualized,
 * h the horizon in days). The price moves are y = ΔS = diag(S)·x ~ N(0, C), C = diag(S)·Σ·diag(S) (the Σ̃ of the
 * definitions). The book's change is Q = δ'y + ½·y'Γy with Γ diagonal (no cross-gammas); the loss is L = −Q.
 * <p>
 * Cumulants of Q (derived here): with M = ΓC, the cumulant generating function of a'y + y'By, y ~ N(0, C), is
 * K(t) = −½·log det(I − 2tBC) + ½t²·a'(I − 2tCB)⁻¹Ca. Expanding −½·log det(I − 2tBC) = ½Σ_r (2t)^r tr((BC)^r)/r and
 * (I − 2tCB)⁻¹C = Σ_k (2t)^k C(BC)^k, and with B = ½Γ (so (BC)^r = 2^−r·M^r):
 * <pre>
 *     κ1 = ½·tr(M)
 *     κr = ½·(r−1)!·tr(M^r) + ½·r!·δ'C·M^(r−2)·δ      (r ≥ 2)
 * </pre>
 * so κ2 = ½tr(M²) + δ'Cδ, κ3 = tr(M³) + 3δ'CMδ, κ4 = 3tr(M⁴) + 12δ'CM²δ (Mathai and Provost, Quadratic Forms in
 * Random Variables, 1992, Thm 3.2b.2; Britten-Jones and Schaefer 1999). The loss L = −Q has cumulants (−1)^r·κr.
 * <p>
 * Cornish-Fisher (Cornish and Fisher 1937; the four-cumulant form as in Jaschke 2002, "The Cornish-Fisher expansion
 * in the context of delta-gamma-normal approximations"): the α-quantile of L is μ + s·w with μ = κ1(L), s = √κ2,
 * γ1 = κ3/κ2^1.5, γ2 = κ4/κ2², z = Φ⁻¹(α) and
 * <pre>
 *     w = z + (z² − 1)·γ1/6 + (z³ − 3z)·γ2/24 − (2z³ − 5z)·γ1²/36.
 * </pre>
 */
final class VarReference
{
    static final double DAYS_PER_YEAR = 365.25;

    private VarReference()
    {
    }

    // ---------------------------------------------------------------- the normal distribution

    static double pdf(final double x)
    {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    /**
     * Φ(x) as erfc(|x|/√2)/2: for z = |x|/√2 < 2 the series erf(z) = 2/√π·e^−z²·Σ 2^n z^(2n+1)/(1·3·…·(2n+1)) (all
     * terms positive; 1 − erf loses at most a few 1e-14 of erfc there), beyond it the continued fraction
     * erfc(z) = e^−z²/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + …)))) evaluated bottom-up at a fixed depth: 100 levels
     * are exact to the last bit from z = 1.5 on, 40 from z = 3.
     */
    static double cdf(final double x)
    {
        final double z = Math.abs(x) / Math.sqrt(2);
        final double erfc;
        if (z < 2)
        {
            double term = z;
            double sum = z;
            for (int n = 1; n < 200; n++)
            {
                term *= 2 * z * z / (2 * n + 1);
                sum += term;
                if (term < 1e-18 * sum)
                {
                    break;
                }
            }
            erfc = 1 - 2 / Math.sqrt(Math.PI) * Math.exp(-z * z) * sum;
        }
        else
        {
            double tail = z;
            for (int n = z < 3 ? 100 : 40; n >= 1; n--)
            {
                tail = z + (n / 2.0) / tail;
            }
            erfc = Math.exp(-z * z) / Math.sqrt(Math.PI) / tail;
        }
        return x < 0 ? 0.5 * erfc : 1 - 0.5 * erfc;
    }

    /**
     * Φ⁻¹(p): Acklam's rational approximation (relative error 1.15e-9) polished by two Newton steps on the CDF
     * above, which brings it to the CDF's own precision.
     */
    static double inverseCdf(final double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new IllegalArgumentException("p outside (0, 1): " + p);
        }
        final double[] a = { -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00 };
        final double[] b = { -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01 };
        final double[] c = { -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00 };
        final double[] d = { 7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00 };
        final double low = 0.02425;
        double x;
        if (p < low || p > 1 - low)
        {
            final double q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
            x = p < low ? x : -x;
        }
        else
        {
            final double q = p - 0.5;
            final double r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
                (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        }
        for (int step = 0; step < 2; step++)
        {
            x -= (cdf(x) - p) / pdf(x);
        }
        return x;
    }

    // ---------------------------------------------------------------- Black-76

    /** Black-76 with rate 0: USD per coin of a call or put on forward F, strike K, T years, vol σ. */
    static double black(final double forward, final double strike, final double years, final double sigma,
        final boolean call)
    {
        final double sd = sigma * Math.sqrt(years);
        final double d1 = Math.log(forward / strike) / sd + 0.5 * sd;
        final double d2 = d1 - sd;
        return call ? forward * cdf(d1) - strike * cdf(d2) : strike * cdf(-d2) - forward * cdf(-d1);
    }

    /** ∂V/∂F per coin. */
    static double blackDelta(final double forward, final double strike, final double years, final double sigma,
        final boolean call)
    {
        final double sd = sigma * Math.sqrt(years);
        final double d1 = Math.log(forward / strike) / sd + 0.5 * sd;
        return call ? cdf(d1) : cdf(d1) - 1;
    }

    /** ∂²V/∂F² per coin. */
    static double blackGamma(final double forward, final double strike, final double years, final double sigma)
    {
        final double sd = sigma * Math.sqrt(years);
        final double d1 = Math.log(forward / strike) / sd + 0.5 * sd;
        return pdf(d1) / (forward * sd);
    }

    // ---------------------------------------------------------------- covariance

    /** C = Σ̃, the covariance of ΔS over the horizon: C_ij = S_i·S_j·σ_i·σ_j·ρ_ij·h/365.25. */
    static double[][] priceCovariance(final double[] index, final double[] vols, final double[][] correlation,
        final double horizonDays)
    {
        final int n = index.length;
        final double[][] c = new double[n][n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                c[i][j] = index[i] * index[j] * vols[i] * vols[j] * correlation[i][j] * horizonDays / DAYS_PER_YEAR;
            }
        }
        return c;
    }

    /** z·√(δ'Cδ). */
    static double deltaNormal(final double[] delta, final double[][] c, final double confidence)
    {
        return inverseCdf(confidence) * Math.sqrt(quadratic(delta, c, delta));
    }

    // ---------------------------------------------------------------- cumulants and Cornish-Fisher

    /** κ1..κ4 of Q = δ'y + ½y'Γy (index 0 = κ1), Γ diagonal, y ~ N(0, C): the formulas in the class comment. */
    static double[] cumulants(final double[] delta, final double[] gamma, final double[][] c)
    {
        final int n = delta.length;
        final double[][] m = new double[n][n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                m[i][j] = gamma[i] * c[i][j];
            }
        }
        final double[][] m2 = multiply(m, m);
        final double[][] m3 = multiply(m2, m);
        final double[][] m4 = multiply(m3, m);
        final double[] cd = multiply(c, delta);
        return new double[] {
            0.5 * trace(m),
            0.5 * trace(m2) + quadratic(delta, c, delta),
            trace(m3) + 3 * dot(cd, multiply(m, delta)),
            3 * trace(m4) + 12 * dot(cd, multiply(m2, delta)) };
    }

    /** The α-quantile of the loss L = −Q by Cornish-Fisher from Q's cumulants. */
    static double cornishFisherLoss(final double[] cumulantsOfQ, final double confidence)
    {
        final double mean = -cumulantsOfQ[0];
        final double variance = cumulantsOfQ[1];
        if (variance <= 0)
        {
            return mean;
        }
        final double skew = -cumulantsOfQ[2] / Math.pow(variance, 1.5);
        final double kurt = cumulantsOfQ[3] / (variance * variance);
        final double z = inverseCdf(confidence);
        final double w = z + (z * z - 1) * skew / 6 + (z * z * z - 3 * z) * kurt / 24 -
            (2 * z * z * z - 5 * z) * skew * skew / 36;
        return mean + Math.sqrt(variance) * w;
    }

    /**
     * dw/dz of the Cornish-Fisher polynomial for the lower tail of Q (skew γ1 = κ3/κ2^1.5 of Q itself) at
     * z = Φ⁻¹(1 − c): 1 + zγ1/3 + (z² − 1)γ2/8 − (6z² − 5)γ1²/36, differentiated here from w above. Where it is not
     * positive the polynomial is not a quantile function (Maillard 2012).
     */
    static double cornishFisherSlope(final double[] cumulantsOfQ, final double confidence)
    {
        final double g1 = cumulantsOfQ[2] / Math.pow(cumulantsOfQ[1], 1.5);
        final double g2 = cumulantsOfQ[3] / (cumulantsOfQ[1] * cumulantsOfQ[1]);
        final double z = inverseCdf(1 - confidence);
        return 1 + z * g1 / 3 + (z * z - 1) * g2 / 8 - (6 * z * z - 5) * g1 * g1 / 36;
    }

    /** The delta-gamma VaR: Cornish-Fisher on the cumulants of the book's quadratic form. */
    static double deltaGamma(final double[] delta, final double[] gamma, final double[][] c, final double confidence)
    {
        return cornishFisherLoss(cumulants(delta, gamma, c), confidence);
    }

    // ---------------------------------------------------------------- Monte Carlo

    /** Correlated normal draws: the lower Cholesky factor of C. */
    static double[][] cholesky(final double[][] c)
    {
        final int n = c.length;
        final double[][] l = new double[n][n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = c[i][j];
                for (int k = 0; k < j; k++)
                {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(sum) : sum / l[j][j];
            }
        }
        return l;
    }

    /** A value function of the price moves y = ΔS (USD). */
    interface Book
    {
        double change(double[] priceMoves);
    }

    /** n seeded draws of the book's change, each a correlated normal y = L·ε with ε from Gaussian pairs. */
    static double[] simulate(final Book book, final double[][] c, final int n, final long seed)
    {
        final double[][] l = cholesky(c);
        final SplittableRandom random = new SplittableRandom(seed);
        final int dim = c.length;
        final double[] eps = new double[dim];
        final double[] y = new double[dim];
        final double[] out = new double[n];
        for (int s = 0; s < n; s++)
        {
            for (int i = 0; i < dim; i++)
            {
                eps[i] = gaussian(random);
            }
            for (int i = 0; i < dim; i++)
            {
                double sum = 0;
                for (int k = 0; k <= i; k++)
                {
                    sum += l[i][k] * eps[k];
                }
                y[i] = sum;
            }
            out[s] = book.change(y);
        }
        return out;
    }

    /** Box-Muller, one of the pair (simple, and the draws stay independent). */
    static double gaussian(final SplittableRandom random)
    {
        final double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The quadratic form δ'y + ½Σγ_i y_i². */
    static Book quadraticBook(final double[] delta, final double[] gamma)
    {
        return y ->
        {
            double q = 0;
            for (int i = 0; i < y.length; i++)
            {
                q += delta[i] * y[i] + 0.5 * gamma[i] * y[i] * y[i];
            }
            return q;
        };
    }

    /** The empirical α-quantile of the loss −change (order statistic ⌈αn⌉ of the sorted losses). */
    static double lossQuantile(final double[] changes, final double confidence)
    {
        final double[] losses = new double[changes.length];
        for (int i = 0; i < changes.length; i++)
        {
            losses[i] = -changes[i];
        }
        java.util.Arrays.sort(losses);
        return losses[(int)Math.ceil(confidence * losses.length) - 1];
    }

    /** The first four cumulants of a sample (index 0 = mean), from its central moments. */
    static double[] sampleCumulants(final double[] x)
    {
        double mean = 0;
        for (final double v : x)
        {
            mean += v;
        }
        mean /= x.length;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (final double v : x)
        {
            final double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
            m4 += d * d * d * d;
        }
        m2 /= x.length;
        m3 /= x.length;
        m4 /= x.length;
        return new double[] { mean, m2, m3, m4 - 3 * m2 * m2 };
    }

    // ---------------------------------------------------------------- linear algebra

    static double[][] multiply(final double[][] a, final double[][] b)
    {
        final int n = a.length;
        final double[][] out = new double[n][n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int k = 0; k < n; k++)
                {
                    sum += a[i][k] * b[k][j];
                }
                out[i][j] = sum;
            }
        }
        return out;
    }

    static double[] multiply(final double[][] a, final double[] v)
    {
        final double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++)
        {
            for (int k = 0; k < v.length; k++)
            {
                out[i] += a[i][k] * v[k];
            }
        }
        return out;
    }

    static double dot(final double[] a, final double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double quadratic(final double[] a, final double[][] c, final double[] b)
    {
        return dot(a, multiply(c, b));
    }

    static double trace(final double[][] m)
    {
        double sum = 0;
        for (int i = 0; i < m.length; i++)
        {
            sum += m[i][i];
        }
        return sum;
    }
}
