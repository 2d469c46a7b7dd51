package org.mmrisk.bench.codec;

import org.agrona.concurrent.UnsafeBuffer;
import org.mmrisk.bench.latency.HarnessBook;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ControlCommand;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.daemon.codec.InputDecoder;
import org.mmrisk.daemon.codec.InputEncoder;

import java.util.EnumMap;
import java.util.Map;

/**
 * One realistic event of every input type, taken from the latency harness's book (definition, surface, option tick,
 * position) or built here (fill, smile, control). Built once, at benchmark set-up.
 */
public final class InputSamples
{
    private InputSamples()
    {
    }

    public static Map<EventType, RiskEvent> build(final long nowNs)
    {
        final Map<EventType, RiskEvent> samples = new EnumMap<>(EventType.class);
        new HarnessBook(100, nowNs, 10).writeReferenceData(nowNs, new RiskEvent(), e ->
        {
            if (!samples.containsKey(e.type) || e.type == EventType.TICK && e.instrumentId != HarnessBook.INDEX_ID)
            {
                samples.put(e.type, copy(e));
            }
        });
        final RiskEvent fill = new RiskEvent();
        fill.type = EventType.FILL;
        fill.instrumentId = HarnessBook.FIRST_OPTION_ID;
        fill.sendTimeNs = nowNs;
        fill.exchangeTimeNs = nowNs;
        fill.venue = AsciiCode.pack("DERIBIT");
        fill.fillId("0f8fad5b-d9cb-469f-a165-70867728950e");
        fill.side = Side.BUY;
        fill.quantity = 2.5;
        fill.price = 0.0425;
        fill.fee = 0.0003;
        fill.feeCurrency = AsciiCode.pack("BTC");
        samples.put(EventType.FILL, fill);
        final RiskEvent surface = samples.get(EventType.SURFACE);
        final RiskEvent smile = new RiskEvent();
        smile.type = EventType.VOL;
        smile.sendTimeNs = nowNs;
        smile.underlying = surface.underlying;
        smile.addSmile(surface.smileExpiryNs[0], surface.sviA[0], surface.sviB[0], surface.sviRho[0], surface.sviM[0],
            surface.sviSigma[0]);
        samples.put(EventType.VOL, smile);
        final RiskEvent control = new RiskEvent();
        control.type = EventType.CONTROL;
        control.sendTimeNs = nowNs;
        control.command = ControlCommand.HALT;
        control.underlying = AsciiCode.pack("BTC");
        samples.put(EventType.CONTROL, control);
        return samples;
    }

    /** A deep copy through the wire format: encode, then decode into a fresh event. */
    private static RiskEvent copy(final RiskEvent e)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
        final int length = new InputEncoder().encode(e, buffer, 0);
        final RiskEvent c = new RiskEvent();
        if (new InputDecoder().decode(buffer, 0, length, c) != null)
        {
            throw new IllegalStateException("sample does not round-trip: " + e.type);
        }
        return c;
    }
}
