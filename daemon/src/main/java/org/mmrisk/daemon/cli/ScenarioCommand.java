package org.mmrisk.daemon.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.engine.ScenarioReport;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.json.ScenarioJson;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.replay.ReplayRunner;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code risk scenario}: replays events or a daemon's journal as {@code risk replay} does, then prints each
 * underlying's stress grid, margin, utilization, equity and liquidation distance, from a fresh full computation
 * ({@link ScenarioReport}) of the final state; {@code --json} prints the replay state's three arrays instead. The
 * replay's summary line goes to stderr, as {@code risk replay}'s does.
 */
@Command(name = "scenario", mixinStandardHelpOptions = true,
    description = "Replay events (JSON lines) or a daemon's journal, then print each underlying's scenario grid, " +
        "margin, equity and liquidation distance.")
public final class ScenarioCommand implements Callable<Integer>
{
    /** The same input choice as {@code risk replay}'s. */
    @ArgGroup(multiplicity = "1")
    ReplayCommand.Input input;

    @Option(names = "--config", description = "daemon config file: its engine settings are used (default: built-in)")
    Path config;

    @Option(names = "--json", description = "print the replay state's scenarios, margin and liquidationDistance " +
        "arrays as one JSON object on one line")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException
    {
        final EngineConfig engineConfig = config == null ?
            new EngineConfig().conclude() : ConfigLoader.load(config).engineConfig();
        final ReplayRunner runner = new ReplayRunner(engineConfig, false);
        if (input.events != null)
        {
            ReplayCommand.checkIsFile(input.events);
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
        final List<ScenarioReport.Underlying> reports = ScenarioReport.compute(runner.engine());
        final PrintWriter out = spec.commandLine().getOut();
        if (json)
        {
            final ObjectMapper mapper = new ObjectMapper();
            final ObjectNode node = mapper.createObjectNode();
            ScenarioJson.write(reports, node);
            out.println(mapper.writeValueAsString(node));
        }
        else
        {
            out.print(ScenarioTable.render(reports));
            out.print(ScenarioTable.liquidityAndEdge(runner.engine().underlyings()));
        }
        out.flush();
        final PrintWriter err = spec.commandLine().getErr();
        err.println("risk scenario: " + runner.summary());
        err.flush();
        return 0;
    }
}
