package org.mmrisk.daemon.cli;

import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.metrics.ListenAddress;
import org.mmrisk.daemon.metrics.MetricsServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code risk metrics}: a Prometheus endpoint for a running daemon, in a process of its own that reads the daemon's
 * counters file and output queue (it changes nothing in the daemon, and costs its threads nothing). Listens on
 * loopback unless {@code --allow-remote} says otherwise. Runs until interrupted (or for {@code --seconds}).
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
    description = "Serve a running daemon's counters, per-underlying risk and tick-to-quote latency as Prometheus " +
        "metrics (text format at /metrics), read from its counters file and output queue.")
public final class MetricsCommand implements Callable<Integer>
{
    static final String ALLOW_REMOTE = "--allow-remote";

    @Option(names = "--config", required = true, description = "daemon config file (YAML)")
    Path config;

    @Option(names = "--listen", defaultValue = "127.0.0.1:9464",
        description = "host:port to serve on (default ${DEFAULT-VALUE}; port 0: any free port)")
    String listen;

    @Option(names = ALLOW_REMOTE, description = "accept a --listen address that is not loopback (the metrics " +
        "show the book's risk to anyone who can connect, without authentication)")
    boolean allowRemote;

    @Option(names = "--seconds", defaultValue = "0", description = "stop after this long (0: until interrupted)")
    double seconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception
    {
        final ListenAddress address = ListenAddress.parse(listen, allowRemote, ALLOW_REMOTE);
        final LoadedConfig loaded = ConfigLoader.load(config);
        final PrintWriter out = spec.commandLine().getOut();
        try (MetricsServer server = MetricsServer.start(loaded, address))
        {
            out.printf("risk metrics: serving http://%s:%d/metrics for %s%n", address.address().getHostAddress(),
                server.port(), loaded.dataDir());
            out.flush();
            ServingTime.await(seconds, "metrics-shutdown");
        }
        return 0;
    }
}
