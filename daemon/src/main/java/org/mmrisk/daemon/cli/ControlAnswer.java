package org.mmrisk.daemon.cli;

import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.daemon.egress.OutputAdapter;
import org.mmrisk.daemon.queue.SbeTailer;

/**
 * Waits on the output queue for the daemon's answer to one command: the {@code CONTROL_APPLIED} or
 * {@code CONTROL_REJECTED} alert with the command's correlation id, counting heartbeats meanwhile (a daemon that is
 * alive but silent is told apart from none). Owned by the tool's thread.
 */
final class ControlAnswer implements AlertOutput
{
    private static final long POLL_IDLE_MS = 5;

    private final long correlationId;
    private Alert answer;
    private long heartbeats;

    ControlAnswer(final long correlationId)
    {
        this.correlationId = correlationId;
    }

    /**
     * Reads outputs until the answer arrives or {@code timeoutMs} of wall time have passed.
     */
    void await(final SbeTailer outputs, final long timeoutMs) throws InterruptedException
    {
        final OutputAdapter adapter = new OutputAdapter(this, (seq, wall, engine, lastOut, lastJournal) -> heartbeats++);
        final long deadlineMs = System.currentTimeMillis() + timeoutMs;
        while (answer == null && System.currentTimeMillis() < deadlineMs)
        {
            if (outputs.poll(adapter) == 0)
            {
                Thread.sleep(POLL_IDLE_MS);
            }
        }
    }

    /**
     * @return the answering alert, or null when none came.
     */
    Alert alert()
    {
        return answer;
    }

    long heartbeats()
    {
        return heartbeats;
    }

    @Override
    public void onAlert(final Alert alert)
    {
        if (answer == null && alert.correlationId == correlationId &&
            (alert.code == AlertCode.CONTROL_APPLIED || alert.code == AlertCode.CONTROL_REJECTED))
        {
            answer = new Alert().copyFrom(alert);
        }
    }
}
