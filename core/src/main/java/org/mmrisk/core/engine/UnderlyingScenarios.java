package org.mmrisk.core.engine;

import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.MarginCurrency;
import org.mmrisk.core.config.ScenarioConfig;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.exposure.ContractRisk;
import org.mmrisk.core.scenario.GridFigures;
import org.mmrisk.core.scenario.MarginCalculator;
import org.mmrisk.core.scenario.MarginFigures;
import org.mmrisk.core.scenario.MarginSizing;
import org.mmrisk.core.scenario.ScenarioBook;
import org.mmrisk.core.scenario.ScenarioContract;
import org.mmrisk.core.scenario.ScenarioGrid;
import org.mmrisk.core.scenario.ScenarioPoints;
import org.mmrisk.core.scenario.ScenarioRisk;
import org.mmrisk.core.scenario.ValueCurves;
import org.mmrisk.core.event.VolShock;
import org.mmrisk.core.state.StateIo;

/**
 * An underlying's live stress risk: the scenario grid kept incrementally from the instruments' risk arrays, the value
 * curves of the liquidation search, and the last margin, liquidation-distance and grid figures. The work that prices
 * is done in slices between batches, each bounded by a number of valuations ({@code engine.scenario.sliceEvaluations})
 * and counted in engine events only, so a replay of the journal does it at the same batches:
 * <ol>
 *   <li>re-centring: an instrument whose array is older than {@code recentreAgeSeconds}, whose centre is further than
 *       {@code recentreMove} from the index, or whose vol changed since, gets a new array; the grid swaps its part
 *       (O(points));</li>
 *   <li>a curve cycle: each position whose array or quantity changed since it entered the curves is taken out and put
 *       back at its array's centre, point by point;</li>
 *   <li>when a cycle ends and a refresh is due, the margin (from the grid), the liquidation distance (from the
 *       curves) and the grid's figures are refreshed.</li>
 * </ol>
 * A fill changes the grid at once ({@link #detach}, {@link #attach}); the curves follow within one cycle. Written
 * only by itself; owned by the engine thread.
 */
public final class UnderlyingScenarios
{
    private static final int DECIDE = 0;
    private static final int TAKE_OUT = 1;
    private static final int PUT_IN = 2;
    /** A basis change (relative) below which a revaluation leaves the array's centre as it is: rounding. */
    private static final double BASIS_TOLERANCE = 1e-12;
    /** The largest size quoted when the input bounds set none, contracts. */
    private static final double MAX_FILL_CAP = 1e9;
    /** The cost of sizing one instrument, counted in valuations (two searches over the grid's points). */
    static final int SIZING_COST = 128;
    /** Instruments whose array's freshness one slice looks at, at most: the look costs without pricing. */
    private static final int MAX_CHECKS_PER_SLICE = 64;

    private final EngineConfig config;
    private final ScenarioConfig settings;
    private final ScenarioPoints points;
    private final MarginCurrency currency;
    private final ScenarioGrid grid;
    private final ValueCurves curves;
    private final MarginCalculator calculator;
    private final MarginSizing sizing;
    /** The next instrument the sizing pass after a refresh looks at; the instrument count when none is pending. */
    private int sizingCursor = Integer.MAX_VALUE;
    private final ScenarioBook book = new ScenarioBook();
    private final GridFigures gridFigures;
    private final MarginFigures figures = new MarginFigures();
    private int centreCursor;
    private int curveCursor;
    private int curvePhase = DECIDE;
    private int curveShock;
    private int curvePoint;
    private boolean cycleActive;
    private boolean rebuildCurves = true;
    private long lastRefreshNs = Long.MIN_VALUE;
    private boolean refreshed;
    /** A position changed since the last cycle started: the next one starts without waiting for the period. */
    private boolean positionsChanged;
    /** The running cycle started because the period was up: its refresh is published whatever changed. */
    private boolean periodicCycle;
    private double publishedWorstLoss = Double.NaN;
    private double publishedInitial = Double.NaN;
    private double publishedDownMove = Double.NaN;
    private double publishedUpMove = Double.NaN;

    UnderlyingScenarios(final EngineConfig config, final ScenarioPoints points, final long underlyingCode)
    {
        this.config = config;
        this.settings = config.scenario();
        this.points = points;
        this.currency = settings.currency(underlyingCode);
        this.grid = new ScenarioGrid(points);
        this.curves = new ValueCurves(settings);
        this.calculator = new MarginCalculator(points, settings);
        this.sizing = new MarginSizing(points, settings);
        this.gridFigures = new GridFigures(points);
    }

    InstrumentScenario newInstrumentPart()
    {
        return new InstrumentScenario(points);
    }

