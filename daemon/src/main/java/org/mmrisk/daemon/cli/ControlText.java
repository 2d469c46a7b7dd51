package org.mmrisk.daemon.cli;

import org.mmrisk.core.engine.RejectReason;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ControlCommand;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.output.Alert;

import java.util.List;

/**
 * How the tools name an operator command, its arguments and its input source. Stateless; allocates (tools only).
 */
final class ControlText
{
    private ControlText()
    {
    }

    /**
     * @return e.g. {@code SET_LIMIT delta=50.0 underlying=BTC}, {@code CLEAR_LIMIT delta underlying=BTC} or
     * {@code HALT underlying=(every)}.
     */
    static String describe(final ControlCommand command, final String limit, final double value,
        final long underlying)
    {
        final StringBuilder sb = new StringBuilder(String.valueOf(command));
        if (command == ControlCommand.SET_LIMIT)
        {
            sb.append(' ').append(limit).append('=').append(value);
        }
        else if (command == ControlCommand.CLEAR_LIMIT)
        {
            sb.append(' ').append(limit);
        }
        else if (!Double.isNaN(value))
        {
            sb.append(" value=").append(value);
        }
        sb.append(" underlying=").append(underlying == AsciiCode.NONE ? "(every)" : AsciiCode.toString(underlying));
        return sb.toString();
    }

    static String describe(final Alert alert)
    {
        return describe(alert.command, alert.limitNameText(), alert.value, alert.underlying);
    }

    /**
     * @return the input queue's name: one of {@code inputs}, or {@code control} (the source after them).
     */
    static String source(final int sourceId, final List<String> inputs)
    {
        if (sourceId == RiskEvent.NO_SOURCE)
        {
            return "-";
        }
        if (inputs == null)
        {
            return "source " + sourceId;
        }
        return sourceId < inputs.size() ? inputs.get(sourceId) : sourceId == inputs.size() ? "control" :
            "source " + sourceId;
    }

    /**
     * @return {@code APPLIED} or {@code REJECTED REASON}.
     */
    static String outcome(final Alert alert)
    {
        final RejectReason reason = RejectReason.fromOrdinal(alert.rejectReason);
        return reason == null ? "APPLIED" : "REJECTED " + reason.name();
    }
}
