package org.mmrisk.daemon.cli;

import org.mmrisk.daemon.json.JsonTime;

import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time given on the command line: an ISO-8601 instant ({@code 2026-12-07T08:00:00Z}), or a span before now
 * ({@code -30s}, {@code -5m}, {@code -2h}, {@code -1d}, {@code -250ms}), now being what the caller's clock says.
 */
final class TimeArgument
{
    private static final Pattern RELATIVE = Pattern.compile("-(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    private TimeArgument()
    {
    }

    /**
     * @param option the option's name, for the message.
     * @param text   the argument.
     * @param nowNs  the caller's clock (epoch ns), which a relative time counts back from.
     * @return epoch ns.
     * @throws IllegalArgumentException naming the option and the accepted forms.
     */
    static long parseNs(final String option, final String text, final long nowNs)
    {
        final Matcher relative = RELATIVE.matcher(text);
        if (relative.matches())
        {
            return nowNs - Math.round(Double.parseDouble(relative.group(1)) * unitNs(relative.group(2)));
        }
        try
        {
            return JsonTime.parseNs(text);
        }
        catch (final DateTimeParseException | ArithmeticException ex)
        {
            throw new IllegalArgumentException(option + ": not an ISO-8601 instant (2026-12-07T08:00:00Z) nor a " +
                "span before now (-30s, -5m, -2h, -1d, -250ms): " + text);
        }
    }

    private static double unitNs(final String unit)
    {
        switch (unit)
        {
            case "ms": return 1e6;
            case "s": return 1e9;
            case "m": return 60e9;
            case "h": return 3_600e9;
            default: return 86_400e9;
        }
    }
}
