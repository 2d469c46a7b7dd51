package org.mmrisk.daemon.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How long a serving verb ({@code risk metrics}, {@code risk dashboard}) keeps its server up: until the process is
 * interrupted, or for a set time. Used on the verb's main thread, which closes the server once this returns.
 */
final class ServingTime
{
    private ServingTime()
    {
    }

    /**
     * Blocks until the JVM is asked to stop (SIGINT, SIGTERM), or for {@code seconds} when that is positive.
     *
     * @param hookName the name of the shutdown hook that ends the wait.
     */
    static void await(final double seconds, final String hookName) throws InterruptedException
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
