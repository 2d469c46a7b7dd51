package org.mmrisk.core.output;

import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ControlCommand;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.event.RiskEvent;

import java.nio.charset.StandardCharsets;

/**
 * An alert: a value object owned by the engine thread, pre-allocated in the engine's pending-alert ring.
 * <p>
 * The answer to an operator command ({@link AlertCode#CONTROL_APPLIED}, {@link AlertCode#CONTROL_REJECTED}) also
 * carries the command: {@link #command}, its arguments ({@link #underlying}, {@link #value}, {@link #limitName}),
 * the input source it came from, its {@link #correlationId} and, when rejected, the reason. Every other alert has
 * no command ({@code null}), correlation id 0, no source and no reason.
 */
public final class Alert
{
    /** {@link #rejectReason} of an alert that rejects nothing. */
    public static final int NO_REASON = -1;

    public long sequence;
    public long timeNs;
    public AlertCode code;
    public long underlying;
    public int instrumentId;
    public double value;
    public double threshold;
    public QuotingState state;
    /** The operator command answered, or null. */
    public ControlCommand command;
    public final byte[] limitName = new byte[RiskEvent.MAX_LIMIT_NAME_LENGTH];
    public int limitNameLength;
    /** The command's correlation id; 0: none. */
    public long correlationId;
    /** The input source of the command ({@link RiskEvent#sourceId}); {@link RiskEvent#NO_SOURCE}: none. */
    public int sourceId = RiskEvent.NO_SOURCE;
    /** Ordinal of the engine's {@code RejectReason} of a rejected command; {@link #NO_REASON}: none. */
    public int rejectReason = NO_REASON;

    /**
     * Sets an alert that answers no command.
     */
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
        this.command = null;
        this.limitNameLength = 0;
        this.correlationId = 0;
        this.sourceId = RiskEvent.NO_SOURCE;
        this.rejectReason = NO_REASON;
        return this;
    }

    /**
     * Adds the command this alert answers (after {@link #set}); allocation-free.
     */
    public Alert command(final ControlCommand command, final byte[] limitName, final int limitNameLength,
        final long correlationId, final int sourceId, final int rejectReason)
    {
        this.command = command;
        this.limitNameLength = Math.min(limitNameLength, this.limitName.length);
        System.arraycopy(limitName, 0, this.limitName, 0, this.limitNameLength);
        this.correlationId = correlationId;
        this.sourceId = sourceId;
        this.rejectReason = rejectReason;
        return this;
    }

    public Alert copyFrom(final Alert other)
    {
        sequence = other.sequence;
        return set(other.timeNs, other.code, other.underlying, other.instrumentId, other.value, other.threshold,
            other.state).command(other.command, other.limitName, other.limitNameLength, other.correlationId,
            other.sourceId, other.rejectReason);
    }

    /**
     * @return the limit name as text (allocates: tools and tests only).
     */
    public String limitNameText()
    {
        return new String(limitName, 0, limitNameLength, StandardCharsets.US_ASCII);
    }

    @Override
    public String toString()
    {
        return "Alert{" + code + " underlying=" + AsciiCode.toString(underlying) + " instrumentId=" + instrumentId +
            " value=" + value + " threshold=" + threshold + " state=" + state +
            (command == null ? "" : " command=" + command + " limit=" + limitNameText() + " correlationId=" +
            correlationId + " sourceId=" + sourceId + " rejectReason=" + rejectReason) + '}';
    }
}
