package org.mmrisk.core.config;

/**
 * Whether a symmetric matrix is positive semi-definite: an LDLᵀ factorisation whose pivots are all ≥ −1e-12 (a
 * singular matrix, such as ρ = 1 between two coins, passes). Start-up only.
 */
final class Psd
{
    private static final double TOLERANCE = 1e-12;

    private Psd()
    {
    }

    static boolean isPositiveSemiDefinite(final double[][] matrix)
    {
        final int n = matrix.length;
        final double[][] l = new double[n][n];
        final double[] d = new double[n];
        for (int j = 0; j < n; j++)
        {
            double pivot = matrix[j][j];
            for (int k = 0; k < j; k++)
            {
                pivot -= l[j][k] * l[j][k] * d[k];
            }
            if (pivot < -TOLERANCE)
            {
                return false;
            }
            d[j] = pivot;
            for (int i = j + 1; i < n; i++)
            {
                double sum = matrix[i][j];
                for (int k = 0; k < j; k++)
                {
                    sum -= l[i][k] * l[j][k] * d[k];
                }
                if (pivot > TOLERANCE)
                {
                    l[i][j] = sum / pivot;
                }
                else if (Math.abs(sum) > 1e-9)
                {
                    // a zero pivot with a non-zero column below it: indefinite
                    return false;
                }
            }
        }
        return true;
    }
}