    /**
     * Takes an instrument's contracts out of the grid before its position changes.
     */
    void detach(final InstrumentState state)
    {
        final InstrumentScenario part = state.scenario();
        if (part != null)
        {
            grid.add(part.risk, -part.gridQuantity);
            part.gridQuantity = 0;
        }
    }

    /**
     * Puts an instrument's contracts back into the grid after its position changed.
     */
    void attach(final InstrumentState state)
    {
        final InstrumentScenario part = state.scenario();
        if (part != null)
        {
            part.gridQuantity = state.position().quantity();
            grid.add(part.risk, part.gridQuantity);
            positionsChanged = true;
        }
    }

    /**
     * An expiry settled (instruments left the book): the curves are rebuilt from the start.
     */
    void bookShrank()
    {
        rebuildCurves = true;
    }

    /**
     * Spends at most {@code budget} valuations on re-centring and the curve cycle.
     *
     * @return the valuations spent; the caller checks {@link #refreshDue} after.
     */
    int slice(final UnderlyingRisk u, final long nowNs, final int budget)
    {
        final double indexUsd = u.indexUsd();
        if (!settings.enabled() || !(indexUsd > 0))
        {
            return 0;
        }
        int spent = recentre(u, indexUsd, nowNs, budget);
        final boolean periodUp = nowNs - lastRefreshNs >= settings.refreshIntervalNs();
        if (!cycleActive && (periodUp || positionsChanged))
        {
            periodicCycle = periodUp;
            positionsChanged = false;
            startCycle(u, indexUsd);
        }
        if (cycleActive)
        {
            spent += advanceCycle(u, budget - spent);
        }
        return spent;
    }

    /**
     * @return true when a curve cycle has just ended: {@link #refresh} is due.
     */
    boolean refreshDue(final UnderlyingRisk u)
    {
        return cycleActive && curveCursor >= u.instrumentCount();
    }

    private int recentre(final UnderlyingRisk u, final double indexUsd, final long nowNs, final int budget)
    {
        final int count = u.instrumentCount();
        final int checks = Math.min(count, MAX_CHECKS_PER_SLICE);
        int spent = 0;
        for (int checked = 0; checked < checks && spent < budget; checked++)
        {
            centreCursor = centreCursor >= count - 1 ? 0 : centreCursor + 1;
            final InstrumentState state = u.instrument(centreCursor);
            spent += 1 + recentre(state, indexUsd, nowNs);
        }
        return spent;
    }

    private int recentre(final InstrumentState state, final double indexUsd, final long nowNs)
    {
        final InstrumentScenario part = state.scenario();
        final ScenarioRisk risk = part.risk;
        if (state.risk().priced && !revaluedSince(state.risk(), risk) &&
            risk.isFresh(indexUsd, nowNs, settings.recentreMove(), settings.recentreAgeNs()))
        {
            return 0;
        }
        grid.add(risk, -part.gridQuantity);
        int spent = 0;
        if (ScenarioCentre.centre(state, indexUsd, nowNs, config, risk.contract()))
        {
            spent = risk.fill(points, currency, nowNs);
        }
        else
        {
            risk.clear();
        }
        grid.add(risk, part.gridQuantity);
        return spent;
    }

    /**
     * @return true when the instrument's exact revaluation since its array was centred changed what the centre is
     * made of: its implied vol or its basis (forward over index).
     */
    private static boolean revaluedSince(final ContractRisk exact, final ScenarioRisk array)
    {
        if (exact.anchorTimeNs <= array.centreTimeNs() || !array.isCentred())
        {
            return false;
        }
        final ScenarioContract centre = array.contract();
        final boolean volChanged = centre.isOption() && exact.iv != centre.vol(VolShock.SAME);
        final double basis = exact.forward / exact.anchorIndexUsd;
        return volChanged || Math.abs(basis - centre.forward() / centre.indexUsd()) > BASIS_TOLERANCE * basis;
    }

    private void startCycle(final UnderlyingRisk u, final double indexUsd)
    {
        if (rebuildCurves || !curves.covers(indexUsd))
        {
            curves.reset(indexUsd);
            for (int i = 0, n = u.instrumentCount(); i < n; i++)
            {
                u.instrument(i).scenario().curveQuantity = 0;
            }
            rebuildCurves = false;
        }
        cycleActive = true;
        curveCursor = 0;
        curvePhase = DECIDE;
    }

    private int advanceCycle(final UnderlyingRisk u, final int budget)
    {
        int spent = 0;
        while (spent < budget && curveCursor < u.instrumentCount())
        {
            final InstrumentState state = u.instrument(curveCursor);
            final InstrumentScenario part = state.scenario();
            if (curvePhase == DECIDE)
            {
                spent++;
                decide(state, part);
            }
            else
            {
                spent += moveCurvePoints(part, budget - spent);
            }
        }
        return spent;
    }

