package org.mmrisk.daemon.stamps;

import org.HdrHistogram.Histogram;
import org.agrona.concurrent.EpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.ring.RingEvent;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stage times from hand-set stamps: each stage is the difference of its two stamps, the path's stages add up to the
 * daemon's total, a batch without an output is only counted, the window follows the causes' send times, a disabled
 * recorder reads no clock, and recording allocates nothing.
 */
class StageStampsTest
{
    @TempDir
    Path dir;

    /** Returns the scripted times in order, then keeps counting up by one; counts its reads. */
    private static final class ScriptedClock implements EpochNanoClock
    {
        private final long[] times;
        private int reads;

        ScriptedClock(final long... times)
        {
            this.times = times;
        }

        @Override
        public long nanoTime()
        {
            final int i = reads++;
            return i < times.length ? times[i] : times[times.length - 1] + i;
        }
    }

    private static RingEvent tick(final long sendNs, final long readNs, final long publishNs, final boolean batchEnd)
    {
        final RingEvent slot = new RingEvent();
        slot.event.sendTimeNs = sendNs;
        slot.event.receiveTimeNs = readNs;
        slot.publishNs = publishNs;
        slot.event.batchEnd = batchEnd;
        return slot;
    }

    private static RingEvent timer(final long readNs, final long publishNs)
    {
        final RingEvent slot = tick(RiskEvent.NULL_TIME, readNs, publishNs, true);
        slot.timer = true;
        return slot;
    }

    /** Feed, ingress and engine stamps of one batch that writes two outputs. */
    private static void batchWithOutputs(final StageStamps stamps, final RingEvent last)
    {
        stamps.taken(last);
        stamps.gateReached();
        stamps.gateReleased();
        stamps.outputAppended();
        stamps.outputAppended();
        stamps.batchEnded();
    }

    private static long only(final StageHistograms h, final Stage stage)
    {
        final Histogram histogram = h.histogram(stage);
        assertThat(histogram.getTotalCount()).as(stage.label()).isEqualTo(1);
        return histogram.getMaxValue();
    }

    @Test
    void shouldTimeEachStageBetweenItsTwoStamps()
    {
        // engine start 2,000; gate reached 2,600, released 3,000; first output appended 3,400; batch done 5,000
        final ScriptedClock clock = new ScriptedClock(2_000, 2_600, 3_000, 3_400, 5_000);
        final StageHistograms h = new StageHistograms(0, 0);
        final StageStamps stamps = new StageStamps(clock, h);

        batchWithOutputs(stamps, tick(1_000, 1_500, 1_700, true));

        assertThat(clock.reads).as("the second output is not stamped").isEqualTo(5);
        assertThat(only(h, Stage.INGRESS_READ)).isEqualTo(500);
        assertThat(only(h, Stage.RING_PUBLISH)).isEqualTo(200);
        assertThat(only(h, Stage.ENGINE_START)).isEqualTo(300);
        assertThat(only(h, Stage.ENGINE_COMPUTE)).isEqualTo(600);
        assertThat(only(h, Stage.GATE_RELEASE)).isEqualTo(400);
        assertThat(only(h, Stage.EGRESS_APPEND)).isEqualTo(400);
        // 3,400 - 1,000 and 5,000 - 2,000 (HdrHistogram keeps 3 digits: 2,400 and 3,000 are within its bucket)
        assertThat(h.histogram(Stage.DAEMON).valuesAreEquivalent(only(h, Stage.DAEMON), 2_400)).isTrue();
        assertThat(h.histogram(Stage.ENGINE_BATCH).valuesAreEquivalent(only(h, Stage.ENGINE_BATCH), 3_000)).isTrue();
        long path = 0;
        for (final Stage stage : Stage.PATH)
        {
            path += only(h, stage);
        }
        assertThat(path).isEqualTo(2_400);
    }

    @Test
    void shouldTakeTheLastTickOfTheBatchAsItsCauseWhenATimerEndsIt()
    {
        final StageHistograms h = new StageHistograms(0, 0);
        final StageStamps stamps = new StageStamps(new ScriptedClock(1_000, 1_100, 1_200, 1_300, 1_400), h);

        stamps.taken(tick(100, 150, 160, false));
        stamps.taken(tick(200, 250, 270, false));
        batchWithOutputs(stamps, timer(300, 310));

        assertThat(only(h, Stage.INGRESS_READ)).isEqualTo(50);
        assertThat(only(h, Stage.RING_PUBLISH)).isEqualTo(20);
        assertThat(only(h, Stage.ENGINE_START)).isEqualTo(1_000 - 270);
    }

