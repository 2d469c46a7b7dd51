package org.mmrisk.daemon.checkpoint;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.mmrisk.codecs.CheckpointHeaderDecoder;
import org.mmrisk.codecs.CheckpointHeaderEncoder;
import org.mmrisk.codecs.CheckpointTrailerDecoder;
import org.mmrisk.codecs.CheckpointTrailerEncoder;
import org.mmrisk.codecs.MessageHeaderDecoder;
import org.mmrisk.codecs.MessageHeaderEncoder;
import org.mmrisk.daemon.fault.FaultInjection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.CRC32C;

/**
 * The checkpoint file format (SBE): a {@code CheckpointHeader}, the engine state body, a {@code CheckpointTrailer} with the
 * CRC32C of every byte before it. A file is written under a temporary name, forced to disk and renamed, so a reader
 * never sees a half-written file under a checkpoint name; a torn or damaged one fails the checksum. Files are
 * owner-only. One instance per writing thread (its buffers are reused); {@link #read} is stateless.
 */
public final class CheckpointFile
{
    /** Checkpoint file names: snapshot-(journal sequence, zero-padded).snap, so names sort by position; the older word is kept on disk so that existing data directories keep working. */
    public static final String PREFIX = "snapshot-";
    public static final String SUFFIX = ".snap";
    private static final int MAX_SOURCES = 1024;
    private static final int TRAILER_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + CheckpointTrailerEncoder.BLOCK_LENGTH;

    private static final int HEADER_CAPACITY = 128 + 8 * MAX_SOURCES;

    private final UnsafeBuffer header = new UnsafeBuffer(new byte[HEADER_CAPACITY]);
    private final UnsafeBuffer trailer = new UnsafeBuffer(new byte[TRAILER_LENGTH]);
    private final MessageHeaderEncoder messageHeader = new MessageHeaderEncoder();
    private final CheckpointHeaderEncoder headerEncoder = new CheckpointHeaderEncoder();
    private final CheckpointTrailerEncoder trailerEncoder = new CheckpointTrailerEncoder();
    private final CRC32C crc = new CRC32C();

    public static String fileName(final long journalSequence)
    {
        return String.format("%s%020d%s", PREFIX, journalSequence + 1, SUFFIX);
    }

