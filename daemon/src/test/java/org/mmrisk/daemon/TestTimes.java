package org.mmrisk.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves the ISO-8601 UTC instants of an event script so that it can be fed to a live daemon, whose engine time is its
 * clock: every instant shifts by the same amount, so the script's intervals (a fill's distance from its tick, an
 * option's time to expiry) are kept whatever the day the test runs on.
 */
final class TestTimes
{
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

    private TestTimes()
    {
    }

    /**
     * @param script event lines holding instants.
     * @param end    where the latest instant of a {@code "time"} field lands.
     * @return the script with every instant (times, exchange times, expiries) shifted by one offset.
     */
    static String shiftedToEndAt(final String script, final Instant end)
    {
        final Instant latest = latestEventTime(script);
        final Duration offset = Duration.between(latest, end);
        final Matcher matcher = INSTANT.matcher(script);
        final StringBuilder shifted = new StringBuilder();
        while (matcher.find())
        {
            matcher.appendReplacement(shifted, Instant.parse(matcher.group()).plus(offset).toString());
        }
        matcher.appendTail(shifted);
        return shifted.toString();
    }

    private static Instant latestEventTime(final String script)
    {
        final Matcher matcher = Pattern.compile("\"time\":\"([^\"]+)\"").matcher(script);
        Instant latest = null;
        while (matcher.find())
        {
            final Instant time = Instant.parse(matcher.group(1));
            latest = latest == null || time.isAfter(latest) ? time : latest;
        }
        if (latest == null)
        {
            throw new IllegalArgumentException("the script has no \"time\" field");
        }
        return latest;
    }
}
