package org.mmrisk.daemon.cli;

import org.agrona.concurrent.ShutdownSignalBarrier;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.daemon.RiskDaemon;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.json.EngineStateFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code risk daemon}: runs the daemon until SIGINT or SIGTERM, then shuts down cleanly; with {@code --check}, only
 * validates the config (the launcher runs that first in a small JVM, so a bad file fails before the large heap is
 * touched).
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

    @Spec
    CommandSpec spec;

    @Option(names = "--check", description = "validate the config (and the CPUs it pins to) and exit: 0 when the " +
        "daemon would start with it, else the error naming the key; opens no queue and needs no large heap")
    boolean check;

    @Override
    public Integer call() throws InterruptedException
    {
        final LoadedConfig loaded = ConfigLoader.load(config);
        RiskDaemon.requireAllowedCpus(loaded.config());
        if (check)
        {
            spec.commandLine().getOut().println("risk daemon: " + config + ": valid (data " + loaded.dataDir() +
                ", inputs " + loaded.config().inputs + ")");
            return 0;
        }
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
