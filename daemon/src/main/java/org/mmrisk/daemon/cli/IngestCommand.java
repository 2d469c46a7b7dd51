package org.mmrisk.daemon.cli;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.ingress.SourceTypes;
import org.mmrisk.daemon.json.EventJsonReader;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code risk ingest}: a gateway from the replay format. Reads JSON lines from standard input, checks each as replay
 * does (syntax and field types; the engine checks the values), and appends the good ones as SBE input messages to one
 * input queue of a daemon, in order, stamped with the line's time as their send time. Ends with a summary of lines
 * written and rejected by reason; exit 1 when any was rejected.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Append replay-format JSON lines from standard input to a daemon's input queue as SBE.")
public final class IngestCommand implements Callable<Integer>
{
    /** A timer is injected by the daemon's ingress, never written by a gateway. */
    static final String TIMER_REASON = "TIMER_NOT_AN_INPUT";
    /** A type the input may not carry (a command, which goes to the control queue, or one outside ingress.inputTypes). */
    static final String WRONG_SOURCE_REASON = "WRONG_SOURCE";

    @Option(names = "--config", required = true, description = "daemon config file (YAML): where the queues are")
    Path config;

    @Option(names = "--input", required = true, description = "name of the input queue (one of the config's inputs)")
    String input;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException
    {
        final LoadedConfig loaded = ConfigLoader.load(config);
        if (!loaded.config().inputs.contains(input))
        {
            throw new ParameterException(spec.commandLine(), "--input: " + input + " is not one of the config's " +
                "inputs " + loaded.config().inputs);
        }
        final Map<String, Long> rejected = new TreeMap<>();
        final long written;
        try (ChronicleQueue queue = Queues.open(loaded.inputDir(input), loaded.queueBlockSizeBytes());
            SbeAppender appender = new SbeAppender(queue);
            BufferedReader lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)))
        {
            written = append(lines, appender, rejected, SourceTypes.of(loaded.config().inputs,
                loaded.config().ingress.inputTypes)[loaded.config().inputs.indexOf(input)]);
        }
        summarise(written, rejected);
        return rejected.isEmpty() ? 0 : 1;
    }

    private long append(final BufferedReader lines, final SbeAppender appender, final Map<String, Long> rejected,
        final int acceptedTypes) throws IOException
    {
        final PrintWriter err = spec.commandLine().getErr();
        final EventJsonReader reader = new EventJsonReader();
        final EventJsonReader.Result result = new EventJsonReader.Result();
        final RiskEvent event = new RiskEvent();
        final InputEncoder encoder = new InputEncoder();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64 * 1024]);
        long written = 0;
        long number = 0;
        String line;
        while ((line = lines.readLine()) != null)
        {
            number++;
            if (line.isBlank())
            {
                continue;
            }
            final String reason = reader.parse(line, event, result).reason != null ? result.reason.name() :
                event.type == EventType.TIMER ? TIMER_REASON :
                !SourceTypes.accepts(acceptedTypes, event.type) ? WRONG_SOURCE_REASON : null;
            if (reason != null)
            {
                rejected.merge(reason, 1L, Long::sum);
                err.println("risk ingest: line " + number + ": " + reason +
                    (result.detail == null ? "" : ": " + result.detail));
                continue;
            }
            event.sendTimeNs = event.timeNs;
            appender.append(buffer, 0, encoder.encode(event, buffer, 0));
            written++;
        }
        return written;
    }

    private void summarise(final long written, final Map<String, Long> rejected)
    {
        final long total = rejected.values().stream().mapToLong(Long::longValue).sum();
        final StringBuilder reasons = new StringBuilder();
        rejected.forEach((reason, count) -> reasons.append(reasons.length() == 0 ? " (" : ", ")
            .append(reason).append(' ').append(count));
        spec.commandLine().getOut().printf("risk ingest: %d lines written to input %s, %d rejected%s%n", written,
            input, total, reasons.length() == 0 ? "" : reasons + ")");
        spec.commandLine().getOut().flush();
    }
}
