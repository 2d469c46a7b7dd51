package org.mmrisk.core.output;

import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.QuotingState;

/**
 * How the quoting engine should lean its quotes on one instrument. A flyweight owned by the engine thread,
 * refilled for each emission.
 * <p>
 * {@code shift} is the reservation-price shift in the instrument's quote currency (coin for coin-quoted
 * options, USD otherwise): add it to both bid and ask. {@code shiftVol} is the same shift in vol points for
 * options (NaN otherwise). Multipliers scale the quoting engine's own spread and size (1 = unchanged).
 */
public final class QuoteAdjustment
{
    public long sequence;
    public long timeNs;
    public int instrumentId;
    public InstrumentKind kind;
    public long underlying;
    public double shift;
    public double shiftVol;
    public double bidSpreadMult;
    public double askSpreadMult;
    public double bidSizeMult;
    public double askSizeMult;
    public QuotingState state;
    /**
     * The largest fill per side, contracts, that keeps the underlying's initial-margin utilization within
     * {@code engine.margin.sizingUtilization} (or, above it, does not raise the initial margin); NaN while unknown.
     */
    public double bidMaxQty = Double.NaN;
    public double askMaxQty = Double.NaN;
    /** Journal sequence of the input whose batch caused this adjustment. */
    public long causeJournalSequence;
    /** When ingress read that input (wall clock, carried for latency measurement). */
    public long causeReceiveTimeNs;
    /** The gateway's send stamp of that input. */
    public long causeSendTimeNs;
}
