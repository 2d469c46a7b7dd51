package org.mmrisk.daemon.cli;

import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.errors.ErrorLogFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code risk errors} prints each distinct error once, with its count, first and last observation and stack trace;
 * a restart keeps the previous run's errors beside the new log.
 */
class ErrorsCommandTest
{
    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    @Test
    void shouldPrintEachDistinctErrorWithItsCountTimesAndStackTrace()
    {
        final Path file = dir.resolve("errors.dat");
        final CachedEpochClock clock = new CachedEpochClock();
        try (ErrorLogFile log = ErrorLogFile.create(file.toFile(), clock))
        {
            for (int i = 0; i < 3; i++)
            {
                clock.update(1_700_000_000_000L + i * 250);
                log.onError(sameFailure());
            }

            final CliRun.Result result = CliRun.verb("errors").with("file", file).run();

            assertThat(result.exitCode).as(result.err).isZero();
            assertThat(result.out).startsWith("3 observations from 2023-11-14T22:13:20Z to 2023-11-14T22:13:20.500Z:" +
                NL + "java.io.UncheckedIOException: checkpoint not written" + NL +
                "\tat org.mmrisk.daemon.cli.ErrorsCommandTest.sameFailure(ErrorsCommandTest.java:");
            assertThat(result.out).endsWith(NL + "1 distinct error in " + file + NL);
        }
    }

    @Test
    void shouldSayWhenThereIsNoError() throws IOException
    {
        final Path config = Files.writeString(dir.resolve("daemon.yaml"), "dataDir: data\ninputs: [market]\n");
        final Path file = ConfigLoader.load(config).errorLogFile();
        Files.createDirectories(file.getParent());
        try (ErrorLogFile ignored = ErrorLogFile.create(file.toFile(), new CachedEpochClock()))
        {
            assertThat(CliRun.verb("errors").with("config", config).run().out)
                .isEqualTo("0 distinct errors in " + file + NL);
            assertThat(CliRun.verb("errors").with("config", config).flag("json").run().out).isEqualTo("[]" + NL);
        }
    }

    @Test
    void shouldKeepThePreviousRunsErrorsWhenADaemonStartsAgain()
    {
        final Path file = dir.resolve("errors.dat");
        try (ErrorLogFile first = ErrorLogFile.create(file.toFile(), new CachedEpochClock()))
        {
            first.onError(sameFailure());
        }
        try (ErrorLogFile second = ErrorLogFile.create(file.toFile(), new CachedEpochClock()))
        {
            assertThat(CliRun.verb("errors").with("file", file).flag("json").run().out).isEqualTo("[]" + NL);
            final Path previous = dir.resolve("errors-previous.dat");
            assertThat(ErrorLogFile.previousFile(file.toFile()).toPath()).isEqualTo(previous);
            assertThat(CliRun.verb("errors").with("file", previous).run().out)
                .startsWith("1 observation from 1970-01-01T00:00:00Z to 1970-01-01T00:00:00Z:" + NL +
                    "java.io.UncheckedIOException: checkpoint not written");
        }
    }

    @Test
    void shouldRefuseAMissingLogInOneLineNamingIt()
    {
        final Path missing = dir.resolve("errors.dat");

        final CliRun.Result result = CliRun.verb("errors").with("file", missing).run();

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.out).isEmpty();
        assertThat(result.err).isEqualTo("risk errors: no error log at " + missing + NL);
    }

    @Test
    void shouldRefuseAFileThatIsNotAnErrorLog() throws IOException
    {
        final Path other = Files.write(dir.resolve("errors.dat"), new byte[4096]);

        final CliRun.Result result = CliRun.verb("errors").with("file", other).run();

        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.err).isEqualTo("risk errors: not an error log of this version: " + other + NL);
    }

    private static RuntimeException sameFailure()
    {
        return new java.io.UncheckedIOException("checkpoint not written", new IOException("disk full"));
    }
}
