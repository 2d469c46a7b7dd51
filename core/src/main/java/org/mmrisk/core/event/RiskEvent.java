package org.mmrisk.core.event;

/**
 * The one mutable event the engine consumes: a union of every input kind, selected by {@link #type}.
 * <p>
 * Instances are pre-allocated (one per ring slot, or one reused by replay) and refilled in place, so fixed-size
 * arrays hold the variable parts. Owned by whichever thread currently holds the slot: the ingress (or replay)
 * thread fills it, the engine thread reads it during {@code onEvent} and never keeps a reference afterwards.
 * <p>
 * Units: times in nanoseconds since the Unix epoch; prices in the instrument's quote currency; quantities in
 * contracts; volatilities as decimals. Optional doubles are {@link Double#NaN} when absent, optional times
 * {@link #NULL_TIME}.
 */
public final class RiskEvent
{
    public static final long NULL_TIME = Long.MIN_VALUE;
    public static final int MAX_SYMBOL_LENGTH = 32;
    public static final int MAX_FILL_ID_LENGTH = 64;
    public static final int MAX_LIMIT_NAME_LENGTH = 16;
    public static final int MAX_SMILES = 32;
    /** {@link #sourceId} of an event that came from no input queue (a timer, a replayed JSON line). */
    public static final int NO_SOURCE = -1;

    // envelope: stamped by ingress (daemon) or by the replay reader
    public EventType type;
    /** Engine time: monotonic, stamped at ingress. */
    public long timeNs;
    /** Last event of an ingress batch: the engine emits its outputs after it. */
    public boolean batchEnd;
    /** Position in the sequenced input journal. */
    public long journalSequence;
    /** Wall clock when ingress read the input (carried into outputs for latency; never used for decisions). */
    public long receiveTimeNs;
    /** The gateway's own send stamp. */
    public long sendTimeNs;
    /** The venue's stamp; required on fills. */
    public long exchangeTimeNs;
    /** The input source the event came from (its index in the config's inputs, the control queue last); -1: none. */
    public int sourceId;

    public int instrumentId;

    // INSTRUMENT
    public InstrumentKind kind;
    public Settlement settlement;
    public ContractUnit contractUnit;
    public PutCall putCall;
    public long expiryNs;
    public double strike;
    public double contractSize;
    public double tickSize;
    public long venue;
    public long underlying;
    public long quoteCurrency;
    public long settleCurrency;
    public final byte[] symbol = new byte[MAX_SYMBOL_LENGTH];
    public int symbolLength;

    // TICK
    public double bid;
    public double ask;
    public double mark;
    public double markIv;
    public double underlyingPrice;
    /** Perpetuals: a funding event, the rate of the period ending now (decimal; longs pay when positive). */
    public double fundingRate;
    /** Contracts displayed at the bid (top of book); NaN when the venue sends none. */
    public double bidSize;
    /** Contracts displayed at the ask (top of book); NaN when the venue sends none. */
    public double askSize;

    // FILL (quantity and price are shared with POSITION, where price is the average price)
    public Side side;
    public double quantity;
    public double price;
    public double fee;
    public long feeCurrency;
    public final byte[] fillId = new byte[MAX_FILL_ID_LENGTH];
    public int fillIdLength;

    // VOL (one smile) and SURFACE (several), raw SVI per expiry; underlying shared with INSTRUMENT
    public int smileCount;
    public final long[] smileExpiryNs = new long[MAX_SMILES];
    public final double[] sviA = new double[MAX_SMILES];
    public final double[] sviB = new double[MAX_SMILES];
    public final double[] sviRho = new double[MAX_SMILES];
    public final double[] sviM = new double[MAX_SMILES];
    public final double[] sviSigma = new double[MAX_SMILES];

    // CONTROL (underlying shared; NONE means every underlying)
    public ControlCommand command;
    public final byte[] limitName = new byte[MAX_LIMIT_NAME_LENGTH];
    public int limitNameLength;
    public double value;
    /** Chosen by the command's sender and echoed in its acknowledgement; 0: none. */
    public long correlationId;
    /** SET_EQUITY: the currency of {@code value}, the underlying's coin (or NONE, the same) or USD. */
    public long currency;

    /**
     * Clears every field so that nothing of the previous occupant of the slot leaks into this one.
     */
    public RiskEvent reset()
    {
        type = null;
        timeNs = 0;
        batchEnd = true;
        journalSequence = -1;
        receiveTimeNs = NULL_TIME;
        sendTimeNs = NULL_TIME;
        exchangeTimeNs = NULL_TIME;
        sourceId = NO_SOURCE;
        instrumentId = 0;
        kind = null;
        settlement = null;
        contractUnit = null;
        putCall = PutCall.NONE;
        expiryNs = NULL_TIME;
        strike = Double.NaN;
        contractSize = Double.NaN;
        tickSize = Double.NaN;
        venue = AsciiCode.NONE;
        underlying = AsciiCode.NONE;
        quoteCurrency = AsciiCode.NONE;
        settleCurrency = AsciiCode.NONE;
        symbolLength = 0;
        bid = Double.NaN;
        ask = Double.NaN;
        mark = Double.NaN;
        fundingRate = Double.NaN;
        bidSize = Double.NaN;
        askSize = Double.NaN;
        markIv = Double.NaN;
        underlyingPrice = Double.NaN;
        side = null;
        quantity = Double.NaN;
        price = Double.NaN;
        fee = 0;
        feeCurrency = AsciiCode.NONE;
        fillIdLength = 0;
        smileCount = 0;
        command = null;
        limitNameLength = 0;
        value = Double.NaN;
        correlationId = 0;
        currency = AsciiCode.NONE;
        return this;
    }

