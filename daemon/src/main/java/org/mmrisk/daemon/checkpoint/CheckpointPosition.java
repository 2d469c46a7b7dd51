package org.mmrisk.daemon.checkpoint;

/**
 * What a checkpoint reflects: the last journal sequence it includes and, per input source, the last input index
 * journaled by then (-1: none). Immutable.
 */
public record CheckpointPosition(long journalSequence, long[] lastSourceIndex)
{
    /**
     * @return the position that needs everything either needs: the lower journal sequence and, per source, the lower
     * index; a source only one of them knows counts as unread (-1).
     */
    public CheckpointPosition earliest(final CheckpointPosition other)
    {
        final long[] sources = new long[Math.max(lastSourceIndex.length, other.lastSourceIndex.length)];
        for (int i = 0; i < sources.length; i++)
        {
            sources[i] = i < lastSourceIndex.length && i < other.lastSourceIndex.length ?
                Math.min(lastSourceIndex[i], other.lastSourceIndex[i]) : -1;
        }
        return new CheckpointPosition(Math.min(journalSequence, other.journalSequence), sources);
    }
}
