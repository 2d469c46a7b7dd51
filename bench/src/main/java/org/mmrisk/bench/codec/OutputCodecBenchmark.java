package org.mmrisk.bench.codec;

import org.agrona.concurrent.UnsafeBuffer;
import org.mmrisk.bench.pricing.JvmFlags;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.CountingOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.daemon.egress.OutputAdapter;
import org.mmrisk.daemon.egress.OutputEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * SBE encode ({@link OutputEncoder}, as egress writes into the output queue) and decode ({@link OutputAdapter}, as a
 * consumer of the output queue reads back into the engine's output objects) of one output message of each type. The
 * risk snapshot carries 1,000 positions, as for the latency harness's book.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    JvmFlags.EXPORT_MISC, JvmFlags.EXPORT_REF,
    JvmFlags.EXPORT_NIO_CH, JvmFlags.OPEN_REFLECT,
    JvmFlags.OPEN_NIO, JvmFlags.OPEN_NIO_CH,
    JvmFlags.OPEN_LANG, JvmFlags.OPEN_UTIL,
    JvmFlags.NO_ANALYTICS, JvmFlags.NO_ANNOUNCER })
public class OutputCodecBenchmark
{
    private static final int SNAPSHOT_POSITIONS = 1_000;
    private static final long BTC = org.mmrisk.core.event.AsciiCode.pack("BTC");

    /** The output message type. */
    public enum Message
    {
        QUOTE, SNAPSHOT_1000, ALERT, HEDGE, HEARTBEAT
    }

    @Param({ "QUOTE", "SNAPSHOT_1000", "ALERT", "HEDGE", "HEARTBEAT" })
    public Message message;

    private final OutputEncoder encoder = new OutputEncoder();
    private long heartbeats;
    private final CountingOutput consumer = new CountingOutput();
    private final OutputAdapter decoder = new OutputAdapter(consumer,
        (sequence, wallNs, engineNs, lastOutput, lastJournal) -> heartbeats++);
    private final UnsafeBuffer encodeBuffer = new UnsafeBuffer(new byte[64 * 1024]);
    private final UnsafeBuffer encoded = new UnsafeBuffer(new byte[64 * 1024]);
    private final QuoteAdjustment quote = new QuoteAdjustment();
    private final RiskSnapshot snapshot = new RiskSnapshot();
    private final Alert alert = new Alert();
    private final HedgeSignal hedge = new HedgeSignal();
    private int encodedLength;

    @Setup
    public void setUp()
    {
        fillSamples(1_795_000_000_000_000_000L);
        encodedLength = encode(encoded);
    }

    /** @return the encoded length, so the work cannot be removed. */
    @Benchmark
    public int encode()
    {
        return encode(encodeBuffer);
    }

    /** @return the messages decoded so far, so the work cannot be removed. */
    @Benchmark
    public long decode()
    {
        decoder.onMessage(encoded, 0, encodedLength, 0);
        return consumer.emitted() + heartbeats;
    }

    private int encode(final UnsafeBuffer buffer)
    {
        switch (message)
        {
            case QUOTE:
                encoder.encode(quote, buffer);
                return OutputEncoder.QUOTE_LENGTH;
            case SNAPSHOT_1000:
                encoder.encode(snapshot, buffer);
                return OutputEncoder.snapshotLength(snapshot);
            case ALERT:
                encoder.encode(alert, buffer);
                return OutputEncoder.ALERT_LENGTH;
            case HEDGE:
                encoder.encode(hedge, buffer);
                return OutputEncoder.HEDGE_LENGTH;
            default:
                encoder.encodeHeartbeat(41, 1_795_000_000_000_000_000L, 1_795_000_000_000_000_000L, 1_000, 2_000, buffer);
                return OutputEncoder.HEARTBEAT_LENGTH;
        }
    }

    private void fillSamples(final long timeNs)
    {
        quote.sequence = 1_000;
        quote.timeNs = timeNs;
        quote.instrumentId = 150;
        quote.kind = InstrumentKind.OPTION;
        quote.underlying = BTC;
        quote.shift = -0.00012;
        quote.shiftVol = -0.35;
        quote.bidSpreadMult = 1.2;
        quote.askSpreadMult = 1.2;
        quote.bidSizeMult = 1;
        quote.askSizeMult = 1;
        quote.state = QuotingState.NORMAL;
        quote.causeJournalSequence = 12_345;
        quote.causeReceiveTimeNs = timeNs - 2_000;
        quote.causeSendTimeNs = timeNs - 5_000;
        alert.sequence = 1_001;
        alert.set(timeNs, AlertCode.LIMIT_DELTA, BTC, 0, 55.0, 50.0, QuotingState.REDUCE_ONLY);
        hedge.sequence = 1_002;
        hedge.timeNs = timeNs;
        hedge.underlying = BTC;
        hedge.hedgeInstrumentId = 2;
        hedge.side = Side.SELL;
        hedge.quantity = 1_250;
        hedge.deltaBefore = 7.5;
        hedge.deltaTarget = 0;
        fillSnapshot(timeNs);
    }

    private void fillSnapshot(final long timeNs)
    {
        final RiskSnapshot s = snapshot;
        s.sequence = 1_003;
        s.timeNs = timeNs;
        s.underlying = BTC;
        s.indexUsd = 95_000;
        s.delta = 3.2;
        s.deltaUsd = 304_000;
        s.gamma = 0.1;
        s.vega = 25_000;
        s.theta = -4_000;
        s.realizedPnlUsd = 1_200;
        s.unrealizedPnlUsd = -300;
        s.maxApproxError = 1e-6;
        s.eventsProcessed = 1_000_000;
        s.state = QuotingState.NORMAL;
        s.ensureCapacity(SNAPSHOT_POSITIONS);
        s.positionCount = SNAPSHOT_POSITIONS;
        for (int i = 0; i < SNAPSHOT_POSITIONS; i++)
        {
            s.instrumentId[i] = 100 + i;
            s.quantity[i] = 10;
            s.avgPrice[i] = 0.01;
            s.positionRealizedPnlUsd[i] = 0;
            s.positionUnrealizedPnlUsd[i] = i * 0.5;
        }
    }
}
