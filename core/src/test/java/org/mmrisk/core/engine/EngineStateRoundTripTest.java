package org.mmrisk.core.engine;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.config.HedgeConfig;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ControlCommand;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.state.StateFormatException;
import org.mmrisk.core.state.StateReader;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmrisk.core.engine.TestEvents.DAY_NS;
import static org.mmrisk.core.engine.TestEvents.T0;

/**
 * A snapshot is only worth having if the engine restored from it is the engine that was saved: over random event
 * sequences (ticks with and without displayed sizes, fills with fees and rebates, re-sends and parked fills, smiles and rejected smiles, operator commands, timers,
 * expiry settlement, hedging) an engine restored at a batch end emits exactly the outputs the uninterrupted engine
 * emits from there on, field for field, and ends in the same recorded state.
 */
class EngineStateRoundTripTest
{
    private static final long BTC = AsciiCode.pack("BTC");
    private static final long SHORT_EXPIRY = T0 + DAY_NS / 24;
    private static final long[] EXPIRIES = { SHORT_EXPIRY, T0 + 7 * DAY_NS, T0 + 30 * DAY_NS };
    private static final int INDEX = 1;
    private static final int PERP = 2;
    private static final int FUTURE = 3;
    private static final int LATE_OPTION = 99;
    private static final int FIRST_OPTION = 10;
    private static final int OPTIONS = 24;

    @Test
    void shouldContinueExactlyAsTheSavedEngineFromAnyBatchEnd()
    {
        int cutsChecked = 0;
        for (int seed = 1; seed <= 5; seed++)
        {
            final Random random = new Random(seed);
            final List<RiskEvent> script = script(random);
            final Lines reference = new Lines();
            final RiskEngine whole = new RiskEngine(config(), reference);
            final List<Cut> cuts = new ArrayList<>();
            for (int i = 0; i < script.size(); i++)
            {
                TestEvents.apply(whole, script.get(i));
                if (script.get(i).batchEnd && random.nextInt(150) == 0)
                {
                    cuts.add(new Cut(i + 1, reference.lines.size(), save(whole)));
                }
            }
            final byte[] finalState = save(whole);
            assertThat(cuts).as("seed %d", seed).isNotEmpty();
            for (final Cut cut : cuts)
            {
                final Lines resumed = new Lines();
                final RiskEngine restored = restore(cut.state, resumed);
                for (int i = cut.nextEvent; i < script.size(); i++)
                {
                    TestEvents.apply(restored, script.get(i));
                }
                assertSameLines(resumed.lines, reference.lines.subList(cut.outputsBefore, reference.lines.size()),
                    "seed " + seed + ", restored before event " + cut.nextEvent);
                assertThat(save(restored)).as("seed %d, final state", seed).isEqualTo(finalState);
                cutsChecked++;
            }
            assertThat(reference.lines).hasSizeGreaterThan(500);
            assertThat(whole.counters().get(EngineCounter.FILLS_DUPLICATE)).isPositive();
        }
        assertThat(cutsChecked).isGreaterThan(20);
    }

    @Test
    void shouldSaveTheSameBytesAgainWhenRestoredWithoutEvents()
    {
        final RiskEngine engine = new RiskEngine(config(), new Lines());
        script(new Random(7)).forEach(e -> TestEvents.apply(engine, e));
        final byte[] saved = save(engine);
        assertThat(save(restore(saved, new Lines()))).isEqualTo(saved);
        assertThat(engine.instruments().get(LATE_OPTION).isDefined()).isTrue();
    }

    @Test
    void shouldRefuseATruncatedOrShiftedRecordRatherThanRestoreWrongValues()
    {
        final RiskEngine engine = new RiskEngine(config(), new Lines());
        script(new Random(3)).forEach(e -> TestEvents.apply(engine, e));
        final byte[] saved = save(engine);

        assertThatThrownBy(() -> restore(java.util.Arrays.copyOf(saved, saved.length - 1), new Lines()))
            .isInstanceOf(StateFormatException.class);
        final byte[] shifted = new byte[saved.length];
        System.arraycopy(saved, 0, shifted, 0, 40);
        System.arraycopy(saved, 48, shifted, 40, saved.length - 48);
        assertThatThrownBy(() -> restore(shifted, new Lines())).isInstanceOf(StateFormatException.class);
    }

