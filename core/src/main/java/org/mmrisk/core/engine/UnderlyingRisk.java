package org.mmrisk.core.engine;

import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.forward.ForwardCurve;
import org.mmrisk.core.vol.VolSurface;

import java.util.ArrayList;
import java.util.List;

/**
 * One coin index (BTC, ETH) and everything aggregated on it: its index level, its forward curve and vol surface,
 * its instruments, and the position-weighted exposure of the desk. Owned by the engine thread.
 * <p>
 * Units: {@code delta} in coins, {@code deltaUsd} = delta × index, {@code gamma} coins per USD of index move,
 * {@code vega} USD per vol point, {@code theta} USD per calendar day, P&L in USD.
 */
public final class UnderlyingRisk
{
    private final long code;
    private final String name;
    private final List<InstrumentState> instruments = new ArrayList<>();
    private final ForwardCurve forwards;
    private final VolSurface surface = new VolSurface();
    private InstrumentState indexInstrument;
    private InstrumentState perpetual;
    private InstrumentState spot;

    double indexUsd = Double.NaN;
    double delta;
    double gamma;
    double vega;
    double theta;
    double realizedPnlUsd;
    double unrealizedPnlUsd;
    int unpricedPositions;
    QuotingState state = QuotingState.NORMAL;

    boolean dirty;
    long causeJournalSequence = -1;
    long causeReceiveTimeNs = Long.MIN_VALUE;
    long causeSendTimeNs = Long.MIN_VALUE;
    long lastSnapshotNs = Long.MIN_VALUE;

    UnderlyingRisk(final long code, final double fallbackBasisPerYear)
    {
        this.code = code;
        this.forwards = new ForwardCurve(ForwardCurve.DEFAULT_CAPACITY, fallbackBasisPerYear);
        this.name = AsciiCode.toString(code);
    }

    void add(final InstrumentState state)
    {
        instruments.add(state);
        final InstrumentKind kind = state.instrument().kind();
        if (kind == InstrumentKind.INDEX && indexInstrument == null)
        {
            indexInstrument = state;
        }
        else if (kind == InstrumentKind.PERPETUAL && perpetual == null)
        {
            perpetual = state;
        }
        else if (kind == InstrumentKind.SPOT && spot == null)
        {
            spot = state;
        }
    }

    /**
     * Marks the exposure as needing revaluation and remembers the input that caused it (for latency tracing).
     */
    void touch(final long journalSequence, final long receiveTimeNs, final long sendTimeNs)
    {
        dirty = true;
        causeJournalSequence = journalSequence;
        causeReceiveTimeNs = receiveTimeNs;
        causeSendTimeNs = sendTimeNs;
    }

    /**
     * The index: the INDEX instrument's mark or mid, else the perpetual's, else spot's.
     */
    double resolveIndexUsd()
    {
        double value = indexInstrument != null ? indexInstrument.markOrMid() : Double.NaN;
        if (!(value > 0) && perpetual != null)
        {
            value = perpetual.midOrMark();
        }
        if (!(value > 0) && spot != null)
        {
            value = spot.midOrMark();
        }
        return value;
    }

    /**
     * @return true when {@code state} is the instrument the curve's fallback forward reads (the perpetual).
     */
    boolean isCurvePerpetual(final InstrumentState state)
    {
        return state == perpetual;
    }

    public ForwardCurve forwards()
    {
        return forwards;
    }

    public VolSurface surface()
    {
        return surface;
    }

    void clearAggregates()
    {
        delta = 0;
        gamma = 0;
        vega = 0;
        theta = 0;
        realizedPnlUsd = 0;
        unrealizedPnlUsd = 0;
        unpricedPositions = 0;
    }

    public long code()
    {
        return code;
    }

    public String name()
    {
        return name;
    }

    public int instrumentCount()
    {
        return instruments.size();
    }

    public InstrumentState instrument(final int i)
    {
        return instruments.get(i);
    }

    public double indexUsd()
    {
        return indexUsd;
    }

    public double delta()
    {
        return delta;
    }

    public double deltaUsd()
    {
        return delta * indexUsd;
    }

    public double gamma()
    {
        return gamma;
    }

    public double vega()
    {
        return vega;
    }

    public double theta()
    {
        return theta;
    }

    public double realizedPnlUsd()
    {
        return realizedPnlUsd;
    }

    public double unrealizedPnlUsd()
    {
        return unrealizedPnlUsd;
    }

    public int unpricedPositions()
    {
        return unpricedPositions;
    }

    public QuotingState state()
    {
        return state;
    }
}
