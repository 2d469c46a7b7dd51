package org.mmrisk.daemon;

import org.agrona.concurrent.CachedEpochClock;
import org.mmrisk.daemon.errors.ErrorLogFile;
import org.mmrisk.daemon.ring.RingEvent;

import java.io.File;

/**
 * A process whose daemon error handlers meet errors at set times, for {@link ErrorLogAcrossProcessesTest}: the ring's
 * exception handler twice with the same failure (at 1 s and 61 s after the epoch), then once with a shutdown failure
 * (at 120 s). Exits 0 once all are recorded.
 */
public final class RecordErrorsMain
{
    private RecordErrorsMain()
    {
    }

    public static void main(final String[] args)
    {
        final CachedEpochClock clock = new CachedEpochClock();
        try (ErrorLogFile log = ErrorLogFile.create(new File(args[0]), clock))
        {
            final FatalExceptionHandler handler = new FatalExceptionHandler(
                new DaemonFailure(RiskDaemon.logThenReport(log, error -> System.err.println("reported: " + error))));
            final long[] timesMs = {1_000, 61_000};
            for (final long timeMs : timesMs)
            {
                clock.update(timeMs);
                try
                {
                    handler.handleEventException(failure(), 42, new RingEvent());
                }
                catch (final IllegalStateException expected)
                {
                    // the handler stops the consumer by throwing; here it has recorded first
                }
            }
            clock.update(120_000);
            handler.handleOnShutdownException(new IllegalStateException("queue would not close"));
        }
        System.out.println("recorded");
    }

    /**
     * @return the same failure each time: same type, message and stack.
     */
    private static RuntimeException failure()
    {
        return new ArithmeticException("division of the book by zero");
    }
}
