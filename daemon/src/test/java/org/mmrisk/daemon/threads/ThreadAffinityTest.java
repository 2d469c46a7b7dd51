package org.mmrisk.daemon.threads;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pinning as the kernel sees it: the thread's allowed CPUs read back from /proc, not from the library that set them.
 */
@EnabledOnOs(OS.LINUX)
class ThreadAffinityTest
{
    @Test
    void shouldPinTheCallingThreadToItsCpu() throws Exception
    {
        final int cpu = net.openhft.affinity.Affinity.getAffinity().length() - 1;
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        final AtomicReference<String> allowed = new AtomicReference<>();
        final Thread thread = new Thread(() ->
        {
            ThreadAffinity.pinCurrentThread("engine", cpu, new PrintStream(log, true, StandardCharsets.UTF_8));
            allowed.set(allowedCpusOfThisThread());
        });
        thread.start();
        thread.join();

        assertThat(allowed.get()).isEqualTo(Integer.toString(cpu));
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("engine thread pinned to CPU " + cpu);
    }

    @Test
    void shouldRefuseACpuThisProcessMayNotUseNamingTheKey()
    {
        assertThatThrownBy(() -> ThreadAffinity.requireAllowed("affinity.engine", 8191))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("affinity.engine: CPU 8191 is not among the CPUs this process may use");
    }

    private static String allowedCpusOfThisThread()
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/thread-self/status")))
            {
                if (line.startsWith("Cpus_allowed_list:"))
                {
                    return line.substring("Cpus_allowed_list:".length()).trim();
                }
            }
            throw new IllegalStateException("no Cpus_allowed_list in /proc/thread-self/status");
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
