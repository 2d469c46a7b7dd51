package org.mmrisk.daemon.cli;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.RiskDaemon;
import org.mmrisk.daemon.codec.InputDecoder;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeTailer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code risk control} waits for the daemon's answer (the alert with the command's correlation id) and says what was
 * applied, why it was rejected, or that nothing answered; {@code risk audit} lists the journal's commands with their
 * outcomes.
 */
class ControlCommandTest
{
    @TempDir
    Path dir;

    @Test
    void shouldExitNonZeroSayingSoWhenNoDaemonAnswersWithinTheTimeout() throws Exception
    {
        final Path config = writeConfig();

        final Run run = run("control", "halt", "--config", config.toString(), "--timeout", "0.2");

        assertThat(run.exitCode).isEqualTo(ControlCommand.EXIT_NO_ANSWER);
        assertThat(run.err).contains("no acknowledgement").contains("no daemon is running")
            .contains("stays in the control queue");
    }

    @Test
    void shouldPrintWhatTheDaemonAppliedOrWhyItRejectedAndAuditBoth() throws Exception
    {
        final Path config = writeConfig();
        final Run applied;
        final Run rejected;
        try (RiskDaemon daemon = RiskDaemon.launch(ConfigLoader.load(config), Throwable::printStackTrace))
        {
            applied = run("control", "set-limit", "--config", config.toString(), "--underlying", "BTC", "--limit",
                "delta", "--value", "50", "--correlation-id", "1001", "--timeout", "60");
            rejected = run("control", "halt", "--config", config.toString(), "--underlying", "XRP",
                "--correlation-id", "1002", "--timeout", "60");
        }

        assertThat(applied.exitCode).as(applied.err).isZero();
        assertThat(applied.out).contains("applied SET_LIMIT delta=50.0 underlying=BTC from control")
            .contains("correlation id 1001");
        assertThat(rejected.exitCode).as(rejected.err).isEqualTo(ControlCommand.EXIT_REJECTED);
        assertThat(rejected.err).contains("rejected").contains("HALT underlying=XRP").contains("UNKNOWN_UNDERLYING");

        final Run audit = run("audit", "--config", config.toString());
        assertThat(audit.exitCode).as(audit.err).isZero();
        final List<String> lines = audit.out.strip().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains("control").contains("SET_LIMIT delta=50.0 underlying=BTC").contains("1001")
            .contains("APPLIED");
        assertThat(lines.get(2)).contains("control").contains("HALT underlying=XRP").contains("1002")
            .contains("REJECTED UNKNOWN_UNDERLYING");
    }

    @Test
    void shouldClearALimitAndRefuseAHugeOneAsADisabledLimitInDisguise() throws Exception
    {
        final Path config = writeConfig();
        final Run cleared;
        final Run huge;
        try (RiskDaemon daemon = RiskDaemon.launch(ConfigLoader.load(config), Throwable::printStackTrace))
        {
            cleared = run("control", "clear-limit", "--config", config.toString(), "--underlying", "BTC", "--limit",
                "delta", "--correlation-id", "2001", "--timeout", "60");
            huge = run("control", "set-limit", "--config", config.toString(), "--underlying", "BTC", "--limit",
                "delta", "--value", "1e308", "--correlation-id", "2002", "--timeout", "60");
        }

        assertThat(cleared.exitCode).as(cleared.err).isZero();
        assertThat(cleared.out).contains("applied CLEAR_LIMIT delta underlying=BTC from control")
            .contains("correlation id 2001");
        assertThat(huge.exitCode).as(huge.err).isEqualTo(ControlCommand.EXIT_REJECTED);
        assertThat(huge.err).contains("SET_LIMIT delta=1.0E308 underlying=BTC")
            .contains("CONTROL_VALUE_OUT_OF_BOUNDS");

        final Run audit = run("audit", "--config", config.toString());
        assertThat(audit.out).contains("CLEAR_LIMIT delta underlying=BTC").contains("2001").contains("APPLIED");
    }

    @Test
    void shouldRefuseAClearLimitWithAValueOrWithoutALimitBeforeWritingIt() throws Exception
    {
        final Path config = writeConfig();

        final Run withValue = run("control", "clear-limit", "--config", config.toString(), "--limit", "delta",
            "--value", "5", "--timeout", "0.2");
        final Run withoutLimit = run("control", "clear-limit", "--config", config.toString(), "--timeout", "0.2");

        assertThat(withValue.exitCode).isEqualTo(2);
        assertThat(withValue.err).contains("clear-limit takes no --value");
        assertThat(withoutLimit.exitCode).isEqualTo(2);
        assertThat(withoutLimit.err).contains("clear-limit needs --limit");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void shouldWriteASetEquityInUsdWithItsCurrencyAndRefuseAnotherCoinBeforeWritingIt() throws Exception
    {
        final Path config = writeConfig();

        final Run otherCoin = run("control", "set-equity", "--config", config.toString(), "--underlying", "BTC",
            "--value", "5", "--currency", "ETH", "--timeout", "0.2");
        assertThat(otherCoin.exitCode).isEqualTo(2);
        assertThat(otherCoin.err).contains("--currency");
        assertThat(dir.resolve("data")).doesNotExist();

        final Run usd = run("control", "set-equity", "--config", config.toString(), "--underlying", "BTC",
            "--value", "250000", "--currency", "USD", "--timeout", "0.2");
        assertThat(usd.exitCode).isEqualTo(ControlCommand.EXIT_NO_ANSWER);
        assertThat(usd.out).contains("SET_EQUITY value=250000.0 underlying=BTC currency=USD");
        final List<RiskEvent> written = new ArrayList<>();
        try (ChronicleQueue queue = Queues.openExisting(ConfigLoader.load(config).controlDir());
            SbeTailer tailer = new SbeTailer(queue))
        {
            final InputDecoder decoder = new InputDecoder();
            while (tailer.poll((buffer, offset, length, index) ->
            {
                final RiskEvent e = new RiskEvent();
                assertThat(decoder.decode(buffer, offset, length, e)).isNull();
                written.add(e);
            }) > 0)
            {
                // read to the end
            }
        }
        assertThat(written).hasSize(1);
        assertThat(written.get(0).command).isEqualTo(org.mmrisk.core.event.ControlCommand.SET_EQUITY);
        assertThat(written.get(0).currency).isEqualTo(AsciiCode.pack("USD"));
        assertThat(written.get(0).value).isEqualTo(250_000.0);
    }

    private Path writeConfig() throws Exception
    {
        final Path file = dir.resolve("daemon.yaml");
        Files.writeString(file, String.join("\n",
            "dataDir: data",
            "inputs: [market, fills]",
            "queueBlockSizeMb: 1",
            "ring: {size: 1024, waitStrategy: sleeping}",
            "ingress: {idleStrategy: backoff, timerIntervalMs: 20}",
            "egress: {heartbeatIntervalMs: 50}",
            "engine: {limits: {BTC: {delta: 5}}}",
            ""));
        return file;
    }

    private static Run run(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final picocli.CommandLine cli = RiskCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        final int exitCode = cli.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String out, String err)
    {
    }
}
