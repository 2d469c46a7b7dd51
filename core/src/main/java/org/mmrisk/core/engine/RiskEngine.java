package org.mmrisk.core.engine;

import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.fill.HeldFills;
import org.mmrisk.core.fill.SeenFills;
import org.mmrisk.core.event.ControlCommand;
import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.limits.PortfolioLimitKind;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;
import org.mmrisk.core.vol.SmileRejectReason;
import org.mmrisk.core.vol.VolSurface;

import java.util.ArrayList;
import java.util.List;

/**
 * The deterministic risk engine: a state machine over {@link RiskEvent}s.
 * <p>
 * Owned by ONE thread (the daemon's engine thread, or the replay thread). It reads no clock and no randomness: time
 * is the events' {@code timeNs}, so its state and outputs are a pure function of the event sequence. Each event is
 * validated, then applied ({@link #onEvent}); at the end of an ingress batch, {@link #onBatchEnd} revalues what the
 * batch touched and emits quote adjustments, alerts and due snapshots to the {@link RiskOutput} — so bursts are
 * conflated and outputs depend only on batch boundaries recorded in the journal.
 */
public final class RiskEngine
{
    private static final int ALERT_CAPACITY = 1024;
    private static final int HELD_FILLS_KEPT = 256;
    private static final int FILL_IDS_INITIAL = 4096;

    private final EngineConfig config;
    private final RiskOutput output;
    private final EngineCounters counters = new EngineCounters();
    private final Int2ObjectHashMap<InstrumentState> instruments = new Int2ObjectHashMap<>();
    private final Long2ObjectHashMap<UnderlyingRisk> underlyingByCode = new Long2ObjectHashMap<>();
    private final List<UnderlyingRisk> underlyings = new ArrayList<>();
    private final ExposureUpdater exposure;
    private final ExpirySettlement settlement;
    private final ExpirySettlement.AlertSink settledAlerts =
        (underlying, instrumentId, quantity) -> raise(AlertCode.POSITION_SETTLED, underlying.code(), instrumentId, quantity);
    private final InventorySkew skew;
    private final AlertQueue alerts = new AlertQueue(ALERT_CAPACITY);
    private final QuoteAdjustment quote = new QuoteAdjustment();
    private final SeenFills seenFills;
    /** Undefined instruments holding parked fills, per venue: each halts every underlying of that venue. */
    private final Long2LongHashMap parkedByVenue = new Long2LongHashMap(0);
    private final Long2LongHashMap lastFillExchangeNsByVenue = new Long2LongHashMap(Long.MIN_VALUE);
    private final QuotingGuard guard;
    private final QuotingGuard.AlertSink guardAlerts =
        (code, underlying, instrumentId, value, threshold) -> raise(code, underlying, instrumentId, value, threshold);
    private final HedgeSignals hedges;
    private final PortfolioGuard portfolio;
    private final PortfolioGuard.AlertSink portfolioAlerts = (kind, value, threshold) ->
        raise(kind.alertCode(), AsciiCode.NONE, 0, value, threshold);
    private final HeldFills heldFills = new HeldFills(HELD_FILLS_KEPT);
    private final RiskSnapshot snapshot = new RiskSnapshot();

    private long timeNs = Long.MIN_VALUE;
    private long nextOutputSequence;
    private SmileRejectReason lastSmileReject = SmileRejectReason.NONE;

    public RiskEngine(final EngineConfig config, final RiskOutput output)
    {
        this.config = config;
        this.output = output;
        this.exposure = new ExposureUpdater(config, counters);
        this.settlement = new ExpirySettlement(config, counters);
        this.guard = new QuotingGuard(config);
        this.portfolio = new PortfolioGuard(config);
        this.hedges = new HedgeSignals();
        this.skew = new InventorySkew(config, counters);
        this.seenFills = new SeenFills(Math.min(FILL_IDS_INITIAL, config.fillIdCapacity()), config.fillIdCapacity());
    }

    /**
     * Validates and applies one event. Outputs wait for {@link #onBatchEnd()}.
     *
     * @return null when applied, else why the event was rejected (already counted; state untouched).
     */
    public RejectReason onEvent(final RiskEvent event)
    {
        counters.increment(EngineCounter.EVENTS);
        advanceTime(event.timeNs);
        final RejectReason reason = apply(event);
        if (reason != null)
        {
            counters.reject(reason);
        }
        return reason;
    }

