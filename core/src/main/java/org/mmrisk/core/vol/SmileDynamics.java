package org.mmrisk.core.vol;

/**
 * How an underlying's smiles move, between fits, when the index moves and when time passes. Every reading of the
 * surface (the full revaluation, the smile-consistent Greeks the incremental update extrapolates with, the P&L
 * explain) goes through {@link VolSurface#evaluate}, so all of them share the chosen dynamics.
 * <p>
 * With k = ln(K/F), F the expiry's forward (which moves with the index, its basis held), T the time to expiry now
 * and T_fit at the smile's fit, S the index now and S_fit at the fit, each smile fitted as w_fit(k) is read as:
 * <ul>
 *   <li>{@link #STICKY_MONEYNESS}: σ(k) = σ_fit(k). The smile moves with the forward; an option's vol changes when
 *       the index moves (∂σ/∂F = −σ_k/F), not when time passes.</li>
 *   <li>{@link #STICKY_STRIKE}: σ(K) = σ_fit(k + ln(S/S_fit)), the vol the strike had at the fit. An index move leaves
 *       every option's vol where it was (∂σ/∂S = 0); a change of an expiry's basis alone moves its smile with its
 *       forward. A smile fitted before the underlying's first index is read sticky-moneyness until re-fitted.</li>
 *   <li>{@link #STICKY_DELTA}: σ(k) = σ_fit(k·√(T_fit/T)): an option keeps the vol of its standardised moneyness
 *       k/√T, on which Black delta depends to first order (d1 = −k/(σ√T) + σ√T/2). Index moves are read as under
 *       sticky moneyness; as time passes, the smile narrows in k with √T, so an option's vol drifts towards the
 *       wing's.</li>
 * </ul>
 */
public enum SmileDynamics
{
    STICKY_MONEYNESS,
    STICKY_STRIKE,
    STICKY_DELTA;

    /**
     * @return the configuration spelling, e.g. {@code sticky-strike}.
     */
    public String configName()
    {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * @return the dynamics named {@code name} in configuration spelling.
     * @throws IllegalArgumentException naming the accepted spellings.
     */
    public static SmileDynamics fromConfigName(final String name)
    {
        for (final SmileDynamics dynamics : values())
        {
            if (dynamics.configName().equals(name))
            {
                return dynamics;
            }
        }
        throw new IllegalArgumentException(
            "must be sticky-moneyness, sticky-strike or sticky-delta: " + name);
    }
}
