package org.mmrisk.daemon.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.replay.ReplayRunner;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code risk replay}: the engine, offline and deterministic, over replay-format events or a daemon's journal.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay events (JSON lines) or a daemon's journal through the engine and write its final state.")
public final class ReplayCommand implements Callable<Integer>
{
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

    @Override
    public Integer call() throws IOException
    {
        final EngineConfig engineConfig = config == null ?
            new EngineConfig().conclude() : ConfigLoader.load(config).engineConfig();
        final ReplayRunner runner = new ReplayRunner(engineConfig, outputsOut != null);
        if (input.events != null)
        {
            try (BufferedReader in = Files.newBufferedReader(input.events, StandardCharsets.UTF_8))
            {
                runner.runLines(in);
            }
        }
        else
        {
            try (ChronicleQueue journal = Queues.openExisting(input.journal))
            {
                runner.runJournal(journal);
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
        return 0;
    }
}
