package org.mmrisk.bench.latency;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.mmrisk.daemon.config.Strategies;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeTailer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * {@code latency reader}: tails the output of the stage under test (daemon, relay, or the writer's queue itself)
 * and records latency against the causes' scheduled send times. The hot loop runs on the thread {@code reader},
 * which owns the tailer.
 */
@Command(name = "reader", mixinStandardHelpOptions = true,
    description = "Tail an output queue, record latency in HdrHistogram, write .hgrm files and a summary.")
public final class LatencyReaderCommand implements Callable<Integer>
{
    @Option(names = "--queue", required = true, description = "queue to tail")
    Path queue;

    @Option(names = "--source", defaultValue = "QUOTES", description = "QUOTES (daemon, relay) | TICKS (raw hop)")
    OutputLatencyAdapter.Source source;

    @Option(names = "--block-size-mb", defaultValue = "64", description = "queue block size, MiB (default ${DEFAULT-VALUE})")
    int blockSizeMb;

    @Option(names = "--rate", required = true, description = "the writer's rate: the expected interval is 1/rate")
    long rate;

    @Option(names = "--warmup-seconds", defaultValue = "5", description = "from the first send seen (default ${DEFAULT-VALUE})")
    double warmupSeconds;

    @Option(names = "--seconds", defaultValue = "10", description = "measurement window (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--drain-seconds", defaultValue = "10",
        description = "how long to wait past the window for late outputs (default ${DEFAULT-VALUE})")
    double drainSeconds;

    @Option(names = "--idle", defaultValue = "busy-spin", description = "busy-spin | yielding | backoff | sleeping")
    String idle;

    @Option(names = "--out", required = true, description = "results directory")
    Path out;

    @Option(names = "--label", required = true, description = "file name stem of this measurement")
    String label;

    @Option(names = "--stage", required = true, description = "raw | relay | daemon: the column in the report")
    String stage;

    @Option(names = "--config", defaultValue = "", description = "configuration name: the group in the report")
    String configName;

    @Override
    public Integer call() throws Exception
    {
        Files.createDirectories(out);
        final Properties summary = new Properties();
        summary.setProperty("source", source.name());
        summary.setProperty("stage", stage);
        summary.setProperty("config", configName);
        summary.setProperty("rate", Long.toString(rate));
        summary.setProperty("seconds", Integer.toString(seconds));
        summary.setProperty("idle", idle);
        final boolean[] complete = new boolean[1];
        final OutputLatencyAdapter[] adapter = new OutputLatencyAdapter[1];
        HotThread.runAndJoin("reader", () -> adapter[0] = read(complete));
        if (adapter[0].recorder() == null)
        {
            System.err.println("latency reader: nothing read from " + queue);
            return 1;
        }
        summary.setProperty("drained", Boolean.toString(complete[0]));
        summary.setProperty("windowStartEpochNs", Long.toString(adapter[0].windowStartNs()));
        final Properties written = adapter[0].recorder().write(out, label, summary);
        System.out.println("latency reader " + label + ": " + RatioTable.oneLine(written));
        return 0;
    }

    private OutputLatencyAdapter read(final boolean[] complete)
    {
        final EpochNanoClock clock = Clocks.epoch();
        final IdleStrategy idleStrategy = Strategies.idle(idle);
        final OutputLatencyAdapter adapter = new OutputLatencyAdapter(source, clock, (long)(warmupSeconds * 1e9),
            seconds, 1_000_000_000L / rate);
        final long drainNs = (long)(drainSeconds * 1e9);
        // gives up when outputs stop coming for good: two minutes past the longest the run can take
        final long giveUpNs = clock.nanoTime() + (long)((warmupSeconds + seconds + drainSeconds + 120) * 1e9);
        try (ChronicleQueue q = Queues.open(queue, (long)blockSizeMb << 20);
            SbeTailer tailer = new SbeTailer(q))
        {
            long polls = 0;
            while (!adapter.windowPassed())
            {
                final int work = tailer.poll(adapter);
                idleStrategy.idle(work);
                if (work == 0 || (++polls & 4095) == 0)
                {
                    final long nowNs = clock.nanoTime();
                    final long startNs = adapter.windowStartNs();
                    final boolean late = startNs != Long.MIN_VALUE && nowNs > startNs + seconds * 1_000_000_000L + drainNs;
                    if (late || nowNs > giveUpNs)
                    {
                        break;
                    }
                }
            }
        }
        complete[0] = adapter.windowPassed();
        return adapter;
    }
}
