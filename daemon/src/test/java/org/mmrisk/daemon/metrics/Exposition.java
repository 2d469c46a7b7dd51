package org.mmrisk.daemon.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scraped Prometheus text exposition (format 0.0.4), parsed on its own terms for the tests: every sample with its
 * labels, and the TYPE line of every family.
 */
final class Exposition
{
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
    private static final Pattern TYPE = Pattern.compile("^# TYPE (\\S+) (\\S+)$");

    record Sample(String name, Map<String, String> labels, double value)
    {
    }

    final List<Sample> samples = new ArrayList<>();
    final Map<String, String> types = new HashMap<>();

    Exposition(final String text)
    {
        for (final String line : text.split("\n"))
        {
            final Matcher type = TYPE.matcher(line);
            if (type.matches())
            {
                if (types.put(type.group(1), type.group(2)) != null)
                {
                    throw new AssertionError("two TYPE lines for " + type.group(1));
                }
                continue;
            }
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            final Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches())
            {
                throw new AssertionError("not a sample line: " + line);
            }
            final Map<String, String> labels = new TreeMap<>();
            if (sample.group(2) != null)
            {
                final Matcher label = LABEL.matcher(sample.group(2));
                while (label.find())
                {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
    }

    /**
     * @return the value of the one sample with this name and these labels (name, value, ...), or NaN when absent.
     */
    double value(final String name, final String... labelPairs)
    {
        final Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i < labelPairs.length; i += 2)
        {
            wanted.put(labelPairs[i], labelPairs[i + 1]);
        }
        final List<Sample> found = samples.stream()
            .filter(s -> s.name.equals(name) && s.labels.equals(wanted)).toList();
        if (found.size() > 1)
        {
            throw new AssertionError("more than one sample " + name + wanted);
        }
        return found.isEmpty() ? Double.NaN : found.get(0).value;
    }

    boolean has(final String name)
    {
        return samples.stream().anyMatch(s -> s.name.equals(name));
    }
}
