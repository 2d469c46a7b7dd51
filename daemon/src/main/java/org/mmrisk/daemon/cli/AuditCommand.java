package org.mmrisk.daemon.cli;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.output.Alert;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.egress.OutputAdapter;
import org.mmrisk.daemon.journal.JournalReader;
import org.mmrisk.daemon.json.JsonTime;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeTailer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code risk audit}: the operator commands a journal holds, in journal order — engine time, journal sequence,
 * source queue, command and arguments, correlation id — and the outcome where the output queue holds the answer
 * (matched by correlation id).
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "List the operator commands of a journal (time, source, command, arguments, correlation id) and " +
        "their outcome when the output queue holds it.")
public final class AuditCommand implements Callable<Integer>, AlertOutput
{
    static final class Location
    {
        @Option(names = "--config", description = "daemon config file: its journal, output queue and input names")
        Path config;

        @Option(names = "--journal", description = "a journal directory")
        Path journal;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Location location;

    @Option(names = "--output", description = "with --journal: the output queue holding the answers (outcomes)")
    Path output;

    @Spec
    CommandSpec spec;

    private final Map<Long, String> outcomes = new HashMap<>();

    /** One command of the journal: its columns up to the correlation id, and the id. */
    private static final class Entry
    {
        final String text;
        final long correlationId;

        Entry(final String text, final long correlationId)
        {
            this.text = text;
            this.correlationId = correlationId;
        }
    }

    @Override
    public Integer call()
    {
        final LoadedConfig loaded = location.config != null ? ConfigLoader.load(location.config) : null;
        final Path journalDir = loaded != null ? loaded.journalDir() : location.journal;
        final Path outputDir = loaded != null ? loaded.outputDir() : output;
        final List<String> inputs = loaded != null ? loaded.config().inputs : null;
        final List<Entry> entries = new ArrayList<>();
        try (ChronicleQueue journal = Queues.openExisting(journalDir); JournalReader reader = new JournalReader(journal))
        {
            while (reader.poll((event, sourceId, sourceIndex) -> collect(event, inputs, entries)) > 0)
            {
                // every entry
            }
        }
        final boolean outcomesKnown = outputDir != null && Files.isDirectory(outputDir);
        if (outcomesKnown)
        {
            readOutcomes(outputDir);
        }
        final PrintWriter out = spec.commandLine().getOut();
        out.println(String.format("%-30s %9s %-8s %-44s %20s  %s", "TIME", "JOURNAL", "SOURCE", "COMMAND",
            "CORRELATION ID", "OUTCOME"));
        for (final Entry entry : entries)
        {
            final long id = entry.correlationId;
            out.println(String.format("%s %20s  %s", entry.text, id == 0 ? "-" : Long.toString(id),
                id == 0 || !outcomesKnown ? "unknown" : outcomes.getOrDefault(id, "no answer in the output queue")));
        }
        out.flush();
        return 0;
    }

    private static void collect(final RiskEvent event, final List<String> inputs, final List<Entry> entries)
    {
        if (event.type != EventType.CONTROL)
        {
            return;
        }
        final String limit = new String(event.limitName, 0, event.limitNameLength, StandardCharsets.US_ASCII);
        entries.add(new Entry(String.format("%-30s %9d %-8s %-44s", JsonTime.format(event.timeNs),
            event.journalSequence, ControlText.source(event.sourceId, inputs),
            ControlText.describe(event.command, limit, event.value, event.underlying)), event.correlationId));
    }

    private void readOutcomes(final Path outputDir)
    {
        try (ChronicleQueue queue = Queues.openExisting(outputDir); SbeTailer tailer = new SbeTailer(queue))
        {
            final OutputAdapter adapter = new OutputAdapter(this, (seq, wall, engine, lastOut, lastJournal) -> { });
            while (tailer.poll(adapter) > 0)
            {
                // every output
            }
        }
    }

    @Override
    public void onAlert(final Alert alert)
    {
        if (alert.command != null && alert.correlationId != 0)
        {
            outcomes.putIfAbsent(alert.correlationId, ControlText.outcome(alert) + " (output " + alert.sequence + ")");
        }
    }
}
