package org.mmrisk.core.output;

import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.QuotingState;

/**
 * An alert: a value object owned by the engine thread, pre-allocated in the engine's pending-alert ring.
 */
public final class Alert
{
    public long sequence;
    public long timeNs;
    public AlertCode code;
    public long underlying;
    public int instrumentId;
    public double value;
    public double threshold;
    public QuotingState state;

    public Alert set(final long timeNs, final AlertCode code, final long underlying, final int instrumentId,
        final double value, final double threshold, final QuotingState state)
    {
        this.timeNs = timeNs;
        this.code = code;
        this.underlying = underlying;
        this.instrumentId = instrumentId;
        this.value = value;
        this.threshold = threshold;
        this.state = state;
        return this;
    }

    public Alert copyFrom(final Alert other)
    {
        sequence = other.sequence;
        return set(other.timeNs, other.code, other.underlying, other.instrumentId, other.value, other.threshold,
            other.state);
    }

    @Override
    public String toString()
    {
        return "Alert{" + code + " underlying=" + AsciiCode.toString(underlying) + " instrumentId=" + instrumentId +
            " value=" + value + " threshold=" + threshold + " state=" + state + '}';
    }
}