    @Test
    void shouldOnlyCountABatchWithoutAnOutput()
    {
        final StageHistograms h = new StageHistograms(0, 0);
        final StageStamps stamps = new StageStamps(new ScriptedClock(2_000, 2_100, 2_200, 2_300), h);

        stamps.taken(tick(1_000, 1_500, 1_700, true));
        stamps.gateReached();
        stamps.gateReleased();
        stamps.batchEnded();

        assertThat(h.batches()).isEqualTo(1);
        assertThat(h.batchesWithOutput()).isZero();
        for (final Stage stage : Stage.values())
        {
            assertThat(h.histogram(stage).getTotalCount()).as(stage.label()).isZero();
        }
    }

    @Test
    void shouldCountOnlyCausesSentInsideTheWindow()
    {
        final StageHistograms h = new StageHistograms(1_000, 2_000);
        final StageStamps stamps = new StageStamps(new ScriptedClock(10_000), h);

        for (final long sendNs : new long[]{ 5_000, 5_999, 6_000, 7_999, 8_000 })
        {
            batchWithOutputs(stamps, tick(sendNs, sendNs + 10, sendNs + 20, true));
        }

        assertThat(h.windowStartNs()).isEqualTo(6_000);
        assertThat(h.batchesWithOutput()).isEqualTo(5);
        assertThat(h.histogram(Stage.INGRESS_READ).getTotalCount()).as("6,000 and 7,999").isEqualTo(2);
    }

    @Test
    void shouldRecordANegativeTimeAsZeroAndCountIt()
    {
        final StageHistograms h = new StageHistograms(0, 0);
        final StageStamps stamps = new StageStamps(new ScriptedClock(2_000, 2_100, 2_200, 2_300, 2_400), h);

        // ingress's cycle stamp taken before the feed's scheduled send time
        batchWithOutputs(stamps, tick(1_000, 990, 1_700, true));

        assertThat(only(h, Stage.INGRESS_READ)).isZero();
        assertThat(h.belowZero()).isEqualTo(1);
    }

    @Test
    void shouldReadNoClockWhenDisabled()
    {
        final ScriptedClock clock = new ScriptedClock(1);
        final StageStamps stamps = new StageStamps(clock, null);

        for (int i = 0; i < 100; i++)
        {
            batchWithOutputs(stamps, tick(1_000, 1_500, 1_700, true));
        }

        assertThat(stamps.enabled()).isFalse();
        assertThat(clock.reads).isZero();
        batchWithOutputs(StageStamps.DISABLED, tick(1_000, 1_500, 1_700, true));
        assertThat(StageStamps.DISABLED.enabled()).isFalse();
    }

    @Test
    void shouldNotAllocateWhileRecording()
    {
        final StageHistograms h = new StageHistograms(0, 0);
        final long[] now = { 1_000 };
        final StageStamps stamps = new StageStamps(() -> now[0] += 137, h);
        final RingEvent slot = tick(1, 2, 3, true);
        final Runnable batches = () ->
        {
            for (int i = 0; i < 100_000; i++)
            {
                slot.event.sendTimeNs = now[0];
                slot.event.receiveTimeNs = now[0] + 50;
                slot.publishNs = now[0] + 90;
                batchWithOutputs(stamps, slot);
            }
        };
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long least = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 8; attempt++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            batches.run();
            least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
        }

        assertThat(least).isZero();
        assertThat(h.histogram(Stage.DAEMON).getTotalCount()).isEqualTo(800_000);
    }

    @Test
    void shouldWriteAPercentileFilePerStageAndOneSummaryLineEach() throws Exception
    {
        final StageHistograms h = new StageHistograms(0, 0);
        final StageStamps stamps = new StageStamps(new ScriptedClock(2_000, 2_600, 3_000, 3_400, 5_000), h);
        batchWithOutputs(stamps, tick(1_000, 1_500, 1_700, true));

        h.write(dir);

        for (final Stage stage : Stage.values())
        {
            assertThat(dir.resolve("stage-" + stage.label() + ".hgrm")).exists();
        }
        final List<String> lines = Files.readAllLines(dir.resolve(StageHistograms.SUMMARY));
        assertThat(lines).hasSize(2 + Stage.values().length);
        assertThat(lines.get(2)).startsWith("ingress-read 1 500 500 500 500 500 ");
        assertThat(lines.get(7)).startsWith("egress-append 1 400 400 400 400 400 ");
    }
}
