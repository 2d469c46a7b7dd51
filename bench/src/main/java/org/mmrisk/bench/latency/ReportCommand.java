package org.mmrisk.bench.latency;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code latency report DIR}: the markdown summary of every reader summary in a results directory: latency per
 * percentile of the raw hop, the relay and the daemon with the daemon/relay ratio (corrected and uncorrected), the
 * daemon's internal latency, the throughput verdicts, and the daemon's per-stage figures where it was stamped.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Summarise the reader summaries (*.properties) of a results directory as markdown tables.")
public final class ReportCommand implements Callable<Integer>
{
    @Parameters(index = "0", description = "results directory")
    Path dir;

    @Option(names = "--throughput-prefix", defaultValue = "tput-",
        description = "labels of throughput runs start with this (default ${DEFAULT-VALUE})")
    String throughputPrefix;

    @Override
    public Integer call() throws IOException
    {
        final List<Properties> latency = new ArrayList<>();
        final List<Properties> throughput = new ArrayList<>();
        final Map<String, Properties> byLabel = new HashMap<>();
        try (Stream<Path> files = Files.list(dir))
        {
            for (final Path file : (Iterable<Path>)files.filter(f -> f.toString().endsWith(".properties")).sorted()::iterator)
            {
                final Properties p = new Properties();
                try (Reader reader = Files.newBufferedReader(file))
                {
                    p.load(reader);
                }
                (p.getProperty("label", "").startsWith(throughputPrefix) ? throughput : latency).add(p);
                byLabel.put(p.getProperty("label", ""), p);
            }
        }
        final StringBuilder out = new StringBuilder();
        if (!latency.isEmpty())
        {
            out.append("### Latency, corrected for coordinated omission (expected interval 1/rate)\n\n")
                .append(RatioTable.render(latency, "corrected"))
                .append("\n### Latency, uncorrected\n\n").append(RatioTable.render(latency, "uncorrected"))
                .append("\n### Internal latency (receive − the consumer's read of the cause), uncorrected\n\n")
                .append(RatioTable.render(latency, "internal"))
                .append("\n### Keeping up during the latency runs\n\n").append(RatioTable.sustainedTable(latency));
        }
        if (!throughput.isEmpty())
        {
            out.append("\n### Throughput: sustained (every second an output; tick → quote p99, corrected, under 1 ms ")
                .append("over the last 10 s of the window)\n\n").append(RatioTable.sustainedTable(throughput));
        }
        final Map<String, Map<String, long[]>> stages = StageTable.find(dir);
        if (!stages.isEmpty())
        {
            out.append("\n### Where the time goes: the daemon's own stage stamps (docs/latency-stages.md)\n\n")
                .append("Stamped by the daemon's threads over the reader's window, for the batches that wrote an ")
                .append("output; uncorrected.\n").append(StageTable.render(stages, byLabel));
        }
        System.out.print(out);
        return 0;
    }
}
