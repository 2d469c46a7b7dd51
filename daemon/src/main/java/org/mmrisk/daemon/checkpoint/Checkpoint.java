package org.mmrisk.daemon.checkpoint;

import java.nio.file.Path;

/**
 * One engine-state checkpoint read back and checked (checksum, layout, configuration): what it reflects and where its
 * state body lies in {@code bytes}. Immutable once read; read at start-up by the main thread.
 *
 * @param journalSequence last journal sequence the state includes, -1 for none.
 * @param lastSourceIndex per input source (source-id order), the last input index journaled by then, or -1.
 */
public record Checkpoint(Path path, long journalSequence, long engineTimeNs, long writtenEpochNs,
    long configFingerprint, long[] lastSourceIndex, byte[] bytes, int bodyOffset, int bodyLength)
{
}
