package org.mmrisk.bench.latency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daemon's stages.txt read back, and the medians set beside the reader's figure of the same run.
 */
class StageTableTest
{
    @TempDir
    Path dir;

    private static final String SUMMARY = String.join("\n",
        "# daemon stage times, ns of the epoch clock; batches 10, with an output 9",
        "# stage count p50 p90 p99 p99.9 max meaning",
        "ingress-read 9 1000 2000 3000 4000 5000 feed send -> ingress read",
        "ring-publish 9 200 300 400 500 600 ingress read -> ring publish",
        "engine-start 9 300 400 500 600 700 ring wait",
        "engine-compute 9 2500 3000 3500 4000 4500 compute",
        "gate-release 9 100 200 300 400 500 gate",
        "egress-append 9 400 500 600 700 800 append",
        "daemon 9 4600 6000 8000 9000 9500 send -> append",
        "engine-batch 9 3000 3500 4000 4500 5000 batch",
        "");

    @Test
    void shouldReadEveryStageAndSayHowTheMediansAddUp() throws Exception
    {
        final Path stamps = Files.createDirectories(dir.resolve("daemon-100000-busy-spin" + StageTable.DIR_SUFFIX));
        Files.writeString(stamps.resolve(StageTable.SUMMARY), SUMMARY);
        final Properties reader = new Properties();
        reader.setProperty("uncorrected.p50", "7100");
        reader.setProperty("causes", "9");

        final Map<String, Map<String, long[]>> runs = StageTable.find(dir);
        final Map<String, long[]> stages = runs.get("daemon-100000-busy-spin");

        assertThat(stages).hasSize(8);
        assertThat(stages.get("engine-compute")).containsExactly(9, 2500, 3000, 3500, 4000, 4500);
        // 1,000 + 200 + 300 + 2,500 + 100 + 400 = 4,500 ns; reader 7,100 - daemon 4,600 = 2,500 ns of output hop
        assertThat(StageTable.addUp(stages, reader)).contains("add up to 4.50 µs").contains("appended is 4.60 µs")
            .contains("is 7.10 µs").contains("about 2.50 µs");
        assertThat(StageTable.render(runs, Map.of("daemon-100000-busy-spin", reader)))
            .contains("| engine-compute | 9 | 2.50 | 3.00 | 3.50 | 4.00 | 4.50 |");
    }

    @Test
    void shouldNotSubtractAReaderThatMeasuredNothing()
    {
        final Properties reader = new Properties();
        reader.setProperty("uncorrected.p50", "0");
        reader.setProperty("causes", "0");

        assertThat(StageTable.addUp(Map.of("daemon", new long[]{ 9, 4_600, 0, 0, 0, 0 }), reader))
            .contains("the reader measured no cause").doesNotContain("output hop");
    }
}
