package org.mmrisk.daemon.queue;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Opens the project's Chronicle queues with one set of settings, so that writers and readers in different
 * processes agree. Directories and files are created owner-only ({@link OwnerOnly}). Stateless.
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
    /** The queue's table store, which Chronicle writes when it opens a queue writable. */
    public static final String METADATA_FILE = "metadata.cq4t";
    /** How a cycle file's name ends. */
    public static final String CYCLE_SUFFIX = ".cq4";

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
        final ChronicleQueue queue = SingleChronicleQueueBuilder.single(dir.toFile())
            .rollCycle(ROLL_CYCLE)
            .blockSize(blockSize)
            .timeoutMS(WRITE_LOCK_TIMEOUT_MS)
            .storeFileListener(OwnerOnly.CYCLE_FILES)
            .build();
        OwnerOnly.restrictIfOwned(dir.resolve(METADATA_FILE));
        return queue;
    }

    /**
     * Opens an existing queue read-only (tools), so that a reader never creates a queue, nor writes into a directory
     * it was only asked to read: Chronicle would otherwise create {@code metadata.cq4t} in any directory it opens.
     *
     * @throws IllegalArgumentException when the directory does not exist or holds no queue, naming the queues
     *                                  directly under it if it holds some (the input directory holds one per gateway).
     */
    public static ChronicleQueue openExisting(final Path dir)
    {
        checkIsQueue(dir);
        return SingleChronicleQueueBuilder.single(dir.toFile())
            .rollCycle(ROLL_CYCLE)
            .blockSize(DEFAULT_BLOCK_SIZE)
            .timeoutMS(WRITE_LOCK_TIMEOUT_MS)
            .readOnly(true)
            .build();
    }

    /**
     * @throws IllegalArgumentException unless {@code dir} is a queue: a directory with {@link #METADATA_FILE} or a
     *                                  cycle file ({@code *.cq4}) in it.
     */
    public static void checkIsQueue(final Path dir)
    {
        if (!Files.exists(dir))
        {
            throw new IllegalArgumentException("no such directory: " + dir);
        }
        if (!Files.isDirectory(dir))
        {
            throw new IllegalArgumentException("not a queue directory: " + dir + " is a file");
        }
        if (!isQueue(dir))
        {
            final List<String> queues = queuesUnder(dir);
            throw new IllegalArgumentException("not a queue: " + dir + " holds no " + METADATA_FILE + " or *" +
                CYCLE_SUFFIX + " file" + (queues.isEmpty() ? "" : "; the queues in it: " + String.join(", ", queues)));
        }
    }

    private static boolean isQueue(final Path dir)
    {
        if (Files.isRegularFile(dir.resolve(METADATA_FILE)))
        {
            return true;
        }
        try (Stream<Path> files = Files.list(dir))
        {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(CYCLE_SUFFIX));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list " + dir, ex);
        }
    }

    private static List<String> queuesUnder(final Path dir)
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.filter(Files::isDirectory).filter(Queues::isQueue)
                .map(sub -> sub.getFileName().toString()).sorted().toList();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list " + dir, ex);
        }
    }

    /**
     * @return the name of the cycle file that holds an index ({@link #ROLL_CYCLE}: one per UTC day, yyyyMMdd'F'.cq4).
     */
    public static String cycleFileName(final long index)
    {
        return java.time.LocalDate.ofEpochDay(ROLL_CYCLE.toCycle(index))
            .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "F" + CYCLE_SUFFIX;
    }

    /**
     * Creates a directory and every missing one above it (the data directory, input/), each owner-only.
     */
    public static void createOwnerOnly(final Path dir)
    {
        OwnerOnly.createDirectories(dir);
    }
}
