package org.mmrisk.daemon.feed;

/**
 * How the simulated market behaves: the index's volatility against the book's ATM vol, how often and how far it
 * jumps, and how often a fill takes the side the desk's skew favours. Immutable.
 */
public enum MarketRegime
{
    /**
     * An ordinary day: the index moves at the ATM vol (about 0.1% a minute at 55%), a small jump about once in two
     * hours, and most fills go where the desk leans its quotes.
     */
    CALM(1.0, 0.5, 0.003, 0.008, 0.85),
    /**
     * A sell-off or squeeze: three times the vol, jumps of 1–4% twice a minute, and fills that ignore the skew half
     * of the time. Limits breach, quoting widens and halts: what the daemon is for.
     */
    STRESS(3.0, 120, 0.01, 0.04, 0.5);

    private static final double HOURS_PER_YEAR = 365.25 * 24;

    /** The index's volatility over the book's ATM vol. */
    public final double volMultiplier;
    /** Expected jumps of the index per hour. */
    public final double jumpsPerHour;
    /** The smallest jump, as a fraction of the index. */
    public final double jumpMin;
    /** The largest jump, as a fraction of the index. */
    public final double jumpMax;
    /** Share of fills on the side the skew favours, where it leans. */
    public final double favouredShare;

    MarketRegime(final double volMultiplier, final double jumpsPerHour, final double jumpMin, final double jumpMax,
        final double favouredShare)
    {
        this.volMultiplier = volMultiplier;
        this.jumpsPerHour = jumpsPerHour;
        this.jumpMin = jumpMin;
        this.jumpMax = jumpMax;
        this.favouredShare = favouredShare;
    }

    /**
     * @return the probability of a jump within a step of {@code stepYears}.
     */
    public double jumpProbability(final double stepYears)
    {
        return jumpsPerHour * HOURS_PER_YEAR * stepYears;
    }
}
