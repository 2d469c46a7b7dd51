package org.mmrisk.daemon.ingress;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.codec.DecodeError;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.counters.CountersFile;
import org.mmrisk.daemon.counters.DaemonCounters;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.ring.RingEvent;

import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingress resumes each input after the last index journaled, and a rejected message is not journaled: after a
 * restart on the same data directory it reads the rejected messages after the last journaled one again. They were
 * counted by the run that first read them, and must not be counted again.
 */
class IngressRestartCountTest
{
    private static final long NOW_NS = 1_795_000_000_000_000_000L;

    @TempDir
    File dir;

    @Test
    void shouldNotCountAgainTheRejectsARestartReadsAgain()
    {
        final File countersPath = new File(dir, "counters.dat");
        try (ChronicleQueue market = Queues.open(dir.toPath().resolve("market"));
            ExcerptAppender text = market.createAppender();
            SbeAppender sbe = new SbeAppender(market))
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
            sbe.append(buffer, 0, new InputEncoder().encode(tick(), buffer, 0));
            final long journaledIndex = sbe.lastIndexAppended();
            text.writeText("not SBE 1");
            text.writeText("not SBE 2");

            try (CountersFile first = CountersFile.create(countersPath))
            {
                final DaemonCounters counters = new DaemonCounters(first, List.of("market"));
                runOnce(market, -1, counters);
                assertThat(counters.decodeError(DecodeError.WRONG_SCHEMA).get()).isEqualTo(2);
                assertThat(counters.messagesRead(0).get()).isEqualTo(3);
            }

            text.writeText("not SBE 3");
            try (CountersFile second = CountersFile.create(countersPath))
            {
                final DaemonCounters counters = new DaemonCounters(second, List.of("market"));
                runOnce(market, journaledIndex, counters);
                assertThat(counters.decodeError(DecodeError.WRONG_SCHEMA).get())
                    .as("only the reject written since the restart").isEqualTo(1);
                assertThat(counters.messagesRead(0).get()).as("only the message written since the restart")
                    .isEqualTo(1);
            }
        }
    }

    private static void runOnce(final ChronicleQueue market, final long resumeAfter, final DaemonCounters counters)
    {
        final RingBuffer<RingEvent> ring =
            RingBuffer.createMultiProducer(RingEvent::new, 1024, new BusySpinWaitStrategy());
        final IngressAgent ingress = new IngressAgent(new ChronicleQueue[] {market}, new long[] {resumeAfter}, ring,
            () -> NOW_NS, counters, 256, 0, 60_000_000_000L, 0)
            .errorLog(new PrintStream(OutputStream.nullOutputStream()));
        ingress.onStart();
        ingress.doWork();
        ingress.onClose();
    }

    private static RiskEvent tick()
    {
        final RiskEvent e = new RiskEvent().reset();
        e.type = EventType.TICK;
        e.instrumentId = 7;
        e.sendTimeNs = NOW_NS;
        e.bid = 99_999.5;
        e.ask = 100_000.0;
        return e;
    }
}
