package org.mmrisk.daemon.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import org.mmrisk.daemon.metrics.LiveView.CounterValue;
import org.mmrisk.daemon.metrics.LiveView.LatencyView;
import org.mmrisk.daemon.metrics.LiveView.MarginView;
import org.mmrisk.daemon.metrics.LiveView.UnderlyingView;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The Prometheus exposition of a {@link LiveRiskReader}: on each scrape it takes the reader's {@link LiveView} and
 * turns it into metric families (docs/metrics.md lists them all): the counters file through
 * {@link CounterMetricTable}, each underlying's newest figures as gauges labelled {@code underlying}, what the output
 * queue held, and the latency summaries. Nothing is kept between scrapes and nothing is done on the daemon's threads.
 * Called on the HTTP server's threads.
 */
public final class RiskMetricsCollector implements MultiCollector
{
    /** {@code mmrisk_quoting_state}: the state's ordinal, least to most restrictive (as on the wire). */
    static final String QUOTING_STATE_HELP =
        "Quoting state of the underlying: 0 NORMAL, 1 WIDEN, 2 REDUCE_ONLY, 3 HALT.";

    private static final String U = "underlying";

    /** An underlying's gauges from its newest risk snapshot; a NaN (absent) figure is left out. */
    private static final List<UnderlyingGauge> UNDERLYING_GAUGES = List.of(
        new UnderlyingGauge("mmrisk_index_usd", "Index price, USD.", UnderlyingView::indexUsd),
        new UnderlyingGauge("mmrisk_delta_coins", "Position-weighted delta, coins.", UnderlyingView::delta),
        new UnderlyingGauge("mmrisk_delta_usd", "Position-weighted delta, USD.", UnderlyingView::deltaUsd),
        new UnderlyingGauge("mmrisk_gamma_coins_per_usd", "Position-weighted gamma, coins of delta per USD of index.",
            UnderlyingView::gamma),
        new UnderlyingGauge("mmrisk_vega_usd_per_vol_point", "Position-weighted vega, USD per vol point.",
            UnderlyingView::vega),
        new UnderlyingGauge("mmrisk_theta_usd_per_day", "Position-weighted theta, USD per day.",
            UnderlyingView::theta),
        new UnderlyingGauge("mmrisk_realized_pnl_usd", "Realized P&L, USD.", UnderlyingView::realizedPnlUsd),
        new UnderlyingGauge("mmrisk_unrealized_pnl_usd", "Unrealized P&L, USD.", UnderlyingView::unrealizedPnlUsd),
        new UnderlyingGauge("mmrisk_approx_error_ratio",
            "Largest re-anchor error of the incremental delta relative to gross delta since the previous snapshot.",
            UnderlyingView::maxApproxError),
        new UnderlyingGauge("mmrisk_quoting_state", QUOTING_STATE_HELP, u -> u.state() == null ? Double.NaN :
            u.state().ordinal()),
        new UnderlyingGauge("mmrisk_snapshot_time_seconds", "Engine time of the newest risk snapshot, epoch seconds.",
            u -> u.timeNs() / 1e9),
        new UnderlyingGauge("mmrisk_margin_initial_utilization_ratio",
            "Initial margin / equity at the last margin refresh; absent while unknown or equity <= 0.",
            UnderlyingView::initialUtilization),
        new UnderlyingGauge("mmrisk_margin_maintenance_utilization_ratio",
            "Maintenance margin / equity at the last margin refresh; absent while unknown or equity <= 0.",
            UnderlyingView::maintenanceUtilization),
        new UnderlyingGauge("mmrisk_liquidation_down_move_ratio",
            "Index move down to liquidation, a fraction of the index (negative); absent when none in range.",
            UnderlyingView::liquidationDownMove),
        new UnderlyingGauge("mmrisk_liquidation_up_move_ratio",
            "Index move up to liquidation, a fraction of the index; absent when none in range.",
            UnderlyingView::liquidationUpMove));

    private final LiveRiskReader reader;
    private final CounterMetricTable table;

    public RiskMetricsCollector(final LiveRiskReader reader, final CounterMetricTable table)
    {
        this.reader = reader;
        this.table = table;
    }

