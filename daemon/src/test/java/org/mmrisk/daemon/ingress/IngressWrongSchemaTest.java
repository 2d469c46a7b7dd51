package org.mmrisk.daemon.ingress;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.daemon.codec.DecodeError;
import org.mmrisk.daemon.counters.CountersFile;
import org.mmrisk.daemon.counters.DaemonCounters;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.ring.RingEvent;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document that is not an SBE message of this schema is counted as {@code WRONG_SCHEMA} and logged once per queue.
 */
class IngressWrongSchemaTest
{
    @TempDir
    Path dir;

    @Test
    void shouldCountEveryDocumentOfAnotherSchemaAndLogTheFirstOfEachQueue()
    {
        final RingBuffer<RingEvent> ring =
            RingBuffer.createMultiProducer(RingEvent::new, 1024, new BusySpinWaitStrategy());
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        final List<String> recorded = new ArrayList<>();
        try (ChronicleQueue market = Queues.open(dir.resolve("market"));
            ChronicleQueue fills = Queues.open(dir.resolve("fills"));
            CountersFile countersFile = CountersFile.create(dir.resolve("counters.dat").toFile()))
        {
            writeText(market, "{\"type\":\"tick\",\"instrumentId\":1}", 2);
            writeText(fills, "a JSON fill, not SBE", 1);
            final DaemonCounters counters = new DaemonCounters(countersFile.manager(), List.of("market", "fills"));
            final IngressAgent ingress = new IngressAgent(new ChronicleQueue[] { market, fills }, new long[] { -1, -1 },
                ring, () -> 1_795_000_000_000_000_000L, counters, 256, 0, 60_000_000_000L, 0)
                .errorLog(new PrintStream(log, true, StandardCharsets.UTF_8))
                .errors(error -> recorded.add(error.getMessage()));
            ingress.onStart();
            ingress.doWork();
            ingress.onClose();

            assertThat(counters.decodeError(DecodeError.WRONG_SCHEMA).get()).isEqualTo(3);
            final String[] lines = log.toString(StandardCharsets.UTF_8).split("\n");
            assertThat(lines).hasSize(2);
            assertThat(lines[0]).contains("market").contains("WRONG_SCHEMA");
            assertThat(lines[1]).contains("fills").contains("WRONG_SCHEMA");
            assertThat(recorded).as("the error log is told what standard error is").containsExactly(lines);
        }
    }

    private static void writeText(final ChronicleQueue queue, final String text, final int times)
    {
        try (ExcerptAppender appender = queue.createAppender())
        {
            for (int i = 0; i < times; i++)
            {
                appender.writeText(text);
            }
        }
    }
}
