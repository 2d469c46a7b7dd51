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
 */
public final class Queues
{
    /** 16 MiB blocks: small enough for tests and the demo, large enough that growth stalls are rare. */
    public static final long DEFAULT_BLOCK_SIZE = 16L << 20;

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
            .rollCycle(RollCycles.FAST_DAILY)
            .blockSize(blockSize)
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
            .rollCycle(RollCycles.FAST_DAILY)
            .blockSize(DEFAULT_BLOCK_SIZE)
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
