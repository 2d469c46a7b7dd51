package org.mmrisk.daemon.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.mmrisk.daemon.config.LoadedConfig;

import org.mmrisk.daemon.RiskDaemon;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code risk metrics}'s server: a {@link LiveRiskReader} on its own thread and the Prometheus client's HTTP server
 * exposing {@link RiskMetricsCollector} at {@code /metrics}, on a registry of its own (no
 * JVM metrics: this process is not the daemon). Owned by the thread that starts and closes it.
 */
public final class MetricsServer implements AutoCloseable
{
    /** Idle of the reader thread when caught up: what it can add to a measured tick-to-quote latency. */
    private static final long READER_IDLE_MICROS = 100;

    private final LiveRiskReader reader;
    private final HTTPServer server;

    private MetricsServer(final LiveRiskReader reader, final HTTPServer server)
    {
        this.reader = reader;
        this.server = server;
    }

    public static MetricsServer start(final LoadedConfig config, final ListenAddress listen) throws IOException
    {
        final LiveRiskReader reader = new LiveRiskReader(config.countersFile(), config.outputDir(),
            config.engineConfig(), new SystemEpochNanoClock());
        try
        {
            final PrometheusRegistry registry = new PrometheusRegistry();
            registry.register(new RiskMetricsCollector(reader, new CounterMetricTable(sourceNames(config))));
            final HTTPServer server = HTTPServer.builder().inetAddress(listen.address()).port(listen.port())
                .registry(registry).authenticator(new LoopbackHostCheck(listen)).buildAndStart();
            reader.start(READER_IDLE_MICROS);
            return new MetricsServer(reader, server);
        }
        catch (final IOException | RuntimeException ex)
        {
            reader.close();
            throw ex;
        }
    }

    /** @return the daemon's input sources as its counters name them: the configured inputs, then its control queue. */
    static List<String> sourceNames(final LoadedConfig config)
    {
        final List<String> names = new ArrayList<>(config.config().inputs);
        names.add(RiskDaemon.CONTROL_SOURCE);
        return names;
    }

    /** @return the port it listens on (the one chosen when asked for port 0). */
    public int port()
    {
        return server.getPort();
    }

    public LiveRiskReader reader()
    {
        return reader;
    }

    @Override
    public void close()
    {
        server.close();
        reader.close();
    }
}
