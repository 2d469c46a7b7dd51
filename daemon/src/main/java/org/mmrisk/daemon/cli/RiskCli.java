package org.mmrisk.daemon.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one entry point of every tool: {@code risk <verb>}. Each verb is a subcommand with its own {@code --help}.
 */
@Command(
    name = "risk",
    mixinStandardHelpOptions = true,
    version = "mmrisk 0.1.0",
    description = "Market-maker risk daemon and its tools.",
    subcommands = {
        DaemonCommand.class,
        FeedCommand.class,
        TailCommand.class,
        ReplayCommand.class,
        DumpCommand.class,
        ScenarioCommand.class,
        MonitorCommand.class,
        StatCommand.class,
        ErrorsCommand.class,
        MetricsCommand.class,
        DashboardCommand.class,
        ControlCommand.class,
        AuditCommand.class,
        PriceCommand.class,
        IvCommand.class,
        IngestCommand.class,
        CommandLine.HelpCommand.class
    })
public final class RiskCli implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "a verb is required");
    }

    public static void main(final String[] args)
    {
        System.exit(commandLine().execute(args));
    }

    /**
     * A configured command line: errors print one line naming the problem, not a stack trace.
     */
    public static CommandLine commandLine()
    {
        final CommandLine cli = new CommandLine(new RiskCli());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
        {
            commandLine.getErr().println("risk " + commandLine.getCommandName() + ": " + ex.getMessage());
            return 2;
        });
        return cli;
    }
}
