package org.mmrisk.daemon.cli;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.limits.PortfolioLimitKind;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code risk control}: writes one operator command to the daemon's control queue. The daemon validates it,
 * applies it in journal order and echoes it as an alert.
 */
@Command(name = "control", mixinStandardHelpOptions = true,
    description = "Send an operator command (halt, resume, set-limit, set-equity) to the daemon's control queue.")
public final class ControlCommand implements Callable<Integer>
{
    @Parameters(index = "0", description = "halt | resume | set-limit | set-equity")
    String command;

    @Option(names = "--config", required = true, description = "daemon config file (YAML)")
    Path config;

    @Option(names = "--underlying", description = "the coin index, e.g. BTC (default: every underlying)")
    String underlying;

    @Option(names = "--limit", description = "set-limit: delta | dollarGamma | vega | expiryVega | notional | " +
        "position | loss; without --underlying also totalDeltaUsd | totalVega | totalNotional | totalLoss")
    String limit;

    @Option(names = "--value", description = "set-limit / set-equity: the new value")
    Double value;

    @Override
    public Integer call()
    {
        final RiskEvent event = new RiskEvent().reset();
        event.type = EventType.CONTROL;
        event.command = parseCommand(command);
        event.sendTimeNs = System.currentTimeMillis() * 1_000_000L;
        if (underlying != null)
        {
            event.underlying = AsciiCode.pack(underlying);
        }
        checkArguments(event.command);
        if (limit != null && !event.limitName(limit))
        {
            throw new IllegalArgumentException("--limit: at most 16 ASCII characters");
        }
        event.value = value == null ? Double.NaN : value;
        final LoadedConfig loaded = ConfigLoader.load(config);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
        final int length = new InputEncoder().encode(event, buffer, 0);
        try (ChronicleQueue queue = Queues.open(loaded.controlDir(), loaded.queueBlockSizeBytes());
            SbeAppender appender = new SbeAppender(queue))
        {
            appender.append(buffer, 0, length);
        }
        System.out.println("risk control: " + command + " written to " + loaded.controlDir());
        return 0;
    }

    /**
     * The engine validates every command again (and rejects with an alert); checking here tells the operator at once.
     */
    private void checkArguments(final org.mmrisk.core.event.ControlCommand command)
    {
        if (command == org.mmrisk.core.event.ControlCommand.SET_LIMIT)
        {
            final boolean known = limit != null && (LimitKind.fromKey(limit) != null ||
                underlying == null && PortfolioLimitKind.fromKey(limit) != null);
            if (!known)
            {
                throw new IllegalArgumentException("set-limit needs --limit: delta, dollarGamma, vega, expiryVega, " +
                    "notional, position or loss (per underlying, or for each without --underlying), or, without " +
                    "--underlying, a portfolio limit: totalDeltaUsd, totalVega, totalNotional or totalLoss");
            }
            if (value == null || !(value > 0) || value.isInfinite())
            {
                throw new IllegalArgumentException("set-limit needs --value, a positive number");
            }
        }
        if (command == org.mmrisk.core.event.ControlCommand.SET_EQUITY &&
            (underlying == null || value == null || !Double.isFinite(value)))
        {
            throw new IllegalArgumentException("set-equity needs --underlying and --value (coins)");
        }
    }

    private static org.mmrisk.core.event.ControlCommand parseCommand(final String text)
    {
        switch (text)
        {
            case "halt": return org.mmrisk.core.event.ControlCommand.HALT;
            case "resume": return org.mmrisk.core.event.ControlCommand.RESUME;
            case "set-limit": return org.mmrisk.core.event.ControlCommand.SET_LIMIT;
            case "set-equity": return org.mmrisk.core.event.ControlCommand.SET_EQUITY;
            default: throw new IllegalArgumentException("unknown command '" + text +
                "': use halt, resume, set-limit or set-equity");
        }
    }
}
