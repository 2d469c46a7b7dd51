package org.mmrisk.daemon.queue;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;

/**
 * A writer process that dies inside a write: appends {@code count} 16-byte messages (the long values 0 .. count-1
 * twice), then claims space for one more, fills half of it and halts the JVM without closing anything — what
 * kill -9 does to a writer between {@code writingDocument()} and its close. Run by {@link DeadWriterRecoveryTest}
 * as a separate process: {@code DeadWriterMain QUEUE_DIR COUNT}.
 */
public final class DeadWriterMain
{
    private DeadWriterMain()
    {
    }

    public static void main(final String[] args)
    {
        final int count = Integer.parseInt(args[1]);
        final ChronicleQueue queue = Queues.open(Path.of(args[0]), 1 << 20);
        final SbeAppender appender = new SbeAppender(queue);
        final UnsafeBuffer message = new UnsafeBuffer(new byte[16]);
        for (long i = 0; i < count; i++)
        {
            message.putLong(0, i);
            message.putLong(8, i);
            appender.append(message, 0, 16);
        }
        appender.claim(16).putLong(0, -1);
        System.out.println("halting inside a write, pid " + ProcessHandle.current().pid());
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
