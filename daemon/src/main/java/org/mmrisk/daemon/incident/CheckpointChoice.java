package org.mmrisk.daemon.incident;

import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.daemon.checkpoint.Checkpoint;
import org.mmrisk.daemon.checkpoint.CheckpointFile;
import org.mmrisk.daemon.checkpoint.InvalidCheckpointException;
import org.mmrisk.daemon.config.ConfigFingerprint;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which state an incident range starts from: the newest kept checkpoint taken before the range under the same engine
 * configuration, whose later events the journal still holds; null when there is none (the journal's start). Reads the
 * checkpoint directory without changing it. Stateless.
 */
final class CheckpointChoice
{
    private CheckpointChoice()
    {
    }

    /**
     * @param log told of each checkpoint before the range passed over, and why.
     */
    static Checkpoint newestBefore(final Path checkpointDir, final JournalRange range, final long fingerprint,
        final PrintWriter log)
    {
        for (final Path file : newestFirst(checkpointDir))
        {
            try
            {
                final Checkpoint checkpoint = CheckpointFile.read(file, RiskEngine.stateVersion());
                if (checkpoint.journalSequence() >= range.firstSequence())
                {
                    continue;
                }
                if (!ConfigFingerprint.sameEngine(checkpoint.configFingerprint(), fingerprint))
                {
                    throw new InvalidCheckpointException("taken under another engine configuration");
                }
                if (range.journalFirstSequence() > checkpoint.journalSequence() + 1)
                {
                    throw new InvalidCheckpointException("the journal no longer holds the events after it");
                }
                return checkpoint;
            }
            catch (final InvalidCheckpointException ex)
            {
                log.println("risk dump: checkpoint " + file.getFileName() + " not used: " + ex.getMessage());
            }
        }
        return null;
    }

    private static List<Path> newestFirst(final Path dir)
    {
        final List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir))
        {
            return files;
        }
        try (Stream<Path> entries = Files.list(dir))
        {
            entries.filter(p ->
            {
                final String name = p.getFileName().toString();
                return name.startsWith(CheckpointFile.PREFIX) && name.endsWith(CheckpointFile.SUFFIX);
            }).forEach(files::add);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list " + dir, ex);
        }
        // names carry the zero-padded journal sequence, so they sort by position
        files.sort(Collections.reverseOrder());
        return files;
    }
}
