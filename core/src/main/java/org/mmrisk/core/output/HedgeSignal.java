package org.mmrisk.core.output;

import org.mmrisk.core.event.Side;

/**
 * Trade this to bring an underlying's delta back into its band: a value object owned by the engine thread,
 * reused for every signal.
 */
public final class HedgeSignal
{
    public long sequence;
    public long timeNs;
    public long underlying;
    public int hedgeInstrumentId;
    public Side side;
    /** Contracts of the hedge instrument. */
    public double quantity;
    /** The underlying's delta when the signal was decided, coins. */
    public double deltaBefore;
    /** The delta the hedge aims at, coins. */
    public double deltaTarget;
}
