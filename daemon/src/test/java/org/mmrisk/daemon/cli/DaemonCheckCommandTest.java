package org.mmrisk.daemon.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code risk daemon --check}: validates the config and exits without starting anything, which is what the launcher
 * runs in a small JVM before the production one.
 */
class DaemonCheckCommandTest
{
    @TempDir
    Path dir;

    private CliRun.Result check(final String yaml) throws IOException
    {
        final Path file = Files.writeString(dir.resolve("daemon.yaml"), "dataDir: data\n" + yaml);
        return CliRun.verb("daemon").with("config", file).with("check", "").run();
    }

    @Test
    void shouldExitZeroOnAValidConfigAndStartNothing() throws IOException
    {
        final CliRun.Result result = check("ring: {size: 1024}\n");

        assertThat(result.exitCode).as("stderr: %s", result.err).isZero();
        assertThat(result.out).contains("valid");
        assertThat(result.err).isEmpty();
        assertThat(dir.resolve("data")).as("no queue or counters file opened").doesNotExist();
    }

    @Test
    void shouldExitNonZeroNamingTheKeyOfABadValue() throws IOException
    {
        final CliRun.Result result = check("ring: {size: 1000}\n");

        assertThat(result.exitCode).isNotZero();
        assertThat(result.err).contains("ring.size: must be a power of two");
        assertThat(result.out).isEmpty();
    }

    @Test
    void shouldExitNonZeroNamingAnUnknownKey() throws IOException
    {
        final CliRun.Result result = check("engine: {ladder: {haltAtt: 1.5}}\n");

        assertThat(result.exitCode).isNotZero();
        assertThat(result.err).contains("engine.ladder.haltAtt: unknown key");
    }

    @Test
    void shouldExitNonZeroOnAMissingFile()
    {
        final CliRun.Result result = CliRun.verb("daemon").with("config", dir.resolve("absent.yaml"))
            .with("check", "").run();

        assertThat(result.exitCode).isNotZero();
        assertThat(result.err).contains("absent.yaml: file not found");
    }
}
