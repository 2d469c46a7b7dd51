package org.mmrisk.daemon.cli;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.daemon.config.ConfigLoader;
import org.mmrisk.daemon.config.LoadedConfig;
import org.mmrisk.daemon.egress.OutputAdapter;
import org.mmrisk.daemon.feed.DeskQuotes;
import org.mmrisk.daemon.feed.FeedSimulator;
import org.mmrisk.daemon.feed.FillLog;
import org.mmrisk.daemon.feed.MarketRegime;
import org.mmrisk.daemon.feed.SimulatedBook;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.queue.SbeTailer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code risk feed}: a gateway simulator writing a BTC and ETH book into the daemon's input queues at a fixed rate
 * (open loop: each message is stamped with its scheduled send time). It reads the daemon's output queue so that its
 * fills follow the desk's quotes, and stops early on SIGINT or SIGTERM, writing its summary all the same. Each number
 * is checked by its converter, so a bad one is a usage error naming that option and its value.
 */
@Command(name = "feed", mixinStandardHelpOptions = true,
    description = "Simulate exchange gateways: definitions, SVI surfaces, ticks and fills into the input queues.")
public final class FeedCommand implements Callable<Integer>
{
    /** The daemon's outputs are read every 256 messages, at most a few hundred at a time. */
    private static final long OUTPUT_POLL_MASK = 255;
    private static final int OUTPUT_POLL_LIMIT = 512;

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

    @Option(names = "--stress", description = "a stressed market: three times the vol, jumps of 1-4%% twice a " +
        "minute, fills that ignore the skew half of the time (default: a calm one)")
    boolean stress;

    /** Set by the shutdown hook on SIGINT or SIGTERM; the send loop stops at the next message. */
    private volatile boolean stopRequested;

    @Override
    public Integer call()
    {
        final LoadedConfig loaded = ConfigLoader.load(config);
        final CountDownLatch summarised = new CountDownLatch(1);
        final Thread hook = new Thread(() -> awaitSummary(summarised), "feed-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try
        {
            feed(loaded);
        }
        finally
        {
            System.out.flush();
            summarised.countDown();
            removeQuietly(hook);
        }
        return 0;
    }

    private void feed(final LoadedConfig loaded)
    {
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
            ChronicleQueue outputQueue = Queues.open(loaded.outputDir(), loaded.queueBlockSizeBytes());
            SbeTailer outputs = new SbeTailer(outputQueue);
            FillLog fillLog = fillLogFile == null ? null : new FillLog(fillLogFile))
        {
            final MarketRegime regime = stress ? MarketRegime.STRESS : MarketRegime.CALM;
            final DeskQuotes quotes = new DeskQuotes(System.out);
            final FeedSimulator feed = new FeedSimulator(books, market, fills == null ? market : fills, seed, fillRatio)
                .fillLog(fillLog).regime(regime).quotes(quotes).log(System.out);
            feed.writeReferenceData(startNs);
            final long steps = run(feed, outputs, new OutputAdapter(quotes, (seq, wall, engine, out, journal) -> { }));
            summarise(feed, books, regime, steps, loaded);
        }
    }

    private static void summarise(final FeedSimulator feed, final List<SimulatedBook> books, final MarketRegime regime,
        final long steps, final LoadedConfig loaded)
    {
        System.out.printf("risk feed: wrote %,d messages (%,d fills, %,d of them sent twice) into %s%n",
            feed.messageCount(), feed.fillCount(), feed.resentCount(), loaded.dataDir().resolve("input"));
        final StringBuilder moves = new StringBuilder();
        for (int b = 0; b < books.size(); b++)
        {
            moves.append(String.format("%s %.2f -> %.2f (%+.2f%%)  ", books.get(b).underlying,
                books.get(b).initialSpotUsd, feed.spotUsd(b), 100 * (feed.spotUsd(b) / books.get(b).initialSpotUsd - 1)));
        }
        System.out.printf("risk feed: %s market, %,d steps; index %s%n", regime.name().toLowerCase(), steps,
            moves.toString().strip());
        System.out.printf("risk feed: %,d of %,d fills where the skew leaned were on its side; %,d fills withheld " +
            "(the desk quoted no such side)%n", feed.favouredCount(), feed.leaningCount(), feed.withheldCount());
    }

    /**
     * On a signal: asks the send loop to stop and holds the JVM's exit until the summary is written (or 5 s).
     */
    private void awaitSummary(final CountDownLatch summarised)
    {
        stopRequested = true;
        try
        {
            summarised.await(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(final Thread hook)
    {
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException ex)
        {
            // the JVM is already shutting down: the hook is running and returns at once
        }
    }

    /**
     * @return the steps sent.
     */
    private long run(final FeedSimulator feed, final SbeTailer outputs, final OutputAdapter quotes)
    {
        final long intervalNs = Math.max(1, 1_000_000_000L / rate);
        final long total = (long)(rate * seconds);
        final double stepYears = 1.0 / rate / (365.25 * 86_400);
        final long startNanoTime = System.nanoTime();
        final long startEpochNs = System.currentTimeMillis() * 1_000_000L;
        long i = 0;
        for (; i < total && !stopRequested; i++)
        {
            if ((i & OUTPUT_POLL_MASK) == 0)
            {
                for (int n = 0; n < OUTPUT_POLL_LIMIT && outputs.poll(quotes) > 0; n++)
                {
                    // the latest quote adjustments steer the next fills
                }
            }
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
        return i;
    }
}
