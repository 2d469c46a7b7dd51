package org.mmrisk.daemon.errors;

import org.agrona.ErrorHandler;
import org.agrona.IoUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.errors.DistinctErrorLog;
import org.agrona.concurrent.errors.ErrorConsumer;
import org.agrona.concurrent.errors.ErrorLogReader;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

/**
 * The daemon's distinct error log in a memory-mapped file (Agrona's {@link DistinctErrorLog}): every exception or
 * unexpected condition off the hot path, kept once per distinct stack trace with its count and the epoch times (ms) of
 * its first and last observation. Another process reads it while the daemon runs or after it has died
 * ({@code risk errors}). Layout: a 64-byte header (magic, version, log length), then the log.
 * <p>
 * Any daemon thread may record. Recording and {@link #close} are serialised on this object so that no thread writes
 * into an unmapped file; only failures come here, never the hot path.
 */
public final class ErrorLogFile implements ErrorHandler, AutoCloseable
{
    /** Room for a few hundred distinct stack traces; a full log records nothing more (standard error still does). */
    public static final int LOG_LENGTH = 1 << 20;
    private static final int MAGIC = 0x4D4D5245; // "MMRE"
    private static final int VERSION = 1;
    private static final int HEADER_LENGTH = 64;
    private static final int LENGTH_OFFSET = 8;

    private final MappedByteBuffer mapped;
    private final AtomicBuffer log;
    private final DistinctErrorLog writer;
    private boolean closed;

    private ErrorLogFile(final MappedByteBuffer mapped, final AtomicBuffer log, final DistinctErrorLog writer)
    {
        this.mapped = mapped;
        this.log = log;
        this.writer = writer;
    }

    /**
     * Creates the error log of a starting daemon. A previous run's log that holds errors is kept as
     * {@link #previousFile}, so a restart after a failure does not lose the failure.
     */
    public static ErrorLogFile create(final File file, final EpochClock clock)
    {
        keepPrevious(file);
        final MappedByteBuffer mapped = IoUtil.mapNewFile(file, HEADER_LENGTH + LOG_LENGTH);
        file.setReadable(false, false);
        file.setReadable(true, true);
        file.setWritable(false, false);
        file.setWritable(true, true);
        final UnsafeBuffer all = new UnsafeBuffer(mapped);
        all.putInt(4, VERSION);
        all.putInt(LENGTH_OFFSET, LOG_LENGTH);
        final AtomicBuffer log = new UnsafeBuffer(all, HEADER_LENGTH, LOG_LENGTH);
        // the magic number last: a reader that finds it finds the rest laid out
        all.putIntRelease(0, MAGIC);
        return new ErrorLogFile(mapped, log, new DistinctErrorLog(log, clock));
    }

    /**
     * @return where {@link #create} keeps the previous run's log: {@code errors.dat} → {@code errors-previous.dat}.
     */
    public static File previousFile(final File file)
    {
        final String name = file.getName();
        final int dot = name.lastIndexOf('.');
        final String stem = dot > 0 ? name.substring(0, dot) : name;
        final String suffix = dot > 0 ? name.substring(dot) : "";
        return new File(file.getAbsoluteFile().getParentFile(), stem + "-previous" + suffix);
    }

    private static void keepPrevious(final File file)
    {
        if (!file.exists())
        {
            return;
        }
        boolean hasErrors;
        try (ErrorLogFile old = openReader(file))
        {
            hasErrors = ErrorLogReader.hasErrors(old.log);
        }
        catch (final RuntimeException ex)
        {
            // a damaged or foreign file carries nothing over
            hasErrors = false;
        }
        try
        {
            if (hasErrors)
            {
                Files.move(file.toPath(), previousFile(file).toPath(), StandardCopyOption.REPLACE_EXISTING);
            }
            else
            {
                Files.delete(file.toPath());
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot replace the error log " + file, ex);
        }
    }

    /**
     * Maps an existing error log read-only, to read it from another process without disturbing its writer.
     *
     * @throws IllegalArgumentException naming the path when there is no such file.
     * @throws IllegalStateException    when the file is not an error log of this version.
     */
    public static ErrorLogFile openReader(final File file)
    {
        if (!file.isFile())
        {
            throw new IllegalArgumentException("no error log at " + file);
        }
        if (file.length() < HEADER_LENGTH)
        {
            throw new IllegalStateException("not an error log (too short): " + file);
        }
        final MappedByteBuffer mapped = IoUtil.mapExistingFile(file, FileChannel.MapMode.READ_ONLY, "error log");
        final UnsafeBuffer all = new UnsafeBuffer(mapped);
        final int length = all.getInt(LENGTH_OFFSET);
        if (all.getIntVolatile(0) != MAGIC || all.getInt(4) != VERSION || length <= 0 ||
            length > all.capacity() - HEADER_LENGTH)
        {
            IoUtil.unmap(mapped);
            throw new IllegalStateException("not an error log of this version: " + file);
        }
        return new ErrorLogFile(mapped, new UnsafeBuffer(all, HEADER_LENGTH, length), null);
    }

    /**
     * Records an error: a new distinct one, or one more observation of one already kept. Does nothing once closed,
     * or on a reader.
     */
    @Override
    public synchronized void onError(final Throwable error)
    {
        if (!closed && writer != null)
        {
            writer.record(error);
        }
    }

    /**
     * Reads every distinct error, oldest first.
     *
     * @return how many there are.
     */
    public synchronized int read(final ErrorConsumer consumer)
    {
        return closed ? 0 : ErrorLogReader.read(log, consumer);
    }

    @Override
    public synchronized void close()
    {
        if (!closed)
        {
            closed = true;
            IoUtil.unmap(mapped);
        }
    }
}
