package org.mmrisk.bench.latency;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code latency feed}: the open-loop writer. Writes the harness book's reference data, waits for it to settle, then
 * index ticks at a fixed rate, each stamped with its scheduled send time. The hot loop runs on the thread
 * {@code feed}, which owns the appender.
 */
@Command(name = "feed", mixinStandardHelpOptions = true,
    description = "Open-loop writer: the harness book, then index ticks at a fixed rate stamped with their schedule.")
public final class LatencyFeedCommand implements Callable<Integer>
{
    @Option(names = "--queue", required = true, description = "input queue directory")
    Path queue;

    @Option(names = "--block-size-mb", defaultValue = "64", description = "queue block size, MiB (default ${DEFAULT-VALUE})")
    int blockSizeMb;

    @Option(names = "--rate", required = true, description = "index ticks per second")
    long rate;

    @Option(names = "--seconds", required = true, description = "how long to write ticks")
    double seconds;

    @Option(names = "--options", defaultValue = "1000", description = "options in the book (default ${DEFAULT-VALUE})")
    int options;

    @Option(names = "--position", defaultValue = "10", description = "long contracts of every option (default ${DEFAULT-VALUE})")
    double position;

    @Option(names = "--settle-seconds", defaultValue = "1",
        description = "pause between the reference data and the first tick (default ${DEFAULT-VALUE})")
    double settleSeconds;

    @Option(names = "--seed", defaultValue = "7", description = "random seed of the index walk (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call()
    {
        if (rate <= 0 || seconds <= 0 || settleSeconds < 0)
        {
            throw new IllegalArgumentException("--rate and --seconds must be positive, --settle-seconds not negative");
        }
        final long[] result = new long[3];
        HotThread.runAndJoin("feed", () -> write(result));
        System.out.printf("latency feed: %,d ticks at %,d/s; writer behind schedule: max %,d ns, at the end %,d ns%n",
            result[0], rate, result[1], result[2]);
        return 0;
    }

    private void write(final long[] result)
    {
        final EpochNanoClock clock = Clocks.epoch();
        final InputEncoder encoder = new InputEncoder();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
        final RiskEvent event = new RiskEvent();
        try (ChronicleQueue q = Queues.open(queue, (long)blockSizeMb << 20);
            SbeAppender appender = new SbeAppender(q))
        {
            final long setupNs = clock.nanoTime();
            new HarnessBook(options, setupNs, position).writeReferenceData(setupNs, event,
                e -> appender.append(buffer, 0, encoder.encode(e, buffer, 0)));
            final OpenLoopSchedule schedule = new OpenLoopSchedule(setupNs + (long)(settleSeconds * 1e9), rate);
            final IndexWalk walk = new IndexWalk(HarnessBook.INITIAL_INDEX_USD, seed);
            final long total = (long)(rate * seconds);
            for (long i = 0; i < total; i++)
            {
                final long nowNs = Clocks.awaitNs(clock, schedule.scheduledNs(i));
                HarnessBook.indexTick(walk.nextUsd(), schedule.stamp(i, nowNs), event);
                appender.append(buffer, 0, encoder.encode(event, buffer, 0));
            }
            result[0] = total;
            result[1] = schedule.maxLagNs();
            result[2] = schedule.lastLagNs();
        }
    }
}
