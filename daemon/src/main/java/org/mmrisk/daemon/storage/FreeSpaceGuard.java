package org.mmrisk.daemon.storage;

import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;

import java.io.File;
import java.io.PrintStream;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;

/**
 * Keeps a queue writer from writing into a full file system. Chronicle maps its files and grows them as it writes;
 * on a full file system the write into a mapped page faults the thread mid-message. So the writer asks before it
 * gets there: after every {@code minFreeBytes / 4} bytes written it reads the file system's usable space (one
 * {@code statfs}, no allocation), and when that is under {@code minFreeBytes} it waits (logging once, naming the
 * directory) until space comes back — the ring fills, ingress stops reading, the input queues hold what arrives,
 * so nothing is lost — or, after {@code maxWaitNs}, fails with an exception naming the directory, which stops the
 * daemon ({@code DaemonFailure}).
 * <p>
 * Owned by the writing thread (journaller or engine).
 */
public final class FreeSpaceGuard
{
    private final File dir;
    private final String role;
    private final long minFreeBytes;
    private final long checkEveryBytes;
    private final long maxWaitNs;
    private final ToLongFunction<File> usableSpace;
    private final NanoClock clock;
    private final IdleStrategy idle;
    private final BooleanSupplier giveUp;
    private final PrintStream log;
    private long writtenSinceCheck;
    private long waits;

    /**
     * @param role         what the directory is, for messages ("journal", "output").
     * @param minFreeBytes the least usable space to leave; 0 checks nothing.
     * @param maxWaitNs    longest wait for space before failing.
     * @param usableSpace  reads a file system's usable bytes ({@link File#getUsableSpace()}; a test's own).
     * @param giveUp       true when waiting is pointless (the daemon already failed).
     */
    public FreeSpaceGuard(final File dir, final String role, final long minFreeBytes, final long maxWaitNs,
        final ToLongFunction<File> usableSpace, final NanoClock clock, final IdleStrategy idle,
        final BooleanSupplier giveUp, final PrintStream log)
    {
        this.dir = dir;
        this.role = role;
        this.minFreeBytes = minFreeBytes;
        this.checkEveryBytes = Math.max(1, minFreeBytes / 4);
        this.maxWaitNs = maxWaitNs;
        this.usableSpace = usableSpace;
        this.clock = clock;
        this.idle = idle;
        this.giveUp = giveUp;
        this.log = log;
        // the first write checks
        this.writtenSinceCheck = checkEveryBytes;
    }

    /**
     * @return a guard that checks nothing (benchmarks, tools writing to a file system they own).
     */
    public static FreeSpaceGuard unchecked()
    {
        return new FreeSpaceGuard(new File("."), "unchecked", 0, 0, file -> Long.MAX_VALUE, System::nanoTime,
            new org.agrona.concurrent.NoOpIdleStrategy(), () -> false, System.err);
    }

    /**
     * Before writing {@code bytes}: returns at once unless a check is due and finds too little space; then waits.
     *
     * @throws IllegalStateException when space did not come back within the wait.
     */
    public void beforeWrite(final int bytes)
    {
        if (minFreeBytes <= 0)
        {
            return;
        }
        writtenSinceCheck += bytes;
        if (writtenSinceCheck < checkEveryBytes)
        {
            return;
        }
        writtenSinceCheck = 0;
        final long freeBytes = usableSpace.applyAsLong(dir);
        if (freeBytes < minFreeBytes)
        {
            awaitSpace(freeBytes);
        }
    }

    /**
     * @return how many times the writer had to wait for space.
     */
    public long waits()
    {
        return waits;
    }

    private void awaitSpace(final long freeBytes)
    {
        waits++;
        log.println("risk daemon: " + role + " directory " + dir + ": " + freeBytes + " bytes free, under " +
            "storage.minFreeMb (" + (minFreeBytes >> 20) + " MiB); waiting up to " + maxWaitNs / 1_000_000 +
            " ms (storage.spaceWaitMs) for space");
        final long deadlineNs = clock.nanoTime() + maxWaitNs;
        idle.reset();
        long nowFree = freeBytes;
        while (nowFree < minFreeBytes)
        {
            if (giveUp.getAsBoolean() || clock.nanoTime() - deadlineNs >= 0)
            {
                throw new IllegalStateException(role + " directory " + dir + " is full: " + nowFree +
                    " bytes free, under storage.minFreeMb (" + (minFreeBytes >> 20) + " MiB), for " +
                    maxWaitNs / 1_000_000 + " ms (storage.spaceWaitMs)");
            }
            idle.idle();
            nowFree = usableSpace.applyAsLong(dir);
        }
        log.println("risk daemon: " + role + " directory " + dir + ": " + nowFree + " bytes free again; writing on");
    }
}
