package org.mmrisk.daemon.config;

import org.mmrisk.core.config.EngineConfig;

import java.nio.file.Path;

/**
 * A validated configuration and the paths it implies. Immutable; shared by every thread.
 * <p>
 * Layout under {@code dataDir}: {@code input/NAME} (one queue per input), {@code control}, {@code journal},
 * {@code output}, the counters file {@code counters.dat} and the error log {@code errors.dat}.
 */
public final class LoadedConfig
{
    private final Path file;
    private final DaemonConfig config;
    private final EngineConfig engineConfig;
    private final Path dataDir;

    LoadedConfig(final Path file, final DaemonConfig config, final EngineConfig engineConfig)
    {
        this.file = file;
        this.config = config;
        this.engineConfig = engineConfig;
        final Path base = file.toAbsolutePath().getParent();
        this.dataDir = base.resolve(config.dataDir).normalize();
    }

    public Path file()
    {
        return file;
    }

    public DaemonConfig config()
    {
        return config;
    }

    public EngineConfig engineConfig()
    {
        return engineConfig;
    }

    public Path dataDir()
    {
        return dataDir;
    }

    public Path inputDir(final String name)
    {
        return dataDir.resolve("input").resolve(name);
    }

    public Path controlDir()
    {
        return dataDir.resolve("control");
    }

    public Path journalDir()
    {
        return dataDir.resolve("journal");
    }

    public Path outputDir()
    {
        return dataDir.resolve("output");
    }

    /**
     * @return where the stage stamps' histograms go, resolved against the config file's directory; null when off.
     */
    public Path stampsDir()
    {
        return config.stamps.enabled() ?
            file.toAbsolutePath().getParent().resolve(config.stamps.dir).normalize() : null;
    }

    public Path checkpointDir()
    {
        // the older word stays on disk, so that existing data directories keep working
        return dataDir.resolve("snapshots");
    }

    /**
     * @return the fingerprint of the input list and the engine section that snapshots record ({@link ConfigFingerprint}).
     */
    public long configFingerprint()
    {
        return ConfigFingerprint.of(config);
    }

    public Path countersFile()
    {
        return dataDir.resolve("counters.dat");
    }

    /**
     * @return the daemon's distinct error log, beside its counters file ({@code ErrorLogFile}).
     */
    public Path errorLogFile()
    {
        return dataDir.resolve("errors.dat");
    }

    public long queueBlockSizeBytes()
    {
        return (long)config.queueBlockSizeMb << 20;
    }
}
