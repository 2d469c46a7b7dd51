package org.mmrisk.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mmrisk.core.engine.MonteCarloVar;

import java.util.Locale;

/**
 * The VaR section of {@code risk scenario}: one row per scope of the replay state's {@code var[]} (USD, positive for
 * a loss), with the Monte Carlo full revaluation beside them when {@code --var-mc} asked for it. Also adds the Monte
 * Carlo figure to the JSON rows. Report thread.
 */
final class VarTable
{
    private VarTable()
    {
    }

    /**
     * Adds {@code monteCarlo} (USD) to each row of {@code rows} whose scope the Monte Carlo covered (else null).
     */
    static void addMonteCarlo(final ArrayNode rows, final MonteCarloVar mc)
    {
        for (final JsonNode row : rows)
        {
            final int i = mc.scopes.indexOf(row.get("scope").asText());
            final double value = i < 0 ? Double.NaN : mc.varUsd.get(i);
            if (Double.isFinite(value))
            {
                ((ObjectNode)row).put("monteCarlo", value);
            }
            else
            {
                ((ObjectNode)row).putNull("monteCarlo");
            }
        }
    }

    static String render(final ArrayNode rows, final MonteCarloVar mc)
    {
        final StringBuilder text = new StringBuilder();
        if (rows.isEmpty())
        {
            return text.toString();
        }
        final JsonNode first = rows.get(0);
        text.append(String.format(Locale.ROOT, "%nValue at risk, USD: %s%% over %s day(s)%s%n",
            plain(first.get("confidence").asDouble() * 100), plain(first.get("horizonDays").asDouble()),
            mc == null ? "" : String.format(Locale.ROOT, "; Monte Carlo %,d paths, seed %d", mc.paths, mc.seed)));
        text.append(String.format(Locale.ROOT, "  %-10s %16s %16s %16s %16s%s%n", "scope", "delta-normal",
            "delta-gamma", "liquidity cost", "liquidity-adj.", mc == null ? "" : String.format("%16s", "monte carlo")));
        for (final JsonNode row : rows)
        {
            text.append(String.format(Locale.ROOT, "  %-10s %16s %16s %16s %16s%s%n", row.get("scope").asText(),
                usd(row.get("deltaNormal")), usd(row.get("deltaGamma")), usd(row.get("liquidityCost")),
                usd(row.get("liquidityAdjusted")),
                mc == null ? "" : String.format("%16s", usd(row.get("monteCarlo")))));
        }
        final JsonNode portfolio = rows.get(rows.size() - 1);
        text.append("  vols ").append(portfolio.get("vols")).append("  correlations ")
            .append(portfolio.get("correlations")).append('\n');
        return text.toString();
    }

    private static String usd(final JsonNode value)
    {
        return value == null || value.isNull() ? "n/a" : String.format(Locale.ROOT, "%,.2f", value.asDouble());
    }

    private static String plain(final double value)
    {
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
