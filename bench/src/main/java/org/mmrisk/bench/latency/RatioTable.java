package org.mmrisk.bench.latency;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Turns reader summaries into the report: per configuration and rate, each percentile of the raw hop, the relay and
 * the daemon, and the daemon's ratio to the relay (the same queue hops with no risk work). Summaries carry
 * {@code stage} (raw | relay | daemon), {@code config}, {@code rate} and {@code <histogram>.p50 … .max} in
 * nanoseconds. Stateless.
 */
public final class RatioTable
{
    public static final String[] STAGES = { "raw", "relay", "daemon" };
    private static final String[] COLUMNS = { "p50", "p90", "p99", "p99_9", "max" };

    private RatioTable()
    {
    }

    /** @return the key suffix of a percentile: 50 → "50", 99.9 → "99_9". */
    public static String percentileKey(final double percentile)
    {
        final String text = percentile == Math.rint(percentile) ? Long.toString((long)percentile) :
            Double.toString(percentile);
        return text.replace('.', '_');
    }

    /**
     * @param histogram "corrected" or "uncorrected".
     * @return a markdown table, one row per (config, rate, percentile); a stage that is missing shows "–".
     */
    public static String render(final List<Properties> summaries, final String histogram)
    {
        final Map<String, Map<Long, Map<String, Properties>>> groups = new TreeMap<>();
        for (final Properties s : summaries)
        {
            groups.computeIfAbsent(s.getProperty("config", ""), k -> new TreeMap<>())
                .computeIfAbsent(Long.parseLong(s.getProperty("rate", "0")), k -> new TreeMap<>())
                .put(s.getProperty("stage", ""), s);
        }
        final StringBuilder out = new StringBuilder();
        out.append("| config | rate/s | percentile | raw µs | relay µs | daemon µs | daemon / relay |\n");
        out.append("|---|---:|---|---:|---:|---:|---:|\n");
        groups.forEach((config, byRate) -> byRate.forEach((rate, byStage) ->
        {
            for (final String column : COLUMNS)
            {
                final String key = histogram + "." + column;
                out.append("| ").append(config).append(" | ").append(String.format(Locale.ROOT, "%,d", rate))
                    .append(" | ").append(column.replace('_', '.'));
                for (final String stage : STAGES)
                {
                    out.append(" | ").append(micros(value(byStage.get(stage), key)));
                }
                out.append(" | ").append(ratio(value(byStage.get("daemon"), key), value(byStage.get("relay"), key)))
                    .append(" |\n");
            }
        }));
        return out.toString();
    }

    /**
     * @return the throughput table: per config and rate, the sustained verdict (every second saw an output, and the
     * corrected p99 of the window's last seconds is under {@link LagTrend#LIMIT_NS}) and the lag figures.
     */
    public static String sustainedTable(final List<Properties> summaries)
    {
        final StringBuilder out = new StringBuilder();
        out.append("| config | stage | rate/s | window s | sustained | drained | early max µs | late max µs | " +
            "p99 µs (corrected) | tail s | tail p99 µs (corrected) | tail p99 µs (uncorrected) |\n");
        out.append("|---|---|---:|---:|---|---|---:|---:|---:|---:|---:|---:|\n");
        final List<Properties> sorted = new ArrayList<>(summaries);
        sorted.sort((a, b) -> Long.compare(Long.parseLong(a.getProperty("rate", "0")),
            Long.parseLong(b.getProperty("rate", "0"))));
        for (final Properties s : sorted)
        {
            out.append("| ").append(s.getProperty("config", "")).append(" | ").append(s.getProperty("stage", ""))
                .append(" | ").append(String.format(Locale.ROOT, "%,d", Long.parseLong(s.getProperty("rate", "0"))))
                .append(" | ").append(s.getProperty("seconds", ""))
                .append(" | ").append(s.getProperty("sustained", "")).append(" | ").append(s.getProperty("drained", ""))
                .append(" | ").append(micros(value(s, "earlyMaxNs"))).append(" | ").append(micros(value(s, "lateMaxNs")))
                .append(" | ").append(micros(value(s, "corrected.p99")))
                .append(" | ").append(s.getProperty("tailSeconds", "–"))
                .append(" | ").append(micros(value(s, "tailP99Ns")))
                .append(" | ").append(micros(value(s, "tailUncorrectedP99Ns"))).append(" |\n");
        }
        return out.toString();
    }

    /** @return the headline figures of one summary on one line, microseconds. */
    public static String oneLine(final Properties s)
    {
        final StringBuilder out = new StringBuilder();
        for (final String h : new String[]{ "corrected", "uncorrected", "internal" })
        {
            if (s.getProperty(h + ".p50") == null)
            {
                continue;
            }
            out.append(h).append(':');
            for (final String column : COLUMNS)
            {
                out.append(' ').append(column.replace('_', '.')).append(' ').append(micros(value(s, h + "." + column)));
            }
            out.append(" µs; ");
        }
        return out.append("causes ").append(s.getProperty("causes")).append(", outputs ").append(s.getProperty("outputs"))
            .append(", sustained ").append(s.getProperty("sustained")).toString();
    }

    static long value(final Properties s, final String key)
    {
        if (s == null || s.getProperty(key) == null)
        {
            return -1;
        }
        return Long.parseLong(s.getProperty(key));
    }

    static String micros(final long ns)
    {
        return ns < 0 ? "–" : String.format(Locale.ROOT, ns < 10_000 ? "%.2f" : ns < 100_000 ? "%.1f" : "%,.0f", ns / 1e3);
    }

    static String ratio(final long numerator, final long denominator)
    {
        return numerator < 0 || denominator <= 0 ? "–" : String.format(Locale.ROOT, "%.2f×", (double)numerator / denominator);
    }
}
