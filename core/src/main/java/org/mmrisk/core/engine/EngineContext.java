package org.mmrisk.core.engine;

import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.quoting.PortfolioGuard;
import org.mmrisk.core.scenario.ScenarioPoints;

import java.util.ArrayList;
import java.util.List;

/**
 * What the engine's parts share: the instruments and underlyings, engine time, the counters and the alerts raised
 * during the batch. Owned by the engine thread.
 */
final class EngineContext
{
    private static final int ALERT_CAPACITY = 1024;
    private static final byte[] NO_LIMIT_NAME = new byte[0];

    final EngineConfig config;
    final EngineCounters counters = new EngineCounters();
    final Int2ObjectHashMap<InstrumentState> instruments = new Int2ObjectHashMap<>();
    final Long2ObjectHashMap<UnderlyingRisk> underlyingByCode = new Long2ObjectHashMap<>();
    /** In name order, for deterministic reports. */
    final List<UnderlyingRisk> underlyings = new ArrayList<>();
    final AlertQueue alerts = new AlertQueue(ALERT_CAPACITY);
    /** Undefined instruments holding parked fills, per venue: each halts every underlying of that venue. */
    final Long2LongHashMap parkedByVenue = new Long2LongHashMap(0);
    final PortfolioGuard portfolio;
    /** The scenario grid's points, shared by every underlying. */
    final ScenarioPoints scenarioPoints;
    /** The value at risk of every underlying and of the portfolio, and its estimator. */
    final ValueAtRisk valueAtRisk;
    long timeNs = Long.MIN_VALUE;

    EngineContext(final EngineConfig config)
    {
        this.config = config;
        this.portfolio = new PortfolioGuard(config);
        this.scenarioPoints = new ScenarioPoints(config.scenario());
        this.valueAtRisk = new ValueAtRisk(config, this);
    }

    /**
     * @return the underlying of {@code code}, created (with its configured limits, balance and hedging) on first use.
     */
    UnderlyingRisk underlying(final long code)
    {
        final UnderlyingRisk underlying = underlyingByCode.get(code);
        return underlying != null ? underlying : adopt(new UnderlyingRisk(code, config, scenarioPoints));
    }

    /**
     * @return the underlying of {@code code}, or null when none has been created.
     */
    UnderlyingRisk underlyingOrNull(final long code)
    {
        return underlyingByCode.get(code);
    }

    private UnderlyingRisk adopt(final UnderlyingRisk underlying)
    {
        underlyingByCode.put(underlying.code(), underlying);
        insertSorted(underlying);
        return underlying;
    }

    private void insertSorted(final UnderlyingRisk underlying)
    {
        final String name = underlying.name();
        int i = 0;
        while (i < underlyings.size() && underlyings.get(i).name().compareTo(name) < 0)
        {
            i++;
        }
        underlyings.add(i, underlying);
    }

    /**
     * Marks every underlying for re-evaluation at the end of the batch (rare events that may change any state).
     */
    void touchAll()
    {
        for (int i = 0, n = underlyings.size(); i < n; i++)
        {
            underlyings.get(i).marks().markDirty();
        }
    }

    void exchangeTime(final org.mmrisk.core.state.StateIo io)
    {
        timeNs = io.i64(timeNs);
    }

    boolean isVenueParked(final UnderlyingRisk u)
    {
        for (int i = 0, count = u.book().venueCount(); i < count; i++)
        {
            if (parkedByVenue.get(u.book().venue(i)) > 0)
            {
                return true;
            }
        }
        return false;
    }

    void raise(final AlertCode code, final UnderlyingRisk underlying, final int instrumentId, final double value,
        final double threshold)
    {
        if (!alerts.add(timeNs, code, underlying.code(), instrumentId, value, threshold, underlying.state()))
        {
            counters.increment(EngineCounter.ALERTS_DROPPED);
        }
    }

    /**
     * An alert on an underlying by code with the quoting state it reports (an instrument's own, for one).
     */
    void raise(final AlertCode code, final long underlying, final int instrumentId, final double value,
        final double threshold, final QuotingState state)
    {
        if (!alerts.add(timeNs, code, underlying, instrumentId, value, threshold, state))
        {
            counters.increment(EngineCounter.ALERTS_DROPPED);
        }
    }

    /**
     * An alert on an underlying by code (none: the portfolio's state goes with it).
     */
    void raise(final AlertCode code, final long underlying, final int instrumentId, final double value,
        final double threshold)
    {
        final UnderlyingRisk risk = underlyingByCode.get(underlying);
        final QuotingState state = risk != null ? risk.state() : portfolio.state();
        if (!alerts.add(timeNs, code, underlying, instrumentId, value, threshold, state))
        {
            counters.increment(EngineCounter.ALERTS_DROPPED);
        }
    }

    /**
     * The answer to an operator command: the alert carries the command, its arguments, its source and correlation
     * id, and the reason when rejected (null: applied).
     */
    void raiseControl(final AlertCode code, final RiskEvent command, final RejectReason reason)
    {
        final UnderlyingRisk risk = underlyingByCode.get(command.underlying);
        final QuotingState state = risk != null ? risk.state() : portfolio.state();
        if (!alerts.add(timeNs, code, command.underlying, 0, command.value, Double.NaN, state))
        {
            counters.increment(EngineCounter.ALERTS_DROPPED);
            return;
        }
        alerts.last().command(command.command, command.limitName, command.limitNameLength, command.correlationId,
            command.sourceId, reason == null ? Alert.NO_REASON : reason.ordinal());
    }

    /**
     * An alert about a rejected input: it carries the reject reason, and no command.
     */
    void raise(final AlertCode code, final long underlying, final int instrumentId, final double value,
        final double threshold, final RejectReason reason)
    {
        final UnderlyingRisk risk = underlyingByCode.get(underlying);
        final QuotingState state = risk != null ? risk.state() : portfolio.state();
        if (!alerts.add(timeNs, code, underlying, instrumentId, value, threshold, state))
        {
            counters.increment(EngineCounter.ALERTS_DROPPED);
            return;
        }
        alerts.last().command(null, NO_LIMIT_NAME, 0, 0, RiskEvent.NO_SOURCE, reason.ordinal());
    }

    void raise(final AlertCode code, final long underlying, final int instrumentId, final double value)
    {
        raise(code, underlying, instrumentId, value, Double.NaN);
    }

    /**
     * @return the underlying code of a defined instrument, else none.
     */
    long underlyingOf(final int instrumentId)
    {
        final InstrumentState state = instruments.get(instrumentId);
        return state != null && state.isDefined() ? state.instrument().underlying() : AsciiCode.NONE;
    }
}
