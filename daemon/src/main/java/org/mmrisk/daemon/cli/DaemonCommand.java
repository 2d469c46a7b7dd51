package org.mmrisk.daemon.cli;

import org.agrona.concurrent.ShutdownSignalBarrier;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.daemon.RiskDaemon;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.json.EngineStateFile;
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

    @Option(names = "--state-out", description = "on a clean shutdown, write the engine's final state here (the " +
        "replay state format without quotes, alerts, hedges and rejects)")
    Path stateOut;

    @Option(names = "--recovery-timeout-ms", defaultValue = "600000",
        description = "give up when start-up recovery takes longer (default ${DEFAULT-VALUE})")
    long recoveryTimeoutMs;

    @Option(names = "--accept-config-change", description = "continue from the newest snapshot even if it was taken " +
        "under another engine configuration: the configured limits replace its limits, and the journal after it is " +
        "replayed under the new configuration (docs/recovery.md, \"Configuration changes\")")
    boolean acceptConfigChange;

    @Override
    public Integer call() throws InterruptedException
    {
        final LoadedConfig loaded = ConfigLoader.load(config);
        // The barrier is closed last: Agrona's signal handler holds JVM exit until it is, so the daemon closes first.
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier();
            RiskDaemon daemon = RiskDaemon.launch(loaded, DaemonCommand::printError, this::writeState,
                acceptConfigChange))
        {
            daemon.printStartup(System.out);
            System.out.flush();
            if (!daemon.awaitRecovery(recoveryTimeoutMs))
            {
                System.err.println("risk daemon: start-up recovery did not finish within " + recoveryTimeoutMs +
                    " ms (--recovery-timeout-ms); stopping");
                return 1;
            }
            daemon.printRecovered(System.out);
            System.out.flush();
            barrier.await();
            System.out.println("risk daemon: shutting down");
        }
        System.out.println("risk daemon: stopped");
        return 0;
    }

    private static void printError(final Throwable ex)
    {
        System.err.println("risk daemon: error: " + ex);
        ex.printStackTrace(System.err);
    }

    /**
     * On the engine thread, after the ring has stopped.
     */
    private void writeState(final RiskEngine engine)
    {
        if (stateOut != null)
        {
            EngineStateFile.write(engine, stateOut);
        }
    }
}
