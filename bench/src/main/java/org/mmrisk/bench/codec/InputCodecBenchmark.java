package org.mmrisk.bench.codec;

import org.agrona.concurrent.UnsafeBuffer;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.daemon.codec.DecodeError;
import org.mmrisk.daemon.codec.InputDecoder;
import org.mmrisk.daemon.codec.InputEncoder;
import org.mmrisk.bench.pricing.JvmFlags;
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
 * SBE encode ({@link InputEncoder}) and decode ({@link InputDecoder}) of one input message of each type, as the
 * gateways and the daemon's ingress do them: into and out of a direct buffer, no allocation (expect 0 B/op with
 * {@code -prof gc}).
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
public class InputCodecBenchmark
{
    @Param({ "TICK", "FILL", "INSTRUMENT", "POSITION", "VOL", "SURFACE", "CONTROL" })
    public EventType type;

    private final InputEncoder encoder = new InputEncoder();
    private final InputDecoder decoder = new InputDecoder();
    private final UnsafeBuffer encodeBuffer = new UnsafeBuffer(new byte[4096]);
    private final UnsafeBuffer encoded = new UnsafeBuffer(new byte[4096]);
    private final RiskEvent decoded = new RiskEvent();
    private RiskEvent sample;
    private int encodedLength;

    @Setup
    public void setUp()
    {
        sample = InputSamples.build(System.currentTimeMillis() * 1_000_000L).get(type);
        encodedLength = encoder.encode(sample, encoded, 0);
    }

    /** @return the encoded length, so the work cannot be removed. */
    @Benchmark
    public int encode()
    {
        return encoder.encode(sample, encodeBuffer, 0);
    }

    /** @return the decode result (null when valid), so the work cannot be removed. */
    @Benchmark
    public DecodeError decode()
    {
        return decoder.decode(encoded, 0, encodedLength, decoded);
    }
}