    @Test
    void shouldRefuseAStateSavedUnderOtherMoneynessBucketEdges()
    {
        final RiskEngine engine = new RiskEngine(config(), new Lines());
        script(new Random(5)).forEach(e -> TestEvents.apply(engine, e));
        final byte[] saved = save(engine);
        final double[] edges = config().moneynessBucketEdges();
        edges[0] -= 0.05;
        final RiskEngine otherEdges = new RiskEngine(config().moneynessBucketEdges(edges), new Lines());

        assertThatThrownBy(() -> otherEdges.restoreState(new StateReader(new UnsafeBuffer(saved), 0, saved.length)))
            .isInstanceOf(StateFormatException.class)
            .hasMessageContaining("moneyness bucket edges");
    }

    @Test
    void shouldRestoreOnlyIntoAFreshEngine()
    {
        final RiskEngine engine = new RiskEngine(config(), new Lines());
        final byte[] empty = save(engine);
        TestEvents.apply(engine, new TestEvents().index(INDEX));
        assertThatThrownBy(() -> engine.restoreState(new StateReader(new UnsafeBuffer(empty), 0, empty.length)))
            .isInstanceOf(IllegalStateException.class);
    }

    /**
     * Reports the first line that differs (the lists run to thousands of lines).
     */
    private static void assertSameLines(final List<String> actual, final List<String> expected, final String what)
    {
        for (int i = 0; i < Math.min(actual.size(), expected.size()); i++)
        {
            assertThat(actual.get(i)).as("%s, output %d", what, i).isEqualTo(expected.get(i));
        }
        assertThat(actual.size()).as("%s, outputs", what).isEqualTo(expected.size());
    }

    private record Cut(int nextEvent, int outputsBefore, byte[] state)
    {
    }

    private static byte[] save(final RiskEngine engine)
    {
        return EngineStates.save(engine);
    }

    private static RiskEngine restore(final byte[] state, final RiskOutput output)
    {
        return EngineStates.restore(state, config(), output);
    }

    private static EngineConfig config()
    {
        return new EngineConfig().maxQuotesPerSecond(20).skewWeights(1e-9, 1e-6).reanchorSliceSize(3)
            .limit(AsciiCode.NONE, LimitKind.DELTA, 60).limit(AsciiCode.NONE, LimitKind.POSITION, 400)
            .fillIdHorizonNs(DAY_NS / 48).fillIdCapacity(1024).snapshotIntervalNs(DAY_NS / 240)
            .staleAfterNs(8_000_000_000L, 30_000_000_000L)
            .hedging(BTC, new HedgeConfig("BTC-PERPETUAL", 2.0, false, 20_000_000_000L)).conclude();
    }

    /**
     * An hours-long sequence over a small book: mostly index ticks, with fills (some re-sent, some on an instrument
     * defined only later), futures ticks, smiles (some arbitrageable), operator commands and timers, in batches of
     * one to four events; the shortest expiry settles part way.
     */
    private static List<RiskEvent> script(final Random random)
    {
        final TestEvents events = new TestEvents();
        final List<RiskEvent> script = new ArrayList<>();
        add(script, events.index(INDEX));
        add(script, events.inversePerpetual(PERP));
        add(script, events.linearFuture(FUTURE, EXPIRIES[2]));
        for (int i = 0; i < OPTIONS; i++)
        {
            final double strike = 88_000 + 1_000 * i;
            final long expiryNs = EXPIRIES[i % 3];
            add(script, i % 2 == 0 ? events.inverseOption(FIRST_OPTION + i, expiryNs, strike,
                strike < 100_000 ? PutCall.PUT : PutCall.CALL) :
                events.linearOption(FIRST_OPTION + i, expiryNs, strike, PutCall.CALL));
        }
        add(script, events.tick(T0, INDEX, 100_000, 100_000));
        add(script, events.tick(T0, PERP, 100_010, 100_020));
        add(script, events.tick(T0, FUTURE, 100_400, 100_401));
        add(script, surface(events, T0, 1.0));
        double spot = 100_000;
        long timeNs = T0;
        final List<RiskEvent> fills = new ArrayList<>();
        for (int step = 0; step < 2_500; step++)
        {
            // mostly bursts (the quote rate cap binds), now and then a pause of up to 20 s
            timeNs += (random.nextInt(5) == 0 ? random.nextInt(20_000_000) : random.nextInt(20_000)) * 1_000L;
            final RiskEvent event = randomEvent(events, random, timeNs, spot, fills);
            if (event.type == EventType.TICK && event.instrumentId == INDEX)
            {
                spot = event.bid;
            }
            if (step == 1_200)
            {
                add(script, events.linearOption(LATE_OPTION, EXPIRIES[1], 101_500, PutCall.PUT));
            }
            event.batchEnd = random.nextInt(3) == 0;
            add(script, event);
        }
        script.get(script.size() - 1).batchEnd = true;
        return script;
    }