    /**
     * Writes one checkpoint into {@code dir} and returns its path. Called on the checkpoint thread.
     *
     * @param body state bytes [0, bodyLength) of a buffer backed by {@code bodyBytes} (a direct ByteBuffer view).
     */
    public Path write(final Path dir, final int stateVersion, final long journalSequence, final long engineTimeNs,
        final long writtenEpochNs, final long configFingerprint, final long[] lastSourceIndex,
        final ByteBuffer body, final int bodyLength) throws IOException
    {
        final int headerLength = encodeHeader(stateVersion, journalSequence, engineTimeNs, writtenEpochNs,
            configFingerprint, lastSourceIndex, bodyLength);
        final ByteBuffer headerBytes = ByteBuffer.wrap(header.byteArray(), 0, headerLength);
        final ByteBuffer bodyBytes = body.duplicate();
        bodyBytes.limit(bodyLength).position(0);
        crc.reset();
        crc.update(headerBytes.duplicate());
        crc.update(bodyBytes.duplicate());
        trailerEncoder.wrapAndApplyHeader(trailer, 0, messageHeader).bodyLength(bodyLength).checksum(crc.getValue());
        final Path target = dir.resolve(fileName(journalSequence));
        final Path temporary = dir.resolve(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
        {
            ownerOnly(temporary);
            writeFully(channel, headerBytes);
            writeFully(channel, bodyBytes);
            writeFully(channel, ByteBuffer.wrap(trailer.byteArray()));
            channel.force(true);
        }
        FaultInjection.reached(FaultInjection.CHECKPOINT_WRITE);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private int encodeHeader(final int stateVersion, final long journalSequence, final long engineTimeNs,
        final long writtenEpochNs, final long configFingerprint, final long[] lastSourceIndex, final int bodyLength)
    {
        if (lastSourceIndex.length > MAX_SOURCES)
        {
            throw new IllegalArgumentException("at most " + MAX_SOURCES + " input sources");
        }
        headerEncoder.wrapAndApplyHeader(header, 0, messageHeader)
            .stateVersion(stateVersion)
            .journalSequence(journalSequence)
            .engineTimeNs(engineTimeNs)
            .writtenEpochNs(writtenEpochNs)
            .configFingerprint(configFingerprint)
            .bodyLength(bodyLength);
        final CheckpointHeaderEncoder.SourcesEncoder sources = headerEncoder.sourcesCount(lastSourceIndex.length);
        for (final long index : lastSourceIndex)
        {
            sources.next().lastIndex(index);
        }
        return MessageHeaderEncoder.ENCODED_LENGTH + headerEncoder.encodedLength();
    }

    private static void writeFully(final FileChannel channel, final ByteBuffer bytes) throws IOException
    {
        while (bytes.hasRemaining())
        {
            channel.write(bytes);
        }
    }

    private static void ownerOnly(final Path file) throws IOException
    {
        try
        {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        catch (final UnsupportedOperationException ignore)
        {
            // not a POSIX file system: the platform's defaults apply
        }
    }

    /**
     * Reads and checks one checkpoint file: SBE ids, length, checksum, then the layout version. Whether it was taken
     * under the running configuration is the caller's question ({@link Checkpoint#configFingerprint()}).
     *
     * @throws InvalidCheckpointException with the reason it cannot be used.
     */
    public static Checkpoint read(final Path file, final int stateVersion) throws InvalidCheckpointException
    {
        try
        {
            return parse(file, stateVersion);
        }
        catch (final IndexOutOfBoundsException ex)
        {
            throw new InvalidCheckpointException("damaged: " + ex.getMessage());
        }
    }

    /**
     * Reads only a checkpoint's header (no checksum): the positions it reflects, for retention. A checkpoint whose header
     * cannot be read yields null.
     */
    public static CheckpointPosition readPosition(final Path file)
    {
        final byte[] bytes = new byte[HEADER_CAPACITY];
        final ByteBuffer into = ByteBuffer.wrap(bytes);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            while (into.hasRemaining() && channel.read(into) >= 0)
            {
                // a read may return fewer bytes than asked for
            }
        }
        catch (final IOException ex)
        {
            return null;
        }
        try
        {
            final CheckpointHeaderDecoder decoded = decodeHeader(new UnsafeBuffer(bytes), into.position());
            final long journalSequence = decoded.journalSequence();
            return new CheckpointPosition(journalSequence, sources(decoded));
        }
        catch (final InvalidCheckpointException | IndexOutOfBoundsException ex)
        {
            return null;
        }
    }

    private static long[] sources(final CheckpointHeaderDecoder decoded) throws InvalidCheckpointException
    {
        final CheckpointHeaderDecoder.SourcesDecoder sources = decoded.sources();
        if (sources.count() > MAX_SOURCES)
        {
            throw new InvalidCheckpointException("damaged header: " + sources.count() + " sources");
        }
        final long[] lastSourceIndex = new long[sources.count()];
        int i = 0;
        while (sources.hasNext())
        {
            lastSourceIndex[i++] = sources.next().lastIndex();
        }
        return lastSourceIndex;
    }

    private static Checkpoint parse(final Path file, final int stateVersion) throws InvalidCheckpointException
    {
        final byte[] bytes;
        try
        {
            bytes = Files.readAllBytes(file);
        }
        catch (final IOException ex)
        {
            throw new InvalidCheckpointException("cannot read: " + ex.getMessage());
        }
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final CheckpointHeaderDecoder decoded = decodeHeader(buffer, bytes.length);
        final long[] lastSourceIndex = sources(decoded);
        final int bodyOffset = decoded.limit();
        final long bodyLength = decoded.bodyLength();
        if (bodyLength < 0 || bodyOffset + bodyLength + TRAILER_LENGTH != bytes.length)
        {
            throw new InvalidCheckpointException("truncated or padded: " + bytes.length + " bytes for a body of " +
                bodyLength);
        }
        checkTrailer(buffer, (int)(bodyOffset + bodyLength), bodyLength);
        if (decoded.stateVersion() != stateVersion)
        {
            throw new InvalidCheckpointException("state layout " + decoded.stateVersion() + ", this build reads " +
                stateVersion);
        }
        return new Checkpoint(file, decoded.journalSequence(), decoded.engineTimeNs(), decoded.writtenEpochNs(),
            decoded.configFingerprint(), lastSourceIndex, bytes, bodyOffset, (int)bodyLength);
    }

    private static CheckpointHeaderDecoder decodeHeader(final DirectBuffer buffer, final int length)
        throws InvalidCheckpointException
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH + CheckpointHeaderDecoder.BLOCK_LENGTH + TRAILER_LENGTH)
        {
            throw new InvalidCheckpointException("truncated: " + length + " bytes");
        }
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, 0);
        if (header.schemaId() != CheckpointHeaderDecoder.SCHEMA_ID || header.templateId() != CheckpointHeaderDecoder.TEMPLATE_ID)
        {
            throw new InvalidCheckpointException("not a checkpoint (schema " + header.schemaId() + ", template " +
                header.templateId() + ")");
        }
        return new CheckpointHeaderDecoder().wrapAndApplyHeader(buffer, 0, header);
    }

    private static void checkTrailer(final UnsafeBuffer buffer, final int trailerOffset, final long bodyLength)
        throws InvalidCheckpointException
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, trailerOffset);
        if (header.templateId() != CheckpointTrailerDecoder.TEMPLATE_ID)
        {
            throw new InvalidCheckpointException("no trailer: truncated or damaged");
        }
        final CheckpointTrailerDecoder trailer = new CheckpointTrailerDecoder().wrapAndApplyHeader(buffer, trailerOffset,
            header);
        final CRC32C crc = new CRC32C();
        crc.update(buffer.byteArray(), 0, trailerOffset);
        if (trailer.bodyLength() != bodyLength || trailer.checksum() != crc.getValue())
        {
            throw new InvalidCheckpointException("checksum mismatch: damaged");
        }
    }
}
