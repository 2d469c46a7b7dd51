package org.mmrisk.daemon.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mmrisk.core.engine.RejectReason;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ContractUnit;
import org.mmrisk.core.event.ControlCommand;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Settlement;
import org.mmrisk.core.event.Side;

import java.time.format.DateTimeParseException;

/**
 * Parses one line of the replay format into a {@link RiskEvent}. Syntax and field types are checked here (reasons
 * {@code MALFORMED_JSON}, {@code UNKNOWN_LINE_TYPE}, {@code MISSING_FIELD}, {@code BAD_FIELD}, and
 * {@code NOT_FINITE} for the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} where a number
 * belongs); values are checked by the engine, so replay and the daemon reject the same things. {@code time} is
 * required on every line but {@code instrument}; an {@code instrument} line without it takes the time of the
 * previous line (none before the first). Owned by one thread; allocates (a tool, not the hot path).
 */
public final class EventJsonReader
{
    private final ObjectMapper mapper = new ObjectMapper();
    private long lastTimeNs = Long.MIN_VALUE;

    /**
     * Thrown inside the reader to abandon a line with a reason.
     */
    private static final class LineRejected extends Exception
    {
        private static final long serialVersionUID = 1L;
        final RejectReason reason;

        LineRejected(final RejectReason reason, final String detail)
        {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    /**
     * Result of one line: null reason when the event was filled, else why not, with a detail for humans.
     */
    public static final class Result
    {
        public RejectReason reason;
        public String detail;
    }

    public Result parse(final String line, final RiskEvent event, final Result result)
    {
        result.reason = null;
        result.detail = null;
        try
        {
            final JsonNode node = readObject(line);
            event.reset();
            fill(node, event);
        }
        catch (final LineRejected ex)
        {
            result.reason = ex.reason;
            result.detail = ex.getMessage();
        }
        return result;
    }

    private JsonNode readObject(final String line) throws LineRejected
    {
        try
        {
            final JsonNode node = mapper.readTree(line);
            if (node == null || !node.isObject())
            {
                throw new LineRejected(RejectReason.MALFORMED_JSON, "not a JSON object");
            }
            return node;
        }
        catch (final JsonProcessingException ex)
        {
            throw new LineRejected(RejectReason.MALFORMED_JSON, ex.getOriginalMessage());
        }
    }

    private void fill(final JsonNode n, final RiskEvent e) throws LineRejected
    {
        final EventType eventType = lineType(n);
        e.type = eventType;
        e.timeNs = time(n, "time", eventType != EventType.INSTRUMENT);
        if (e.timeNs == RiskEvent.NULL_TIME)
        {
            e.timeNs = lastTimeNs;
        }
        lastTimeNs = e.timeNs;
        e.batchEnd = !n.has("batchEnd") || bool(n, "batchEnd");
        e.exchangeTimeNs = time(n, "exchangeTime", eventType == EventType.FILL);
        // where a dumped journal entry stood: outputs name it as their cause, so a dump replays to the same outputs
        e.journalSequence = integer(n, "journalSequence", 0, Long.MAX_VALUE, -1);
        switch (eventType)
        {
            case INSTRUMENT: fillInstrument(n, e); break;
            case TICK: fillTick(n, e); break;
            case FILL: fillFill(n, e); break;
            case POSITION: fillPosition(n, e); break;
            case VOL: fillVol(n, e); break;
            case SURFACE: fillSurface(n, e); break;
            case CONTROL: fillControl(n, e); break;
            default: break;
        }
    }

    private static EventType lineType(final JsonNode n) throws LineRejected
    {
        final JsonNode type = n.get("type");
        final String name = type != null && type.isTextual() ? type.textValue() : "";
        for (final EventType candidate : EventType.values())
        {
            if (lineTypeName(candidate).equals(name))
            {
                return candidate;
            }
        }
        throw new LineRejected(RejectReason.UNKNOWN_LINE_TYPE, "type: " + (type == null ? "missing" : type.toString()));
    }

    /**
     * @return the replay format's name of an event type: its lower-case name.
     */
    public static String lineTypeName(final EventType type)
    {
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }

    private void fillInstrument(final JsonNode n, final RiskEvent e) throws LineRejected
    {
        e.instrumentId = integer(n, "instrumentId");
        if (!e.symbol(text(n, "symbol", true)))
        {
            throw new LineRejected(RejectReason.BAD_FIELD, "symbol: at most 32 printable ASCII characters");
        }
        e.venue = code(n, "venue", true);
        e.kind = enumValue(InstrumentKind.class, text(n, "kind", true), "kind", RejectReason.BAD_FIELD);
        e.underlying = code(n, "underlying", true);
        e.settlement = enumValue(Settlement.class, text(n, "settlement", true), "settlement", RejectReason.BAD_FIELD);
        e.quoteCurrency = code(n, "quoteCurrency", true);
        e.settleCurrency = code(n, "settleCurrency", true);
        e.contractSize = number(n, "contractSize", true);
        e.contractUnit = enumValue(ContractUnit.class, text(n, "contractUnit", true), "contractUnit",
            RejectReason.BAD_FIELD);
        e.tickSize = number(n, "tickSize", true);
        final boolean dated = e.kind == InstrumentKind.FUTURE || e.kind == InstrumentKind.OPTION;
        e.expiryNs = time(n, "expiry", dated);
        if (e.kind == InstrumentKind.OPTION)
        {
            e.strike = number(n, "strike", true);
            e.putCall = enumValue(PutCall.class, text(n, "putCall", true), "putCall", RejectReason.BAD_FIELD);
        }
    }

    private void fillTick(final JsonNode n, final RiskEvent e) throws LineRejected
    {
        e.instrumentId = integer(n, "instrumentId");
        e.bid = number(n, "bid", true);
        e.ask = number(n, "ask", true);
        e.mark = number(n, "mark", false);
        e.markIv = number(n, "markIv", false);
        e.underlyingPrice = number(n, "underlyingPrice", false);
        e.fundingRate = number(n, "fundingRate", false);
        e.bidSize = number(n, "bidSize", false);
        e.askSize = number(n, "askSize", false);
    }

    private void fillFill(final JsonNode n, final RiskEvent e) throws LineRejected
    {
        e.instrumentId = integer(n, "instrumentId");
        e.venue = code(n, "venue", true);
        if (!e.fillId(text(n, "fillId", true)))
        {
            throw new LineRejected(RejectReason.BAD_FIELD, "fillId: 1 to 64 printable ASCII characters");
        }
        e.side = enumValue(Side.class, text(n, "side", true), "side", RejectReason.BAD_FIELD);
        e.quantity = number(n, "quantity", true);
        e.price = number(n, "price", true);
        final double fee = number(n, "fee", false);
        e.fee = Double.isNaN(fee) ? 0 : fee;
        e.feeCurrency = code(n, "feeCurrency", false);
    }

    private void fillPosition(final JsonNode n, final RiskEvent e) throws LineRejected
    {
        e.instrumentId = integer(n, "instrumentId");
        e.quantity = number(n, "quantity", true);
        e.price = number(n, "avgPrice", false);
    }

    private void fillVol(final JsonNode n, final RiskEvent e) throws LineRejected
    {
        e.underlying = code(n, "underlying", true);
        addSmile(n, e);
    }

    private void fillSurface(final JsonNode n, final RiskEvent e) throws LineRejected
    {
        e.underlying = code(n, "underlying", true);
        final JsonNode smiles = n.get("smiles");
        if (smiles == null || smiles.isNull())
        {
            throw new LineRejected(RejectReason.MISSING_FIELD, "smiles");
        }
        // an empty array is a surface with no smile, passed on: the engine's surface refuses it as EMPTY_SURFACE
        if (!smiles.isArray() || smiles.size() > RiskEvent.MAX_SMILES)
        {
            throw new LineRejected(RejectReason.BAD_FIELD, "smiles: an array of at most " + RiskEvent.MAX_SMILES);
        }
        for (final JsonNode smile : smiles)
        {
            if (!smile.isObject())
            {
                throw new LineRejected(RejectReason.BAD_FIELD, "smiles: each smile is an object");
            }
            addSmile(smile, e);
        }
    }

    private void addSmile(final JsonNode n, final RiskEvent e) throws LineRejected
    {
        e.addSmile(time(n, "expiry", true), number(n, "a", true), number(n, "b", true), number(n, "rho", true),
            number(n, "m", true), number(n, "sigma", true));
    }

    private void fillControl(final JsonNode n, final RiskEvent e) throws LineRejected
    {
        e.command = enumValue(ControlCommand.class, text(n, "command", true), "command", RejectReason.BAD_FIELD);
        e.underlying = code(n, "underlying", false);
        final String limit = text(n, "limit", false);
        if (limit != null && !e.limitName(limit))
        {
            throw new LineRejected(RejectReason.BAD_FIELD, "limit: at most 16 printable ASCII characters");
        }
        e.value = number(n, "value", false);
        e.currency = code(n, "currency", false);
        e.correlationId = integer(n, "correlationId", Long.MIN_VALUE, Long.MAX_VALUE, 0);
        e.sourceId = (int)integer(n, "sourceId", 0, 0xFFFE, RiskEvent.NO_SOURCE);
    }

    /**
     * @return the optional whole number {@code field} within [min, max], or {@code absent} when it is not given.
     */
    private static long integer(final JsonNode n, final String field, final long min, final long max,
        final long absent) throws LineRejected
    {
        final JsonNode value = n.get(field);
        if (value == null || value.isNull())
        {
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min || value.longValue() > max)
        {
            throw new LineRejected(RejectReason.BAD_FIELD, field + ": must be a whole number in [" + min + ", " + max +
                "]: " + value);
        }
        return value.longValue();
    }

    private static String text(final JsonNode n, final String field, final boolean required) throws LineRejected
    {
        final JsonNode value = n.get(field);
        if (value == null || value.isNull())
        {
            if (required)
            {
                throw new LineRejected(RejectReason.MISSING_FIELD, field);
            }
            return null;
        }
        if (!value.isTextual())
        {
            throw new LineRejected(RejectReason.BAD_FIELD, field + ": must be a string");
        }
        return value.textValue();
    }

    private static double number(final JsonNode n, final String field, final boolean required) throws LineRejected
    {
        final JsonNode value = n.get(field);
        if (value == null || value.isNull())
        {
            if (required)
            {
                throw new LineRejected(RejectReason.MISSING_FIELD, field);
            }
            return Double.NaN;
        }
        if (value.isTextual() && isNonFiniteName(value.textValue()))
        {
            // what the writer prints for a non-finite number: the daemon's engine refuses those too
            throw new LineRejected(RejectReason.NOT_FINITE, field + ": " + value.textValue());
        }
        if (!value.isNumber())
        {
            throw new LineRejected(RejectReason.BAD_FIELD, field + ": must be a number");
        }
        return value.doubleValue();
    }

    private static boolean isNonFiniteName(final String text)
    {
        return "NaN".equals(text) || "Infinity".equals(text) || "-Infinity".equals(text);
    }

    private static int integer(final JsonNode n, final String field) throws LineRejected
    {
        final JsonNode value = n.get(field);
        if (value == null || value.isNull())
        {
            throw new LineRejected(RejectReason.MISSING_FIELD, field);
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt())
        {
            throw new LineRejected(RejectReason.BAD_FIELD, field + ": must be a 32-bit integer");
        }
        return value.intValue();
    }

    private static boolean bool(final JsonNode n, final String field) throws LineRejected
    {
        final JsonNode value = n.get(field);
        if (!value.isBoolean())
        {
            throw new LineRejected(RejectReason.BAD_FIELD, field + ": must be true or false");
        }
        return value.booleanValue();
    }

    private static long time(final JsonNode n, final String field, final boolean required) throws LineRejected
    {
        final String text = text(n, field, required);
        if (text == null)
        {
            return RiskEvent.NULL_TIME;
        }
        try
        {
            return JsonTime.parseNs(text);
        }
        catch (final DateTimeParseException | ArithmeticException ex)
        {
            throw new LineRejected(RejectReason.BAD_FIELD, field + ": not an ISO-8601 UTC time: " + text);
        }
    }

    private static long code(final JsonNode n, final String field, final boolean required) throws LineRejected
    {
        final String text = text(n, field, required);
        if (text == null)
        {
            return AsciiCode.NONE;
        }
        if (!AsciiCode.isValid(text))
        {
            throw new LineRejected(RejectReason.BAD_FIELD, field + ": 1 to 8 printable ASCII characters");
        }
        return AsciiCode.pack(text);
    }

    private static <E extends Enum<E>> E enumValue(final Class<E> type, final String text, final String field,
        final RejectReason reason) throws LineRejected
    {
        try
        {
            return Enum.valueOf(type, text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new LineRejected(reason, field + ": unknown value " + text);
        }
    }
}
