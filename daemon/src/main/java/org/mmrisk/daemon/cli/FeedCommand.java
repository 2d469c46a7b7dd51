package org.mmrisk.daemon.cli;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.feed.FeedSimulator;
import org.mmrisk.daemon.feed.FillLog;
import org.mmrisk.daemon.feed.SimulatedBook;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code risk feed}: a gateway simulator writing a BTC and ETH book into the daemon's input queues at a fixed rate
 * (open loop: each message is stamped with its scheduled send time). Each number is checked by its converter, so a
 * bad one is a usage error naming that option and its value.
 */
@Command(name = "feed", mixinStandardHelpOptions = true,
    description = "Simulate exchange gateways: definitions, SVI surfaces, ticks and fills into the input queues.")
public final class FeedCommand implements Callable<Integer>
{
    @Option(names = "--config", required = true, description = "daemon config file (YAML): where the queues are")
    Path config;

    @Option(names = "--rate", defaultValue = "1000", converter = NumberConverters.PositiveInteger.class,
        description = "messages per second (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--seconds", defaultValue = "60", converter = NumberConverters.PositiveFinite.class,
        description = "how long to run (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--fill-ratio", defaultValue = "0.01", converter = NumberConverters.Fraction.class,
        description = "fraction of messages that are fills (default ${DEFAULT-VALUE})")
    double fillRatio;

    @Option(names = "--fill-log", description = "append one line per fill written, re-sends included: " +
        "venue fillId instrumentId signedQuantity")
    Path fillLogFile;

    @Override
    public Integer call()
    {
        final LoadedConfig loaded = ConfigLoader.load(config);
        final List<String> inputs = loaded.config().inputs;
        final String fillsInput = inputs.size() > 1 ? inputs.get(1) : inputs.get(0);
        final long startNs = System.currentTimeMillis() * 1_000_000L;
        final List<SimulatedBook> books = List.of(
            new SimulatedBook("BTC", 1000, 95_000, 0.55, 1000, 10, startNs),
            new SimulatedBook("ETH", 2000, 3_500, 0.65, 50, 1, startNs));
        try (ChronicleQueue marketQueue = Queues.open(loaded.inputDir(inputs.get(0)), loaded.queueBlockSizeBytes());
            ChronicleQueue fillQueue = fillsInput.equals(inputs.get(0)) ? null :
                Queues.open(loaded.inputDir(fillsInput), loaded.queueBlockSizeBytes());
            SbeAppender market = new SbeAppender(marketQueue);
            SbeAppender fills = fillQueue == null ? null : new SbeAppender(fillQueue);
            FillLog fillLog = fillLogFile == null ? null : new FillLog(fillLogFile))
        {
            final FeedSimulator feed = new FeedSimulator(books, market, fills == null ? market : fills, seed, fillRatio)
                .fillLog(fillLog);
            feed.writeReferenceData(startNs);
            run(feed);
            System.out.printf("risk feed: wrote %,d messages (%,d fills, %,d of them sent twice) into %s%n",
                feed.messageCount(), feed.fillCount(), feed.resentCount(), loaded.dataDir().resolve("input"));
        }
        return 0;
    }

    private void run(final FeedSimulator feed)
    {
        final long intervalNs = Math.max(1, 1_000_000_000L / rate);
        final long total = (long)(rate * seconds);
        final double stepYears = 1.0 / rate / (365.25 * 86_400);
        final long startNanoTime = System.nanoTime();
        final long startEpochNs = System.currentTimeMillis() * 1_000_000L;
        for (long i = 0; i < total; i++)
        {
            final long dueNanoTime = startNanoTime + i * intervalNs;
            long waitNs;
            while ((waitNs = dueNanoTime - System.nanoTime()) > 0)
            {
                if (waitNs > 50_000)
                {
                    LockSupport.parkNanos(waitNs - 20_000);
                }
                else
                {
                    Thread.onSpinWait();
                }
            }
            feed.step(startEpochNs + i * intervalNs, stepYears);
        }
    }
}
