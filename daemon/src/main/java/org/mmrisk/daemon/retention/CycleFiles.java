package org.mmrisk.daemon.retention;

import net.openhft.chronicle.queue.RollCycles;
import org.mmrisk.daemon.queue.Queues;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The cycle files of one of the project's queues ({@link Queues}: one {@code yyyyMMdd'F'.cq4} file per UTC day, the
 * cycle being the day's number since 1970-01-01), found by listing the directory rather than through Chronicle's
 * cached directory listing, which another process may have left stale. Stateless.
 */
public final class CycleFiles
{
    private static final String SUFFIX = ".cq4";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern(Queues.ROLL_CYCLE.format());

    static
    {
        if (Queues.ROLL_CYCLE.lengthInMillis() != RollCycles.FAST_DAILY.lengthInMillis())
        {
            throw new IllegalStateException("cycle files are named by day; the queues roll every " +
                Queues.ROLL_CYCLE.lengthInMillis() + " ms");
        }
    }

    private CycleFiles()
    {
    }

    /**
     * @return the queue's cycle files by cycle, oldest first; empty when the directory does not exist.
     */
    public static TreeMap<Integer, Path> list(final Path queueDir)
    {
        final TreeMap<Integer, Path> files = new TreeMap<>();
        if (!Files.isDirectory(queueDir))
        {
            return files;
        }
        try (Stream<Path> entries = Files.list(queueDir))
        {
            entries.forEach(path ->
            {
                final int cycle = cycleOf(path.getFileName().toString());
                if (cycle >= 0)
                {
                    files.put(cycle, path);
                }
            });
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list " + queueDir, ex);
        }
        return files;
    }

    /**
     * @return the cycle a file name stands for, or -1 when it is not a cycle file of this roll cycle.
     */
    static int cycleOf(final String fileName)
    {
        if (!fileName.endsWith(SUFFIX))
        {
            return -1;
        }
        try
        {
            return (int)LocalDate.parse(fileName.substring(0, fileName.length() - SUFFIX.length()), NAME).toEpochDay();
        }
        catch (final DateTimeParseException ex)
        {
            return -1;
        }
    }

    /**
     * @return the file name of a cycle.
     */
    public static String fileName(final int cycle)
    {
        return NAME.format(LocalDate.ofEpochDay(cycle)) + SUFFIX;
    }
}