    private void advanceTime(final long eventTimeNs)
    {
        if (eventTimeNs < timeNs)
        {
            counters.increment(EngineCounter.TIME_CLAMPED);
        }
        else
        {
            timeNs = eventTimeNs;
        }
    }

    private RejectReason apply(final RiskEvent event)
    {
        if (event.type == null)
        {
            return RejectReason.UNKNOWN_TYPE;
        }
        switch (event.type)
        {
            case INSTRUMENT:
                return onInstrument(event);
            case TICK:
                return onTick(event);
            case FILL:
                return onFill(event);
            case POSITION:
                return onPosition(event);
            case VOL:
            case SURFACE:
                return onSmiles(event);
            case CONTROL:
                return onControl(event);
            case TIMER:
                onTimer(event);
                return null;
            default:
                return RejectReason.UNKNOWN_TYPE;
        }
    }

    private RejectReason onInstrument(final RiskEvent event)
    {
        final RejectReason reason = InputValidator.validateInstrument(event, timeNs);
        if (reason != null)
        {
            return reason;
        }
        InstrumentState state = instruments.get(event.instrumentId);
        if (state != null && state.isDefined())
        {
            if (state.instrument().sameTerms(event))
            {
                return null;
            }
            raise(AlertCode.INSTRUMENT_REDEFINED, state.instrument().underlying(), event.instrumentId, Double.NaN);
            return RejectReason.INSTRUMENT_REDEFINED;
        }
        if (state == null)
        {
            state = new InstrumentState(event.instrumentId);
            instruments.put(event.instrumentId, state);
        }
        final UnderlyingRisk underlying = underlying(event.underlying);
        state.define(Instrument.from(event), underlying);
        underlying.add(state);
        if (state.parkedVenue != AsciiCode.NONE)
        {
            final long parked = parkedByVenue.get(state.parkedVenue) - 1;
            if (parked > 0)
            {
                parkedByVenue.put(state.parkedVenue, parked);
            }
            else
            {
                parkedByVenue.remove(state.parkedVenue);
            }
            state.parkedVenue = AsciiCode.NONE;
        }
        final HedgeConfig hedging = underlying.hedging;
        if (hedging != null && state.instrument().symbol().equals(hedging.instrumentSymbol()))
        {
            underlying.hedgeInstrument = state;
        }
        underlying.touch(event.journalSequence, event.receiveTimeNs, event.sendTimeNs);
        counters.increment(EngineCounter.INSTRUMENTS_DEFINED);
        return null;
    }

