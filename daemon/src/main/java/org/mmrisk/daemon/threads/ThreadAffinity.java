package org.mmrisk.daemon.threads;

import net.openhft.affinity.Affinity;

import java.io.PrintStream;
import java.util.BitSet;

/**
 * Pins the calling thread to one CPU through OpenHFT Java-Thread-Affinity ({@code sched_setaffinity} on Linux), so a
 * busy-spinning thread keeps its core and its caches. Called by each daemon thread on itself as it starts; stateless.
 */
public final class ThreadAffinity
{
    /** No pinning: the operating system places the thread. */
    public static final int NONE = -1;

    private ThreadAffinity()
    {
    }

    /**
     * Checked on the main thread before any daemon thread starts, against the CPUs this process may use (its
     * affinity mask, as {@code taskset} or a container's cpuset left it).
     *
     * @throws IllegalArgumentException naming the key when the CPU is not among them.
     */
    public static void requireAllowed(final String key, final int cpu)
    {
        if (cpu == NONE)
        {
            return;
        }
        final BitSet allowed = Affinity.getAffinity();
        if (!allowed.get(cpu))
        {
            throw new IllegalArgumentException(key + ": CPU " + cpu + " is not among the CPUs this process may use " +
                allowed + (allowed.isEmpty() ? " (pinning works on Linux only: set -1)" : ""));
        }
    }

    /**
     * Pins the calling thread. When the operating system does not apply it (not Linux), the thread runs on unpinned
     * and the log says so: a daemon that runs slower is better than one that does not run.
     *
     * @param cpu the CPU to run on, or {@link #NONE}.
     */
    public static void pinCurrentThread(final String role, final int cpu, final PrintStream log)
    {
        if (cpu == NONE)
        {
            return;
        }
        final BitSet now;
        try
        {
            Affinity.setAffinity(cpu);
            now = Affinity.getAffinity();
        }
        catch (final RuntimeException | LinkageError ex)
        {
            log.println("risk daemon: warning: could not pin the " + role + " thread to CPU " + cpu + " (" + ex +
                "); it runs unpinned");
            return;
        }
        if (now.cardinality() != 1 || !now.get(cpu))
        {
            log.println("risk daemon: warning: could not pin the " + role + " thread to CPU " + cpu + " (its CPUs are " +
                "now " + now + "); it runs unpinned");
            return;
        }
        log.println("risk daemon: " + role + " thread pinned to CPU " + cpu);
    }
}
