package org.mmrisk.daemon.retention;

import net.openhft.chronicle.queue.ChronicleQueue;
import org.mmrisk.daemon.journal.JournalCycles;
import org.mmrisk.daemon.queue.Queues;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * Deletes old cycle files (one per UTC day) of the input, journal and output queues, after each snapshot. A file goes
 * only when all of these hold:
 * <ul>
 *     <li>its day is at least {@code retainDays} before today (UTC), so the newest days always stay;</li>
 *     <li>it is not the newest file of its queue, which writers and the start-up scans still use;</li>
 *     <li>an input file lies wholly before the last index of that input the oldest kept snapshot reflects, and a
 *     journal file wholly before the first sequence that snapshot lacks: restarting from any kept snapshot needs
 *     nothing deleted. The output queue has only the age rule (recovery reads just its last entry).</li>
 * </ul>
 * Files go oldest first; one that cannot be deleted is logged, and it and the newer ones of its queue are left for the
 * next round, so a queue never has a gap between its days. Runs on the snapshot thread; the queues
 * are shared with the threads that read and write them, which never go back to an old day.
 */
public final class QueueRetention
{
    private final int retainDays;
    private final ChronicleQueue[] inputs;
    private final ChronicleQueue journal;
    private final ChronicleQueue output;
    private final IntSupplier todayCycle;
    private final PrintStream log;
    private final JournalCycles journalCycles = new JournalCycles();

    /**
     * @param retainDays days of files always kept, counting today; 0 keeps every file.
     * @param inputs     input queues in source-id order, as the snapshots' last indexes are.
     * @param todayCycle today's cycle (UTC day number), from the wall clock.
     */
    public QueueRetention(final int retainDays, final ChronicleQueue[] inputs, final ChronicleQueue journal,
        final ChronicleQueue output, final IntSupplier todayCycle, final PrintStream log)
    {
        if (retainDays < 0)
        {
            throw new IllegalArgumentException("retainDays must not be negative: " + retainDays);
        }
        this.retainDays = retainDays;
        this.inputs = inputs.clone();
        this.journal = journal;
        this.output = output;
        this.todayCycle = todayCycle;
        this.log = log;
    }

    public static IntSupplier wallClockCycle()
    {
        return () -> (int)Math.floorDiv(System.currentTimeMillis(), Queues.ROLL_CYCLE.lengthInMillis());
    }

    /**
     * Deletes what the oldest kept snapshot no longer needs.
     *
     * @param journalSequence the lowest journal sequence among the kept snapshots.
     * @param lastSourceIndex per input source, the lowest last index among the kept snapshots (-1: none read yet).
     * @return the files deleted.
     */
    public int apply(final long journalSequence, final long[] lastSourceIndex)
    {
        if (retainDays == 0)
        {
            return 0;
        }
        final int ageLimit = todayCycle.getAsInt() - retainDays + 1;
        int deleted = 0;
        for (int i = 0; i < inputs.length && i < lastSourceIndex.length; i++)
        {
            final int needed = lastSourceIndex[i] < 0 ? Integer.MIN_VALUE :
                Queues.ROLL_CYCLE.toCycle(lastSourceIndex[i]);
            deleted += delete(inputs[i], Math.min(ageLimit, needed));
        }
        deleted += delete(journal, Math.min(ageLimit, firstJournalCycleNeeded(journalSequence + 1)));
        deleted += delete(output, ageLimit);
        return deleted;
    }

    /**
     * @return the oldest journal cycle that may hold {@code sequence} or anything after it.
     */
    private int firstJournalCycleNeeded(final long sequence)
    {
        final List<Integer> cycles = new ArrayList<>(CycleFiles.list(dir(journal)).keySet());
        for (int i = cycles.size() - 1; i > 0; i--)
        {
            final long first = journalCycles.firstSequence(journal, cycles.get(i));
            if (first >= 0 && first <= sequence)
            {
                return cycles.get(i);
            }
        }
        return Integer.MIN_VALUE;
    }

    /**
     * Deletes the queue's files of cycles before {@code limitCycle}, never its newest file.
     */
    private int delete(final ChronicleQueue queue, final int limitCycle)
    {
        final TreeMap<Integer, Path> files = CycleFiles.list(dir(queue));
        if (files.isEmpty())
        {
            return 0;
        }
        int deleted = 0;
        for (final Map.Entry<Integer, Path> file : files.headMap(Math.min(limitCycle, files.lastKey()), false).entrySet())
        {
            try
            {
                Files.delete(file.getValue());
                deleted++;
            }
            catch (final IOException ex)
            {
                // oldest first, and no further: a queue keeps no gap between its days
                log.println("risk daemon: retention: cannot delete " + file.getValue() + ": " + ex);
                break;
            }
        }
        if (deleted > 0)
        {
            queue.refreshDirectoryListing();
            log.println("risk daemon: retention: deleted " + deleted + " day file(s) before " +
                CycleFiles.fileName(Math.min(limitCycle, files.lastKey())) + " in " + dir(queue));
        }
        return deleted;
    }

    private static Path dir(final ChronicleQueue queue)
    {
        return queue.file().toPath();
    }
}
