package org.mmrisk.daemon.config;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * Turns the configured strategy names into Agrona idle strategies and Disruptor wait strategies.
 * Busy-spinning is for production with a core per busy thread; backing off is for shared machines. Stateless.
 */
public final class Strategies
{
    private Strategies()
    {
    }

    /**
     * @param name busy-spin | yielding | backoff | sleeping (validated by {@link ConfigLoader}).
     */
    public static IdleStrategy idle(final String name)
    {
        switch (name)
        {
            case "busy-spin": return new BusySpinIdleStrategy();
            case "yielding": return new YieldingIdleStrategy();
            case "sleeping": return new SleepingMillisIdleStrategy(1);
            default: return new BackoffIdleStrategy(100, 10, 1_000, 1_000_000);
        }
    }

    /**
     * @param name busy-spin | yielding | sleeping | blocking (validated by {@link ConfigLoader}).
     */
    public static WaitStrategy waitStrategy(final String name)
    {
        switch (name)
        {
            case "busy-spin": return new BusySpinWaitStrategy();
            case "yielding": return new YieldingWaitStrategy();
            case "blocking": return new BlockingWaitStrategy();
            default: return new SleepingWaitStrategy();
        }
    }

    /**
     * How the engine thread waits for the journaller: spin for busy-spin deployments, else back off.
     */
    public static IdleStrategy journalWait(final String ringWaitStrategy)
    {
        return "busy-spin".equals(ringWaitStrategy) ? new BusySpinIdleStrategy() :
            new BackoffIdleStrategy(100, 10, 1_000, 100_000);
    }
}