    /**
     * Copies every field of {@code other} (for holding an event beyond its slot's life); allocation-free.
     */
    public RiskEvent copyFrom(final RiskEvent other)
    {
        type = other.type;
        timeNs = other.timeNs;
        batchEnd = other.batchEnd;
        journalSequence = other.journalSequence;
        receiveTimeNs = other.receiveTimeNs;
        sendTimeNs = other.sendTimeNs;
        exchangeTimeNs = other.exchangeTimeNs;
        sourceId = other.sourceId;
        instrumentId = other.instrumentId;
        kind = other.kind;
        settlement = other.settlement;
        contractUnit = other.contractUnit;
        putCall = other.putCall;
        expiryNs = other.expiryNs;
        strike = other.strike;
        contractSize = other.contractSize;
        tickSize = other.tickSize;
        venue = other.venue;
        underlying = other.underlying;
        quoteCurrency = other.quoteCurrency;
        settleCurrency = other.settleCurrency;
        symbolLength = other.symbolLength;
        System.arraycopy(other.symbol, 0, symbol, 0, other.symbolLength);
        bid = other.bid;
        ask = other.ask;
        mark = other.mark;
        fundingRate = other.fundingRate;
        bidSize = other.bidSize;
        askSize = other.askSize;
        markIv = other.markIv;
        underlyingPrice = other.underlyingPrice;
        side = other.side;
        quantity = other.quantity;
        price = other.price;
        fee = other.fee;
        feeCurrency = other.feeCurrency;
        fillIdLength = other.fillIdLength;
        System.arraycopy(other.fillId, 0, fillId, 0, other.fillIdLength);
        smileCount = other.smileCount;
        System.arraycopy(other.smileExpiryNs, 0, smileExpiryNs, 0, other.smileCount);
        System.arraycopy(other.sviA, 0, sviA, 0, other.smileCount);
        System.arraycopy(other.sviB, 0, sviB, 0, other.smileCount);
        System.arraycopy(other.sviRho, 0, sviRho, 0, other.smileCount);
        System.arraycopy(other.sviM, 0, sviM, 0, other.smileCount);
        System.arraycopy(other.sviSigma, 0, sviSigma, 0, other.smileCount);
        command = other.command;
        limitNameLength = other.limitNameLength;
        System.arraycopy(other.limitName, 0, limitName, 0, other.limitNameLength);
        value = other.value;
        correlationId = other.correlationId;
        currency = other.currency;
        return this;
    }

    /**
     * Sets the symbol from ASCII characters; allocation-free.
     *
     * @return false when the symbol is longer than {@link #MAX_SYMBOL_LENGTH} or not printable ASCII.
     */
    public boolean symbol(final CharSequence text)
    {
        symbolLength = copyAscii(text, symbol);
        return symbolLength >= 0;
    }

    /**
     * Sets the fill id from ASCII characters; allocation-free.
     *
     * @return false when the id is empty, longer than {@link #MAX_FILL_ID_LENGTH} or not printable ASCII.
     */
    public boolean fillId(final CharSequence text)
    {
        fillIdLength = copyAscii(text, fillId);
        return fillIdLength > 0;
    }

    /**
     * Sets the limit name from ASCII characters; allocation-free.
     */
    public boolean limitName(final CharSequence text)
    {
        limitNameLength = copyAscii(text, limitName);
        return limitNameLength >= 0;
    }

    /**
     * Appends smile {@code i} of a VOL or SURFACE event.
     *
     * @return false when the event already holds {@link #MAX_SMILES} smiles.
     */
    public boolean addSmile(final long expiryNs, final double a, final double b, final double rho, final double m,
        final double sigma)
    {
        if (smileCount == MAX_SMILES)
        {
            return false;
        }
        final int i = smileCount++;
        smileExpiryNs[i] = expiryNs;
        sviA[i] = a;
        sviB[i] = b;
        sviRho[i] = rho;
        sviM[i] = m;
        sviSigma[i] = sigma;
        return true;
    }

    private static int copyAscii(final CharSequence text, final byte[] dst)
    {
        final int length = text.length();
        if (length > dst.length)
        {
            return -1;
        }
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            if (c < ' ' || c > '~')
            {
                return -1;
            }
            dst[i] = (byte)c;
        }
        return length;
    }
}
