package org.mmrisk.core.limits;

import org.mmrisk.core.event.QuotingState;

/**
 * The rung one limit holds on the quoting ladder NORMAL → WIDEN → REDUCE_ONLY → HALT, with hysteresis on the way
 * back. Stateless: the caller keeps each limit's current rung.
 */
public final class Ladder
{
    private Ladder()
    {
    }

    /**
     * @return measure ÷ limit; 0 when the limit is not set (not positive); +∞ when the measure is not a number (sums
     * overflowed by hostile input), so that a measure nobody can read fails closed and breaches its limit.
     */
    public static double utilization(final double measure, final double limit)
    {
        if (!(limit > 0))
        {
            return 0;
        }
        return Double.isNaN(measure) ? Double.POSITIVE_INFINITY : measure / limit;
    }

    /**
     * @param current     the limit's rung now.
     * @param utilization measure ÷ limit (0 when the limit is not set).
     * @return the rung after this measure: up at once, down only below the lower rung's threshold... as configured.
     */
    public static QuotingState next(final QuotingState current, final double utilization, final LadderConfig config)
    {
        final QuotingState target = rungAt(utilization, config, 0);
        if (target.ordinal() >= current.ordinal())
        {
            return target;
        }
        // stepping down: the measure must clear the current rung's threshold by the hysteresis
        final QuotingState lowered = rungAt(utilization, config, config.hysteresis());
        return lowered.ordinal() < current.ordinal() ? lowered : current;
    }

    private static QuotingState rungAt(final double utilization, final LadderConfig config, final double margin)
    {
        if (utilization >= config.haltAt() - margin)
        {
            return QuotingState.HALT;
        }
        if (utilization >= config.reduceOnlyAt() - margin)
        {
            return QuotingState.REDUCE_ONLY;
        }
        if (utilization >= config.widenAt() - margin)
        {
            return QuotingState.WIDEN;
        }
        return QuotingState.NORMAL;
    }

    public static QuotingState max(final QuotingState a, final QuotingState b)
    {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
