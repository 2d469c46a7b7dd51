package org.mmrisk.daemon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code risk replay} says what it did on stderr: a summary of lines read, applied and rejected by reason, progress
 * on a long replay; {@code --strict} turns any reject into a failing exit code.
 */
class ReplayCommandTest
{
    private static final String INDEX =
        "{\"type\":\"instrument\",\"instrumentId\":1,\"symbol\":\"BTC-INDEX\",\"venue\":\"DERIBIT\",\"kind\":\"INDEX\"," +
        "\"underlying\":\"BTC\",\"settlement\":\"LINEAR\",\"quoteCurrency\":\"USD\",\"settleCurrency\":\"USD\"," +
        "\"contractSize\":1,\"contractUnit\":\"COIN\",\"tickSize\":0.01}";
    private static final String TICK =
        "{\"type\":\"tick\",\"time\":\"2026-11-25T08:00:00Z\",\"instrumentId\":1,\"bid\":95000,\"ask\":95000}";
    private static final String TIMER = "{\"type\":\"timer\",\"time\":\"2026-11-25T08:00:01Z\"}";

    @TempDir
    Path dir;

    @Test
    void shouldPrintOneSummaryLineWithTheRejectsByReason() throws IOException
    {
        final CliRun.Result result = replay(List.of(INDEX, TICK, "not json", "{\"type\":\"tick\",\"instrumentId\":1}",
            TICK.replace("95000}", "94000}"), "", TIMER));

        assertThat(result.exitCode).as(result.err).isZero();
        assertThat(result.err.lines()).containsExactly("risk replay: 7 lines read, 3 applied, 3 rejected " +
            "(MISSING_FIELD 1, CROSSED_MARKET 1, MALFORMED_JSON 1)");
        assertThat(dir.resolve("state.json")).exists();
    }

    @Test
    void shouldExitNonZeroUnderStrictWhenAnyLineIsRejectedAndStillWriteTheState() throws IOException
    {
        final CliRun.Result clean = replay(List.of(INDEX, TICK), run -> run.flag("strict"));
        assertThat(clean.exitCode).as(clean.err).isZero();
        assertThat(clean.err).contains("2 lines read, 2 applied, 0 rejected");

        Files.deleteIfExists(dir.resolve("state.json"));
        final CliRun.Result rejected = replay(List.of(INDEX, TICK, "not json"), run -> run.flag("strict"));
        assertThat(rejected.exitCode).isEqualTo(ReplayCommand.EXIT_REJECTS).isEqualTo(1);
        assertThat(rejected.err).contains("1 rejected (MALFORMED_JSON 1)");
        assertThat(dir.resolve("state.json")).exists();
    }

    @Test
    void shouldPrintProgressOnlyWhenTheReplayOutlastsTheInterval() throws IOException
    {
        final List<String> lines = new ArrayList<>(List.of(INDEX));
        lines.addAll(Collections.nCopies(10_000, TIMER));

        final CliRun.Result quiet = replay(lines);
        assertThat(quiet.err.lines()).hasSize(1);

        final CliRun.Result everyCheck = replay(lines, run -> run.with("progress-seconds", 0));
        assertThat(everyCheck.err.lines()).hasSize(3);
        assertThat(everyCheck.err.lines().findFirst().orElseThrow())
            .startsWith("risk replay: 4,096 lines (").contains("% of ").contains(" bytes), ");
    }

    @Test
    void shouldSayNoSuchFileForAMissingEventsFile()
    {
        final Path missing = dir.resolve("missing.jsonl");

        final CliRun.Result result = CliRun.verb("replay").with("events", missing)
            .with("state-out", dir.resolve("state.json")).run();

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.err.strip()).isEqualTo("risk replay: no such file: " + missing);
        assertThat(dir.resolve("state.json")).doesNotExist();
    }

    @Test
    void shouldRefuseAJournalDirectoryThatIsNotAQueue()
    {
        final CliRun.Result result = CliRun.verb("replay").with("journal", dir)
            .with("state-out", dir.resolve("state.json")).run();

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.err).contains("risk replay: not a queue: " + dir);
        assertThat(dir.resolve("metadata.cq4t")).doesNotExist();
    }

    private CliRun.Result replay(final List<String> lines) throws IOException
    {
        return replay(lines, UnaryOperator.identity());
    }

    @Test
    void shouldStopWithAnErrorNamingTheJournalFileAndSequenceAtADamagedEntry() throws java.io.IOException
    {
        final Path journalDir = dir.resolve("journal");
        try (net.openhft.chronicle.queue.ChronicleQueue journal = org.mmrisk.daemon.queue.Queues.open(journalDir);
            org.mmrisk.daemon.queue.SbeAppender appender = new org.mmrisk.daemon.queue.SbeAppender(journal))
        {
            for (long sequence = 0; sequence < 20; sequence++)
            {
                org.mmrisk.daemon.journal.JournalEntries.appendTimer(appender, sequence);
            }
        }
        org.mmrisk.daemon.journal.JournalDamage.flipTimeBit(journalDir, 12);

        final CliRun.Result result = CliRun.verb("replay").with("journal", journalDir)
            .with("state-out", dir.resolve("state.json")).run();

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.err).contains("risk replay: journal " + journalDir)
            .contains(org.mmrisk.daemon.journal.JournalDamage.cycleFile(journalDir).getFileName().toString())
            .contains("after sequence 11").contains("checksum mismatch");
        assertThat(dir.resolve("state.json")).doesNotExist();
    }

    private CliRun.Result replay(final List<String> lines, final UnaryOperator<CliRun> options) throws IOException
    {
        final Path events = dir.resolve("events.jsonl");
        Files.write(events, lines, StandardCharsets.UTF_8);
        return options.apply(CliRun.verb("replay").with("events", events).with("state-out", dir.resolve("state.json")))
            .run();
    }
}
