package org.mmrisk.daemon.engine;

import com.lmax.disruptor.Sequence;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.daemon.counters.CountersFile;
import org.mmrisk.daemon.counters.DaemonCounters;
import org.mmrisk.daemon.egress.EgressPublisher;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.ring.RingEvent;
import org.mmrisk.daemon.stamps.Stage;
import org.mmrisk.daemon.stamps.StageHistograms;
import org.mmrisk.daemon.stamps.StageStamps;
import org.mmrisk.daemon.storage.FreeSpaceGuard;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the stage stamps add to the engine thread — the stamps taken around the engine, through the journal gate and
 * egress onto a real output queue, with the real clock, and the recording into the histograms — allocates nothing
 * in steady state. (The engine's own steady state is {@code EngineAllocationTest}'s.)
 */
class StampedOutputAllocationTest
{
    private static final int BATCHES = 20_000;

    @TempDir
    Path dir;

    @Test
    void shouldNotAllocateWhileStampingBatchesThroughTheGateAndEgress()
    {
        final StageHistograms histograms = new StageHistograms(0, 0);
        final StageStamps stamps = new StageStamps(new SystemEpochNanoClock(), histograms);
        final Sequence journaled = new Sequence(Long.MAX_VALUE);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long least = Long.MAX_VALUE;
        try (ChronicleQueue output = Queues.open(dir.resolve("output"), 64L << 20);
            CountersFile countersFile = CountersFile.create(dir.resolve("counters.dat").toFile()))
        {
            final EgressPublisher egress = new EgressPublisher(output,
                new DaemonCounters(countersFile.manager(), List.of("market")), -1, FreeSpaceGuard.unchecked(), stamps);
            final JournalGate gate = new JournalGate(egress, journaled, new BusySpinIdleStrategy(), () -> false, stamps);
            final RingEvent slot = new RingEvent();
            final QuoteAdjustment quote = new QuoteAdjustment();
            quote.kind = InstrumentKind.OPTION;
            quote.state = QuotingState.NORMAL;
            quote.underlying = AsciiCode.pack("BTC");
            final SystemEpochNanoClock feedClock = new SystemEpochNanoClock();
            long sequence = 0;
            for (int attempt = 0; attempt < 8; attempt++)
            {
                final long before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < BATCHES; i++)
                {
                    slot.event.sendTimeNs = feedClock.nanoTime();
                    slot.event.receiveTimeNs = slot.event.sendTimeNs + 100;
                    slot.publishNs = slot.event.receiveTimeNs + 100;
                    slot.event.batchEnd = true;
                    stamps.taken(slot);
                    gate.arm(sequence++);
                    quote.sequence = sequence;
                    gate.onQuoteAdjustment(quote);
                    gate.onQuoteAdjustment(quote);
                    gate.pass();
                    stamps.batchEnded();
                }
                least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
            }
            egress.close();
        }

        assertThat(least).isZero();
        assertThat(histograms.histogram(Stage.DAEMON).getTotalCount()).isEqualTo(8L * BATCHES);
        assertThat(histograms.batchesWithOutput()).isEqualTo(8L * BATCHES);
    }
}
