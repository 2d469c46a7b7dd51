package org.mmrisk.daemon.engine;

import com.lmax.disruptor.Sequence;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.junit.jupiter.api.Test;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No output of a batch leaves before the journaller has written the batch; outputs of an unarmed gate (recovery's
 * replay) and later outputs of a batch already passed do not wait.
 */
class JournalGateTest
{
    private final Sequence journaled = new Sequence(-1);
    private final Counting delegate = new Counting();
    private final JournalGate gate = new JournalGate(delegate, journaled, new BusySpinIdleStrategy(), () -> false);

    @Test
    void shouldHoldTheFirstOutputOfABatchUntilTheJournallerHasWrittenIt() throws InterruptedException
    {
        gate.arm(5);
        final Thread engine = new Thread(() -> gate.onQuoteAdjustment(new QuoteAdjustment()));
        engine.start();
        engine.join(200);
        assertThat(engine.isAlive()).as("waiting for the journaller").isTrue();
        assertThat(delegate.outputs.get()).isZero();

        journaled.set(4);
        engine.join(100);
        assertThat(delegate.outputs.get()).as("sequence 5 is not written yet").isZero();

        journaled.set(5);
        engine.join(5_000);
        assertThat(engine.isAlive()).isFalse();
        assertThat(delegate.outputs.get()).isEqualTo(1);
    }

    @Test
    void shouldHoldTheEndOfABatchWithoutOutputsUntilTheJournallerHasWrittenIt() throws InterruptedException
    {
        gate.arm(2);
        final Thread engine = new Thread(gate::pass);
        engine.start();
        engine.join(200);
        assertThat(engine.isAlive()).isTrue();
        journaled.set(3);
        engine.join(5_000);
        assertThat(engine.isAlive()).isFalse();
    }

    @Test
    void shouldLetOutputsThroughWhenUnarmedOrAlreadyPassed()
    {
        gate.onAlert(new Alert());
        assertThat(delegate.outputs.get()).as("unarmed, journal behind").isEqualTo(1);

        journaled.set(7);
        gate.arm(7);
        gate.onQuoteAdjustment(new QuoteAdjustment());
        journaled.set(-1);
        gate.onQuoteAdjustment(new QuoteAdjustment());
        gate.onBatchComplete();
        assertThat(delegate.outputs.get()).as("the batch passed once").isEqualTo(3);
        assertThat(delegate.batches.get()).isEqualTo(1);
    }

    private static final class Counting implements RiskOutput
    {
        final AtomicInteger outputs = new AtomicInteger();
        final AtomicInteger batches = new AtomicInteger();

        @Override
        public void onQuoteAdjustment(final QuoteAdjustment adjustment)
        {
            outputs.incrementAndGet();
        }

        @Override
        public void onRiskSnapshot(final RiskSnapshot snapshot)
        {
            outputs.incrementAndGet();
        }

        @Override
        public void onAlert(final Alert alert)
        {
            outputs.incrementAndGet();
        }

        @Override
        public void onHedgeSignal(final HedgeSignal signal)
        {
            outputs.incrementAndGet();
        }

        @Override
        public void onBatchComplete()
        {
            batches.incrementAndGet();
        }
    }
}
