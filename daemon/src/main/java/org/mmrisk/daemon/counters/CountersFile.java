package org.mmrisk.daemon.counters;

import org.agrona.IoUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.io.File;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.HashMap;
import java.util.Map;

/**
 * The daemon's counters in a memory-mapped file, so another process (the monitor, an operator's CLI) reads them
 * live. Layout: a 64-byte header (magic, version, metadata and values lengths), then Agrona's counter metadata
 * and values buffers.
 * <p>
 * The daemon creates it at start-up ({@link #create}); readers map it read-side ({@link #openReader}). Each counter
 * has one writer thread.
 */
public final class CountersFile implements AutoCloseable
{
    private static final int MAGIC = 0x4D4D5243; // "MMRC"
    private static final int VERSION = 1;
    private static final int HEADER_LENGTH = 64;
    private static final int MAX_COUNTERS = 1024;
    private static final int VALUES_LENGTH = MAX_COUNTERS * CountersReader.COUNTER_LENGTH;
    private static final int METADATA_LENGTH = MAX_COUNTERS * CountersReader.METADATA_LENGTH;

    private final MappedByteBuffer mapped;
    private final CountersReader reader;
    private final CountersManager manager;
    private Map<String, Long> previousValues = Map.of();

    private CountersFile(final MappedByteBuffer mapped, final boolean writable)
    {
        this.mapped = mapped;
        final UnsafeBuffer all = new UnsafeBuffer(mapped);
        final AtomicBuffer metadata = new UnsafeBuffer(all, HEADER_LENGTH, METADATA_LENGTH);
        final AtomicBuffer values = new UnsafeBuffer(all, HEADER_LENGTH + METADATA_LENGTH, VALUES_LENGTH);
        if (writable)
        {
            all.putInt(4, VERSION);
            all.putInt(8, METADATA_LENGTH);
            all.putInt(12, VALUES_LENGTH);
            manager = new CountersManager(metadata, values);
            reader = manager;
            all.putIntRelease(0, MAGIC);
        }
        else
        {
            if (all.getIntVolatile(0) != MAGIC || all.getInt(4) != VERSION)
            {
                IoUtil.unmap(mapped);
                throw new IllegalStateException("not a counters file of this version");
            }
            manager = null;
            reader = new CountersReader(metadata, values);
        }
    }

    /**
     * Creates (replacing any previous) the counters file of a starting daemon; the previous file's values stay
     * readable through {@link #previousValue}.
     */
    public static CountersFile create(final File file)
    {
        final Map<String, Long> previous = readValues(file);
        IoUtil.deleteIfExists(file);
        final MappedByteBuffer mapped = IoUtil.mapNewFile(file, HEADER_LENGTH + METADATA_LENGTH + VALUES_LENGTH);
        file.setReadable(false, false);
        file.setReadable(true, true);
        file.setWritable(false, false);
        file.setWritable(true, true);
        final CountersFile created = new CountersFile(mapped, true);
        created.previousValues = previous;
        return created;
    }

    /**
     * @return the value the counter of this label had in the file this one replaced, or {@code absent}.
     */
    public long previousValue(final String label, final long absent)
    {
        return previousValues.getOrDefault(label, absent);
    }

    private static Map<String, Long> readValues(final File file)
    {
        if (!isComplete(file))
        {
            return Map.of();
        }
        final Map<String, Long> values = new HashMap<>();
        try (CountersFile old = openReader(file))
        {
            old.reader.forEach((value, id, label) -> values.put(label, value));
        }
        catch (final RuntimeException ex)
        {
            // a damaged file from an older run carries nothing over
            return Map.of();
        }
        return values;
    }

    /**
     * @return whether {@code file} exists and its writer has finished laying it out: the magic number is written
     * last, so a reader that starts while the daemon creates the file waits instead of failing.
     */
    public static boolean isComplete(final File file)
    {
        if (!file.isFile() || file.length() < 8)
        {
            return false;
        }
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file, "r"))
        {
            final byte[] header = new byte[8];
            raf.readFully(header);
            final UnsafeBuffer buffer = new UnsafeBuffer(header);
            return buffer.getInt(0) == MAGIC && buffer.getInt(4) == VERSION;
        }
        catch (final java.io.IOException ex)
        {
            return false;
        }
    }

    /**
     * Maps an existing counters file to read it from another process. The mapping is read-only: a reader takes no
     * lock and writes nothing, so it can neither slow the daemon nor damage its counters.
     */
    public static CountersFile openReader(final File file)
    {
        if (!file.isFile())
        {
            throw new IllegalArgumentException("no counters file at " + file + " (is the daemon running?)");
        }
        return new CountersFile(IoUtil.mapExistingFile(file, FileChannel.MapMode.READ_ONLY, "counters"), false);
    }

    public CountersManager manager()
    {
        if (manager == null)
        {
            throw new IllegalStateException("counters opened read-only");
        }
        return manager;
    }

    public CountersReader reader()
    {
        return reader;
    }

    @Override
    public void close()
    {
        IoUtil.unmap(mapped);
    }
}
