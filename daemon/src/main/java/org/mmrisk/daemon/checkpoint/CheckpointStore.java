package org.mmrisk.daemon.checkpoint;

import org.mmrisk.daemon.queue.Queues;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * The checkpoint directory: lists checkpoints by the journal position they reflect, picks the newest one that checks
 * out at start-up (logging why each newer one was passed over), and deletes all but the newest {@code kept} after
 * each new one. Start-up uses it from the main thread, the checkpoint thread afterwards; never both at once.
 */
public final class CheckpointStore
{
    private final Path dir;
    private final int kept;

    public CheckpointStore(final Path dir, final int kept)
    {
        if (kept < 1)
        {
            throw new IllegalArgumentException("at least one checkpoint must be kept: " + kept);
        }
        this.dir = dir;
        this.kept = kept;
        Queues.createOwnerOnly(dir);
    }

    public Path dir()
    {
        return dir;
    }

    /**
     * @return the checkpoint files, newest (highest journal position) first.
     */
    public List<Path> files()
    {
        final List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir))
        {
            entries.filter(CheckpointStore::isCheckpointName).forEach(files::add);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list " + dir, ex);
        }
        files.sort(Collections.reverseOrder());
        return files;
    }

    private static boolean isCheckpointName(final Path path)
    {
        final String name = path.getFileName().toString();
        return name.startsWith(CheckpointFile.PREFIX) && name.endsWith(CheckpointFile.SUFFIX);
    }

    /**
     * @return what the kept checkpoints need of the journal and inputs, together (the earliest of their positions); null
     * when there is none or when any kept checkpoint's header cannot be read (a restart might fall back to it, so
     * nothing may be deleted on a guess).
     */
    public CheckpointPosition earliestKept()
    {
        CheckpointPosition earliest = null;
        for (final Path file : files())
        {
            final CheckpointPosition position = CheckpointFile.readPosition(file);
            if (position == null)
            {
                return null;
            }
            earliest = earliest == null ? position : earliest.earliest(position);
        }
        return earliest;
    }

    /**
     * Deletes all but the newest {@code kept} checkpoints, and temporary files a killed writer left behind.
     *
     * @return the files deleted.
     */
    public int prune()
    {
        int deleted = 0;
        final List<Path> files = files();
        for (int i = kept; i < files.size(); i++)
        {
            deleted += delete(files.get(i));
        }
        try (Stream<Path> entries = Files.list(dir))
        {
            for (final Path leftover : (Iterable<Path>)entries.filter(p -> p.toString().endsWith(".tmp"))::iterator)
            {
                deleted += delete(leftover);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list " + dir, ex);
        }
        return deleted;
    }

    private static int delete(final Path file)
    {
        try
        {
            return Files.deleteIfExists(file) ? 1 : 0;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete " + file, ex);
        }
    }
}