    private void decide(final InstrumentState state, final InstrumentScenario part)
    {
        final double wanted = part.risk.isCentred() ? state.position().quantity() : 0;
        if (part.curveQuantity == wanted && (wanted == 0 || part.curveCentreNs == part.risk.centreTimeNs()))
        {
            curveCursor++;
            return;
        }
        curveShock = 0;
        curvePoint = 0;
        if (part.curveQuantity != 0)
        {
            curvePhase = TAKE_OUT;
        }
        else
        {
            startPutIn(part, wanted);
        }
    }

    private void startPutIn(final InstrumentScenario part, final double wanted)
    {
        if (wanted == 0)
        {
            curveCursor++;
            curvePhase = DECIDE;
            return;
        }
        part.inCurves.copyFrom(part.risk.contract());
        part.curveQuantity = wanted;
        part.curveCentreNs = part.risk.centreTimeNs();
        curvePhase = PUT_IN;
        curveShock = 0;
        curvePoint = 0;
    }

    /**
     * Takes out or puts in the current position's curves, resuming where the last slice stopped.
     *
     * @return the valuations spent.
     */
    private int moveCurvePoints(final InstrumentScenario part, final int budget)
    {
        final ScenarioContract contract = part.inCurves;
        final double quantity = curvePhase == TAKE_OUT ? -part.curveQuantity : part.curveQuantity;
        int spent = 0;
        if (!contract.isOption())
        {
            curves.addDeltaOne(contract, quantity);
            spent = 1;
        }
        else
        {
            while (curveShock < VolShock.VALUES.length && spent < budget)
            {
                final VolShock shock = VolShock.VALUES[curveShock];
                final int to = Math.min(curves.size(shock), curvePoint + Math.max(1, budget - spent));
                spent += curves.addOption(contract, quantity, shock, curvePoint, to);
                curvePoint = to;
                if (curvePoint == curves.size(shock))
                {
                    curveShock++;
                    curvePoint = 0;
                }
            }
            if (curveShock < VolShock.VALUES.length)
            {
                return spent;
            }
        }
        if (curvePhase == TAKE_OUT)
        {
            part.curveQuantity = 0;
            curvePhase = DECIDE;
        }
        else
        {
            curveCursor++;
            curvePhase = DECIDE;
        }
        return spent;
    }

    /**
     * Ends the curve cycle: refreshes the grid's figures, the margin and the liquidation distance.
     *
     * @param unknown true when a position of the underlying cannot be valued (or a fill is parked on its venue).
     */
    void refresh(final UnderlyingRisk u, final long nowNs, final boolean unknown)
    {
        cycleActive = false;
        lastRefreshNs = nowNs;
        refreshed = true;
        final double indexUsd = u.indexUsd();
        book.reset(currency, indexUsd, u.account().balanceAndCashCoins(), u.usdAccount().balanceAndCashUsd());
        double coinValue = 0;
        double usdValue = 0;
        for (int i = 0, n = u.instrumentCount(); i < n; i++)
        {
            final InstrumentState state = u.instrument(i);
            final double quantity = state.position().quantity();
            if (quantity == 0)
            {
                continue;
            }
            final ScenarioRisk risk = state.scenario().risk;
            if (!risk.isCentred())
            {
                book.unknown();
                continue;
            }
            book.add(risk.contract(), quantity, state.position().avgPrice());
            if (risk.contract().isCoinSettled())
            {
                coinValue += quantity * risk.centreValue();
            }
            else
            {
                usdValue += quantity * risk.centreValue();
            }
        }
        if (unknown)
        {
            book.unknown();
        }
        final double balancePerMove = currency == MarginCurrency.USD ? book.coinBalance() * indexUsd : 0;
        grid.into(gridFigures, points, balancePerMove);
        final double coins = book.coinBalance() + coinValue;
        final double usd = book.usdBalance() + usdValue;
        final double equity = currency == MarginCurrency.COIN ? coins + usd / indexUsd : usd + coins * indexUsd;
        calculator.margin(book, gridFigures.worstLoss(), equity, figures);
        if (figures.known)
        {
            calculator.liquidation(book, curves, equity, figures);
        }
        sizingCursor = 0;
    }

    /**
     * @return true while the sizing pass of the last refresh has instruments left.
     */
    boolean sizingPending(final UnderlyingRisk u)
    {
        return sizingCursor < u.instrumentCount();
    }

