package org.mmrisk.daemon.cli;

import org.mmrisk.daemon.metrics.MetricsServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
    @Mixin
    ServingOptions serving;

    @Option(names = "--listen", defaultValue = "127.0.0.1:9464",
        description = "host:port to serve on (default ${DEFAULT-VALUE}; port 0: any free port)")
    String listen;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception
    {
        return serving.serve("metrics", listen, "/metrics", MetricsServer::start, MetricsServer::port,
            spec.commandLine().getOut());
    }
}
