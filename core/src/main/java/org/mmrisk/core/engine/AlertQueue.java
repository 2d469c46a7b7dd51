package org.mmrisk.core.engine;

import org.mmrisk.core.event.ControlCommand;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.state.StateIo;

/**
 * Alerts raised during a batch, held until the batch ends (the engine emits only at batch end). A fixed ring of
 * pre-allocated alerts; when it is full further alerts are counted as dropped rather than allocated.
 * Owned by the engine thread.
 */
final class AlertQueue
{
    private final Alert[] alerts;
    private int size;

    AlertQueue(final int capacity)
    {
        alerts = new Alert[capacity];
        for (int i = 0; i < capacity; i++)
        {
            alerts[i] = new Alert();
        }
    }

    /**
     * @return false when the queue is full and the alert was not kept.
     */
    boolean add(final long timeNs, final AlertCode code, final long underlying, final int instrumentId,
        final double value, final double threshold, final QuotingState state)
    {
        if (size == alerts.length)
        {
            return false;
        }
        alerts[size++].set(timeNs, code, underlying, instrumentId, value, threshold, state);
        return true;
    }

    /**
     * @return the alert added last, to add the command it answers.
     */
    Alert last()
    {
        return alerts[size - 1];
    }

    int size()
    {
        return size;
    }

    Alert get(final int i)
    {
        return alerts[i];
    }

    void clear()
    {
        size = 0;
    }

    /**
     * Saves or restores the alerts raised and not yet emitted (normally none at the end of a batch).
     */
    void exchangeState(final StateIo io)
    {
        size = io.count(size, alerts.length, "pending alerts");
        for (int i = 0; i < size; i++)
        {
            final Alert alert = alerts[i];
            alert.sequence = io.i64(alert.sequence);
            alert.timeNs = io.i64(alert.timeNs);
            alert.code = io.enumValue(alert.code, AlertCode.VALUES);
            alert.underlying = io.i64(alert.underlying);
            alert.instrumentId = io.i32(alert.instrumentId);
            alert.value = io.f64(alert.value);
            alert.threshold = io.f64(alert.threshold);
            alert.state = io.enumValue(alert.state, QuotingState.VALUES);
            alert.command = io.enumValue(alert.command, ControlCommand.VALUES);
            alert.limitNameLength = io.count(alert.limitNameLength, alert.limitName.length, "alert limit name");
            io.bytes(alert.limitName, 0, alert.limitNameLength);
            alert.correlationId = io.i64(alert.correlationId);
            alert.sourceId = io.i32(alert.sourceId);
            alert.rejectReason = io.i32(alert.rejectReason);
        }
    }
}
