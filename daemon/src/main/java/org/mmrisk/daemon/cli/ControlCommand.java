package org.mmrisk.daemon.cli;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.limits.PortfolioLimitKind;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.queue.SbeTailer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code risk control}: writes one operator command to the daemon's control queue, then waits for the daemon's
 * answer on its output queue: the {@code CONTROL_APPLIED} or {@code CONTROL_REJECTED} alert that carries the
 * command's correlation id. Exit code 0: applied; 1: rejected; 3: no answer within the timeout (no daemon, or one
 * that did not answer: the command stays in the control queue, and a daemon started on it later applies it).
 */
@Command(name = "control", mixinStandardHelpOptions = true,
    description = "Send an operator command (halt, resume, set-limit, clear-limit, set-equity) to the daemon's " +
        "control queue and wait for its acknowledgement. Exit 0: applied, 1: rejected, 3: no acknowledgement " +
        "within --timeout.")
public final class ControlCommand implements Callable<Integer>
{
    static final int EXIT_REJECTED = 1;
    static final int EXIT_NO_ANSWER = 3;

    @Parameters(index = "0", description = "halt | resume | set-limit | clear-limit | set-equity")
    String command;

    @Option(names = "--config", required = true, description = "daemon config file (YAML)")
    Path config;

    @Option(names = "--underlying", description = "the coin index, e.g. BTC (default: every underlying)")
    String underlying;

    @Option(names = "--limit", description = "set-limit, clear-limit: delta | dollarGamma | vega | expiryVega | " +
        "notional | position | loss | marginUtilization | liquidationProximity | var | liquidityAdjustedVar; " +
        "without --underlying also totalDeltaUsd | totalVega | totalNotional | totalLoss | totalVar | " +
        "totalLiquidityAdjustedVar")
    String limit;

    @Option(names = "--value", description = "set-limit / set-equity: the new value (clear-limit takes none)")
    Double value;

    @Option(names = "--currency", description = "set-equity: USD sets the account's USD balance; the underlying's " +
        "coin (the default) its coin balance")
    String currency;

    @Option(names = "--timeout", defaultValue = "10",
        description = "seconds to wait for the daemon's acknowledgement (default ${DEFAULT-VALUE})")
    double timeoutSeconds;