    /**
     * Sizes the next instrument of the pass: its largest fill per side from the margin headroom of the last refresh,
     * NaN while the margin or its array is unknown.
     *
     * @return the instrument when its sizes moved by more than {@code engine.margin.sizingChange} from those it was
     * last sent with and it is quoted (its last adjustment not a HALT): a repeat is due; else null.
     */
    InstrumentState sizeNext(final UnderlyingRisk u)
    {
        final InstrumentState state = u.instrument(sizingCursor++);
        final InstrumentScenario part = state.scenario();
        final ScenarioRisk risk = part.risk;
        if (!figures.known || !risk.isCentred() || Double.isNaN(figures.equity))
        {
            part.bidMaxQty = Double.NaN;
            part.askMaxQty = Double.NaN;
        }
        else
        {
            final double fair = state.market().fairMid(settings.maxSpreadForMid());
            final double edge = Double.isNaN(fair) ? 0 : MarginSizing.edgePerContract(risk, fair, currency);
            final ScenarioContract c = risk.contract();
            final double balancePerFill = currency == MarginCurrency.USD && !c.isOption() && c.isCoinSettled() ?
                c.size() / (Double.isNaN(fair) ? c.forward() : fair) * c.indexUsd() : 0;
            sizing.prepare(book, gridFigures, risk, state.position().quantity(), figures.equity, edge, balancePerFill);
            final double cap = config.inputBounds().maxFillContracts() > 0 ?
                config.inputBounds().maxFillContracts() : MAX_FILL_CAP;
            part.bidMaxQty = sizing.maxFill(1, cap);
            part.askMaxQty = sizing.maxFill(-1, cap);
        }
        final QuotingState sent = state.lastState();
        final boolean quoted = sent != null && sent != QuotingState.HALT;
        return quoted && (moved(state.lastQuote.bidMaxQty(), part.bidMaxQty, settings.sizingChange()) ||
            moved(state.lastQuote.askMaxQty(), part.askMaxQty, settings.sizingChange())) ? state : null;
    }

    /**
     * @return true when the refresh just made is to be published: its period was up, or the worst loss, the initial
     * margin or a liquidation distance moved by more than {@code publishChange} (relative) since the last one
     * published, or one became known or unknown. Records it as published.
     */
    boolean takePublication()
    {
        final double change = settings.publishChange();
        final boolean publish = periodicCycle || moved(publishedWorstLoss, gridFigures.worstLoss(), change) ||
            moved(publishedInitial, figures.initial, change) || moved(publishedDownMove, figures.downMove, change) ||
            moved(publishedUpMove, figures.upMove, change);
        if (publish)
        {
            publishedWorstLoss = gridFigures.worstLoss();
            publishedInitial = figures.initial;
            publishedDownMove = figures.downMove;
            publishedUpMove = figures.upMove;
        }
        return publish;
    }

    private static boolean moved(final double before, final double now, final double change)
    {
        if (Double.isNaN(before) || Double.isNaN(now))
        {
            return Double.isNaN(before) != Double.isNaN(now);
        }
        return Math.abs(now - before) > change * Math.max(Math.abs(before), Double.MIN_NORMAL);
    }

    public MarginCurrency currency()
    {
        return currency;
    }

    public ScenarioPoints points()
    {
        return points;
    }

    /**
     * @return the last refreshed margin and liquidation distance (not known before the first refresh).
     */
    public MarginFigures figures()
    {
        return figures;
    }

    /**
     * @return the grid's figures at the last refresh.
     */
    public GridFigures gridFigures()
    {
        return gridFigures;
    }

    /**
     * @return the grid as it stands now, without the coin balance's change.
     */
    public ScenarioGrid grid()
    {
        return grid;
    }

    public boolean isRefreshed()
    {
        return refreshed;
    }

    public long lastRefreshNs()
    {
        return lastRefreshNs;
    }

    void exchangeState(final StateIo io)
    {
        grid.exchangeState(io);
        curves.exchangeState(io);
        figures.exchangeState(io);
        centreCursor = io.i32(centreCursor);
        curveCursor = io.i32(curveCursor);
        curvePhase = io.i32(curvePhase);
        curveShock = io.i32(curveShock);
        curvePoint = io.i32(curvePoint);
        cycleActive = io.bool(cycleActive);
        rebuildCurves = io.bool(rebuildCurves);
        lastRefreshNs = io.i64(lastRefreshNs);
        refreshed = io.bool(refreshed);
        positionsChanged = io.bool(positionsChanged);
        periodicCycle = io.bool(periodicCycle);
        publishedWorstLoss = io.f64(publishedWorstLoss);
        publishedInitial = io.f64(publishedInitial);
        publishedDownMove = io.f64(publishedDownMove);
        publishedUpMove = io.f64(publishedUpMove);
        sizingCursor = io.i32(sizingCursor);

    }
}