    private UnderlyingRisk underlying(final long code)
    {
        UnderlyingRisk underlying = underlyingByCode.get(code);
        if (underlying == null)
        {
            underlying = new UnderlyingRisk(code, config.fallbackBasisPerYear(), config.moneynessBucketEdges(),
                config.limitsOf(code));
            underlying.coinBalance = config.coinBalance(code);
            underlying.equityDelta = config.equityDelta();
            underlying.hedging = config.hedging(code);
            underlyingByCode.put(code, underlying);
            insertSorted(underlying);
        }
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

    private RejectReason onTick(final RiskEvent event)
    {
        final InstrumentState state = instruments.get(event.instrumentId);
        if (state == null || !state.isDefined())
        {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        if (state.settled)
        {
            return RejectReason.EXPIRED_INSTRUMENT;
        }
        final RejectReason reason = InputValidator.validateTick(event);
        if (reason != null)
        {
            return reason;
        }
        if (!Double.isNaN(event.fundingRate) && state.instrument().kind() != InstrumentKind.PERPETUAL)
        {
            return RejectReason.INVALID_VALUE;
        }
        if (event.exchangeTimeNs != RiskEvent.NULL_TIME)
        {
            if (event.exchangeTimeNs < state.lastTickExchangeNs)
            {
                // an older quote than the one held must not overwrite it
                return RejectReason.STALE_TICK;
            }
            state.lastTickExchangeNs = event.exchangeTimeNs;
        }
        state.bid = event.bid;
        state.ask = event.ask;
        state.mark = event.mark;
        state.markIv = Double.isNaN(event.markIv) ? state.markIv : event.markIv;
        state.lastTickNs = timeNs;
        if (state.underlying().isIndexSource(state))
        {
            state.underlying().lastIndexTickNs = timeNs;
        }
        updateForwards(state, event.underlyingPrice);
        if (!Double.isNaN(event.fundingRate))
        {
            payFunding(state, event.fundingRate);
        }
        state.underlying().touchInstrument(state);
        state.underlying().touch(event.journalSequence, event.receiveTimeNs, event.sendTimeNs);
        counters.increment(EngineCounter.TICKS);
        return null;
    }

    /**
     * Keeps the instrument's basis to the index (futures and perpetual: their mid; options: the venue's forward)
     * and feeds the forward curve, which holds bases, from futures and the perpetual.
     */
    private void updateForwards(final InstrumentState state, final double venueForwardUsd)
    {
        final UnderlyingRisk underlying = state.underlying();
        final Instrument instrument = state.instrument();
        final double indexUsd = underlying.resolveIndexUsd();
        final double priceUsd = instrument.kind() == InstrumentKind.OPTION ? venueForwardUsd : state.midOrMark();
        if (!(indexUsd > 0) || !(priceUsd > 0) || instrument.kind() == InstrumentKind.INDEX)
        {
            return;
        }
        state.basis = priceUsd / indexUsd;
        if (instrument.kind() == InstrumentKind.FUTURE)
        {
            underlying.forwards().setFuture(instrument.expiryNs(), state.basis, timeNs);
            underlying.touchExpiry(instrument.expiryNs());
        }
        else if (underlying.isCurvePerpetual(state))
        {
            underlying.forwards().perpetualUsd(state.basis);
        }
    }

    /**
     * A funding event of a perpetual: longs pay rate × notional at the mark (else mid) when the rate is positive.
     * An inverse contract's notional is c/mark coins per contract and it pays in coin; a linear one pays in USD.
     */
    private void payFunding(final InstrumentState state, final double rate)
    {
        final double quantity = state.position().quantity();
        final double markUsd = state.markOrMid();
        counters.increment(EngineCounter.FUNDING_EVENTS);
        if (quantity == 0 || !(markUsd > 0))
        {
            return;
        }
        final Instrument instrument = state.instrument();
        final UnderlyingRisk underlying = state.underlying();
        final double indexUsd = underlying.resolveIndexUsd();
        final double valueBeforeUsd = underlying.valueAtLastEvaluationUsd();
        underlying.detach(state);
        if (instrument.isInverse())
        {
            final double coins = -quantity * instrument.contractSize() / markUsd * rate;
            state.position().receiveFunding(indexUsd > 0 ? coins * indexUsd : 0, coins);
            underlying.coinCash += coins;
        }
        else
        {
            state.position().receiveFunding(-quantity * instrument.contractSize() * markUsd * rate, 0);
        }
        underlying.attach(state);
        // a cash flow, not a market move: it is realized P&L, kept out of the P&L explain like fees
        underlying.recordTrade(valueBeforeUsd);
    }

    /**
     * A fill is a real trade: once its values are valid it is always applied, even when its instrument is unknown
     * (then it is parked under its id, alerted, and joins the book when the definition arrives).
     */
    private RejectReason onFill(final RiskEvent event)
    {
        final RejectReason reason = InputValidator.validateFill(event);
        if (reason != null)
        {
            return reason;
        }
        InstrumentState state = instruments.get(event.instrumentId);
        if (state != null && state.settled)
        {
            // an expired contract cannot trade: the venue would not send this, so it is not a real trade
            return RejectReason.EXPIRED_INSTRUMENT;
        }
        final RejectReason identity = checkFillIdentity(event);
        if (identity != null)
        {
            return identity;
        }
        if (state == null)
        {
            state = new InstrumentState(event.instrumentId);
            instruments.put(event.instrumentId, state);
        }
        final double signedQuantity = event.side == Side.BUY ? event.quantity : -event.quantity;
        counters.increment(EngineCounter.FILLS);
        checkExchangeTimeOrder(event);
        if (!state.isDefined())
        {
            if (state.position().quantity() == 0 && state.parkedVenue == AsciiCode.NONE)
            {
                state.parkedVenue = event.venue;
                parkedByVenue.put(event.venue, parkedByVenue.get(event.venue) + 1);
                touchAll();
            }
            state.position().applyTrade(null, signedQuantity, event.price, Double.NaN);
            counters.increment(EngineCounter.FILLS_UNDEFINED_INSTRUMENT);
            raise(AlertCode.FILL_UNDEFINED_INSTRUMENT, AsciiCode.NONE, event.instrumentId, signedQuantity);
            return null;
        }
        final UnderlyingRisk underlying = state.underlying();
        final double indexUsd = underlying.resolveIndexUsd();
        final double valueBeforeUsd = underlying.valueAtLastEvaluationUsd();
        final double realizedCoinBefore = state.position().realizedPnlCoin();
        underlying.detach(state);
        state.position().applyTrade(state.instrument(), signedQuantity, event.price, indexUsd);
        final double feeCoin = chargeFee(state, event, indexUsd);
        underlying.addCoinCash(state.instrument(), signedQuantity, event.price,
            state.position().realizedPnlCoin() - realizedCoinBefore, feeCoin);
        underlying.attach(state);
        underlying.recordTrade(valueBeforeUsd);
        if (underlying.state == QuotingState.HALT)
        {
            raise(AlertCode.FILL_WHILE_HALTED, underlying.code(), event.instrumentId, signedQuantity);
        }
        underlying.touch(event.journalSequence, event.receiveTimeNs, event.sendTimeNs);
        return null;
    }

    /**
     * A venue's fills arrive in exchange-time order; one that goes back is still a real trade, so it is applied and
     * alerted.
     */
    private void checkExchangeTimeOrder(final RiskEvent event)
    {
        final long lastNs = lastFillExchangeNsByVenue.get(event.venue);
        if (lastNs != Long.MIN_VALUE && event.exchangeTimeNs < lastNs)
        {
            counters.increment(EngineCounter.FILLS_EXCHANGE_TIME_BACKWARDS);
            final InstrumentState state = instruments.get(event.instrumentId);
            final long underlying = state != null && state.isDefined() ? state.instrument().underlying() : AsciiCode.NONE;
            raise(AlertCode.EXCHANGE_TIME_BACKWARDS, underlying, event.instrumentId,
                (lastNs - event.exchangeTimeNs) / 1e9);
        }
        else
        {
            lastFillExchangeNsByVenue.put(event.venue, event.exchangeTimeNs);
        }
    }

    /**
     * Exactly-once: a (venue, fill id) already applied is a re-send and changes nothing; a fill older than the
     * horizon cannot be checked (its id may be forgotten), so it is held for an operator instead of applied.
     * Otherwise the id is recorded and the fill goes on.
     */
    private RejectReason checkFillIdentity(final RiskEvent event)
    {
        final long horizonStartNs = timeNs - config.fillIdHorizonNs();
        counters.add(EngineCounter.FILL_IDS_FORGOTTEN, seenFills.forgetBefore(horizonStartNs));
        if (seenFills.contains(event.venue, event.fillId, event.fillIdLength))
        {
            counters.increment(EngineCounter.FILLS_DUPLICATE);
            return RejectReason.DUPLICATE_FILL;
        }
        if (event.exchangeTimeNs < horizonStartNs)
        {
            heldFills.add(event, timeNs);
            counters.increment(EngineCounter.FILLS_HELD);
            final InstrumentState state = instruments.get(event.instrumentId);
            final long underlying = state != null && state.isDefined() ? state.instrument().underlying() : AsciiCode.NONE;
            raise(AlertCode.FILL_BEYOND_HORIZON, underlying, event.instrumentId,
                event.side == Side.BUY ? event.quantity : -event.quantity);
            return RejectReason.FILL_BEYOND_HORIZON;
        }
        final long evictedBefore = seenFills.evictedForCapacity();
        seenFills.add(event.venue, event.fillId, event.fillIdLength, event.exchangeTimeNs);
        counters.add(EngineCounter.FILL_IDS_EVICTED_EARLY, seenFills.evictedForCapacity() - evictedBefore);
        return null;
    }

    /**
     * @return the fee in coins when it was charged in the underlying's coin, else 0.
     */
    private static double chargeFee(final InstrumentState state, final RiskEvent event, final double indexUsd)
    {
        if (event.fee == 0)
        {
            return 0;
        }
        final boolean feeInCoin = event.feeCurrency == state.instrument().underlying();
        final double feeUsd = feeInCoin ? (indexUsd > 0 ? event.fee * indexUsd : 0) : event.fee;
        final double feeCoin = feeInCoin ? event.fee : 0;
        state.position().chargeFee(feeUsd, feeCoin);
        return feeCoin;
    }

    private RejectReason onPosition(final RiskEvent event)
    {
        final InstrumentState state = instruments.get(event.instrumentId);
        if (state == null || !state.isDefined())
        {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        if (state.settled)
        {
            return RejectReason.EXPIRED_INSTRUMENT;
        }
        final RejectReason reason = InputValidator.validatePosition(event);
        if (reason != null)
        {
            return reason;
        }
        final double difference = event.quantity - state.position().quantity();
        if (difference != 0)
        {
            raise(AlertCode.POSITION_RECONCILED, state.instrument().underlying(), event.instrumentId, difference);
        }
        final double valueBeforeUsd = state.underlying().valueAtLastEvaluationUsd();
        state.underlying().detach(state);
        state.position().replace(event.quantity, event.price);
        state.underlying().attach(state);
        state.underlying().recordTrade(valueBeforeUsd);
        state.underlying().touch(event.journalSequence, event.receiveTimeNs, event.sendTimeNs);
        counters.increment(EngineCounter.POSITIONS);
        return null;
    }

    /**
     * A {@code vol} event replaces one expiry's smile, a {@code surface} event the whole surface, atomically. An
     * update that would make the surface arbitrageable is rejected as a whole (INVALID_SMILE, with an alert whose
     * value is the {@link SmileRejectReason} ordinal) and the previous smiles stay.
     */
    private RejectReason onSmiles(final RiskEvent event)
    {
        final RejectReason reason = InputValidator.validateSmiles(event, timeNs);
        if (reason != null)
        {
            return reason;
        }
        final UnderlyingRisk underlying = underlying(event.underlying);
        final VolSurface surface = underlying.surface();
        lastSmileReject = event.type == EventType.VOL && event.smileCount == 1 ?
            surface.applySmile(event.smileExpiryNs[0], event.sviA[0], event.sviB[0], event.sviRho[0], event.sviM[0],
                event.sviSigma[0], timeNs) :
            surface.applySurface(event.smileCount, event.smileExpiryNs, event.sviA, event.sviB, event.sviRho,
                event.sviM, event.sviSigma, timeNs);
        if (lastSmileReject != SmileRejectReason.NONE)
        {
            raise(AlertCode.SMILE_REJECTED, event.underlying, 0, lastSmileReject.ordinal());
            return RejectReason.INVALID_SMILE;
        }
        if (event.type == EventType.VOL && event.smileCount == 1)
        {
            underlying.touchExpiry(event.smileExpiryNs[0]);
        }
        else
        {
            underlying.needsFullRevaluation = true;
        }
        underlying.touch(event.journalSequence, event.receiveTimeNs, event.sendTimeNs);
        counters.increment(EngineCounter.VOL_UPDATES);
        return null;
    }

    private RejectReason onControl(final RiskEvent event)
    {
        final RejectReason reason = InputValidator.validateControl(event);
        if (reason != null)
        {
            raise(AlertCode.CONTROL_REJECTED, event.underlying, 0, Double.NaN);
            return reason;
        }
        final LimitKind limit = event.command == ControlCommand.SET_LIMIT ?
            LimitKind.fromKey(event.limitName, event.limitNameLength) : null;
        final PortfolioLimitKind portfolioLimit = event.command == ControlCommand.SET_LIMIT ?
            PortfolioLimitKind.fromKey(event.limitName, event.limitNameLength) : null;
        final boolean portfolioWide = portfolioLimit != null && event.underlying == AsciiCode.NONE;
        if (event.command == ControlCommand.SET_LIMIT && (limit == null && !portfolioWide || !(event.value > 0)))
        {
            raise(AlertCode.CONTROL_REJECTED, event.underlying, 0, event.value);
            return RejectReason.INVALID_CONTROL;
        }
        switch (event.command)
        {
            case HALT:
                setOperatorHalt(event.underlying, true);
                break;
            case RESUME:
                setOperatorHalt(event.underlying, false);
                break;
            case SET_LIMIT:
                if (portfolioWide)
                {
                    portfolio.setLimit(portfolioLimit, event.value);
                    touchAll();
                }
                else
                {
                    setLimit(event.underlying, limit, event.value);
                }
                break;
            case SET_EQUITY:
                setCoinBalance(event.underlying, event.value);
                break;
            default:
                break;
        }
        counters.increment(EngineCounter.CONTROLS);
        raise(AlertCode.CONTROL_APPLIED, event.underlying, 0, event.command.ordinal());
        return null;
    }

    /**
     * Time passing moves every option's value (theta) and ages the data: every underlying is revalued at the end
     * of the batch.
     */
    private void onTimer(final RiskEvent event)
    {
        counters.increment(EngineCounter.TIMERS);
        for (int i = 0, n = underlyings.size(); i < n; i++)
        {
            underlyings.get(i).touch(event.journalSequence, event.receiveTimeNs, event.sendTimeNs);
        }
    }

    /**
     * The account's coin balance, as the venue reports it (the engine then adds the cash flows of later fills).
     */
    private void setCoinBalance(final long code, final double coins)
    {
        final UnderlyingRisk underlying = underlying(code);
        final double valueBeforeUsd = underlying.valueAtLastEvaluationUsd();
        underlying.coinBalance = coins - underlying.coinCash;
        underlying.recordTrade(valueBeforeUsd);
        underlying.dirty = true;
    }

    /**
     * HALT pulls every quote of the underlying (or of all) until RESUME; RESUME also acknowledges unknown risk, so
     * quoting resumes on the positions the engine can price. Limits and stale data keep their own rungs.
     */
    /**
     * Marks every underlying for re-evaluation at the end of the batch (rare events that may change any state).
     */
    private void touchAll()
    {
        for (int i = 0, n = underlyings.size(); i < n; i++)
        {
            underlyings.get(i).dirty = true;
        }
    }

    private void setOperatorHalt(final long code, final boolean halt)
    {
        for (int i = 0, n = underlyings.size(); i < n; i++)
        {
            final UnderlyingRisk underlying = underlyings.get(i);
            if (code == AsciiCode.NONE || underlying.code() == code)
            {
                underlying.operatorHalt = halt;
                if (!halt && underlying.unknownRisk)
                {
                    underlying.unknownRisk = false;
                    underlying.unknownRiskAcknowledged = true;
                }
                underlying.dirty = true;
            }
        }
    }

    private void setLimit(final long code, final LimitKind limit, final double value)
    {
        for (int i = 0, n = underlyings.size(); i < n; i++)
        {
            final UnderlyingRisk underlying = underlyings.get(i);
            if (code == AsciiCode.NONE || underlying.code() == code)
            {
                underlying.limits[limit.ordinal()] = value;
                underlying.dirty = true;
            }
        }
    }

    private void raise(final AlertCode code, final UnderlyingRisk underlying, final int instrumentId,
        final double value, final double threshold)
    {
        if (!alerts.add(timeNs, code, underlying.code(), instrumentId, value, threshold, underlying.state))
        {
            counters.increment(EngineCounter.ALERTS_DROPPED);
        }
    }

    private void raise(final AlertCode code, final long underlying, final int instrumentId, final double value,
        final double threshold)
    {
        final UnderlyingRisk risk = underlyingByCode.get(underlying);
        final QuotingState state = risk != null ? risk.state : portfolio.state();
        if (!alerts.add(timeNs, code, underlying, instrumentId, value, threshold, state))
        {
            counters.increment(EngineCounter.ALERTS_DROPPED);
        }
    }

    private void raise(final AlertCode code, final long underlying, final int instrumentId, final double value)
    {
        raise(code, underlying, instrumentId, value, Double.NaN);
    }

    /**
     * Ends an ingress batch: revalues every underlying the batch touched, then emits alerts, the quote adjustments
     * that moved past their threshold, and the snapshots that are due.
     */
    public void onBatchEnd()
    {
        counters.increment(EngineCounter.BATCHES);
        final int n = underlyings.size();
        for (int i = 0; i < n; i++)
        {
            final UnderlyingRisk underlying = underlyings.get(i);
            settlement.settleExpired(underlying, timeNs, settledAlerts);
            underlying.wasDirty = underlying.dirty;
            if (underlying.dirty)
            {
                exposure.update(underlying, timeNs);
                counters.increment(EngineCounter.REVALUATIONS);
                guardState(underlying);
            }
        }
        if (portfolio.update(underlyings, timeNs, portfolioAlerts))
        {
            applyPortfolioState();
        }
        emitAlerts();
        for (int i = 0; i < n; i++)
        {
            final UnderlyingRisk underlying = underlyings.get(i);
            if (underlying.wasDirty)
            {
                emitQuotes(underlying);
                emitHedge(underlying);
            }
            if (underlying.lastSnapshotNs == Long.MIN_VALUE ||
                timeNs - underlying.lastSnapshotNs >= config.snapshotIntervalNs())
            {
                emitSnapshot(underlying);
            }
        }
        output.onBatchComplete();
    }

    /**
     * The quoting state from limits, staleness and unknown risk; the largest position and the gross notional are
     * gathered in one pass over the underlying's instruments (the quotes take another).
     */
    private void guardState(final UnderlyingRisk u)
    {
        double largestPosition = 0;
        int largestId = 0;
        double notionalUsd = 0;
        for (int i = 0, count = u.instrumentCount(); i < count; i++)
        {
            final InstrumentState state = u.instrument(i);
            final double quantity = Math.abs(state.position().quantity());
            if (quantity > largestPosition)
            {
                largestPosition = quantity;
                largestId = state.instrumentId();
            }
            notionalUsd += quantity * state.instrument().notionalUsdPerContract(u.indexUsd);
        }
        detectUnknownRisk(u);
        u.grossNotionalUsd = notionalUsd;
        guard.update(u, timeNs, largestPosition, largestId, notionalUsd, isVenueParked(u), portfolio.state(),
            guardAlerts);
    }

    /**
     * The portfolio's rung changed: every underlying takes the higher of its own state and the portfolio's, and
     * re-quotes.
     */
    private void applyPortfolioState()
    {
        for (int i = 0, n = underlyings.size(); i < n; i++)
        {
            final UnderlyingRisk u = underlyings.get(i);
            u.state = org.mmrisk.core.limits.Ladder.max(u.ownState, portfolio.state());
            u.wasDirty = true;
        }
    }

    /**
     * A position the engine cannot price halts its underlying (no side can be known to reduce risk) until it is
     * priced again or an operator resumes.
     */
    private void detectUnknownRisk(final UnderlyingRisk u)
    {
        if (u.unpricedPositions == 0)
        {
            u.unknownRiskAcknowledged = false;
        }
        else if (!u.unknownRisk && !u.unknownRiskAcknowledged)
        {
            u.unknownRisk = true;
            counters.increment(EngineCounter.FILLS_UNPRICEABLE);
            raise(AlertCode.UNKNOWN_RISK, u, 0, u.unpricedPositions, Double.NaN);
        }
    }

    private boolean isVenueParked(final UnderlyingRisk u)
    {
        for (int i = 0, count = u.venueCount(); i < count; i++)
        {
            if (parkedByVenue.get(u.venue(i)) > 0)
            {
                return true;
            }
        }
        return false;
    }

    private void emitHedge(final UnderlyingRisk u)
    {
        final HedgeConfig hedging = u.hedging;
        if (hedging != null && hedges.decide(u, hedging, timeNs))
        {
            final org.mmrisk.core.output.HedgeSignal signal = hedges.signal();
            signal.sequence = nextOutputSequence++;
            output.onHedgeSignal(signal);
            counters.increment(EngineCounter.HEDGES_EMITTED);
        }
    }

    private void emitAlerts()
    {
        for (int i = 0, n = alerts.size(); i < n; i++)
        {
            final Alert alert = alerts.get(i);
            alert.sequence = nextOutputSequence++;
            output.onAlert(alert);
            counters.increment(EngineCounter.ALERTS_EMITTED);
        }
        alerts.clear();
    }

    private void emitQuotes(final UnderlyingRisk underlying)
    {
        if (!(underlying.indexUsd > 0))
        {
            return;
        }
        skew.prepare(underlying);
        for (int i = 0, n = underlying.instrumentCount(); i < n; i++)
        {
            final InstrumentState state = underlying.instrument(i);
            if (InventorySkew.isQuoted(state) && skew.update(state, underlying, quote, timeNs))
            {
                quote.sequence = nextOutputSequence++;
                quote.timeNs = timeNs;
                quote.instrumentId = state.instrumentId();
                quote.kind = state.instrument().kind();
                quote.underlying = underlying.code();
                quote.causeJournalSequence = underlying.causeJournalSequence;
                quote.causeReceiveTimeNs = underlying.causeReceiveTimeNs;
                quote.causeSendTimeNs = underlying.causeSendTimeNs;
                InventorySkew.remember(state, quote, timeNs);
                output.onQuoteAdjustment(quote);
                counters.increment(EngineCounter.QUOTES_EMITTED);
            }
        }
    }

    private void emitSnapshot(final UnderlyingRisk underlying)
    {
        final RiskSnapshot s = snapshot;
        s.sequence = nextOutputSequence++;
        s.timeNs = timeNs;
        s.underlying = underlying.code();
        s.indexUsd = underlying.indexUsd;
        s.delta = underlying.delta;
        s.deltaUsd = underlying.deltaUsd();
        s.gamma = underlying.gamma;
        s.vega = underlying.vega;
        s.theta = underlying.theta;
        s.realizedPnlUsd = underlying.realizedPnlUsd;
        s.unrealizedPnlUsd = underlying.unrealizedPnlUsd();
        s.maxApproxError = underlying.maxApproxError;
        underlying.maxApproxError = 0;
        if (underlying.explain.isStarted())
        {
            underlying.explainAtSnapshot.markInterval(underlying.explain, underlying.bookValueUsd(), timeNs);
        }
        s.eventsProcessed = counters.get(EngineCounter.EVENTS);
        s.state = underlying.state;
        fillPositions(underlying, s);
        underlying.lastSnapshotNs = timeNs;
        output.onRiskSnapshot(s);
        counters.increment(EngineCounter.SNAPSHOTS_EMITTED);
    }

    private static void fillPositions(final UnderlyingRisk underlying, final RiskSnapshot s)
    {
        s.ensureCapacity(underlying.instrumentCount());
        int count = 0;
        for (int i = 0, n = underlying.instrumentCount(); i < n; i++)
        {
            final InstrumentState state = underlying.instrument(i);
            if (state.position().quantity() != 0 || state.position().realizedPnlUsd() != 0)
            {
                s.instrumentId[count] = state.instrumentId();
                s.quantity[count] = state.position().quantity();
                s.avgPrice[count] = state.position().avgPrice();
                s.positionRealizedPnlUsd[count] = state.position().realizedPnlUsd();
                s.positionUnrealizedPnlUsd[count] = unrealizedUsd(state, underlying.indexUsd);
                count++;
            }
        }
        s.positionCount = count;
    }

    /**
     * @return the unrealized P&L of one position in USD, 0 when it has no mark.
     */
    public static double unrealizedUsd(final InstrumentState state, final double indexUsd)
    {
        final double mark = state.markOrMid();
        if (!state.isDefined() || !(mark > 0))
        {
            return 0;
        }
        final double pnl = state.position().unrealizedInSettlement(state.instrument(), mark);
        return state.instrument().isInverse() ? pnl * indexUsd : pnl;
    }

    /**
     * @return the outcome of the last vol or surface update (NONE when it was applied), for reject reports.
     */
    public SmileRejectReason lastSmileReject()
    {
        return lastSmileReject;
    }

    /**
     * @return the fill identities remembered (engine state: snapshots carry it), for reports and snapshots.
     */
    public SeenFills seenFills()
    {
        return seenFills;
    }

    /**
     * @return the most recent fills held beyond the horizon, for reports.
     */
    public HeldFills heldFills()
    {
        return heldFills;
    }

    public long timeNs()
    {
        return timeNs;
    }

    public EngineCounters counters()
    {
        return counters;
    }

    public EngineConfig config()
    {
        return config;
    }

    public long nextOutputSequence()
    {
        return nextOutputSequence;
    }

    /**
     * @return every instrument id seen (defined, or parked by a fill), for reports; not for the hot path.
     */
    public Int2ObjectHashMap<InstrumentState> instruments()
    {
        return instruments;
    }

    /**
     * @return the underlyings in name order, for reports.
     */
    public List<UnderlyingRisk> underlyings()
    {
        return underlyings;
    }
}