    private static RiskEvent randomEvent(final TestEvents events, final Random random, final long timeNs,
        final double spot, final List<RiskEvent> fills)
    {
        final int kind = random.nextInt(100);
        if (kind < 55)
        {
            final double next = spot * Math.exp(0.0004 * random.nextGaussian());
            return events.tick(timeNs, INDEX, next, next);
        }
        if (kind < 75)
        {
            if (!fills.isEmpty() && random.nextInt(8) == 0)
            {
                final RiskEvent resend = copy(fills.get(random.nextInt(fills.size())));
                resend.timeNs = timeNs;
                return resend;
            }
            final int choice = random.nextInt(OPTIONS + 3);
            final int id = choice == OPTIONS ? PERP : choice == OPTIONS + 1 ? LATE_OPTION :
                choice == OPTIONS + 2 ? FUTURE : FIRST_OPTION + choice;
            final boolean delta1 = id == PERP || id == FUTURE;
            final RiskEvent fill = events.fill(timeNs, id, random.nextBoolean() ? Side.BUY : Side.SELL,
                delta1 ? 10 * (1 + random.nextInt(50)) : 0.5 * (1 + random.nextInt(20)), delta1 ? spot : 0.03);
            // fees and rebates, in USD or coins: the fills' edge is part of the state
            fill.fee = random.nextInt(3) == 0 ? -0.0001 : 0.0002;
            fill.feeCurrency = random.nextBoolean() ? BTC : AsciiCode.pack("USD");
            fills.add(copy(fill));
            return fill;
        }
        if (kind < 82)
        {
            final RiskEvent tick = random.nextInt(3) == 0 ?
                events.tick(timeNs, FIRST_OPTION + random.nextInt(OPTIONS), 0.02, 0.02 + 0.001 * random.nextInt(30)) :
                events.tick(timeNs, random.nextBoolean() ? FUTURE : PERP, spot * 1.003 - 0.5, spot * 1.003 + 0.5);
            // displayed sizes, absent now and then: the liquidity cost follows them
            if (random.nextInt(3) != 0)
            {
                tick.bidSize = 1 + random.nextInt(200);
                tick.askSize = 1 + random.nextInt(200);
            }
            return tick;
        }
        if (kind < 86)
        {
            return surface(events, timeNs, random.nextInt(10) == 0 ? 40 : 0.9 + 0.2 * random.nextDouble());
        }
        if (kind < 90)
        {
            return control(events, timeNs, random);
        }
        return events.timer(timeNs);
    }

    /**
     * A whole surface scaled by {@code level}; a large level breaks the wing-slope bound and is rejected.
     */
    private static RiskEvent surface(final TestEvents events, final long timeNs, final double level)
    {
        final RiskEvent surface = events.smiles(timeNs, true);
        for (int i = 0; i < EXPIRIES.length; i++)
        {
            if (EXPIRIES[i] > timeNs)
            {
                events.smile(EXPIRIES[i], 0.002 * (i + 1) * level, 0.05 * level, -0.3, 0, 0.2);
            }
        }
        return surface;
    }

