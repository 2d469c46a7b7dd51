package org.mmrisk.daemon.json;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 UTC timestamps with up to nanosecond precision, as nanoseconds since the epoch. Stateless.
 */
public final class JsonTime
{
    private JsonTime()
    {
    }

    /**
     * @throws DateTimeParseException when the text is not an ISO-8601 instant.
     */
    public static long parseNs(final String text)
    {
        final Instant instant = Instant.parse(text);
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    public static String format(final long epochNs)
    {
        return Instant.ofEpochSecond(Math.floorDiv(epochNs, 1_000_000_000L), Math.floorMod(epochNs, 1_000_000_000L))
            .toString();
    }
}
