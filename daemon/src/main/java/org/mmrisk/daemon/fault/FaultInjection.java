package org.mmrisk.daemon.fault;

/**
 * Test hooks: a fault injected at a named point of the daemon, so that the fault-injection suite
 * ({@code scripts/fault-test}) reaches each recovery phase by name, not by timing a kill.
 * <p>
 * Armed by the system property {@code mmrisk.fault=POINT:ACTION[:AFTER]} (read once, when this class loads) or by
 * {@link #arm} (a test, before the daemon's threads start). At the point's {@code AFTER + 1}-th passage (default the
 * first) the action happens: {@code halt} stops the process at once with status 137, as {@code kill -9} would
 * (nothing is closed, flushed or checkpointed); {@code throw} throws an {@link InjectedFault} there, which the daemon
 * treats like any failure of that thread. Unarmed, each point costs one read of a static boolean.
 * <p>
 * The points: {@link #RECOVERY_RESTORED}, {@link #RECOVERY_REWRITE}, {@link #RECOVERY_REPLAYED},
 * {@link #CHECKPOINT_WRITE}, {@link #JOURNAL_WRITE}, {@link #EGRESS_WRITE}. Only one point is armed at a time.
 */
public final class FaultInjection
{
    /** Start-up: the checkpoint is restored, the journal after it not yet replayed. */
    public static final String RECOVERY_RESTORED = "recovery.restored";
    /** Start-up replay: an output the previous run did not write is about to be written again. */
    public static final String RECOVERY_REWRITE = "recovery.rewrite";
    /** Start-up: the journal is replayed, the daemon not yet live. */
    public static final String RECOVERY_REPLAYED = "recovery.replayed";
    /** A checkpoint's temporary file is written and forced, not yet renamed into place. */
    public static final String CHECKPOINT_WRITE = "checkpoint.write";
    /** The journaller is about to write an entry. */
    public static final String JOURNAL_WRITE = "journal.write";
    /** Egress is about to write an output (not a heartbeat). */
    public static final String EGRESS_WRITE = "egress.write";

    /** Exit status of an injected halt: that of a process killed by SIGKILL. */
    public static final int HALT_STATUS = 137;

    private static boolean armed;
    private static String point = "";
    private static boolean halt;
    private static long remaining;

    static
    {
        final String spec = System.getProperty("mmrisk.fault", "");
        if (!spec.isEmpty())
        {
            final String[] parts = spec.split(":");
            if (parts.length < 2 || !("halt".equals(parts[1]) || "throw".equals(parts[1])))
            {
                throw new IllegalArgumentException("mmrisk.fault: expected POINT:halt|throw[:AFTER], got " + spec);
            }
            arm(parts[0], "halt".equals(parts[1]), parts.length > 2 ? Long.parseLong(parts[2]) : 0);
        }
    }

    private FaultInjection()
    {
    }

    /**
     * Arms one point; before the threads that pass it start.
     *
     * @param after passages let through before the fault.
     */
    public static void arm(final String pointName, final boolean haltProcess, final long after)
    {
        point = pointName;
        halt = haltProcess;
        remaining = after;
        armed = true;
    }

    /**
     * Disarms the point (a test, after its daemon stopped).
     */
    public static void disarm()
    {
        armed = false;
        point = "";
    }

    /**
     * A passage through a point: nothing unless it is the armed one and its turn has come.
     *
     * @throws InjectedFault for the {@code throw} action.
     */
    public static void reached(final String pointName)
    {
        if (!armed || !point.equals(pointName))
        {
            return;
        }
        if (remaining-- > 0)
        {
            return;
        }
        armed = false;
        if (halt)
        {
            System.err.println("risk daemon: fault injection: halting at " + pointName);
            System.err.flush();
            Runtime.getRuntime().halt(HALT_STATUS);
        }
        throw new InjectedFault("fault injected at " + pointName);
    }

    /**
     * The failure the {@code throw} action raises.
     */
    public static final class InjectedFault extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        InjectedFault(final String message)
        {
            super(message);
        }
    }
}
