package org.mmrisk.daemon.codec;

/**
 * Why a message read from an input queue could not be decoded into an event, or was refused by its queue. Each has its
 * own ingress counter; the message is skipped and ingress goes on.
 */
public enum DecodeError
{
    /** Shorter than a message header, or than the header plus the block and the variable parts it declares. */
    TRUNCATED,
    /** Longer than its header, block and variable parts add up to. */
    TRAILING_BYTES,
    /** The header names another schema. */
    WRONG_SCHEMA,
    /** The schema version is newer than this daemon understands. */
    UNSUPPORTED_VERSION,
    /** The template id is not an input message of this schema. */
    UNKNOWN_TEMPLATE,
    /** The block length is shorter than this version's block. */
    BAD_BLOCK_LENGTH,
    /** A repeating group or variable field is larger than the daemon accepts (fill id over 64 bytes, too many smiles). */
    OVERSIZED_FIELD,
    /** The checksum field (schema version 4 on) does not match the message's bytes: corrupted on the way or on disk. */
    BAD_CHECKSUM,
    /** A message of a version before 4, which has no checksum, while {@code ingress.requireChecksum} is on. */
    MISSING_CHECKSUM,
    /**
     * A valid message of a type its queue may not carry: a {@code Control} on an input queue, any other input on the
     * control queue, or a type outside the input's {@code ingress.inputTypes}.
     */
    WRONG_SOURCE
}
