package org.mmrisk.daemon.cli;

import org.mmrisk.daemon.dashboard.DashboardServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code risk dashboard}: one live page of a running daemon's risk (docs/dashboard.md), in a process of its own that
 * reads the daemon's counters file and output queue (it changes nothing in the daemon, and costs its threads
 * nothing). Listens on loopback unless {@code --allow-remote} says otherwise. Runs until interrupted (or for
 * {@code --seconds}).
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
    description = "Serve one live page of a running daemon's risk per underlying, its alerts, hedge signals, " +
        "scenarios, margin and tick-to-quote latency (data as JSON at /api/state), read from its counters file " +
        "and output queue.")
public final class DashboardCommand implements Callable<Integer>
{
    @Mixin
    ServingOptions serving;

    @Option(names = "--listen", defaultValue = "127.0.0.1:8080",
        description = "host:port to serve on (default ${DEFAULT-VALUE}; port 0: any free port)")
    String listen;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception
    {
        return serving.serve("dashboard", listen, "/", DashboardServer::start, DashboardServer::port,
            spec.commandLine().getOut());
    }
}
