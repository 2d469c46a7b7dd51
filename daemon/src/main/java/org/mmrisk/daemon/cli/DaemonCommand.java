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
    /** The exit status after a failure of a daemon thread (as after any start-up error; 0: a clean stop). */
    public static final int FAILED_EXIT_CODE = 2;
    private static final long RECOVERY_POLL_MS = 50;

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
        // A failed daemon thread signals it too, so the main thread wakes for a signal and for a failure alike.
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier();
            RiskDaemon daemon = RiskDaemon.launch(loaded, ex -> reportError(ex, barrier), this::writeState,
                acceptConfigChange))
        {
            daemon.printStartup(System.out);
            System.out.flush();
            if (!awaitRecovery(daemon))
            {
                System.err.println("risk daemon: start-up recovery did not finish within " + recoveryTimeoutMs +
                    " ms (--recovery-timeout-ms); stopping");
                return 1;
            }
            daemon.printRecovered(System.out);
            System.out.flush();
            barrier.await();
            stopIfFailed(daemon);
            System.out.println("risk daemon: shutting down");
            daemon.close();
            // a failure during the stop (a ring that did not drain, a writer out of space) is one too
            stopIfFailed(daemon);
        }
        System.out.println("risk daemon: stopped");
        return 0;
    }

    /**
     * @return true once live; false when recovery timed out. Stops the process if a thread failed meanwhile.
     */
    private boolean awaitRecovery(final RiskDaemon daemon) throws InterruptedException
    {
        final long deadlineMs = System.currentTimeMillis() + recoveryTimeoutMs;
        while (!daemon.awaitRecovery(RECOVERY_POLL_MS))
        {
            stopIfFailed(daemon);
            if (System.currentTimeMillis() > deadlineMs)
            {
                return false;
            }
        }
        stopIfFailed(daemon);
        return true;
    }

    /**
     * After a failure of any daemon thread the process stops at once, as a kill would stop it: no final checkpoint,
     * no state file, no clean close that could hang on the broken queue or write half a batch. Its heartbeats stop,
     * which consumers treat as HALT; the next start recovers from the last checkpoint and the journal.
     */
    private static void stopIfFailed(final RiskDaemon daemon)
    {
        if (daemon.failure().failed())
        {
            System.out.flush();
            System.err.println("risk daemon: stopped on a fatal error (exit " + FAILED_EXIT_CODE + "): " +
                daemon.failure().describe());
            System.err.flush();
            Runtime.getRuntime().halt(FAILED_EXIT_CODE);
        }
    }

    private static void reportError(final Throwable ex, final ShutdownSignalBarrier barrier)
    {
        printError(ex);
        barrier.signal();
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
