package org.mmrisk.daemon;

import org.agrona.ErrorHandler;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The first unexpected error of any daemon thread (a ring consumer's exception, an agent's, a failed start): after
 * it the engine's state may reflect half a batch, or events the journal does not hold, so nothing may checkpoint it
 * or write it out, every wait on another thread gives up, and the process stops (exit status 2, its heartbeats stop,
 * which consumers treat as HALT). A restart then recovers as after a kill: from the last checkpoint and the journal.
 * <p>
 * Expected bad input never comes here: it is rejected with a reason. Any thread may report; the first report wins
 * (compare-and-set) and every thread may read it.
 */
public final class DaemonFailure implements ErrorHandler
{
    private final ErrorHandler report;
    private final AtomicReference<Throwable> first = new AtomicReference<>();

    /**
     * @param report told of every error, the first included (logging, waking the main thread).
     */
    public DaemonFailure(final ErrorHandler report)
    {
        this.report = report;
    }

    @Override
    public void onError(final Throwable error)
    {
        first.compareAndSet(null, error);
        report.onError(error);
    }

    /**
     * @return true once any thread has failed.
     */
    public boolean failed()
    {
        return first.get() != null;
    }

    /**
     * @return the first failure, null while there is none.
     */
    public Throwable cause()
    {
        return first.get();
    }

    /**
     * @return the first failure as one line: its message and those of its causes.
     */
    public String describe()
    {
        final StringBuilder text = new StringBuilder();
        for (Throwable t = first.get(); t != null; t = t.getCause() == t ? null : t.getCause())
        {
            if (text.length() > 0)
            {
                text.append(": ");
            }
            text.append(t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName());
        }
        return text.toString();
    }
}
