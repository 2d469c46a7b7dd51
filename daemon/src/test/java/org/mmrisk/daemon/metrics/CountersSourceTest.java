package org.mmrisk.daemon.metrics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.daemon.counters.CountersFile;
import org.mmrisk.daemon.counters.DaemonCounters;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CountersSourceTest
{
    @TempDir
    Path dir;

    @Test
    void shouldFollowADaemonThatRestartsAndReplacesTheFile()
    {
        final Path file = dir.resolve("counters.dat");
        try (CountersSource source = new CountersSource(file))
        {
            assertThat(source.refresh()).as("no file yet").isFalse();
            assertThat(source.reader()).isNull();

            try (CountersFile first = CountersFile.create(file.toFile()))
            {
                new DaemonCounters(first, List.of("market")).heartbeats.setRelease(5);
                assertThat(source.refresh()).isTrue();
                assertThat(heartbeats(source)).isEqualTo(5);
            }
            // the restarted daemon deletes the old file and creates its own: the source maps the new one
            try (CountersFile second = CountersFile.create(file.toFile()))
            {
                new DaemonCounters(second, List.of("market")).heartbeats.setRelease(7);
                assertThat(source.refresh()).isTrue();
                assertThat(heartbeats(source)).isEqualTo(7);
            }
        }
    }

    private static long heartbeats(final CountersSource source)
    {
        final long[] value = { -1 };
        source.reader().forEach((id, typeId, key, label) ->
        {
            if (label.equals("egress: heartbeats"))
            {
                value[0] = source.reader().getCounterValue(id);
            }
        });
        return value[0];
    }
}
