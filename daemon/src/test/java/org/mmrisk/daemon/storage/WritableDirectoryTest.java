package org.mmrisk.daemon.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.daemon.RiskDaemon;
import org.mmrisk.daemon.config.ConfigLoader;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start-up refuses a directory it cannot write, naming it, before any queue is opened or thread started. (A
 * read-only mount is exercised by scripts/fault-test, which can mount one.)
 */
class WritableDirectoryTest
{
    @TempDir
    Path dir;

    @Test
    void shouldCreateAMissingDirectoryAndLeaveNothingBehindInIt() throws Exception
    {
        final Path journal = dir.resolve("data/journal");
        assertThat(WritableDirectory.require("journal", journal)).isEqualTo(journal);
        try (var files = Files.list(journal))
        {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void shouldStopTheDaemonsStartNamingTheDirectoryItCannotCreate() throws Exception
    {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/output"), "a file where the output queue's directory belongs");
        final Path config = dir.resolve("daemon.yaml");
        Files.writeString(config, "dataDir: data\n");
        assertThatThrownBy(() -> RiskDaemon.launch(ConfigLoader.load(config), Throwable::printStackTrace))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("output directory " + dir.resolve("data/output") + " cannot be created");
        assertThat(dir.resolve("data/journal/metadata.cq4t")).as("no queue opened").doesNotExist();
    }
}
