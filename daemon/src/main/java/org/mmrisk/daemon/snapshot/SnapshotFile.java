package org.mmrisk.daemon.snapshot;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.mmrisk.codecs.MessageHeaderDecoder;
import org.mmrisk.codecs.MessageHeaderEncoder;
import org.mmrisk.codecs.SnapshotHeaderDecoder;
import org.mmrisk.codecs.SnapshotHeaderEncoder;
import org.mmrisk.codecs.SnapshotTrailerDecoder;
import org.mmrisk.codecs.SnapshotTrailerEncoder;

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
 * The snapshot file format (SBE): a {@code SnapshotHeader}, the engine state body, a {@code SnapshotTrailer} with the
 * CRC32C of every byte before it. A file is written under a temporary name, forced to disk and renamed, so a reader
 * never sees a half-written file under a snapshot name; a torn or damaged one fails the checksum. Files are
 * owner-only. One instance per writing thread (its buffers are reused); {@link #read} is stateless.
 */
public final class SnapshotFile
{
    /** Snapshot file names: snapshot-(journal sequence, zero-padded).snap, so names sort by position. */
    public static final String PREFIX = "snapshot-";
    public static final String SUFFIX = ".snap";
    private static final int MAX_SOURCES = 1024;
    private static final int TRAILER_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + SnapshotTrailerEncoder.BLOCK_LENGTH;

    private static final int HEADER_CAPACITY = 128 + 8 * MAX_SOURCES;

    private final UnsafeBuffer header = new UnsafeBuffer(new byte[HEADER_CAPACITY]);
    private final UnsafeBuffer trailer = new UnsafeBuffer(new byte[TRAILER_LENGTH]);
    private final MessageHeaderEncoder messageHeader = new MessageHeaderEncoder();
    private final SnapshotHeaderEncoder headerEncoder = new SnapshotHeaderEncoder();
    private final SnapshotTrailerEncoder trailerEncoder = new SnapshotTrailerEncoder();
    private final CRC32C crc = new CRC32C();

    public static String fileName(final long journalSequence)
    {
        return String.format("%s%020d%s", PREFIX, journalSequence + 1, SUFFIX);
    }

    /**
     * Writes one snapshot into {@code dir} and returns its path. Called on the snapshot thread.
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
        final SnapshotHeaderEncoder.SourcesEncoder sources = headerEncoder.sourcesCount(lastSourceIndex.length);
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
     * Reads and checks one snapshot file: SBE ids, length, checksum, then the layout version. Whether it was taken
     * under the running configuration is the caller's question ({@link Snapshot#configFingerprint()}).
     *
     * @throws InvalidSnapshotException with the reason it cannot be used.
     */
    public static Snapshot read(final Path file, final int stateVersion) throws InvalidSnapshotException
    {
        try
        {
            return parse(file, stateVersion);
        }
        catch (final IndexOutOfBoundsException ex)
        {
            throw new InvalidSnapshotException("damaged: " + ex.getMessage());
        }
    }

    /**
     * Reads only a snapshot's header (no checksum): the positions it reflects, for retention. A snapshot whose header
     * cannot be read yields null.
     */
    public static SnapshotPosition readPosition(final Path file)
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
            final SnapshotHeaderDecoder decoded = decodeHeader(new UnsafeBuffer(bytes), into.position());
            final long journalSequence = decoded.journalSequence();
            return new SnapshotPosition(journalSequence, sources(decoded));
        }
        catch (final InvalidSnapshotException | IndexOutOfBoundsException ex)
        {
            return null;
        }
    }

    private static long[] sources(final SnapshotHeaderDecoder decoded) throws InvalidSnapshotException
    {
        final SnapshotHeaderDecoder.SourcesDecoder sources = decoded.sources();
        if (sources.count() > MAX_SOURCES)
        {
            throw new InvalidSnapshotException("damaged header: " + sources.count() + " sources");
        }
        final long[] lastSourceIndex = new long[sources.count()];
        int i = 0;
        while (sources.hasNext())
        {
            lastSourceIndex[i++] = sources.next().lastIndex();
        }
        return lastSourceIndex;
    }

    private static Snapshot parse(final Path file, final int stateVersion) throws InvalidSnapshotException
    {
        final byte[] bytes;
        try
        {
            bytes = Files.readAllBytes(file);
        }
        catch (final IOException ex)
        {
            throw new InvalidSnapshotException("cannot read: " + ex.getMessage());
        }
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final SnapshotHeaderDecoder decoded = decodeHeader(buffer, bytes.length);
        final long[] lastSourceIndex = sources(decoded);
        final int bodyOffset = decoded.limit();
        final long bodyLength = decoded.bodyLength();
        if (bodyLength < 0 || bodyOffset + bodyLength + TRAILER_LENGTH != bytes.length)
        {
            throw new InvalidSnapshotException("truncated or padded: " + bytes.length + " bytes for a body of " +
                bodyLength);
        }
        checkTrailer(buffer, (int)(bodyOffset + bodyLength), bodyLength);
        if (decoded.stateVersion() != stateVersion)
        {
            throw new InvalidSnapshotException("state layout " + decoded.stateVersion() + ", this build reads " +
                stateVersion);
        }
        return new Snapshot(file, decoded.journalSequence(), decoded.engineTimeNs(), decoded.writtenEpochNs(),
            decoded.configFingerprint(), lastSourceIndex, bytes, bodyOffset, (int)bodyLength);
    }

    private static SnapshotHeaderDecoder decodeHeader(final DirectBuffer buffer, final int length)
        throws InvalidSnapshotException
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH + SnapshotHeaderDecoder.BLOCK_LENGTH + TRAILER_LENGTH)
        {
            throw new InvalidSnapshotException("truncated: " + length + " bytes");
        }
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, 0);
        if (header.schemaId() != SnapshotHeaderDecoder.SCHEMA_ID || header.templateId() != SnapshotHeaderDecoder.TEMPLATE_ID)
        {
            throw new InvalidSnapshotException("not a snapshot (schema " + header.schemaId() + ", template " +
                header.templateId() + ")");
        }
        return new SnapshotHeaderDecoder().wrapAndApplyHeader(buffer, 0, header);
    }

    private static void checkTrailer(final UnsafeBuffer buffer, final int trailerOffset, final long bodyLength)
        throws InvalidSnapshotException
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, trailerOffset);
        if (header.templateId() != SnapshotTrailerDecoder.TEMPLATE_ID)
        {
            throw new InvalidSnapshotException("no trailer: truncated or damaged");
        }
        final SnapshotTrailerDecoder trailer = new SnapshotTrailerDecoder().wrapAndApplyHeader(buffer, trailerOffset,
            header);
        final CRC32C crc = new CRC32C();
        crc.update(buffer.byteArray(), 0, trailerOffset);
        if (trailer.bodyLength() != bodyLength || trailer.checksum() != crc.getValue())
        {
            throw new InvalidSnapshotException("checksum mismatch: damaged");
        }
    }
}
