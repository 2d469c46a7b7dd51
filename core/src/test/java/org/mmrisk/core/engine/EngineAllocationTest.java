package org.mmrisk.core.engine;

import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.output.ScenarioGridMessage;
import org.mmrisk.core.testing.AllocationProbe;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmrisk.core.engine.TestEvents.DAY_NS;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * The engine's steady state — index and option ticks, fills with fresh ids, smile updates, timers, re-anchoring,
 * quote emission and the scenario work between batches — allocates nothing.
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
                // the book's quotes with their displayed sizes: the liquidity cost follows each one
                sizedTick(tick, nowNs, 10 + i % 40, 0.01 + (i % 7) * 1e-4, 1 + i % 25, 2 + i % 11);
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

    /**
     * The scenario work between batches (re-centring, the curve cycle, the refresh of the margin and the
     * liquidation distance, the grid's publication) allocates nothing either. Engine time advances 20 ms a batch so
     * that the refresh period (1 s) passes every 50 batches; the index walks over ±2%, past the re-centring move; a
     * fill every other batch on coin-settled and linear options and the perpetual; every run refreshes and publishes.
     */
    @Test
    void shouldNotAllocateWhileTheScenarioWorkRuns()
    {
        final ScenarioCounter output = new ScenarioCounter();
        final EngineConfig config = new EngineConfig().fillIdCapacity(1024);
        // a large slice, so that a run of 1,024 batches holds several refreshes
        config.scenario().enabled(true).sliceEvaluations(4_096);
        final RiskEngine engine = new RiskEngine(config.conclude(), output);
        final TestEvents events = new TestEvents();
        final long expiry = T0 + 30 * DAY_NS;
        apply(engine, events.index(1));
        apply(engine, events.inversePerpetual(2));
        for (int i = 0; i < 40; i++)
        {
            final PutCall putCall = i % 20 < 10 ? PutCall.PUT : PutCall.CALL;
            final double strike = 80_000 + 2_000 * (i % 20);
            apply(engine, i < 20 ? events.inverseOption(10 + i, expiry, strike, putCall) :
                events.linearOption(10 + i, expiry, strike, putCall));
        }
        apply(engine, events.tick(T0, 1, 100_000, 100_000));
        apply(engine, events.tick(T0, 2, 100_000, 100_010));
        final RiskEvent surface = events.smiles(T0, true);
        events.smile(expiry, 0.02, 0.1, -0.4, 0, 0.2);
        apply(engine, surface);
        final int instruments = 41;
        final List<RiskEvent> fills = new ArrayList<>();
        for (int i = 0; i < FILL_EVENTS; i++)
        {
            final int id = i % instruments == 40 ? 2 : 10 + i % instruments;
            fills.add(new RiskEvent().copyFrom(events.fill(T0, id, i % 3 == 0 ? Side.SELL : Side.BUY,
                id == 2 ? 100 : 0.1 + i % 3, id == 2 ? 100_000 : id < 30 ? 0.01 : 1_000)));
        }
        final RiskEvent tick = new RiskEvent();
        final RiskEvent vol = new RiskEvent();
        final long[] clock = { T0 + 1 };
        final int[] nextFill = { 0 };
        final int batchesPerRun = 1_024;
        final long[] refreshesPerRun = new long[10];
        final int[] run = { 0 };
        final Runnable steadyState = () ->
        {
            final long refreshesBefore = engine.counters().get(EngineCounter.SCENARIO_REFRESHES);
            for (int i = 0; i < batchesPerRun; i++)
            {
                clock[0] += 20_000_000L;
                final long nowNs = clock[0];
                final double walk = (i % 256) / 64.0;
                indexTick(tick, nowNs, 100_000 * (1 + 0.01 * (walk < 2 ? walk - 1 : 3 - walk)));
                apply(engine, tick);
                if (i % 2 == 0)
                {
                    final RiskEvent fill = fills.get(nextFill[0]);
                    nextFill[0] = (nextFill[0] + 1) % FILL_EVENTS;
                    fill.timeNs = nowNs;
                    fill.exchangeTimeNs = nowNs;
                    apply(engine, fill);
                }
                if (i % 64 == 0)
                {
                    smile(vol, nowNs, expiry, 0.02 + (i % 3) * 1e-4);
                    apply(engine, vol);
                }
            }
            refreshesPerRun[run[0]++] = engine.counters().get(EngineCounter.SCENARIO_REFRESHES) - refreshesBefore;
        };

        final long allocated = AllocationProbe.leastAllocatedBytes(steadyState, 5, 5);

        assertThat(allocated).isZero();
        assertThat(java.util.Arrays.stream(refreshesPerRun).min().orElse(0)).isGreaterThanOrEqualTo(3);
        assertThat(output.grids).isGreaterThan(10);
        assertThat(engine.underlyings().get(0).scenarios().figures().known).isTrue();
        assertThat(engine.underlyings().get(0).scenarios().figures().initial).isPositive();
    }

    /**
     * Counts the scenario grids published; discards every output. Owned by the engine thread.
     */
    private static final class ScenarioCounter implements RiskOutput
    {
        long grids;

        @Override
        public void onQuoteAdjustment(final QuoteAdjustment adjustment)
        {
        }

        @Override
        public void onRiskSnapshot(final RiskSnapshot snapshot)
        {
        }

        @Override
        public void onAlert(final Alert alert)
        {
        }

        @Override
        public void onHedgeSignal(final HedgeSignal signal)
        {
        }

        @Override
        public void onScenarioGrid(final ScenarioGridMessage grid)
        {
            grids++;
        }
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

    private static void sizedTick(final RiskEvent e, final long nowNs, final int instrumentId, final double bid,
        final double bidSize, final double askSize)
    {
        e.reset();
        e.type = org.mmrisk.core.event.EventType.TICK;
        e.timeNs = nowNs;
        e.batchEnd = true;
        e.instrumentId = instrumentId;
        e.bid = bid;
        e.ask = bid + 0.0005;
        e.bidSize = bidSize;
        e.askSize = askSize;
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