    @Override
    public MetricSnapshots collect()
    {
        final LiveView view = reader.view();
        final MetricFamilies families = new MetricFamilies();
        families.gauge("mmrisk_counters_file_present", "1 when the daemon's counters file is mapped, else 0.",
            view.countersPresent() ? 1 : 0);
        counters(view, families);
        underlyings(view, families);
        outputs(view, families);
        final List<MetricSnapshot> snapshots = new ArrayList<>(families.snapshots());
        snapshots.add(summary("mmrisk_tick_to_quote_seconds", "Gateway send stamp of a quote adjustment's cause to " +
            "this reader reading the quote (first quote of each cause, quotes read live).", view.tickToQuote()));
        snapshots.add(summary("mmrisk_tick_to_ingress_seconds", "Gateway send stamp of a quote adjustment's cause " +
            "to the daemon's ingress reading it (first quote of each cause).", view.tickToIngress()));
        return new MetricSnapshots(snapshots);
    }

    private void counters(final LiveView view, final MetricFamilies families)
    {
        for (final CounterValue c : view.counters())
        {
            final CounterMetricTable.Metric m = table.metric(c.label());
            if (m == null)
            {
                families.gauge("mmrisk_unmapped_counter", "A counter of the counters file with no metric of its own.",
                    c.value(), "id", Integer.toString(c.id()), "label", c.label());
            }
            else if (m.labelName() == null)
            {
                families.add(m.name(), m.counter(), m.help(), c.value() * m.scale());
            }
            else
            {
                families.add(m.name(), m.counter(), m.help(), c.value() * m.scale(), m.labelName(), m.labelValue());
            }
        }
    }

    private static void underlyings(final LiveView view, final MetricFamilies families)
    {
        for (final UnderlyingView u : view.underlyings().values())
        {
            for (final UnderlyingGauge g : UNDERLYING_GAUGES)
            {
                families.gauge(g.name, g.help, g.value.applyAsDouble(u), U, u.underlying());
            }
            u.limitUtilization().forEach((kind, utilization) -> families.gauge("mmrisk_limit_utilization_ratio",
                "Measure / limit of the underlying's limits that are set (1 = at the limit).", utilization, U,
                u.underlying(), "limit", kind.key()));
            final MarginView m = u.margin();
            if (m != null && m.known())
            {
                margin(families, "mmrisk_margin_equity", "Equity, in the margin currency.", m.equity(), u, m);
                margin(families, "mmrisk_margin_initial", "Initial margin, in the margin currency.", m.initial(), u, m);
                margin(families, "mmrisk_margin_maintenance", "Maintenance margin, in the margin currency.",
                    m.maintenance(), u, m);
                margin(families, "mmrisk_scenario_worst_loss", "Worst weighted scenario loss, in the margin currency.",
                    m.worstLoss(), u, m);
            }
        }
    }

    private static void margin(final MetricFamilies families, final String name, final String help,
        final double value, final UnderlyingView u, final MarginView m)
    {
        families.gauge(name, help, value, U, u.underlying(), "currency", m.currency());
    }

    private static void outputs(final LiveView view, final MetricFamilies families)
    {
        view.outputsByType().forEach((type, count) -> families.counter("mmrisk_output_messages",
            "Messages this reader read from the output queue, by type.", count, "type", type.key()));
        view.alertsByCode().forEach((code, count) -> families.counter("mmrisk_output_alerts",
            "Alerts this reader read from the output queue, by code.", count, "code", code));
        families.counter("mmrisk_latency_samples_negative", "Latency samples that came out negative, recorded as 0 " +
            "(a duty cycle's receive stamp, or clocks of different hosts).", view.latencySamplesNegative());
        if (view.lastHeartbeatWallNs() != Long.MIN_VALUE)
        {
            families.gauge("mmrisk_heartbeat_last_timestamp_seconds",
                "Wall time in the newest heartbeat read, epoch seconds.", view.lastHeartbeatWallNs() / 1e9);
        }
    }

    private static SummarySnapshot summary(final String name, final String help, final LatencyView latency)
    {
        final Quantiles.Builder quantiles = Quantiles.builder();
        for (int i = 0; i < latency.quantiles().length; i++)
        {
            if (!Double.isNaN(latency.quantileSeconds()[i]))
            {
                quantiles.quantile(new Quantile(latency.quantiles()[i], latency.quantileSeconds()[i]));
            }
        }
        return SummarySnapshot.builder().name(name).help(help).dataPoint(SummaryDataPointSnapshot.builder()
            .count(latency.count()).sum(latency.sumSeconds()).quantiles(quantiles.build()).build()).build();
    }

    private record UnderlyingGauge(String name, String help, ToDoubleFunction<UnderlyingView> value)
    {
    }
}
