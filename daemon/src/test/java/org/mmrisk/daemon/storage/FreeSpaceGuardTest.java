package org.mmrisk.daemon.storage;

import org.agrona.concurrent.IdleStrategy;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The writer's guard against a full file system, on a file system and a clock the test controls: each idle step of
 * the wait advances the clock by 10 ms and may free space.
 */
class FreeSpaceGuardTest
{
    private static final long MIB = 1 << 20;
    private static final long STEP_NS = 10_000_000;

    private final File dir = new File("/data/output");
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private long freeBytes = 100 * MIB;
    private long nowNs;
    private int spaceReads;
    private int idleSteps;
    private int freeAfterSteps = Integer.MAX_VALUE;
    private boolean gaveUp;

    private final IdleStrategy idle = new IdleStrategy()
    {
        @Override
        public void idle(final int workCount)
        {
            idle();
        }

        @Override
        public void idle()
        {
            nowNs += STEP_NS;
            if (++idleSteps == freeAfterSteps)
            {
                freeBytes = 100 * MIB;
            }
        }

        @Override
        public void reset()
        {
        }
    };

    private FreeSpaceGuard guard(final long minFreeMib, final long maxWaitMs)
    {
        return new FreeSpaceGuard(dir, "output", minFreeMib * MIB, maxWaitMs * 1_000_000, file ->
        {
            spaceReads++;
            return freeBytes;
        }, () -> nowNs, idle, () -> gaveUp, new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadTheFreeSpaceOnlyAfterEachQuarterOfTheMinimumWritten()
    {
        final FreeSpaceGuard guard = guard(4, 1000);
        for (int i = 0; i < 1024; i++)
        {
            guard.beforeWrite(16 * 1024);
        }
        // 16 MiB written in 16 KiB writes, checked at the first and after each further MiB
        assertThat(spaceReads).isEqualTo(16);
        assertThat(guard.waits()).isZero();
    }

    @Test
    void shouldWaitWhileTheFileSystemIsFullAndGoOnOnceSpaceComesBack()
    {
        final FreeSpaceGuard guard = guard(4, 10_000);
        freeBytes = MIB;
        freeAfterSteps = 30;
        guard.beforeWrite(100);
        assertThat(guard.waits()).isEqualTo(1);
        assertThat(nowNs).as("waited 30 steps of 10 ms").isEqualTo(30 * STEP_NS);
        assertThat(log()).contains("output directory /data/output: 1048576 bytes free, under storage.minFreeMb " +
            "(4 MiB); waiting up to 10000 ms").contains("bytes free again; writing on");
    }

    @Test
    void shouldFailNamingTheDirectoryWhenSpaceDoesNotComeBackInTime()
    {
        final FreeSpaceGuard guard = guard(4, 500);
        freeBytes = MIB;
        assertThatThrownBy(() -> guard.beforeWrite(100)).isInstanceOf(IllegalStateException.class)
            .hasMessage("output directory /data/output is full: 1048576 bytes free, under storage.minFreeMb (4 MiB), " +
                "for 500 ms (storage.spaceWaitMs)");
        assertThat(nowNs).isBetween(500_000_000L, 500_000_000L + STEP_NS);
    }

    @Test
    void shouldStopWaitingAtOnceWhenTheDaemonHasFailed()
    {
        final FreeSpaceGuard guard = guard(4, 10_000);
        freeBytes = MIB;
        gaveUp = true;
        assertThatThrownBy(() -> guard.beforeWrite(100)).hasMessageContaining("is full");
        assertThat(idleSteps).isZero();
    }

    @Test
    void shouldCheckNothingWhenTheMinimumIsZero()
    {
        final FreeSpaceGuard guard = guard(0, 10_000);
        freeBytes = 0;
        guard.beforeWrite(1 << 20);
        assertThat(spaceReads).isZero();
    }

    private String log()
    {
        return logBytes.toString(StandardCharsets.UTF_8);
    }
}
