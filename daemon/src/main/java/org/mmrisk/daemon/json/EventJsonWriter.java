package org.mmrisk.daemon.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.RiskEvent;

import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link RiskEvent} as one line of the replay format, so that a tailed queue or journal can be replayed.
 * The inverse of {@link EventJsonReader}. Owned by one thread; allocates (a tool, not the hot path).
 */
public final class EventJsonWriter
{
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param withTime false for events read from an input queue, which have no engine time yet.
     */
    public String write(final RiskEvent e, final boolean withTime)
    {
        final ObjectNode n = mapper.createObjectNode();
        n.put("type", EventJsonReader.lineTypeName(e.type));
        if (withTime)
        {
            n.put("time", JsonTime.format(e.timeNs));
            if (!e.batchEnd)
            {
                n.put("batchEnd", false);
            }
        }
        if (e.exchangeTimeNs != RiskEvent.NULL_TIME)
        {
            n.put("exchangeTime", JsonTime.format(e.exchangeTimeNs));
        }
        switch (e.type)
        {
            case INSTRUMENT: instrument(e, n); break;
            case TICK: tick(e, n); break;
            case FILL: fill(e, n); break;
            case POSITION:
                n.put("instrumentId", e.instrumentId);
                n.put("quantity", e.quantity);
                optional(n, "avgPrice", e.price);
                break;
            case VOL:
                n.put("underlying", AsciiCode.toString(e.underlying));
                smile(e, 0, n);
                break;
            case SURFACE: surface(e, n); break;
            case CONTROL: control(e, n); break;
            default: break;
        }
        return n.toString();
    }

    private static void instrument(final RiskEvent e, final ObjectNode n)
    {
        n.put("instrumentId", e.instrumentId);
        n.put("symbol", new String(e.symbol, 0, e.symbolLength, StandardCharsets.US_ASCII));
        n.put("venue", AsciiCode.toString(e.venue));
        n.put("kind", String.valueOf(e.kind));
        n.put("underlying", AsciiCode.toString(e.underlying));
        n.put("settlement", String.valueOf(e.settlement));
        n.put("quoteCurrency", AsciiCode.toString(e.quoteCurrency));
        n.put("settleCurrency", AsciiCode.toString(e.settleCurrency));
        n.put("contractSize", e.contractSize);
        n.put("contractUnit", String.valueOf(e.contractUnit));
        n.put("tickSize", e.tickSize);
        if (e.expiryNs != RiskEvent.NULL_TIME)
        {
            n.put("expiry", JsonTime.format(e.expiryNs));
        }
        if (e.kind == InstrumentKind.OPTION)
        {
            optional(n, "strike", e.strike);
            n.put("putCall", String.valueOf(e.putCall));
        }
    }

    private static void tick(final RiskEvent e, final ObjectNode n)
    {
        n.put("instrumentId", e.instrumentId);
        n.put("bid", e.bid);
        n.put("ask", e.ask);
        optional(n, "mark", e.mark);
        optional(n, "markIv", e.markIv);
        optional(n, "underlyingPrice", e.underlyingPrice);
        optional(n, "fundingRate", e.fundingRate);
    }

    private static void fill(final RiskEvent e, final ObjectNode n)
    {
        n.put("venue", AsciiCode.toString(e.venue));
        n.put("fillId", new String(e.fillId, 0, e.fillIdLength, StandardCharsets.US_ASCII));
        n.put("instrumentId", e.instrumentId);
        n.put("side", String.valueOf(e.side));
        n.put("quantity", e.quantity);
        n.put("price", e.price);
        n.put("fee", e.fee);
        if (e.feeCurrency != AsciiCode.NONE)
        {
            n.put("feeCurrency", AsciiCode.toString(e.feeCurrency));
        }
    }

    private void surface(final RiskEvent e, final ObjectNode n)
    {
        n.put("underlying", AsciiCode.toString(e.underlying));
        final ArrayNode smiles = n.putArray("smiles");
        for (int i = 0; i < e.smileCount; i++)
        {
            smile(e, i, smiles.addObject());
        }
    }

    private static void smile(final RiskEvent e, final int i, final ObjectNode n)
    {
        n.put("expiry", JsonTime.format(e.smileExpiryNs[i]));
        n.put("a", e.sviA[i]);
        n.put("b", e.sviB[i]);
        n.put("rho", e.sviRho[i]);
        n.put("m", e.sviM[i]);
        n.put("sigma", e.sviSigma[i]);
    }

    private static void control(final RiskEvent e, final ObjectNode n)
    {
        n.put("command", String.valueOf(e.command));
        if (e.underlying != AsciiCode.NONE)
        {
            n.put("underlying", AsciiCode.toString(e.underlying));
        }
        if (e.limitNameLength > 0)
        {
            n.put("limit", new String(e.limitName, 0, e.limitNameLength, StandardCharsets.US_ASCII));
        }
        optional(n, "value", e.value);
    }

    static void optional(final ObjectNode n, final String field, final double value)
    {
        if (!Double.isNaN(value))
        {
            n.put(field, value);
        }
    }
}
