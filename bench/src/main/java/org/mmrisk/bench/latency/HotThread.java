package org.mmrisk.bench.latency;

/**
 * Runs a harness process's hot loop on a thread of its own name ({@code feed}, {@code relay}, {@code reader}), so
 * that {@code scripts/bench} can find it in {@code /proc/PID/task/*&#47;comm} and pin it to a core, and waits for it.
 */
final class HotThread
{
    private HotThread()
    {
    }

    static void runAndJoin(final String name, final Runnable loop)
    {
        final Throwable[] failure = new Throwable[1];
        final Thread thread = new Thread(() ->
        {
            try
            {
                loop.run();
            }
            catch (final Throwable t)
            {
                failure[0] = t;
            }
        }, name);
        thread.start();
        try
        {
            thread.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", ex);
        }
        if (failure[0] instanceof RuntimeException)
        {
            throw (RuntimeException)failure[0];
        }
        if (failure[0] != null)
        {
            throw new IllegalStateException(name + " failed", failure[0]);
        }
    }
}
