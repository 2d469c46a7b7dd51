package org.mmrisk.daemon.var;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;

import java.util.Map;

import static org.assertj.core.api.Assertions.within;

/**
 * Compares a replay state's {@code var[]} rows with {@link VarReference} evaluated on the state's own
 * {@code underlyings[]} aggregates (delta in coins, gamma per USD, index), as the definitions prescribe.
 * <p>
 * Tolerance: 1e-8 of the figure. Both sides evaluate the same closed forms on the same doubles; what may differ is
 * the normal quantile (Acklam's approximation without polishing is good to 1.15e-9 relative, any textbook inverse
 * to better) and summation order (1e-15). A different horizon convention (365 days rather than 365.25) would move a
 * figure by 1.4e-3, the mean term of the Cornish-Fisher quantile by far more: both are caught.
 */
final class VarComparison
{
    static final double TOLERANCE = 1e-8;

    private VarComparison()
    {
    }

    /** The reference's figures for a set of underlyings from the state's aggregates. */
    static final class Expected
    {
        double deltaNormal;
        double deltaGamma;
    }

    static Expected expected(final JsonNode state, final String[] coins, final Map<String, Double> vols,
        final Map<String, Double> correlations, final double confidence, final double horizonDays)
    {
        final int n = coins.length;
        final double[] index = new double[n];
        final double[] delta = new double[n];
        final double[] gamma = new double[n];
        final double[] sigma = new double[n];
        final double[][] rho = new double[n][n];
        for (int i = 0; i < n; i++)
        {
            final JsonNode row = VarBook.underlying(state, coins[i]);
            index[i] = row.get("index").asDouble();
            delta[i] = row.get("delta").asDouble();
            gamma[i] = row.get("gamma").asDouble();
            sigma[i] = vols.get(coins[i]);
            for (int j = 0; j < n; j++)
            {
                rho[i][j] = i == j ? 1 : correlations.get(pair(coins[i], coins[j]));
            }
        }
        final double[][] c = VarReference.priceCovariance(index, sigma, rho, horizonDays);
        final Expected out = new Expected();
        out.deltaNormal = VarReference.deltaNormal(delta, c, confidence);
        out.deltaGamma = VarReference.deltaGamma(delta, gamma, c, confidence);
        return out;
    }

    static String pair(final String a, final String b)
    {
        return a.compareTo(b) < 0 ? a + "/" + b : b + "/" + a;
    }

    /** deltaNormal, deltaGamma, liquidityAdjusted = deltaGamma + liquidityCost, confidence and horizon of a row. */
    static void check(final SoftAssertions soft, final JsonNode state, final String scope, final Expected expected,
        final double confidence, final double horizonDays)
    {
        final JsonNode row = VarBook.var(state, scope);
        soft.assertThat(row).as("var[] row %s", scope).isNotNull();
        if (row == null)
        {
            return;
        }
        soft.assertThat(row.path("deltaNormal").asDouble()).as("%s deltaNormal", scope)
            .isCloseTo(expected.deltaNormal, within(TOLERANCE * Math.abs(expected.deltaNormal)));
        soft.assertThat(row.path("deltaGamma").asDouble()).as("%s deltaGamma", scope)
            .isCloseTo(expected.deltaGamma, within(TOLERANCE * Math.abs(expected.deltaGamma)));
        final double liquidity = row.path("liquidityCost").asDouble();
        soft.assertThat(row.path("liquidityAdjusted").asDouble()).as("%s liquidityAdjusted = deltaGamma + cost", scope)
            .isCloseTo(expected.deltaGamma + liquidity, within(TOLERANCE * Math.abs(expected.deltaGamma + liquidity)));
        soft.assertThat(row.path("confidence").asDouble()).as("%s confidence", scope).isEqualTo(confidence);
        soft.assertThat(row.path("horizonDays").asDouble()).as("%s horizonDays", scope).isEqualTo(horizonDays);
    }
}
