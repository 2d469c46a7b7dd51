package org.mmrisk.bench.latency;

import org.HdrHistogram.Histogram;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.engine.EngineCounter;
import org.mmrisk.core.engine.RiskEngine;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.util.concurrent.Callable;

/**
 * {@code latency engine-cost}: the engine's share of the daemon's latency, in-process and on one thread. The
 * harness's book and index walk go straight into a {@link RiskEngine} (no queues, no ring, no journal), one tick per
 * batch, engine time advancing at the given rate. With {@link System#nanoTime()} it records, per tick, the time from
 * {@code onEvent} to the first quote adjustment handed to the output (what the end-to-end harness samples), and the
 * whole {@code onEvent} + {@code onBatchEnd}, split by whether the tick produced a quote. A diagnostic beside the JMH
 * suite: it shows the distribution JMH's averages hide.
 */
@Command(name = "engine-cost", mixinStandardHelpOptions = true,
    description = "Time the engine alone on the harness book, per tick, split by whether the tick quoted.")
public final class EngineCostCommand implements Callable<Integer>
{
    private static final long START_NS = 1_795_000_000_000_000_000L;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--options", defaultValue = "1000", description = "options in the book (default ${DEFAULT-VALUE})")
    int options;

    @Option(names = "--rate", defaultValue = "100000", description = "ticks per second of engine time (default ${DEFAULT-VALUE})")
    long rate;

    @Option(names = "--ticks", defaultValue = "2000000", description = "measured ticks (default ${DEFAULT-VALUE})")
    int ticks;

    @Option(names = "--warmup-ticks", defaultValue = "500000", description = "ticks before measuring (default ${DEFAULT-VALUE})")
    int warmupTicks;

    @Option(names = "--min-shift-ticks", defaultValue = "0.2", description = "engine.minShiftTicks (default ${DEFAULT-VALUE})")
    double minShiftTicks;

    @Option(names = "--skew-block", defaultValue = "16",
        description = "engine.skewBlockInstruments, a power of two (default ${DEFAULT-VALUE})")
    int skewBlockInstruments;

    @Option(names = "--scenario", arity = "1", defaultValue = "true",
        description = "engine.scenario.enabled: stress grid, margin, liquidation distance (default ${DEFAULT-VALUE})")
    boolean scenario;

    @Override
    public Integer call()
    {
        if (rate <= 0 || rate > 1_000_000_000L || ticks <= 0 || warmupTicks < 0 || options <= 0 || options % 100 != 0 ||
            options > 3_200)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rate must be 1 to 1e9 per second, " +
                "--ticks positive, --warmup-ticks not negative, --options a multiple of 100 up to 3,200");
        }
        final FirstQuoteClock output = new FirstQuoteClock();
        final EngineConfig config = new EngineConfig().minShiftTicks(minShiftTicks)
            .skewBlockInstruments(skewBlockInstruments);
        config.scenario().enabled(scenario);
        final RiskEngine engine = new RiskEngine(config.conclude(), output);
        final long[] sequence = { 0 };
        new HarnessBook(options, START_NS, 10).writeReferenceData(START_NS, new RiskEvent(), e ->
        {
            e.journalSequence = sequence[0]++;
            e.timeNs = START_NS;
            engine.onEvent(e);
        });
        engine.onBatchEnd();
        final Driver driver = new Driver(engine, sequence[0]);
        driver.run(warmupTicks, output, null, null, null);
        final Histogram firstQuote = new Histogram(3_600_000_000_000L, 3);
        final Histogram quoting = new Histogram(3_600_000_000_000L, 3);
        final Histogram quiet = new Histogram(3_600_000_000_000L, 3);
        final long quotesBefore = engine.counters().get(EngineCounter.QUOTES_EMITTED);
        final long candidatesBefore = engine.counters().get(EngineCounter.SKEW_CANDIDATES);
        final long refreshesBefore = engine.counters().get(EngineCounter.SCENARIO_REFRESHES);
        driver.run(ticks, output, firstQuote, quoting, quiet);
        final long quotes = engine.counters().get(EngineCounter.QUOTES_EMITTED) - quotesBefore;
        final long candidates = engine.counters().get(EngineCounter.SKEW_CANDIDATES) - candidatesBefore;
        final long refreshes = engine.counters().get(EngineCounter.SCENARIO_REFRESHES) - refreshesBefore;
        System.out.printf("engine-cost: %,d options, %,d ticks at %,d/s of engine time, minShiftTicks %s, " +
            "skew blocks of %d, scenario %s (%,d refreshes)%n", options, ticks, rate, minShiftTicks,
            skewBlockInstruments, scenario ? "on" : "off", refreshes);
        System.out.printf("  ticks that quoted: %,d (%,d quotes, %.1f per tick); skew candidates: %,d (%.1f per tick)%n",
            quoting.getTotalCount(), quotes, quotes / (double)Math.max(1, quoting.getTotalCount()), candidates,
            candidates / (double)ticks);
        print("tick to first quote", firstQuote);
        print("whole batch, quoted", quoting);
        print("whole batch, no quote", quiet);
        return 0;
    }

    private static void print(final String label, final Histogram h)
    {
        System.out.printf("  %-22s ns: p50 %,d  p90 %,d  p99 %,d  p99.9 %,d  max %,d  mean %,.0f%n", label,
            h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
            h.getValueAtPercentile(99.9), h.getMaxValue(), h.getMean());
    }

    /**
     * Notes when the first quote adjustment of a batch is handed over; discards the rest. Owned by the calling thread.
     */
    private static final class FirstQuoteClock implements RiskOutput
    {
        long firstQuoteNs;

        @Override
        public void onQuoteAdjustment(final QuoteAdjustment adjustment)
        {
            if (firstQuoteNs == 0)
            {
                firstQuoteNs = System.nanoTime();
            }
        }

        @Override
        public void onRiskSnapshot(final RiskSnapshot snapshot)
        {
        }

        @Override
        public void onAlert(final Alert alert)
        {
        }

        @Override
        public void onHedgeSignal(final HedgeSignal signal)
        {
        }
    }

    /**
     * Feeds the walk's ticks one per batch. Owned by the calling thread.
     */
    private final class Driver
    {
        private final RiskEngine engine;
        private final IndexWalk walk = new IndexWalk(HarnessBook.INITIAL_INDEX_USD, 11);
        private final RiskEvent tick = new RiskEvent();
        private long sequence;
        private long timeNs = START_NS;

        Driver(final RiskEngine engine, final long firstSequence)
        {
            this.engine = engine;
            this.sequence = firstSequence;
        }

        void run(final int count, final FirstQuoteClock clock, final Histogram firstQuote, final Histogram quoting,
            final Histogram quiet)
        {
            final long stepNs = 1_000_000_000L / rate;
            for (int i = 0; i < count; i++)
            {
                timeNs += stepNs;
                HarnessBook.indexTick(walk.nextUsd(), timeNs, tick);
                tick.timeNs = timeNs;
                tick.journalSequence = sequence++;
                tick.batchEnd = true;
                clock.firstQuoteNs = 0;
                final long startNs = System.nanoTime();
                engine.onEvent(tick);
                engine.onBatchEnd();
                final long endNs = System.nanoTime();
                if (quoting != null)
                {
                    final boolean quoted = clock.firstQuoteNs != 0;
                    (quoted ? quoting : quiet).recordValue(endNs - startNs);
                    if (quoted)
                    {
                        firstQuote.recordValue(clock.firstQuoteNs - startNs);
                    }
                }
            }
        }
    }
}
