package org.mmrisk.core.engine;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.testing.AllocationProbe;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmrisk.core.engine.TestEvents.DAY_NS;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * The engine's steady state — index and option ticks, fills with fresh ids, smile updates, timers, re-anchoring
 * and quote emission — allocates nothing.
 */
class EngineAllocationTest
{
    private static final int FILL_EVENTS = 2_048;

    @Test
    void shouldNotAllocateOnTicksFillsSmilesAndTimers()
    {
        final RiskEngine engine = new RiskEngine(new EngineConfig().fillIdCapacity(1024).conclude(),
            new org.mmrisk.core.output.CountingOutput());
        final TestEvents events = new TestEvents();
        final long expiry = T0 + 30 * DAY_NS;
        apply(engine, events.index(1));
        apply(engine, events.inversePerpetual(2));
        for (int i = 0; i < 40; i++)
        {
            apply(engine, events.inverseOption(10 + i, expiry, 80_000 + 1_000 * i, i < 20 ? PutCall.PUT : PutCall.CALL));
        }
        apply(engine, events.tick(T0, 1, 100_000, 100_000));
        final RiskEvent surface = events.smiles(T0, true);
        events.smile(expiry, 0.02, 0.1, -0.4, 0, 0.2);
        apply(engine, surface);
        final List<RiskEvent> fills = new ArrayList<>();
        for (int i = 0; i < FILL_EVENTS; i++)
        {
            fills.add(new RiskEvent().copyFrom(
                events.fill(T0, 10 + i % 40, i % 2 == 0 ? Side.BUY : Side.SELL, 0.1 + i % 3, 0.01)));
        }
        final RiskEvent tick = new RiskEvent();
        final RiskEvent vol = new RiskEvent();
        final long[] clock = { T0 + 1 };
        final Runnable steadyState = () ->
        {
            for (int i = 0; i < FILL_EVENTS; i++)
            {
                final long nowNs = clock[0]++;
                indexTick(tick, nowNs, 100_000 + (i % 50) * 3.0);
                apply(engine, tick);
                final RiskEvent fill = fills.get(i);
                fill.timeNs = nowNs;
                fill.exchangeTimeNs = nowNs;
                apply(engine, fill);
                if (i % 64 == 0)
                {
                    smile(vol, nowNs, expiry, 0.02 + (i % 3) * 1e-4);
                    apply(engine, vol);
                }
            }
        };

        final long allocated = AllocationProbe.leastAllocatedBytes(steadyState, 5, 5);

        assertThat(allocated).isZero();
        assertThat(engine.counters().get(EngineCounter.FILLS)).isGreaterThan(FILL_EVENTS);
        assertThat(engine.counters().get(EngineCounter.REANCHORS)).isPositive();
    }

    private static void indexTick(final RiskEvent e, final long nowNs, final double priceUsd)
    {
        e.reset();
        e.type = org.mmrisk.core.event.EventType.TICK;
        e.timeNs = nowNs;
        e.batchEnd = true;
        e.instrumentId = 1;
        e.bid = priceUsd;
        e.ask = priceUsd;
    }

    private static void smile(final RiskEvent e, final long nowNs, final long expiryNs, final double a)
    {
        e.reset();
        e.type = org.mmrisk.core.event.EventType.VOL;
        e.timeNs = nowNs;
        e.batchEnd = true;
        e.underlying = TestEvents.BTC;
        e.addSmile(expiryNs, a, 0.1, -0.4, 0, 0.2);
    }

    private static void apply(final RiskEngine engine, final RiskEvent event)
    {
        TestEvents.apply(engine, event);
    }
}
