package org.mmrisk.core.fill;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SeenFillsTest
{
    private record Entry(long venue, String id, long exchangeTimeNs)
    {
        String key()
        {
            return venue + "/" + id;
        }
    }

    /**
     * A plain model (a queue in arrival order and a set of keys) driven by the same random operations: adds with
     * many repeats, horizon moves and capacity pressure. Both must agree after every operation.
     */
    @Test
    void shouldAgreeWithAPlainSetAndQueueOverRandomAddsForgetsGrowthAndEviction()
    {
        final Random random = new Random(42);
        final SeenFills seen = new SeenFills(2, 512);
        final ArrayDeque<Entry> queue = new ArrayDeque<>();
        final Set<String> keys = new HashSet<>();
        long evicted = 0;
        long timeNs = 0;
        for (int step = 0; step < 200_000; step++)
        {
            timeNs += random.nextInt(1_000);
            if (random.nextInt(50) == 0)
            {
                final long horizonStartNs = timeNs - 100_000;
                int forgotten = 0;
                while (!queue.isEmpty() && queue.peekFirst().exchangeTimeNs() < horizonStartNs)
                {
                    keys.remove(queue.removeFirst().key());
                    forgotten++;
                }
                assertThat(seen.forgetBefore(horizonStartNs)).isEqualTo(forgotten);
                continue;
            }
            final Entry entry = new Entry(1 + random.nextInt(3), "fill-" + random.nextInt(2_000),
                timeNs - random.nextInt(5_000));
            final byte[] id = entry.id().getBytes(StandardCharsets.US_ASCII);
            final boolean expectedNew = !keys.contains(entry.key());
            if (expectedNew)
            {
                if (queue.size() == 512)
                {
                    keys.remove(queue.removeFirst().key());
                    evicted++;
                }
                queue.addLast(entry);
                keys.add(entry.key());
            }
            assertThat(seen.add(entry.venue(), id, id.length, entry.exchangeTimeNs()))
                .as("step %d %s", step, entry).isEqualTo(expectedNew);
            assertThat(seen.size()).isEqualTo(queue.size());
        }
        assertThat(seen.evictedForCapacity()).isEqualTo(evicted).isPositive();
        int age = 0;
        final byte[] buffer = new byte[SeenFills.MAX_ID_LENGTH];
        for (final Entry entry : queue)
        {
            assertThat(seen.venue(age)).isEqualTo(entry.venue());
            assertThat(seen.exchangeTimeNs(age)).isEqualTo(entry.exchangeTimeNs());
            assertThat(new String(buffer, 0, seen.id(age, buffer), StandardCharsets.US_ASCII)).isEqualTo(entry.id());
            final byte[] id = entry.id().getBytes(StandardCharsets.US_ASCII);
            assertThat(seen.contains(entry.venue(), id, id.length)).isTrue();
            age++;
        }
    }

    @Test
    void shouldTellTheSameIdOnTwoVenuesApartAndComparePrefixesByLength()
    {
        final SeenFills seen = new SeenFills(4, 4);
        final byte[] id = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(seen.add(7, id, 3, 0)).isTrue();
        assertThat(seen.add(8, id, 3, 0)).isTrue();
        assertThat(seen.add(7, id, 2, 0)).isTrue();
        assertThat(seen.add(7, id, 3, 0)).isFalse();
        assertThat(seen.contains(8, id, 3)).isTrue();
        assertThat(seen.contains(9, id, 3)).isFalse();
    }

    @Test
    void shouldKeepAnOutOfOrderEntryUntilTheOlderOnesAheadOfItGo()
    {
        final SeenFills seen = new SeenFills(4, 16);
        final byte[] a = { 'a' };
        final byte[] b = { 'b' };
        seen.add(1, a, 1, 1_000);
        seen.add(1, b, 1, 10);

        assertThat(seen.forgetBefore(500)).isZero();
        assertThat(seen.contains(1, b, 1)).isTrue();
        assertThat(seen.forgetBefore(2_000)).isEqualTo(2);
        assertThat(seen.size()).isZero();
    }
}
