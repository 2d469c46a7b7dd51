package org.mmrisk.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code scripts/risk} starts every JVM with umask 077, so that what the JVM creates itself (Chronicle's cycle files
 * before the daemon restricts them, the GC log, a tool's output) is its owner's alone. Run against a copy of the
 * launcher beside an empty jar, with a stand-in {@code java} on the PATH that records the umask it was started with.
 */
class LauncherUmaskTest
{
    private static final Path LAUNCHER = Path.of("..", "scripts", "risk");

    @TempDir
    Path dir;

    @Test
    void shouldStartTheJvmOwnerOnly() throws Exception
    {
        assumeTrue(Files.isRegularFile(LAUNCHER), "the launcher is at ../scripts/risk from the daemon module");
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        final Path scripts = Files.createDirectories(dir.resolve("repo/scripts"));
        Files.copy(LAUNCHER, scripts.resolve("risk"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createFile(Files.createDirectories(dir.resolve("repo/daemon/target")).resolve("risk.jar"));
        final Path bin = Files.createDirectories(dir.resolve("bin"));
        final Path umaskFile = dir.resolve("umask");
        final Path java = Files.writeString(bin.resolve("java"), String.join("\n",
            "#!/bin/bash",
            "echo 'openjdk version \"17.0.1\"' >&2",
            "umask > '" + umaskFile + "'",
            "touch '" + dir.resolve("created-by-jvm") + "'",
            ""));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));

        final ProcessBuilder builder = new ProcessBuilder("/bin/bash", scripts.resolve("risk").toString(), "tail",
            "nothing").redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        final Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isZero();
        assertThat(Files.readString(umaskFile).trim()).isEqualTo("0077");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("created-by-jvm"))))
            .isEqualTo("rw-------");
    }
}
