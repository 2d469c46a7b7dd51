package org.mmrisk.daemon.cli;

import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.metrics.ListenAddress;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * What the read-only serving verbs ({@code risk metrics}, {@code risk dashboard}) share, as a picocli mixin: the
 * daemon's config, the loopback guard's override and how long to serve, and the run itself — start the server on the
 * listen address, say where it serves, keep it up until the process is interrupted (or for {@code --seconds}), close
 * it. Each verb keeps its own {@code --listen} (its own default port). Used on the verb's main thread.
 */
final class ServingOptions
{
    static final String ALLOW_REMOTE = "--allow-remote";

    /** Starts a verb's server. */
    @FunctionalInterface
    interface Starter<S extends AutoCloseable>
    {
        S start(LoadedConfig config, ListenAddress listen) throws IOException;
    }

    @Option(names = "--config", required = true, description = "daemon config file (YAML)")
    Path config;

    @Option(names = ALLOW_REMOTE, description = "accept a --listen address that is not loopback (what it serves " +
        "shows the book's risk to anyone who can connect, without authentication)")
    boolean allowRemote;

    @Option(names = "--seconds", defaultValue = "0", description = "stop after this long (0: until interrupted)")
    double seconds;

    /**
     * @param listen the verb's {@code --listen} value.
     * @param path   the path the server's address is printed with ("/", "/metrics").
     * @return the exit code, 0.
     */
    <S extends AutoCloseable> int serve(final String verb, final String listen, final String path,
        final Starter<S> starter, final ToIntFunction<S> port, final PrintWriter out) throws Exception
    {
        final ListenAddress address = ListenAddress.parse(listen, allowRemote, ALLOW_REMOTE);
        final LoadedConfig loaded = ConfigLoader.load(config);
        try (S server = starter.start(loaded, address))
        {
            out.printf("risk %s: serving http://%s:%d%s for %s%n", verb, address.address().getHostAddress(),
                port.applyAsInt(server), path, loaded.dataDir());
            out.flush();
            await(verb + "-shutdown");
        }
        return 0;
    }

    /**
     * Blocks until the JVM is asked to stop (SIGINT, SIGTERM), or for {@code seconds} when that is positive.
     */
    private void await(final String hookName) throws InterruptedException
    {
        final CountDownLatch stop = new CountDownLatch(1);
        final Thread hook = new Thread(stop::countDown, hookName);
        Runtime.getRuntime().addShutdownHook(hook);
        if (seconds > 0)
        {
            stop.await((long)(seconds * 1000), TimeUnit.MILLISECONDS);
            removeQuietly(hook);
        }
        else
        {
            stop.await();
        }
    }

    private static void removeQuietly(final Thread hook)
    {
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException ex)
        {
            // the JVM is already shutting down: the hook has run or is running
        }
    }
}
