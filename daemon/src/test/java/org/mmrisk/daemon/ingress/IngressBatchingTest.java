package org.mmrisk.daemon.ingress;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.daemon.counters.CountersFile;
import org.mmrisk.daemon.counters.DaemonCounters;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.ring.RingEvent;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingress keeps a batch open while its consumers are behind, and ends it once they catch up, once it reaches the
 * batch limit, or once it has been open for the longest hold. The clock is the test's; the consumers' progress is a
 * sequence the test moves.
 */
class IngressBatchingTest
{
    private static final long HOLD_NS = 100_000;
    private static final long TIMER_NS = 60_000_000_000L;

    @TempDir
    Path dir;

    private final RiskEvent tick = new RiskEvent();
    private final InputEncoder encoder = new InputEncoder();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
    private final Sequence consumed = new Sequence(-1);
    private final RingBuffer<RingEvent> ring =
        RingBuffer.createMultiProducer(RingEvent::new, 1024, new BusySpinWaitStrategy());
    private ChronicleQueue input;
    private SbeAppender appender;
    private CountersFile countersFile;
    private long nowNs = 1_795_000_000_000_000_000L;

    @AfterEach
    void close()
    {
        appender.close();
        input.close();
        countersFile.close();
    }

    @Test
    void shouldHoldABatchOpenWhileTheConsumersAreBehindAndEndItAfterTheLongestHold()
    {
        final IngressAgent ingress = start(HOLD_NS, 256);
        firstBatch(ingress);

        nowNs += 1_000;
        write(1);
        ingress.doWork();
        assertThat(ring.isAvailable(2)).as("consumers behind: the event is held back").isFalse();

        nowNs += HOLD_NS - 1;
        ingress.doWork();
        assertThat(ring.isAvailable(2)).as("not yet held for the longest hold").isFalse();

        nowNs += 1;
        ingress.doWork();
        assertThat(batchEndAt(2)).as("held for the longest hold: the batch ends").isTrue();
    }

    @Test
    void shouldEndTheBatchAsSoonAsTheConsumersCatchUp()
    {
        final IngressAgent ingress = start(HOLD_NS, 256);
        firstBatch(ingress);
        nowNs += 1_000;
        write(1);
        ingress.doWork();
        assertThat(ring.isAvailable(2)).isFalse();

        consumed.set(1);
        ingress.doWork();
        assertThat(batchEndAt(2)).isTrue();
    }

    @Test
    void shouldNeverHoldABatchOpenWithAZeroHold()
    {
        final IngressAgent ingress = start(0, 256);
        write(1);
        ingress.doWork();
        assertThat(ring.get(1).timer).isTrue();
        assertThat(batchEndAt(1)).as("consumers behind the tick, but no hold").isTrue();
        write(1);
        ingress.doWork();
        assertThat(batchEndAt(2)).as("consumers behind, but no hold").isTrue();
    }

    @Test
    void shouldEndAHeldBatchAtTheBatchLimit()
    {
        final IngressAgent ingress = start(HOLD_NS, 3);
        firstBatch(ingress);
        write(3);
        ingress.doWork();
        assertThat(batchEndAt(2)).isFalse();
        assertThat(batchEndAt(3)).isFalse();
        assertThat(batchEndAt(4)).as("the third event of the batch reaches the limit").isTrue();
    }

    private IngressAgent start(final long holdNs, final int batchLimit)
    {
        input = Queues.open(dir.resolve("input"));
        appender = new SbeAppender(input);
        countersFile = CountersFile.create(dir.resolve("counters.dat").toFile());
        ring.addGatingSequences(consumed);
        final IngressAgent ingress = new IngressAgent(new ChronicleQueue[] { input }, new long[] { -1 }, ring,
            () -> nowNs, new DaemonCounters(countersFile.manager(), List.of("market")), batchLimit, holdNs, TIMER_NS, 0);
        ingress.onStart();
        return ingress;
    }

    private void write(final int count)
    {
        for (int i = 0; i < count; i++)
        {
            tick.reset();
            tick.type = EventType.TICK;
            tick.instrumentId = 1;
            tick.venue = AsciiCode.pack("DERIBIT");
            tick.sendTimeNs = nowNs;
            tick.exchangeTimeNs = nowNs;
            tick.bid = 100_000;
            tick.ask = 100_001;
            appender.append(buffer, 0, encoder.encode(tick, buffer, 0));
        }
    }

    /**
     * The first duty cycle reads a tick and injects a timer (the next is due a minute later); with the consumers
     * behind the tick, the batch stays open until they catch up. Afterwards the consumers stay one event behind.
     */
    private void firstBatch(final IngressAgent ingress)
    {
        write(1);
        ingress.doWork();
        assertThat(ring.isAvailable(0)).isTrue();
        assertThat(ring.get(0).event.batchEnd).isFalse();
        assertThat(ring.isAvailable(1)).isFalse();
        consumed.set(0);
        ingress.doWork();
        assertThat(ring.get(1).timer).isTrue();
        assertThat(batchEndAt(1)).isTrue();
    }

    private boolean batchEndAt(final long sequence)
    {
        return ring.isAvailable(sequence) && ring.get(sequence).event.batchEnd;
    }
}
