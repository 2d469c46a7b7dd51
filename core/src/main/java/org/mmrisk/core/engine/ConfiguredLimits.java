package org.mmrisk.core.engine;

import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.limits.PortfolioLimitKind;
import org.mmrisk.core.quoting.QuotingGuard;

/**
 * After a state saved under another configuration has been restored: puts the configuration's limits in force in
 * place of the restored ones (which an operator may also have set live), reporting each that changes, and reports the
 * restored values that stay although the configuration now says otherwise. Owned by the engine thread; start-up only.
 */
public final class ConfiguredLimits
{
    /**
     * Receives one difference between the restored state and the configuration.
     */
    @FunctionalInterface
    public interface Listener
    {
        /**
         * @param key     the configuration key, as in the daemon's file (e.g. {@code engine.limits.BTC.delta}).
         * @param applied true when the configured value replaced the restored one, false when the restored one stays.
         */
        void onDifference(String key, String restored, String configured, boolean applied);
    }

    private ConfiguredLimits()
    {
    }

    static void apply(final EngineContext ctx, final QuotingGuard guard, final Listener listener)
    {
        for (int i = 0, n = ctx.underlyings.size(); i < n; i++)
        {
            final UnderlyingRisk underlying = ctx.underlyings.get(i);
            final String name = AsciiCode.toString(underlying.code());
            final double[] configured = ctx.config.limitsOf(underlying.code());
            for (final LimitKind kind : LimitKind.VALUES)
            {
                final double restored = underlying.limit(kind);
                if (differ(restored, configured[kind.ordinal()]))
                {
                    listener.onDifference("engine.limits." + name + "." + kind.key(), Double.toString(restored),
                        Double.toString(configured[kind.ordinal()]), true);
                    guard.setLimit(underlying, kind, configured[kind.ordinal()]);
                    underlying.marks().markDirty();
                }
            }
            if (underlying.account().equityDelta() != ctx.config.equityDelta())
            {
                // it decides how each trade books coin P&L, so it cannot change under a book already booked
                listener.onDifference("engine.equityDelta (" + name + ")",
                    Boolean.toString(underlying.account().equityDelta()),
                    Boolean.toString(ctx.config.equityDelta()), false);
            }
        }
        applyPortfolio(ctx, listener);
    }

    private static void applyPortfolio(final EngineContext ctx, final Listener listener)
    {
        final double[] configured = ctx.config.portfolioLimits();
        for (final PortfolioLimitKind kind : PortfolioLimitKind.VALUES)
        {
            final double restored = ctx.portfolio.limit(kind);
            if (differ(restored, configured[kind.ordinal()]))
            {
                listener.onDifference("engine.limits.portfolio." + kind.key(), Double.toString(restored),
                    Double.toString(configured[kind.ordinal()]), true);
                ctx.portfolio.setLimit(kind, configured[kind.ordinal()]);
                ctx.touchAll();
            }
        }
    }

    private static boolean differ(final double a, final double b)
    {
        return Double.doubleToLongBits(a) != Double.doubleToLongBits(b);
    }
}
