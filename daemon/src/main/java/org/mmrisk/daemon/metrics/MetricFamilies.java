package org.mmrisk.daemon.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers data points into metric families by name (several counters of the file can be one family with a label)
 * and makes the client library's snapshots of them. One per scrape, on the scraping thread.
 */
final class MetricFamilies
{
    private final Map<String, Family> families = new LinkedHashMap<>();

    private static final class Family
    {
        final boolean counter;
        final String help;
        final List<Labels> labels = new ArrayList<>();
        final List<Double> values = new ArrayList<>();

        Family(final boolean counter, final String help)
        {
            this.counter = counter;
            this.help = help;
        }
    }

    /**
     * Adds a data point; a NaN value is left out (absent, not a NaN sample). {@code labelPairs}: name, value, ...
     */
    void add(final String name, final boolean counter, final String help, final double value,
        final String... labelPairs)
    {
        if (Double.isNaN(value))
        {
            return;
        }
        final Family family = families.computeIfAbsent(name, n -> new Family(counter, help));
        if (family.counter != counter)
        {
            throw new IllegalStateException(name + " is both a counter and a gauge");
        }
        family.labels.add(Labels.of(labelPairs));
        family.values.add(value);
    }

    void gauge(final String name, final String help, final double value, final String... labelPairs)
    {
        add(name, false, help, value, labelPairs);
    }

    void counter(final String name, final String help, final double value, final String... labelPairs)
    {
        add(name, true, help, value, labelPairs);
    }

    List<MetricSnapshot> snapshots()
    {
        final List<MetricSnapshot> snapshots = new ArrayList<>();
        families.forEach((name, family) ->
        {
            if (family.counter)
            {
                final CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(family.help);
                for (int i = 0; i < family.values.size(); i++)
                {
                    builder.dataPoint(CounterDataPointSnapshot.builder().labels(family.labels.get(i))
                        .value(family.values.get(i)).build());
                }
                snapshots.add(builder.build());
            }
            else
            {
                final GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(family.help);
                for (int i = 0; i < family.values.size(); i++)
                {
                    builder.dataPoint(GaugeDataPointSnapshot.builder().labels(family.labels.get(i))
                        .value(family.values.get(i)).build());
                }
                snapshots.add(builder.build());
            }
        });
        return snapshots;
    }
}
