package org.mmrisk.bench.pricing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * Scratch directories for benchmarks that write real Chronicle queues: on tmpfs ({@code /dev/shm}) when it exists, so
 * that disk speed stays out of the figures, and removed with everything in them at tear-down.
 */
public final class BenchDirectory
{
    private BenchDirectory()
    {
    }

    public static Path create(final String prefix) throws IOException
    {
        final Path shm = Path.of("/dev/shm");
        return Files.createTempDirectory(Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir")),
            prefix);
    }

    public static void delete(final Path dir) throws IOException
    {
        try (var files = Files.walk(dir))
        {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
