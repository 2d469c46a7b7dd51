package org.mmrisk.daemon.engine;

import com.lmax.disruptor.Sequence;
import org.agrona.concurrent.IdleStrategy;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.MarginStatus;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.output.ScenarioGridMessage;
import org.mmrisk.daemon.stamps.StageStamps;

import java.util.function.BooleanSupplier;

/**
 * LMAX's gating, placed where it costs least: nothing of a batch leaves the engine thread before the journaller has
 * written the batch, yet the engine computes the batch while the journaller writes it. {@link #arm} at a batch end
 * names the ring sequence to wait for; the first output of the batch, or {@link #pass} once the batch is done
 * (before snapshots and heartbeats), waits for it. Outputs while unarmed (recovery's replay) pass straight through.
 * Engine thread only; allocation-free.
 */
final class JournalGate implements RiskOutput
{
    private static final long UNARMED = Long.MIN_VALUE;

    private final RiskOutput delegate;
    private final Sequence journaled;
    private final IdleStrategy journalWait;
    private final BooleanSupplier journallerFailed;
    private final StageStamps stamps;
    private long awaitedSequence = UNARMED;

    /**
     * @param journallerFailed true once the journaller (or any daemon thread) has failed: the batch will never be
     *                         journaled, so the wait gives up with an exception instead of spinning for ever.
     */
    JournalGate(final RiskOutput delegate, final Sequence journaled, final IdleStrategy journalWait,
        final BooleanSupplier journallerFailed)
    {
        this(delegate, journaled, journalWait, journallerFailed, StageStamps.DISABLED);
    }

    /**
     * @param stamps told when an armed gate is reached and released (the engine thread's stage stamps).
     */
    JournalGate(final RiskOutput delegate, final Sequence journaled, final IdleStrategy journalWait,
        final BooleanSupplier journallerFailed, final StageStamps stamps)
    {
        this.delegate = delegate;
        this.journaled = journaled;
        this.journalWait = journalWait;
        this.journallerFailed = journallerFailed;
        this.stamps = stamps;
    }

    /**
     * The batch ending at {@code ringSequence} may not be seen outside before the journaller has written it.
     */
    void arm(final long ringSequence)
    {
        awaitedSequence = ringSequence;
    }

    /**
     * Waits until the journaller has written the armed batch, if it is not already known to have.
     */
    void pass()
    {
        if (awaitedSequence != UNARMED)
        {
            stamps.gateReached();
            journalWait.reset();
            while (journaled.get() < awaitedSequence)
            {
                if (journallerFailed.getAsBoolean())
                {
                    throw new IllegalStateException("the batch ending at ring sequence " + awaitedSequence +
                        " will never be journaled: the daemon failed; its outputs stay unwritten");
                }
                journalWait.idle();
            }
            awaitedSequence = UNARMED;
            stamps.gateReleased();
        }
    }

    @Override
    public void onQuoteAdjustment(final QuoteAdjustment adjustment)
    {
        pass();
        delegate.onQuoteAdjustment(adjustment);
    }

    @Override
    public void onRiskSnapshot(final RiskSnapshot snapshot)
    {
        pass();
        delegate.onRiskSnapshot(snapshot);
    }

    @Override
    public void onAlert(final Alert alert)
    {
        pass();
        delegate.onAlert(alert);
    }

    @Override
    public void onHedgeSignal(final HedgeSignal signal)
    {
        pass();
        delegate.onHedgeSignal(signal);
    }

    @Override
    public void onScenarioGrid(final ScenarioGridMessage grid)
    {
        pass();
        delegate.onScenarioGrid(grid);
    }

    @Override
    public void onMarginStatus(final MarginStatus margin)
    {
        pass();
        delegate.onMarginStatus(margin);
    }

    /**
     * Not an output: the engine thread passes the gate itself once the batch is done ({@link #pass}).
     */
    @Override
    public void onBatchComplete()
    {
        delegate.onBatchComplete();
    }
}
