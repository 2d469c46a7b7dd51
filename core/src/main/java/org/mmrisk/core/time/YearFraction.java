package org.mmrisk.core.time;

/**
 * Converts engine time (nanoseconds since the Unix epoch) to year fractions, ACT/365.25.
 * <p>
 * Every maturity in the project (vol surface, forwards, pricing) goes through this one conversion so that a
 * change of day count is a one-line change and no two components disagree on what "one year" is.
 * Stateless; usable from any thread.
 */
public final class YearFraction
{
    public static final double DAYS_PER_YEAR = 365.25;
    public static final long NANOS_PER_DAY = 86_400L * 1_000_000_000L;
    public static final double NANOS_PER_YEAR = DAYS_PER_YEAR * NANOS_PER_DAY;

    private YearFraction()
    {
    }

    /**
     * @param fromNs start, nanoseconds since the epoch (typically engine time now).
     * @param toNs   end, nanoseconds since the epoch (typically an expiry).
     * @return (toNs − fromNs) in years, ACT/365.25; negative when {@code toNs} is before {@code fromNs}.
     */
    public static double years(final long fromNs, final long toNs)
    {
        // the difference of two epoch stamps fits a long for any date this system will see (±292 years)
        return (toNs - fromNs) / NANOS_PER_YEAR;
    }

    /**
     * @return calendar days (fractional) from {@code fromNs} to {@code toNs}, negative when {@code toNs} is earlier.
     */
    public static double days(final long fromNs, final long toNs)
    {
        return (toNs - fromNs) / (double)NANOS_PER_DAY;
    }
}
