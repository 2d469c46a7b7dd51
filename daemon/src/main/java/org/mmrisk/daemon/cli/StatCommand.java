package org.mmrisk.daemon.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.agrona.concurrent.status.CountersReader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.counters.CountersFile;
import org.mmrisk.daemon.metrics.CountersSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code risk stat}: every counter of a daemon's counters file with its id, type id and label, read from another
 * process through a read-only mapping (no lock, no write: the daemon cannot tell it is being read). Once, or every
 * {@code --watch} seconds until interrupted; as text or as a JSON array per refresh.
 */
@Command(name = "stat", mixinStandardHelpOptions = true,
    description = "Print every counter of a daemon's counters file (id, type id, value, label), once or repeatedly.")
public final class StatCommand implements Callable<Integer>
{
    static final class Location
    {
        @Option(names = "--counters", description = "the counters file (counters.dat)")
        Path counters;

        @Option(names = "--config", description = "daemon config file (YAML): its data directory's counters.dat")
        Path config;
    }

    @ArgGroup(multiplicity = "1")
    Location location;

    @Option(names = "--watch", paramLabel = "SECONDS",
        description = "print again every SECONDS until interrupted (or --count refreshes)")
    double watchSeconds;

    @Option(names = "--count", defaultValue = "0",
        description = "with --watch, stop after this many refreshes (default: until interrupted)")
    int count;

    @Option(names = "--filter", paramLabel = "REGEX", description = "only counters whose label matches (find)")
    Pattern filter;

    @Option(names = "--json", description = "a JSON array of {id, typeId, label, value} per refresh, one per line")
    boolean json;

    @Spec
    CommandSpec spec;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Integer call() throws InterruptedException
    {
        if (watchSeconds < 0 || !Double.isFinite(watchSeconds) || count < 0)
        {
            throw new IllegalArgumentException("--watch and --count must be positive");
        }
        final Path file = DataFileLocation.locate(location.counters, location.config, LoadedConfig::countersFile);
        if (!file.toFile().isFile())
        {
            throw new IllegalArgumentException("no counters file at " + file + " (is the daemon running?)");
        }
        if (!CountersFile.isComplete(file.toFile()))
        {
            throw new IllegalArgumentException("not a complete counters file of this version: " + file);
        }
        final PrintWriter out = spec.commandLine().getOut();
        // a watch follows the daemon across a restart: a replaced file is mapped again (CountersSource)
        try (CountersSource counters = new CountersSource(file))
        {
            for (int refresh = 1; ; refresh++)
            {
                if (counters.refresh())
                {
                    print(counters.reader(), out, watchSeconds > 0);
                }
                else
                {
                    out.println("-- " + Instant.now() + ": no complete counters file at " + file + " (restarting?)");
                }
                out.flush();
                // a reader that went away (`risk stat --watch | head`) ends the watch; see TailCommand
                if (watchSeconds == 0 || refresh == count || out.checkError() || System.out.checkError())
                {
                    break;
                }
                Thread.sleep((long)(watchSeconds * 1000));
            }
        }
        return 0;
    }

    private void print(final CountersReader reader, final PrintWriter out, final boolean stamped)
    {
        final ArrayNode array = mapper.createArrayNode();
        if (stamped && !json)
        {
            out.println("-- " + Instant.now());
        }
        reader.forEach((id, typeId, key, label) ->
        {
            if (filter == null || filter.matcher(label).find())
            {
                final long value = reader.getCounterValue(id);
                if (json)
                {
                    array.addObject().put("id", id).put("typeId", typeId).put("label", label).put("value", value);
                }
                else
                {
                    out.printf("%4d %4d %,20d  %s%n", id, typeId, value, label);
                }
            }
        });
        if (json)
        {
            out.println(array);
        }
    }
}
