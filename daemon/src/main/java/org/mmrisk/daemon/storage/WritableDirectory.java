package org.mmrisk.daemon.storage;

import org.mmrisk.daemon.queue.Queues;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Start-up's check that a directory the daemon writes into exists (created owner-only if not) and takes a new file,
 * so that a read-only mount, a full disk or wrong ownership stops start-up with the directory's name instead of
 * failing a thread later. Permission bits alone do not tell (root writes anywhere); writing a file does. Stateless.
 */
public final class WritableDirectory
{
    private static final String PROBE_PREFIX = ".write-check-";

    private WritableDirectory()
    {
    }

    /**
     * @param role what the directory is for, in the error ("journal", "output", ...).
     * @throws IllegalStateException naming the role and the directory, when it cannot be created or written.
     */
    public static Path require(final String role, final Path dir)
    {
        try
        {
            Queues.createOwnerOnly(dir);
        }
        catch (final UncheckedIOException ex)
        {
            throw new IllegalStateException(role + " directory " + dir + " cannot be created: " +
                ex.getCause().getMessage(), ex);
        }
        try
        {
            final Path probe = Files.createTempFile(dir, PROBE_PREFIX, ".tmp");
            Files.write(probe, new byte[] { 1 });
            Files.delete(probe);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(role + " directory " + dir + " is not writable: " + ex, ex);
        }
        return dir;
    }
}
