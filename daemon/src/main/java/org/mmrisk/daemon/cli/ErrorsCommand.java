package org.mmrisk.daemon.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.errors.ErrorLogFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code risk errors}: the distinct errors of a daemon's error log ({@link ErrorLogFile}), each with how often it was
 * observed, its first and last observation (ISO-8601) and its stack trace; read from another process, while the
 * daemon runs or after it has died.
 */
@Command(name = "errors", mixinStandardHelpOptions = true,
    description = "Print a daemon's distinct error log: count, first and last time, stack trace of each error.")
public final class ErrorsCommand implements Callable<Integer>
{
    static final class Location
    {
        @Option(names = "--file", description = "the error log (errors.dat, or errors-previous.dat: the run before)")
        Path file;

        @Option(names = "--config", description = "daemon config file (YAML): its data directory's errors.dat")
        Path config;
    }

    @ArgGroup(multiplicity = "1")
    Location location;

    @Option(names = "--json", description = "one JSON array of {count, firstTime, lastTime, stackTrace}")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        final Path file = DataFileLocation.locate(location.file, location.config, LoadedConfig::errorLogFile);
        final PrintWriter out = spec.commandLine().getOut();
        final ArrayNode array = new ObjectMapper().createArrayNode();
        final int distinct;
        try (ErrorLogFile log = ErrorLogFile.openReader(file.toFile()))
        {
            distinct = log.read((count, firstMs, lastMs, stackTrace) ->
            {
                if (json)
                {
                    array.addObject().put("count", count).put("firstTime", iso(firstMs)).put("lastTime", iso(lastMs))
                        .put("stackTrace", stackTrace);
                }
                else
                {
                    out.printf("%d observation%s from %s to %s:%n%s%n", count, count == 1 ? "" : "s", iso(firstMs),
                        iso(lastMs), stackTrace.stripTrailing());
                }
            });
        }
        if (json)
        {
            out.println(array);
        }
        else
        {
            out.printf("%d distinct error%s in %s%n", distinct, distinct == 1 ? "" : "s", file);
        }
        out.flush();
        return 0;
    }

    private static String iso(final long epochMs)
    {
        return Instant.ofEpochMilli(epochMs).toString();
    }
}
