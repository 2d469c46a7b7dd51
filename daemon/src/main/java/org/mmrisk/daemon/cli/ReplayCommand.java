package org.mmrisk.daemon.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.daemon.checkpoint.Checkpoint;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.incident.IncidentCheckpoint;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.replay.ReplayRunner;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code risk replay}: the engine, offline and deterministic, over replay-format events or a daemon's journal.
 * <p>
 * Ends with one summary line on stderr (lines read, applied, rejected by reason), so rejects are never silent; with
 * {@code --strict} any reject makes the exit code {@link #EXIT_REJECTS}. A replay that runs longer than
 * {@code --progress-seconds} prints a progress line on stderr at that interval; a short one prints none. The state
 * is written either way.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay events (JSON lines) or a daemon's journal through the engine and write its final state.")
public final class ReplayCommand implements Callable<Integer>
{
    /** The exit code of a {@code --strict} replay that rejected something (2 is a usage or I/O error). */
    public static final int EXIT_REJECTS = 1;

    static final class Input
    {
        @Option(names = "--events", required = true, description = "replay-format JSON lines")
        Path events;

        @Option(names = "--journal", required = true, description = "a daemon's sequenced input journal directory")
        Path journal;
    }

    @ArgGroup(multiplicity = "1")
    Input input;

    @Option(names = "--state-out", required = true, description = "where to write the final state (JSON)")
    Path stateOut;

    @Option(names = "--outputs-out", description = "also write every output (quotes, snapshots, alerts) as JSON lines")
    Path outputsOut;

    @Option(names = "--config", description = "daemon config file: its engine settings are used (default: built-in)")
    Path config;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "start from this engine checkpoint (a " +
        "risk dump's, or one the daemon kept) instead of an empty engine; refused when taken under another engine " +
        "configuration than --config's")
    Path checkpoint;

    @Option(names = "--strict", description = "exit with code " + EXIT_REJECTS + " when any line is rejected")
    boolean strict;

    @Option(names = "--progress-seconds", paramLabel = "S", defaultValue = "10",
        converter = NumberConverters.Finite.class,
        description = "print a progress line on stderr every S seconds of a long replay (default 10; 0: at every " +
            "check, each 4,096 lines or 1,000,000 journal entries)")
    double progressSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException
    {
        final LoadedConfig loaded = config == null ? null : ConfigLoader.load(config);
        final EngineConfig engineConfig = loaded == null ? new EngineConfig().conclude() : loaded.engineConfig();
        final ReplayRunner runner = new ReplayRunner(engineConfig, outputsOut != null);
        if (checkpoint != null)
        {
            restore(runner, loaded);
        }
        final PrintWriter err = spec.commandLine().getErr();
        if (input.events != null)
        {
            checkIsFile(input.events);
            final long size = Files.size(input.events);
            try (BufferedReader in = Files.newBufferedReader(input.events, StandardCharsets.UTF_8))
            {
                runner.runLines(in, progress(err, "lines", size));
            }
        }
        else
        {
            try (ChronicleQueue journal = Queues.openExisting(input.journal))
            {
                runner.runJournal(journal, progress(err, "journal entries", -1));
            }
        }
        final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        final ObjectNode state = runner.state();
        Files.writeString(stateOut, mapper.writeValueAsString(state) + "\n", StandardCharsets.UTF_8);
        if (outputsOut != null)
        {
            try (BufferedWriter out = Files.newBufferedWriter(outputsOut, StandardCharsets.UTF_8))
            {
                for (final ObjectNode node : runner.output().log())
                {
                    out.write(node.toString());
                    out.newLine();
                }
            }
        }
        err.println("risk replay: " + runner.summary());
        err.flush();
        return strict && runner.rejected() > 0 ? EXIT_REJECTS : 0;
    }

    private void restore(final ReplayRunner runner, final LoadedConfig loaded)
    {
        final Checkpoint state = IncidentCheckpoint.read(checkpoint,
            loaded == null ? ConfigLoader.builtInFingerprint() : loaded.configFingerprint(),
            loaded == null ? "the built-in configuration" : loaded.file().toString());
        try
        {
            runner.restore(state);
        }
        catch (final RuntimeException ex)
        {
            throw new IllegalArgumentException("the checkpoint " + checkpoint + " does not restore: " +
                ex.getMessage(), ex);
        }
    }

    /**
     * Checked before reading so that the error says what is wrong, not only the path (the exception's message).
     */
    static void checkIsFile(final Path path)
    {
        if (!Files.exists(path))
        {
            throw new IllegalArgumentException("no such file: " + path);
        }
        if (Files.isDirectory(path))
        {
            throw new IllegalArgumentException("not a file: " + path + " is a directory");
        }
    }

    /**
     * @param size the input's size in bytes, or −1 when unknown (a journal).
     * @return a progress display that prints at most once per {@code --progress-seconds}.
     */
    private ReplayRunner.Progress progress(final PrintWriter err, final String unit, final long size)
    {
        final long startNs = System.nanoTime();
        final long intervalNs = (long)(Math.max(0.0, progressSeconds) * 1e9);
        final long[] nextNs = {startNs + intervalNs};
        return (count, chars) ->
        {
            final long nowNs = System.nanoTime();
            if (nowNs - nextNs[0] < 0)
            {
                return;
            }
            nextNs[0] = nowNs + intervalNs;
            final double seconds = Math.max((nowNs - startNs) / 1e9, 1e-9);
            // characters read stand in for bytes: replay lines are ASCII but for the odd symbol
            final String share = size > 0 ?
                String.format(Locale.ROOT, " (%.0f%% of %,d bytes)", 100.0 * Math.min(chars, size) / size, size) : "";
            err.printf(Locale.ROOT, "risk replay: %,d %s%s, %,.0f %s/s%n", count, unit, share, count / seconds, unit);
            err.flush();
        };
    }
}
