package org.mmrisk.daemon.cli;

import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where a read-side verb finds one of the daemon's files: named outright, or found the way the daemon places it
 * from its config file (the data directory's {@code counters.dat}, {@code errors.dat}).
 */
final class DataFileLocation
{
    private DataFileLocation()
    {
    }

    /**
     * @param file     the file named on the command line, or null.
     * @param config   the daemon's config file, or null.
     * @param inConfig where the file lies under a loaded config.
     * @return the file (whether it exists is the caller's to say).
     */
    static Path locate(final Path file, final Path config, final Function<LoadedConfig, Path> inConfig)
    {
        if (file != null)
        {
            return file;
        }
        return inConfig.apply(ConfigLoader.load(config));
    }
}
