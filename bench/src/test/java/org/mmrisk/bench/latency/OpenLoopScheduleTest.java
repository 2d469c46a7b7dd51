package org.mmrisk.bench.latency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenLoopScheduleTest
{
    @Test
    void shouldStampTheScheduledTimeEvenWhenTheWriterIsLate()
    {
        final OpenLoopSchedule schedule = new OpenLoopSchedule(1_000_000, 100_000);

        assertThat(schedule.intervalNs()).isEqualTo(10_000);
        assertThat(schedule.stamp(0, 1_000_000)).isEqualTo(1_000_000);
        assertThat(schedule.stamp(1, 1_500_000)).isEqualTo(1_010_000);
        assertThat(schedule.stamp(2, 1_500_100)).isEqualTo(1_020_000);
        assertThat(schedule.maxLagNs()).isEqualTo(490_000);
        assertThat(schedule.lastLagNs()).isEqualTo(480_100);
    }

    @Test
    void shouldNotCountAnEarlySendAsNegativeLag()
    {
        final OpenLoopSchedule schedule = new OpenLoopSchedule(0, 1_000);

        assertThat(schedule.stamp(5, 4_000_000)).isEqualTo(5_000_000);
        assertThat(schedule.lastLagNs()).isZero();
        assertThat(schedule.maxLagNs()).isZero();
    }

    @Test
    void shouldCountTheMessagesDueByATime()
    {
        final OpenLoopSchedule schedule = new OpenLoopSchedule(1_000, 1_000_000);

        assertThat(schedule.dueCount(999)).isZero();
        assertThat(schedule.dueCount(1_000)).isEqualTo(1);
        assertThat(schedule.dueCount(1_999)).isEqualTo(1);
        assertThat(schedule.dueCount(2_000)).isEqualTo(2);
    }

    @Test
    void shouldRefuseARateOutOfRange()
    {
        assertThatThrownBy(() -> new OpenLoopSchedule(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