    private static RiskEvent control(final TestEvents events, final long timeNs, final Random random)
    {
        final RiskEvent e = events.timer(timeNs);
        e.type = EventType.CONTROL;
        e.underlying = BTC;
        switch (random.nextInt(4))
        {
            case 0 -> e.command = ControlCommand.HALT;
            case 1 -> e.command = ControlCommand.RESUME;
            case 2 ->
            {
                e.command = ControlCommand.SET_EQUITY;
                e.value = 1 + random.nextInt(5);
            }
            default ->
            {
                e.command = ControlCommand.SET_LIMIT;
                e.limitName(LimitKind.DELTA.key());
                e.value = 20 + random.nextInt(80);
            }
        }
        return e;
    }

    private static void add(final List<RiskEvent> script, final RiskEvent event)
    {
        script.add(copy(event));
    }

    private static RiskEvent copy(final RiskEvent event)
    {
        return new RiskEvent().copyFrom(event);
    }

    /**
     * Every output as one line of all its public fields, doubles exactly.
     */
    private static final class Lines implements RiskOutput
    {
        final List<String> lines = new ArrayList<>();

        @Override
        public void onQuoteAdjustment(final QuoteAdjustment adjustment)
        {
            lines.add(describe(adjustment));
        }

        @Override
        public void onRiskSnapshot(final RiskSnapshot snapshot)
        {
            lines.add(describe(snapshot));
        }

        @Override
        public void onAlert(final Alert alert)
        {
            lines.add(describe(alert));
        }

        @Override
        public void onHedgeSignal(final HedgeSignal signal)
        {
            lines.add(describe(signal));
        }

        @Override
        public void onScenarioGrid(final org.mmrisk.core.output.ScenarioGridMessage grid)
        {
            lines.add(describe(grid));
        }

        @Override
        public void onMarginStatus(final org.mmrisk.core.output.MarginStatus margin)
        {
            lines.add(describe(margin));
        }

        /**
         * Arrays are cut at {@code positionCount} (the expiry arrays at {@code expiryCount}, an alert's limit name at
         * {@code limitNameLength}) where the output has one: the slots after it are left over from earlier outputs.
         */
        private static String describe(final Object output)
        {
            final int positions = output instanceof RiskSnapshot ? ((RiskSnapshot)output).positionCount :
                output instanceof org.mmrisk.core.output.Alert ? ((org.mmrisk.core.output.Alert)output).limitNameLength :
                Integer.MAX_VALUE;
            final int expiries = output instanceof RiskSnapshot ? ((RiskSnapshot)output).expiryCount : Integer.MAX_VALUE;
            final StringBuilder line = new StringBuilder(output.getClass().getSimpleName());
            for (final Field field : output.getClass().getFields())
            {
                if (Modifier.isStatic(field.getModifiers()))
                {
                    continue;
                }
                try
                {
                    final int used = field.getName().startsWith("expiry") ? expiries : positions;
                    line.append(' ').append(field.getName()).append('=').append(text(field.get(output), used));
                }
                catch (final IllegalAccessException ex)
                {
                    throw new AssertionError(ex);
                }
            }
            return line.toString();
        }

        private static String text(final Object value, final int used)
        {
            if (value instanceof double[] values)
            {
                return java.util.Arrays.toString(java.util.Arrays.copyOf(values, Math.min(used, values.length)));
            }
            if (value instanceof long[] values)
            {
                return java.util.Arrays.toString(java.util.Arrays.copyOf(values, Math.min(used, values.length)));
            }
            if (value instanceof byte[] values)
            {
                return java.util.Arrays.toString(java.util.Arrays.copyOf(values, Math.min(used, values.length)));
            }
            if (value instanceof int[] values)
            {
                return java.util.Arrays.toString(java.util.Arrays.copyOf(values, Math.min(used, values.length)));
            }
            if (value instanceof Object[] values)
            {
                return java.util.Arrays.toString(java.util.Arrays.copyOf(values, Math.min(used, values.length)));
            }
            return String.valueOf(value);
        }
    }
}
