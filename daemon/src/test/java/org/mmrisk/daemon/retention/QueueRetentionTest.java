package org.mmrisk.daemon.retention;

import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.daemon.journal.JournalEntries;
import org.mmrisk.daemon.journal.JournalPosition;
import org.mmrisk.daemon.queue.Queues;
import org.mmrisk.daemon.queue.SbeAppender;
import org.mmrisk.daemon.queue.SbeTailer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queues written over four days (ten and nine days ago, yesterday, today), three entries a day, then pruned for a
 * snapshot position: what goes and what stays, checked by listing the files and reading the queues afresh.
 */
class QueueRetentionTest
{
    private static final int TODAY = 20_000;
    private static final int[] DAYS = {TODAY - 10, TODAY - 9, TODAY - 1, TODAY};
    private static final int PER_DAY = 3;

    @TempDir
    Path dir;

    private final List<Long> inputIndexes = new ArrayList<>();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private ChronicleQueue input;
    private ChronicleQueue journal;
    private ChronicleQueue output;

    @BeforeEach
    void writeFourDays()
    {
        final SetTimeProvider clock = new SetTimeProvider();
        try (ChronicleQueue in = dated(dir.resolve("input"), clock);
            ChronicleQueue jn = dated(dir.resolve("journal"), clock);
            ChronicleQueue out = dated(dir.resolve("output"), clock);
            SbeAppender inAppender = new SbeAppender(in);
            SbeAppender jnAppender = new SbeAppender(jn);
            SbeAppender outAppender = new SbeAppender(out))
        {
            long sequence = 0;
            for (final int day : DAYS)
            {
                clock.currentTimeMillis(TimeUnit.DAYS.toMillis(day) + 3_600_000);
                for (int i = 0; i < PER_DAY; i++)
                {
                    inAppender.append(new UnsafeBuffer(new byte[16]), 0, 16);
                    inputIndexes.add(inAppender.lastIndexAppended());
                    JournalEntries.appendTimer(jnAppender, sequence++);
                }
                if (day < TODAY - 5)
                {
                    outAppender.append(new UnsafeBuffer(new byte[8]), 0, 8);
                }
            }
        }
        input = Queues.open(dir.resolve("input"));
        journal = Queues.open(dir.resolve("journal"));
        output = Queues.open(dir.resolve("output"));
    }

    @AfterEach
    void close()
    {
        input.close();
        journal.close();
        output.close();
    }

    @Test
    void shouldDeleteOnlyDaysOlderThanTheLimitThatTheSnapshotNoLongerNeeds()
    {
        // the snapshot holds journal sequences up to 4 (the second entry nine days ago) and the input up to the same
        final int deleted = retention(2).apply(4, new long[] {inputIndexes.get(4)});

        assertThat(cycles("journal")).containsExactly(TODAY - 9, TODAY - 1, TODAY);
        assertThat(cycles("input")).containsExactly(TODAY - 9, TODAY - 1, TODAY);
        // age alone, but never the newest file of a queue (output stopped nine days ago)
        assertThat(cycles("output")).containsExactly(TODAY - 9);
        assertThat(deleted).isEqualTo(3);
        assertThat(log()).contains("deleted 1 day file(s) before " + CycleFiles.fileName(TODAY - 9));

        final JournalPosition position = JournalPosition.scan(journal, 1, new long[] {inputIndexes.get(4)}, 4);
        assertThat(position.firstSequence()).isEqualTo(3);
        assertThat(position.entries()).isEqualTo(12 - 5);
        assertThat(position.nextJournalSequence()).isEqualTo(12);
    }

    @Test
    void shouldKeepTheNewestDaysWhateverTheSnapshotHolds()
    {
        final int deleted = retention(2).apply(11, new long[] {inputIndexes.get(11)});

        assertThat(cycles("journal")).containsExactly(TODAY - 1, TODAY);
        assertThat(cycles("input")).containsExactly(TODAY - 1, TODAY);
        assertThat(deleted).isEqualTo(2 + 2 + 1);
    }

    @Test
    void shouldDeleteTheJournalDaysBeforeTheFirstSequenceTheSnapshotLacks()
    {
        // sequence 6 is the first entry of yesterday: everything before it is in the snapshot
        retention(1).apply(5, new long[] {inputIndexes.get(5)});
        assertThat(cycles("journal")).containsExactly(TODAY - 1, TODAY);
    }

    @Test
    void shouldKeepTheJournalDayHoldingTheFirstSequenceTheSnapshotLacks()
    {
        // sequence 5, the last of nine days ago, is missing from the snapshot: that day must stay
        retention(1).apply(4, new long[] {inputIndexes.get(5)});
        assertThat(cycles("journal")).containsExactly(TODAY - 9, TODAY - 1, TODAY);
    }

    @Test
    void shouldKeepAnInputTheSnapshotHasNotReadFrom()
    {
        retention(1).apply(11, new long[] {-1});
        assertThat(cycles("input")).containsExactly(DAYS[0], DAYS[1], DAYS[2], DAYS[3]);
        assertThat(cycles("journal")).containsExactly(TODAY);
    }

    @Test
    void shouldKeepEverythingWithinTheRetentionOrWhenItIsOff()
    {
        assertThat(retention(11).apply(11, new long[] {inputIndexes.get(11)})).isZero();
        assertThat(retention(0).apply(11, new long[] {inputIndexes.get(11)})).isZero();
        assertThat(cycles("journal")).hasSize(4);
        assertThat(cycles("input")).hasSize(4);
        assertThat(cycles("output")).hasSize(2);
    }

    @Test
    void shouldLeaveQueuesThatReadFromTheirNewStart()
    {
        retention(2).apply(4, new long[] {inputIndexes.get(4)});

        assertThat(countEntries(input)).isEqualTo(9);
        try (ChronicleQueue reopened = Queues.open(dir.resolve("input")))
        {
            assertThat(countEntries(reopened)).isEqualTo(9);
        }
    }

    private QueueRetention retention(final int days)
    {
        return new QueueRetention(days, new ChronicleQueue[] {input}, journal, output, () -> TODAY,
            new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    }

    private List<Integer> cycles(final String queue)
    {
        return new ArrayList<>(CycleFiles.list(dir.resolve(queue)).keySet());
    }

    private String log()
    {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    private static int countEntries(final ChronicleQueue queue)
    {
        int count = 0;
        try (SbeTailer tailer = new SbeTailer(queue))
        {
            while (tailer.poll((buffer, offset, length, index) -> { }) > 0)
            {
                count++;
            }
        }
        return count;
    }

    private static ChronicleQueue dated(final Path queueDir, final SetTimeProvider clock)
    {
        Queues.createOwnerOnly(queueDir);
        return SingleChronicleQueueBuilder.single(queueDir.toFile()).rollCycle(Queues.ROLL_CYCLE)
            .timeProvider(clock).build();
    }
}
