package org.mmrisk.daemon.incident;

import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.daemon.checkpoint.Checkpoint;
import org.mmrisk.daemon.checkpoint.CheckpointFile;
import org.mmrisk.daemon.checkpoint.InvalidCheckpointException;
import org.mmrisk.daemon.config.ConfigFingerprint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A checkpoint an operator names ({@code risk dump --checkpoint}, {@code risk replay --checkpoint}), read and checked
 * against the engine configuration the tool runs under. An engine state only means what it meant live under the
 * engine configuration it was taken with, so one taken under another is refused, never continued silently (the
 * daemon's own start-up accepts that only when the operator says so). Stateless.
 */
public final class IncidentCheckpoint
{
    private IncidentCheckpoint()
    {
    }

    /**
     * @param fingerprint the configuration fingerprint the tool runs under ({@link ConfigFingerprint}).
     * @param configName  how the one-line refusal names that configuration (its file, or "the built-in one").
     * @throws IllegalArgumentException one line saying why the file cannot be used.
     */
    public static Checkpoint read(final Path file, final long fingerprint, final String configName)
    {
        if (!Files.isRegularFile(file))
        {
            throw new IllegalArgumentException("no such checkpoint file: " + file);
        }
        final Checkpoint checkpoint;
        try
        {
            checkpoint = CheckpointFile.read(file, RiskEngine.stateVersion());
        }
        catch (final InvalidCheckpointException ex)
        {
            throw new IllegalArgumentException("not a usable checkpoint: " + file + ": " + ex.getMessage(), ex);
        }
        if (!ConfigFingerprint.sameEngine(checkpoint.configFingerprint(), fingerprint))
        {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the checkpoint %s was taken under " +
                "another engine configuration (engine fingerprint %08x; %s has %08x): give the configuration it ran " +
                "under with --config", file, (int)checkpoint.configFingerprint(), configName, (int)fingerprint));
        }
        return checkpoint;
    }

    /**
     * @return the fingerprint as a dump's manifest and the messages print it: 16 hexadecimal digits, the input
     * list's half first.
     */
    public static String hex(final long fingerprint)
    {
        return String.format(Locale.ROOT, "%016x", fingerprint);
    }
}
