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
 * The inverse of {@link EventJsonReader}: every line carries {@code time}, and a non-finite number is written as the
 * string {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"} (JSON has no such numbers), which the reader
 * refuses as {@code NOT_FINITE}. An absent optional number (NaN in the event) is left out. Owned by one thread;
 * allocates (a tool, not the hot path).
 */
public final class EventJsonWriter
{
    private final ObjectMapper mapper = new ObjectMapper();
    private boolean withJournalSequence;

    /**
     * @param with also write each event's {@code journalSequence} (an incident dump does, so that a replay's
     *             outputs name the same causes as the live ones; a tail does not).
     */
    public EventJsonWriter journalSequence(final boolean with)
    {
        this.withJournalSequence = with;
        return this;
    }

    /**
     * @param e an event whose {@code timeNs} is its engine time (the caller chooses one for an input message,
     *          which has none yet) and whose {@code batchEnd} says whether it ends its batch.
     */
    public String write(final RiskEvent e)
    {
        return node(e).toString();
    }

    /**
     * @return the event's replay line as a JSON object ({@link #write} as text).
     */
    public ObjectNode node(final RiskEvent e)
    {
        final ObjectNode n = mapper.createObjectNode();
        n.put("type", EventJsonReader.lineTypeName(e.type));
        n.put("time", JsonTime.format(e.timeNs));
        if (!e.batchEnd)
        {
            n.put("batchEnd", false);
        }
        if (e.exchangeTimeNs != RiskEvent.NULL_TIME)
        {
            n.put("exchangeTime", JsonTime.format(e.exchangeTimeNs));
        }
        if (withJournalSequence && e.journalSequence >= 0)
        {
            n.put("journalSequence", e.journalSequence);
        }
        switch (e.type)
        {
            case INSTRUMENT: instrument(e, n); break;
            case TICK: tick(e, n); break;
            case FILL: fill(e, n); break;
            case POSITION:
                n.put("instrumentId", e.instrumentId);
                number(n, "quantity", e.quantity);
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
        return n;
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
        number(n, "contractSize", e.contractSize);
        n.put("contractUnit", String.valueOf(e.contractUnit));
        number(n, "tickSize", e.tickSize);
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
        number(n, "bid", e.bid);
        number(n, "ask", e.ask);
        optional(n, "mark", e.mark);
        optional(n, "markIv", e.markIv);
        optional(n, "underlyingPrice", e.underlyingPrice);
        optional(n, "fundingRate", e.fundingRate);
        optional(n, "bidSize", e.bidSize);
        optional(n, "askSize", e.askSize);
    }

    private static void fill(final RiskEvent e, final ObjectNode n)
    {
        n.put("venue", AsciiCode.toString(e.venue));
        n.put("fillId", new String(e.fillId, 0, e.fillIdLength, StandardCharsets.US_ASCII));
        n.put("instrumentId", e.instrumentId);
        n.put("side", String.valueOf(e.side));
        number(n, "quantity", e.quantity);
        number(n, "price", e.price);
        number(n, "fee", e.fee);
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
        number(n, "a", e.sviA[i]);
        number(n, "b", e.sviB[i]);
        number(n, "rho", e.sviRho[i]);
        number(n, "m", e.sviM[i]);
        number(n, "sigma", e.sviSigma[i]);
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
        if (e.currency != AsciiCode.NONE)
        {
            n.put("currency", AsciiCode.toString(e.currency));
        }
        // provenance the command's answering alert records: written so that a tailed journal replays to its state
        if (e.correlationId != 0)
        {
            n.put("correlationId", e.correlationId);
        }
        if (e.sourceId != RiskEvent.NO_SOURCE)
        {
            n.put("sourceId", e.sourceId);
        }
    }

    static void optional(final ObjectNode n, final String field, final double value)
    {
        if (!Double.isNaN(value))
        {
            number(n, field, value);
        }
    }

    /**
     * A number, or its name as a string when it is not finite: written explicitly so that the line is JSON whatever
     * the mapper's settings, and the reader can tell a non-finite value from a mistyped one.
     */
    static void number(final ObjectNode n, final String field, final double value)
    {
        if (Double.isFinite(value))
        {
            n.put(field, value);
        }
        else
        {
            n.put(field, Double.toString(value));
        }
    }
}
