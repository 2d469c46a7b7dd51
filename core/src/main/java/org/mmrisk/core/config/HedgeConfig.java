package org.mmrisk.core.config;

/**
 * Delta hedging of one underlying: when |delta| leaves the band, a hedge signal on the configured instrument
 * brings it back to the target (zero, or the band's edge); no second signal while one is outstanding, until the
 * timeout in engine time. Read-only.
 *
 * @param instrumentSymbol the hedge instrument's symbol (a perpetual or a future of that underlying).
 * @param bandCoins        half-width of the band around zero delta, coins.
 * @param toZero           true: hedge to zero delta; false: to the band's edge.
 * @param timeoutNs        how long a signal is outstanding, engine time.
 */
public record HedgeConfig(String instrumentSymbol, double bandCoins, boolean toZero, long timeoutNs)
{
    public HedgeConfig
    {
        if (instrumentSymbol == null || instrumentSymbol.isEmpty() || !(bandCoins > 0) || timeoutNs <= 0)
        {
            throw new IllegalArgumentException("hedging needs an instrument, a positive band and a positive timeout: " +
                instrumentSymbol + ", " + bandCoins + ", " + timeoutNs);
        }
    }
}
