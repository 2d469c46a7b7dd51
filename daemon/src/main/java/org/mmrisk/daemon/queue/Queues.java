package org.mmrisk.daemon.queue;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Opens the project's Chronicle queues with one set of settings, so that writers and readers in different
 * processes agree. Directories are created owner-only. Stateless.
 * <p>
 * A writer killed inside a write (kill -9 between {@code writingDocument()} and its close) leaves the queue's write
 * lock (in {@code metadata.cq4t}) holding its process id, and an incomplete excerpt header at the end of the cycle
 * file. Chronicle Queue 2026.4 releases a lock whose holder process is dead when the queue is opened
 * ({@code TableStoreWriteLock.forceUnlockIfProcessIsDead}, logged as "Forced unlocking ... which is now dead"), so
 * a restarted writer does not wait; readers never see the incomplete excerpt, and the next write replaces it. A
 * lock held by a live process is waited for at most {@link #WRITE_LOCK_TIMEOUT_MS}; then Chronicle's unlock mode
 * ({@code queue.force.unlock.mode}, default: only when the holder is dead) decides. Tested by
 * {@code DeadWriterRecoveryTest} with a writer process that halts mid-write.
 */
public final class Queues
{
    /** 16 MiB blocks: small enough for tests and the demo, large enough that growth stalls are rare. */
    public static final long DEFAULT_BLOCK_SIZE = 16L << 20;
    /** How long a writer waits for a write lock held by another live process (Chronicle's default, made explicit). */
    public static final long WRITE_LOCK_TIMEOUT_MS = 10_000;
    /** One cycle file per UTC day, named yyyyMMdd'F'.cq4; retention deletes whole days. */
    public static final RollCycles ROLL_CYCLE = RollCycles.FAST_DAILY;

    private Queues()
    {
    }

    public static ChronicleQueue open(final Path dir)
    {
        return open(dir, DEFAULT_BLOCK_SIZE);
    }

    public static ChronicleQueue open(final Path dir, final long blockSize)
    {
        createOwnerOnly(dir);
        return SingleChronicleQueueBuilder.single(dir.toFile())
            .rollCycle(ROLL_CYCLE)
            .blockSize(blockSize)
            .timeoutMS(WRITE_LOCK_TIMEOUT_MS)
            .build();
    }

    /**
     * Opens an existing queue for reading only (tools), so a reader never creates a queue by mistake.
     *
     * @throws IllegalArgumentException when the directory does not exist.
     */
    public static ChronicleQueue openExisting(final Path dir)
    {
        if (!Files.isDirectory(dir))
        {
            throw new IllegalArgumentException("no queue at " + dir);
        }
        return SingleChronicleQueueBuilder.single(dir.toFile())
            .rollCycle(ROLL_CYCLE)
            .blockSize(DEFAULT_BLOCK_SIZE)
            .timeoutMS(WRITE_LOCK_TIMEOUT_MS)
            .build();
    }

    public static void createOwnerOnly(final Path dir)
    {
        try
        {
            if (!Files.isDirectory(dir))
            {
                Files.createDirectories(dir);
                try
                {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                }
                catch (final UnsupportedOperationException ignore)
                {
                    // not a POSIX file system: the platform's defaults apply
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create " + dir, ex);
        }
    }
}
