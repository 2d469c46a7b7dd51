package org.mmrisk.daemon.metrics;

import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.limits.LimitKind;

import java.util.List;
import java.util.Map;

/**
 * What {@link LiveRiskReader} knows of a running daemon at one moment: every counter of its counters file, the
 * latest figures of each underlying from its output queue, what the output queue held by type, and the tick-to-quote
 * latencies. Immutable; made on the asking thread by {@link LiveRiskReader#view()}, so that a scrape, a dashboard
 * request or a test reads one consistent picture.
 *
 * @param countersPresent   whether a complete counters file was mapped (false: no daemon has run on the data
 *                          directory yet, or it is being laid out)
 * @param counters          every counter in the file, in id order, with the value read at {@code view()}
 * @param underlyings       by underlying name, sorted
 * @param outputsByType     output messages read from the queue, by type ({@link OutputType#key()})
 * @param alertsByCode      alerts read from the queue, by alert code name
 * @param tickToQuote       a quote's read time minus its cause's gateway send stamp, quotes read live only
 * @param tickToIngress     a quote's cause: the ingress receive stamp minus the gateway send stamp
 * @param latencySamplesNegative latency samples that came out negative, recorded as 0
 * @param lastHeartbeatWallNs the wall time in the newest heartbeat read; {@link Long#MIN_VALUE}: none
 */
public record LiveView(boolean countersPresent, List<CounterValue> counters, Map<String, UnderlyingView> underlyings,
    Map<OutputType, Long> outputsByType, Map<String, Long> alertsByCode, LatencyView tickToQuote,
    LatencyView tickToIngress, long latencySamplesNegative, long lastHeartbeatWallNs)
{
    /**
     * The output messages, as the reader counts them.
     */
    public enum OutputType
    {
        QUOTE_ADJUSTMENT("quote_adjustment"),
        RISK_SNAPSHOT("risk_snapshot"),
        ALERT("alert"),
        HEDGE_SIGNAL("hedge_signal"),
        SCENARIO_GRID("scenario_grid"),
        MARGIN_STATUS("margin_status"),
        HEARTBEAT("heartbeat");

        private final String key;

        OutputType(final String key)
        {
            this.key = key;
        }

        public String key()
        {
            return key;
        }
    }

    /**
     * One counter of the counters file.
     */
    public record CounterValue(int id, int typeId, String label, long value)
    {
    }

    /**
     * An underlying's newest risk snapshot (units as in {@code RiskSnapshot}: delta in coins, gamma coins per USD,
     * vega USD per vol point, theta USD per day), the limit utilizations worked out from it, and its newest margin
     * status when one was read. NaN: absent.
     *
     * @param limitUtilization measure ÷ limit, for the limits that are set and can be read from the snapshot
     * @param margin           null until a margin status of this underlying was read
     */
    public record UnderlyingView(String underlying, long timeNs, double indexUsd, double delta, double deltaUsd,
        double gamma, double vega, double theta, double realizedPnlUsd, double unrealizedPnlUsd, double maxApproxError,
        QuotingState state, double initialUtilization, double maintenanceUtilization, double liquidationDownMove,
        double liquidationUpMove, Map<LimitKind, Double> limitUtilization, MarginView margin)
    {
    }

    /**
     * An underlying's newest {@code MarginStatus}, in its margin currency; NaN: unknown.
     */
    public record MarginView(String currency, boolean known, double equity, double initial, double maintenance,
        double worstLoss)
    {
    }

    /**
     * A latency distribution: the count and sum of every sample, and quantiles from an HdrHistogram.
     *
     * @param quantiles       the quantiles asked for ({@link #QUANTILES})
     * @param quantileSeconds the value at each, seconds; NaN when there is no sample
     */
    public record LatencyView(long count, double sumSeconds, double[] quantiles, double[] quantileSeconds)
    {
        /** The quantiles every latency view gives. */
        public static final double[] QUANTILES = { 0.5, 0.9, 0.99, 0.999 };
    }
}
