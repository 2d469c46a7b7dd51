package org.mmrisk.daemon.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.incident.IncidentDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code risk dump}: cuts an incident out of a daemon's data into a directory that {@code risk replay --checkpoint}
 * replays to the range's live outputs ({@link IncidentDump}). Prints one summary line; any problem is one line on
 * stderr and exit code 2, with nothing written.
 */
@Command(name = "dump", mixinStandardHelpOptions = true,
    description = "Cut a time range out of a daemon's journal: its events as replay lines, the engine checkpoint " +
        "it starts from and the configuration, for risk replay --checkpoint.")
public final class DumpCommand implements Callable<Integer>
{
    @Option(names = "--journal", required = true, description = "the daemon's journal directory (DATA/journal)")
    Path journal;

    @Option(names = "--from", required = true, paramLabel = "TIME",
        description = "engine time the range starts at, inclusive: an ISO-8601 instant or a span before now " +
            "(-30s, -5m, -2h, -1d, -250ms)")
    String from;

    @Option(names = "--to", required = true, paramLabel = "TIME",
        description = "engine time the range ends at, exclusive (the same forms)")
    String to;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "a new or empty directory")
    Path out;

    @Option(names = "--config", description = "the daemon's config file: its engine settings, fingerprint and " +
        "checkpoint directory (default: the built-in settings, checkpoints in the journal's sibling snapshots/)")
    Path config;

    @Option(names = "--checkpoint", paramLabel = "FILE",
        description = "start from this checkpoint instead of the newest kept one before the range")
    Path checkpoint;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException
    {
        // a span before now counts back from this machine's clock, which a live daemon's engine time follows
        final Instant now = Instant.now();
        final long nowNs = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        final long fromNs = TimeArgument.parseNs("--from", from, nowNs);
        final long toNs = TimeArgument.parseNs("--to", to, nowNs);
        final LoadedConfig loaded = config == null ? null : ConfigLoader.load(config);
        final Path checkpointDir = loaded != null ? loaded.checkpointDir() :
            journal.toAbsolutePath().getParent().resolve("snapshots");
        final PrintWriter err = spec.commandLine().getErr();
        final ObjectNode manifest = new IncidentDump(loaded, err).dump(journal, fromNs, toNs, out, checkpoint,
            checkpointDir);
        err.flush();
        final ObjectNode base = (ObjectNode)manifest.get("checkpoint");
        final PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf("risk dump: %d events (journal sequences %d to %d) into %s; checkpoint from %s rolled forward " +
            "%d events%n", manifest.get("eventCount").asLong(), manifest.get("firstJournalSequence").asLong(),
            manifest.get("lastJournalSequence").asLong(), out, base.get("base").asText(),
            base.get("rolledForwardEvents").asLong());
        stdout.flush();
        return 0;
    }
}
