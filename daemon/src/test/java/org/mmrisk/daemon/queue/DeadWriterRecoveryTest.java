package org.mmrisk.daemon.queue;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A writer process killed inside a write leaves the queue's write lock held by a dead process id and an incomplete
 * excerpt at the end of the file. A restarted writer must neither wait out the lock timeout
 * ({@link Queues#WRITE_LOCK_TIMEOUT_MS}) nor lose or expose anything: every complete message is read back, the
 * incomplete one never is, and the next write takes its place.
 */
class DeadWriterRecoveryTest
{
    private static final int COMPLETE_MESSAGES = 1_000;

    @TempDir
    Path dir;

    @Test
    void shouldWriteAtOnceAfterAWriterDiedHoldingTheLock() throws Exception
    {
        final Path queueDir = dir.resolve("queue");
        final Process writer = startDeadWriter(queueDir);
        assertThat(writer.waitFor(60, TimeUnit.SECONDS)).as("the writer process ends").isTrue();
        assertThat(Files.readString(dir.resolve("writer.log"))).contains("halting inside a write");

        final long startNs = System.nanoTime();
        final long appendedIndex;
        try (ChronicleQueue queue = Queues.open(queueDir, 1 << 20); SbeAppender appender = new SbeAppender(queue))
        {
            final UnsafeBuffer message = new UnsafeBuffer(new byte[16]);
            message.putLong(0, COMPLETE_MESSAGES);
            message.putLong(8, COMPLETE_MESSAGES);
            appender.append(message, 0, 16);
            appendedIndex = appender.lastIndexAppended();
        }
        final long writeMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
        assertThat(writeMs).as("open and first write after the dead writer, ms")
            .isLessThan(Queues.WRITE_LOCK_TIMEOUT_MS / 2);

        final List<Long> read = new ArrayList<>();
        try (ChronicleQueue queue = Queues.openExisting(queueDir); SbeTailer tailer = new SbeTailer(queue))
        {
            while (tailer.poll((buffer, offset, length, index) ->
            {
                assertThat(length).isEqualTo(16);
                assertThat(buffer.getLong(offset + 8)).isEqualTo(buffer.getLong(offset));
                read.add(buffer.getLong(offset));
            }) > 0)
            {
                // read everything
            }
        }
        assertThat(read).hasSize(COMPLETE_MESSAGES + 1);
        for (int i = 0; i <= COMPLETE_MESSAGES; i++)
        {
            assertThat(read.get(i)).isEqualTo(i);
        }
        assertThat(appendedIndex & 0xFFFF_FFFFL).as("the new message takes the incomplete one's place")
            .isEqualTo(COMPLETE_MESSAGES);
    }

    private Process startDeadWriter(final Path queueDir) throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle."))
            {
                command.add(arg);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DeadWriterMain.class.getName());
        command.add(queueDir.toString());
        command.add(Integer.toString(COMPLETE_MESSAGES));
        return new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(dir.resolve("writer.log").toFile()).start();
    }
}
