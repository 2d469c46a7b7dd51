package org.mmrisk.bench.latency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The daemon's per-stage figures in the report: reads the {@code stages.txt} that a stamped daemon writes at shutdown
 * (docs/latency-stages.md; a line per stage: name, count, p50, p90, p99, p99.9, max in ns, meaning) and sets them
 * beside the reader's end-to-end figures of the same run, so that one can see whether the stages add up: the sum of
 * the path's medians against the daemon's own send → append median, and that against the reader's send → read
 * median; the difference is the output queue's hop to the reader. Stateless.
 */
public final class StageTable
{
    /** The daemon's summary file inside a run's stamps directory. */
    public static final String SUMMARY = "stages.txt";
    /** Stamps directories are named after the run's label with this suffix. */
    public static final String DIR_SUFFIX = ".stages";
    private static final String[] PATH = { "ingress-read", "ring-publish", "engine-start", "engine-compute",
        "gate-release", "egress-append" };

    private StageTable()
    {
    }

    /**
     * @return per stage (file order): count, p50, p90, p99, p99.9, max (ns); the comment lines are skipped.
     */
    public static Map<String, long[]> read(final Path summary)
    {
        final Map<String, long[]> stages = new LinkedHashMap<>();
        try
        {
            for (final String line : Files.readAllLines(summary))
            {
                if (line.isBlank() || line.startsWith("#"))
                {
                    continue;
                }
                final String[] words = line.trim().split(" +");
                final long[] values = new long[6];
                for (int i = 0; i < values.length; i++)
                {
                    values[i] = Long.parseLong(words[i + 1]);
                }
                stages.put(words[0], values);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return stages;
    }

    /**
     * @param runs per run label, its stages ({@link #read}) and the reader's summary of the same run (may be null).
     * @return a markdown table per run, microseconds.
     */
    public static String render(final Map<String, Map<String, long[]>> runs, final Map<String, Properties> readers)
    {
        final StringBuilder out = new StringBuilder();
        runs.forEach((label, stages) ->
        {
            out.append("\n#### ").append(label).append("\n\n");
            out.append("| stage | count | p50 µs | p90 µs | p99 µs | p99.9 µs | max µs |\n");
            out.append("|---|---:|---:|---:|---:|---:|---:|\n");
            stages.forEach((stage, v) -> out.append("| ").append(stage).append(" | ")
                .append(String.format(Locale.ROOT, "%,d", v[0])).append(" | ").append(RatioTable.micros(v[1]))
                .append(" | ").append(RatioTable.micros(v[2])).append(" | ").append(RatioTable.micros(v[3]))
                .append(" | ").append(RatioTable.micros(v[4])).append(" | ").append(RatioTable.micros(v[5]))
                .append(" |\n"));
            out.append('\n').append(addUp(stages, readers.get(label))).append('\n');
        });
        return out.toString();
    }

    /** @return the line that says whether the medians add up. */
    static String addUp(final Map<String, long[]> stages, final Properties reader)
    {
        long pathP50 = 0;
        final List<String> missing = new ArrayList<>();
        for (final String stage : PATH)
        {
            final long[] v = stages.get(stage);
            if (v == null)
            {
                missing.add(stage);
            }
            else
            {
                pathP50 += v[1];
            }
        }
        final long[] daemon = stages.get("daemon");
        final StringBuilder line = new StringBuilder("Medians: the path's stages add up to ")
            .append(RatioTable.micros(missing.isEmpty() ? pathP50 : -1)).append(" µs; the daemon's send → first output ")
            .append("appended is ").append(RatioTable.micros(daemon == null ? -1 : daemon[1])).append(" µs");
        final long readerP50 = RatioTable.value(reader, "uncorrected.p50");
        if (reader != null && RatioTable.value(reader, "causes") <= 0)
        {
            line.append("; the reader measured no cause in its window");
        }
        else if (readerP50 >= 0 && daemon != null)
        {
            line.append("; the reader's send → read (uncorrected) is ").append(RatioTable.micros(readerP50))
                .append(" µs, so the output hop to the reader is about ")
                .append(RatioTable.micros(Math.max(0, readerP50 - daemon[1]))).append(" µs");
        }
        return line.append(" (medians do not add exactly: each stage's median is of its own distribution).").toString();
    }

    /**
     * @return per run label, its stages, for every {@code LABEL.stages/stages.txt} under {@code dir}, sorted by label.
     */
    public static Map<String, Map<String, long[]>> find(final Path dir)
    {
        final Map<String, Map<String, long[]>> runs = new java.util.TreeMap<>();
        try (var files = Files.list(dir))
        {
            files.filter(d -> d.getFileName().toString().endsWith(DIR_SUFFIX) && Files.isRegularFile(d.resolve(SUMMARY)))
                .forEach(d ->
                {
                    final String name = d.getFileName().toString();
                    runs.put(name.substring(0, name.length() - DIR_SUFFIX.length()), read(d.resolve(SUMMARY)));
                });
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return runs;
    }
}
