package org.mmrisk.bench.latency;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ShutdownSignalBarrier;
import org.mmrisk.daemon.config.Strategies;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.queue.SbeTailer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code latency relay}: the floor under the daemon. The same two queue hops (input queue → process → output
 * queue) with no risk work: each tick becomes one {@code QuoteAdjustment} carrying its cause's send time. Runs
 * until SIGINT/SIGTERM; the hot loop runs on the thread {@code relay}.
 */
@Command(name = "relay", mixinStandardHelpOptions = true,
    description = "Tail the input queue and append one QuoteAdjustment per tick to an output queue, nothing else.")
public final class RelayCommand implements Callable<Integer>
{
    @Option(names = "--in", required = true, description = "input queue directory")
    Path in;

    @Option(names = "--out", required = true, description = "output queue directory")
    Path out;

    @Option(names = "--block-size-mb", defaultValue = "64", description = "queue block size, MiB (default ${DEFAULT-VALUE})")
    int blockSizeMb;

    @Option(names = "--idle", defaultValue = "busy-spin", description = "busy-spin | yielding | backoff | sleeping")
    String idle;

    private volatile boolean running = true;

    @Override
    public Integer call()
    {
        final long[] relayed = new long[1];
        final Thread hot = new Thread(() -> relayed[0] = relay(), "relay");
        hot.start();
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier())
        {
            barrier.await();
        }
        running = false;
        try
        {
            hot.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        System.out.printf("latency relay: %,d ticks relayed%n", relayed[0]);
        return 0;
    }

    private long relay()
    {
        final IdleStrategy idleStrategy = Strategies.idle(idle);
        final long blockSize = (long)blockSizeMb << 20;
        try (ChronicleQueue input = Queues.open(in, blockSize);
            ChronicleQueue output = Queues.open(out, blockSize);
            SbeTailer tailer = new SbeTailer(input);
            SbeAppender appender = new SbeAppender(output))
        {
            final TickRelay relay = new TickRelay(appender, Clocks.epoch());
            while (running)
            {
                idleStrategy.idle(relay.doWork(tailer));
            }
            return relay.relayed();
        }
    }
}
