package org.mmrisk.daemon.cli;

import org.agrona.concurrent.ShutdownSignalBarrier;
import org.mmrisk.daemon.RiskDaemon;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code risk daemon}: runs the daemon until SIGINT or SIGTERM, then shuts down cleanly.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
    description = "Run the risk daemon until SIGINT/SIGTERM.")
public final class DaemonCommand implements Callable<Integer>
{
    @Option(names = "--config", required = true, description = "daemon config file (YAML)")
    Path config;

    @Override
    public Integer call()
    {
        final LoadedConfig loaded = ConfigLoader.load(config);
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier();
            RiskDaemon daemon = RiskDaemon.launch(loaded, ex ->
        {
            System.err.println("risk daemon: error: " + ex);
            ex.printStackTrace(System.err);
        }))
        {
            daemon.printStartup(System.out);
            System.out.flush();
            barrier.await();
            System.out.println("risk daemon: shutting down");
        }
        System.out.println("risk daemon: stopped");
        return 0;
    }
}
