package org.mmrisk.daemon;

import com.lmax.disruptor.ExceptionHandler;
import org.agrona.ErrorHandler;
import org.mmrisk.daemon.ring.RingEvent;

/**
 * What a ring consumer does with an unexpected exception (a bug, or an I/O failure on a queue): report it and stop
 * consuming, so the heartbeat stops and consumers of the output treat the daemon as dead. Expected bad input never
 * reaches here: it is rejected with a reason code.
 */
final class FatalExceptionHandler implements ExceptionHandler<RingEvent>
{
    private final ErrorHandler errorHandler;

    FatalExceptionHandler(final ErrorHandler errorHandler)
    {
        this.errorHandler = errorHandler;
    }

    @Override
    public void handleEventException(final Throwable ex, final long sequence, final RingEvent event)
    {
        errorHandler.onError(new IllegalStateException("ring consumer failed at ring sequence " + sequence, ex));
        throw new IllegalStateException(ex);
    }

    @Override
    public void handleOnStartException(final Throwable ex)
    {
        errorHandler.onError(ex);
    }

    @Override
    public void handleOnShutdownException(final Throwable ex)
    {
        errorHandler.onError(ex);
    }
}