    @Option(names = "--correlation-id",
        description = "echoed in the acknowledgement and the audit trail; a positive number (default: random)")
    Long correlationId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException
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
        if (currency != null)
        {
            event.currency = AsciiCode.pack(currency);
        }
        // a known key longer than the wire's 16 characters travels as its first 16, which name it uniquely
        if (limit != null && !event.limitName(org.mmrisk.core.limits.NamedLimit.wireName(limit)))
        {
            throw new IllegalArgumentException("--limit: at most 16 ASCII characters");
        }
        if (!(timeoutSeconds > 0) || Double.isInfinite(timeoutSeconds))
        {
            throw new IllegalArgumentException("--timeout: a positive number of seconds");
        }
        if (correlationId != null && correlationId <= 0)
        {
            throw new IllegalArgumentException("--correlation-id: a positive number");
        }
        event.value = value == null ? Double.NaN : value;
        event.correlationId = correlationId != null ? correlationId :
            ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        final LoadedConfig loaded = ConfigLoader.load(config);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
        final int length = new InputEncoder().encode(event, buffer, 0);
        final String sent = ControlText.describe(event.command, limit, event.value, event.underlying) +
            (currency == null ? "" : " currency=" + currency);
        try (ChronicleQueue output = Queues.open(loaded.outputDir(), loaded.queueBlockSizeBytes());
            SbeTailer answers = new SbeTailer(output).toEnd())
        {
            try (ChronicleQueue queue = Queues.open(loaded.controlDir(), loaded.queueBlockSizeBytes());
                SbeAppender appender = new SbeAppender(queue))
            {
                appender.append(buffer, 0, length);
            }
            final PrintWriter out = spec.commandLine().getOut();
            out.println("risk control: " + sent + " written to " + loaded.controlDir() + " (correlation id " +
                event.correlationId + "); waiting up to " + timeoutSeconds + " s for the daemon");
            out.flush();
            final ControlAnswer answer = new ControlAnswer(event.correlationId);
            answer.await(answers, (long)(timeoutSeconds * 1000));
            return report(answer, loaded, sent);
        }
    }

    private int report(final ControlAnswer answer, final LoadedConfig loaded, final String sent)
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final Alert alert = answer.alert();
        if (alert == null)
        {
            err.println("risk control: no acknowledgement of " + sent + " within " + timeoutSeconds + " s: " +
                (answer.heartbeats() > 0 ? "the daemon is running (heartbeats) but did not answer" :
                "no heartbeat either, so no daemon is running on " + loaded.dataDir()) +
                ". The command stays in the control queue: a daemon started on it later applies it.");
            err.flush();
            return EXIT_NO_ANSWER;
        }
        final String what = ControlText.describe(alert) + " from " +
            ControlText.source(alert.sourceId, loaded.config().inputs) + " (correlation id " + alert.correlationId +
            ", output sequence " + alert.sequence + ")";
        if (alert.code == AlertCode.CONTROL_REJECTED)
        {
            err.println("risk control: rejected by the daemon: " + what + ": " +
                ControlText.outcome(alert).substring("REJECTED ".length()));
            err.flush();
            return EXIT_REJECTED;
        }
        out.println("risk control: applied " + what);
        out.flush();
        return 0;
    }

    /**
     * The engine validates every command again (and rejects with an alert); checking here tells the operator at once.
     */
    private void checkArguments(final org.mmrisk.core.event.ControlCommand command)
    {
        final boolean setLimit = command == org.mmrisk.core.event.ControlCommand.SET_LIMIT;
        if (setLimit || command == org.mmrisk.core.event.ControlCommand.CLEAR_LIMIT)
        {
            final String verb = setLimit ? "set-limit" : "clear-limit";
            final boolean known = limit != null && (LimitKind.fromKey(limit) != null ||
                underlying == null && PortfolioLimitKind.fromKey(limit) != null);
            if (!known)
            {
                throw new IllegalArgumentException(verb + " needs --limit: delta, dollarGamma, vega, expiryVega, " +
                    "notional, position, loss, marginUtilization, liquidationProximity, var or liquidityAdjustedVar " +
                    "(per underlying, or for each without --underlying), or, without --underlying, a portfolio " +
                    "limit: totalDeltaUsd, totalVega, totalNotional, totalLoss, totalVar or " +
                    "totalLiquidityAdjustedVar");
            }
            if (!setLimit && value != null)
            {
                throw new IllegalArgumentException("clear-limit takes no --value: it removes the limit");
            }
        }
        if (setLimit)
        {
            if (value == null || !(value > 0) || value.isInfinite())
            {
                throw new IllegalArgumentException("set-limit needs --value, a positive number");
            }
        }
        if (command == org.mmrisk.core.event.ControlCommand.SET_EQUITY &&
            (underlying == null || value == null || !Double.isFinite(value)))
        {
            throw new IllegalArgumentException("set-equity needs --underlying and --value (coins, or USD with " +
                "--currency USD)");
        }
        if (currency != null && (command != org.mmrisk.core.event.ControlCommand.SET_EQUITY ||
            !currency.equals("USD") && !currency.equals(underlying)))
        {
            throw new IllegalArgumentException("--currency: only with set-equity, and USD or the underlying's coin");
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
            case "clear-limit": return org.mmrisk.core.event.ControlCommand.CLEAR_LIMIT;
            default: throw new IllegalArgumentException("unknown command '" + text +
                "': use halt, resume, set-limit, clear-limit or set-equity");
        }
    }
}
