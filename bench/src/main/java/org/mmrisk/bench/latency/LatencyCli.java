package org.mmrisk.bench.latency;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the end-to-end latency harness: {@code java -cp benchmarks.jar org.mmrisk.bench.latency.LatencyCli
 * <feed|relay|reader|report>}. {@code scripts/bench} starts each role as its own process.
 */
@Command(name = "latency", mixinStandardHelpOptions = true,
    description = "End-to-end latency harness: open-loop feed, relay (the floor), reader, report.",
    subcommands = { LatencyFeedCommand.class, RelayCommand.class, LatencyReaderCommand.class, ReportCommand.class,
        EngineCostCommand.class,
        CommandLine.HelpCommand.class })
public final class LatencyCli implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "a role is required");
    }

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new LatencyCli()).execute(args));
    }
}
