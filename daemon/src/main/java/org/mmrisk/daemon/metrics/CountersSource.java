package org.mmrisk.daemon.metrics;

import org.agrona.concurrent.status.CountersReader;
import org.mmrisk.daemon.counters.CountersFile;
import org.mmrisk.daemon.metrics.LiveView.CounterValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A daemon's counters file, mapped read-side ({@link CountersFile#openReader}) once it is complete, and mapped again
 * when a restarted daemon replaces it (a new file: its file key changes), so that a long-running reader follows the
 * daemon across restarts instead of reading a deleted file's frozen values. Reading costs the daemon nothing: the
 * values are plain loads from shared memory. Guarded by its owner's lock.
 */
public final class CountersSource implements AutoCloseable
{
    private final Path file;
    private CountersFile mapped;
    private Object mappedKey;

    public CountersSource(final Path file)
    {
        this.file = file;
    }

    /**
     * Maps the file if it is there and complete and not mapped yet, or maps it again if it was replaced.
     *
     * @return whether a counters file is mapped.
     */
    public boolean refresh()
    {
        final Object key = fileKey();
        if (mapped != null && !Objects.equals(key, mappedKey))
        {
            mapped.close();
            mapped = null;
        }
        if (mapped == null && key != null && CountersFile.isComplete(file.toFile()))
        {
            mapped = CountersFile.openReader(file.toFile());
            mappedKey = key;
        }
        return mapped != null;
    }

    /**
     * @return the mapped file's reader, or null when none is mapped.
     */
    public CountersReader reader()
    {
        return mapped != null ? mapped.reader() : null;
    }

    /**
     * @return every allocated counter, in id order, with its value now; empty when none is mapped.
     */
    List<CounterValue> read()
    {
        final List<CounterValue> values = new ArrayList<>();
        if (mapped != null)
        {
            final CountersReader reader = mapped.reader();
            reader.forEach((counterId, typeId, keyBuffer, label) ->
                values.add(new CounterValue(counterId, typeId, label, reader.getCounterValue(counterId))));
        }
        return values;
    }

    private Object fileKey()
    {
        try
        {
            final BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            // where a file system has no file key, the creation time tells a replaced file apart
            return attributes.fileKey() != null ? attributes.fileKey() : attributes.creationTime();
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    @Override
    public void close()
    {
        if (mapped != null)
        {
            mapped.close();
            mapped = null;
        }
    }
}
