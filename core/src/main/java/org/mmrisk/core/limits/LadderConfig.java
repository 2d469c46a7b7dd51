package org.mmrisk.core.limits;

/**
 * Where the quoting ladder steps, as utilizations u = measure / limit, and its hysteresis: a limit moves up a rung
 * as soon as u reaches the rung's threshold, and back down only once u is below that threshold minus
 * {@code hysteresis}. Read-only after construction.
 */
public final class LadderConfig
{
    private final double widenAt;
    private final double reduceOnlyAt;
    private final double haltAt;
    private final double hysteresis;

    public LadderConfig(final double widenAt, final double reduceOnlyAt, final double haltAt, final double hysteresis)
    {
        if (!(widenAt > 0 && widenAt <= reduceOnlyAt && reduceOnlyAt <= haltAt && hysteresis >= 0 &&
            hysteresis < widenAt))
        {
            throw new IllegalArgumentException("ladder needs 0 < widenAt <= reduceOnlyAt <= haltAt and " +
                "0 <= hysteresis < widenAt: " + widenAt + ", " + reduceOnlyAt + ", " + haltAt + ", " + hysteresis);
        }
        this.widenAt = widenAt;
        this.reduceOnlyAt = reduceOnlyAt;
        this.haltAt = haltAt;
        this.hysteresis = hysteresis;
    }

    public double widenAt()
    {
        return widenAt;
    }

    public double reduceOnlyAt()
    {
        return reduceOnlyAt;
    }

    public double haltAt()
    {
        return haltAt;
    }

    public double hysteresis()
    {
        return hysteresis;
    }
}
