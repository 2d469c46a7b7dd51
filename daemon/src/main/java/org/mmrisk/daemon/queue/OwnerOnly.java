package org.mmrisk.daemon.queue;

import net.openhft.chronicle.queue.impl.StoreFileListener;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Directories and files only their owner may read or write (0700, 0600), whatever the process's umask: the daemon
 * and its gateways are kept apart from other users by file permissions alone (docs/configuration.md, "File
 * permissions"). On a file system without POSIX permissions the platform's defaults apply. Stateless.
 */
public final class OwnerOnly
{
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    /**
     * Restricts each cycle file Chronicle opens to its owner: Chronicle creates files with the process's umask, and a
     * new one every day. Called when a store is acquired (a roll, not every message); a file of another owner (a
     * gateway's queue the daemon only reads) is left as it is.
     */
    public static final StoreFileListener CYCLE_FILES = new StoreFileListener()
    {
        @Override
        public void onAcquired(final int cycle, final File file)
        {
            restrictIfOwned(file.toPath());
        }

        @Override
        public void onReleased(final int cycle, final File file)
        {
        }
    };

    private OwnerOnly()
    {
    }

    /**
     * Creates a directory and every missing directory above it, each owner-only.
     */
    public static void createDirectories(final Path dir)
    {
        final Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute))
        {
            return;
        }
        final Path parent = absolute.getParent();
        if (parent != null)
        {
            createDirectories(parent);
        }
        try
        {
            Files.createDirectory(absolute, attribute(DIRECTORY));
            restrict(absolute, DIRECTORY);
        }
        catch (final FileAlreadyExistsException ex)
        {
            if (!Files.isDirectory(absolute))
            {
                throw new UncheckedIOException("cannot create " + dir + ": a file of that name exists", ex);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create " + dir, ex);
        }
    }

    /**
     * Creates a new empty owner-only file, replacing any file of that name, so that its content is never readable by
     * others, not even while it is written.
     */
    public static Path newFile(final Path file) throws IOException
    {
        Files.deleteIfExists(file);
        Files.createFile(file, attribute(FILE));
        restrict(file, FILE);
        return file;
    }

    /**
     * Restricts an existing file to its owner; a file of another owner is left as it is.
     */
    public static void restrictIfOwned(final Path file)
    {
        try
        {
            restrict(file, FILE);
        }
        catch (final FileSystemException ex)
        {
            // not ours (or gone): the writer that owns it answers for it
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot restrict " + file + " to its owner", ex);
        }
    }

    private static void restrict(final Path path, final Set<PosixFilePermission> permissions) throws IOException
    {
        try
        {
            Files.setPosixFilePermissions(path, permissions);
        }
        catch (final UnsupportedOperationException ignore)
        {
            // not a POSIX file system: the platform's defaults apply
        }
    }

    private static FileAttribute<?>[] attribute(final Set<PosixFilePermission> permissions)
    {
        final boolean posix = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(permissions) } :
            new FileAttribute<?>[0];
    }
}
