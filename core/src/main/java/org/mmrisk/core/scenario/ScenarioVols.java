package org.mmrisk.core.scenario;

import org.mmrisk.core.config.ScenarioConfig;
import org.mmrisk.core.event.VolShock;

/**
 * The shocked vols of the scenario points. Stateless.
 */
public final class ScenarioVols
{
    private static final double MONTH_DAYS = 30.0;

    private ScenarioVols()
    {
    }

    /**
     * @param vol  the option's implied vol σ now.
     * @param days its time to expiry in days (fractional).
     * @return σ under {@code shock}: UP σ·(1 + up·scale), DOWN max(σ·(1 − down·scale), floor), SAME σ, with
     * scale = (30 / max(days, 1))^p, p the short-term power under 30 days, else the long-term one.
     */
    public static double shocked(final VolShock shock, final double vol, final double days, final ScenarioConfig config)
    {
        if (shock == VolShock.SAME)
        {
            return vol;
        }
        final double scale = scale(days, config);
        return shock == VolShock.UP ? vol * (1 + config.volRangeUp() * scale) :
            Math.max(vol * (1 - config.volRangeDown() * scale), config.volFloor());
    }

    private static double scale(final double days, final ScenarioConfig config)
    {
        final double power = days < MONTH_DAYS ? config.shortTermVegaPower() : config.longTermVegaPower();
        return Math.pow(MONTH_DAYS / Math.max(days, 1.0), power);
    }
}
