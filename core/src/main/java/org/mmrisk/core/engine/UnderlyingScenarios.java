package org.mmrisk.core.engine;

import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.config.ScenarioConfig;
import org.mmrisk.core.event.MarginCurrency;
import org.mmrisk.core.event.VolShock;
import org.mmrisk.core.exposure.ContractRisk;
import org.mmrisk.core.scenario.GridFigures;
import org.mmrisk.core.scenario.MarginCalculator;
import org.mmrisk.core.scenario.MarginFigures;
import org.mmrisk.core.scenario.ScenarioBook;
import org.mmrisk.core.scenario.ScenarioContract;
import org.mmrisk.core.scenario.ScenarioGrid;
import org.mmrisk.core.scenario.ScenarioPoints;
import org.mmrisk.core.scenario.ScenarioRisk;
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
    /**
     * A vol change (absolute, a tenth of a vol point) and a basis change (relative) below which an exact revaluation
     * leaves the array's centre as it is: every revaluation moves every vol a little under sticky moneyness.
     */
    private static final double VOL_TOLERANCE = 0.001;
    private static final double BASIS_TOLERANCE = 1e-5;
    /** Instruments whose array's freshness one slice looks at, at most: the look costs without pricing. */
    private static final int MAX_CHECKS_PER_SLICE = 64;

    private final EngineConfig config;
    private final ScenarioConfig settings;
    private final ScenarioPoints points;
    private final MarginCurrency currency;
    private final ScenarioGrid grid;
    private final CurveCycle cycle;
    private final MarginCalculator calculator;
    private final HeadroomSizing sizing;
    private final ScenarioBook book = new ScenarioBook();
    private final GridFigures gridFigures;
    private final MarginFigures figures = new MarginFigures();
    private int centreCursor;
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
        this.cycle = new CurveCycle(settings);
        this.calculator = new MarginCalculator(points, settings);
        this.sizing = new HeadroomSizing(config, points);
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
        // the running cycle's cursor no longer points where it did, and the curves hold settled positions: start over
        cycle.abort();
        positionsChanged = true;
        sizing.start();
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
        // re-centring takes at most half the slice: the curve cycle always moves, so a busy market cannot starve it
        int spent = recentre(u, indexUsd, nowNs, budget / 2);
        final boolean periodUp = !refreshed || nowNs - lastRefreshNs >= settings.refreshIntervalNs();
        if (!cycle.isActive() && (periodUp || positionsChanged))
        {
            periodicCycle = periodUp;
            positionsChanged = false;
            cycle.start(u, indexUsd);
        }
        if (cycle.isActive())
        {
            spent += cycle.advance(u, budget - spent);
        }
        return spent;
    }

    /**
     * @return true when a curve cycle has just ended: {@link #refresh} is due.
     */
    boolean refreshDue(final UnderlyingRisk u)
    {
        return cycle.isComplete(u);
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
        final boolean volChanged = centre.isOption() && !(Math.abs(exact.iv - centre.vol(VolShock.SAME)) <= VOL_TOLERANCE);
        final double basis = exact.forward / exact.anchorIndexUsd;
        return volChanged || !(Math.abs(basis - centre.forward() / centre.indexUsd()) <= BASIS_TOLERANCE * basis);
    }

    /**
     * Ends the curve cycle: refreshes the grid's figures, the margin and the liquidation distance.
     *
     * @param unknown true when a position of the underlying cannot be valued (or a fill is parked on its venue).
     */
    void refresh(final UnderlyingRisk u, final long nowNs, final boolean unknown)
    {
        cycle.end();
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
            state.scenario().refreshQuantity = quantity;
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
        final double equity = MarginCalculator.equity(currency, book.coinBalance() + coinValue,
            book.usdBalance() + usdValue, indexUsd);
        calculator.margin(book, gridFigures.worstLoss(), equity, figures);
        if (figures.known)
        {
            calculator.liquidation(book, cycle.curves(), equity, figures);
        }
        sizing.start();
    }

    /**
     * @return true while the sizing pass of the last refresh has instruments left.
     */
    boolean sizingPending(final UnderlyingRisk u)
    {
        return sizing.pending(u);
    }

    /**
     * Sizes the next instrument of the pass ({@link HeadroomSizing#sizeNext}).
     *
     * @return the instrument when a repeat of its last adjustment with its new sizes is due, else null.
     */
    InstrumentState sizeNext(final UnderlyingRisk u, final long nowNs)
    {
        return sizing.sizeNext(u, nowNs, book, gridFigures, figures);
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

    static boolean moved(final double before, final double now, final double change)
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

    /**
     * @return maintenance margin / equity of the last refresh (NaN: equity at or below zero, or unknown), 0 before
     * the first.
     */
    double marginUtilization()
    {
        return refreshed ? figures.maintenanceUtilization : 0;
    }

    /**
     * @return the nearest liquidation distance of the last refresh, NaN before it, when unknown or none in range.
     */
    double liquidationDistance()
    {
        return refreshed && figures.known ? figures.nearestDistance() : Double.NaN;
    }

    public boolean isRefreshed()
    {
        return refreshed;
    }

    void exchangeState(final StateIo io)
    {
        grid.exchangeState(io);
        cycle.exchangeState(io);
        figures.exchangeState(io);
        gridFigures.exchangeState(io);
        book.exchangeScalars(io);
        centreCursor = io.i32(centreCursor);
        lastRefreshNs = io.i64(lastRefreshNs);
        refreshed = io.bool(refreshed);
        positionsChanged = io.bool(positionsChanged);
        periodicCycle = io.bool(periodicCycle);
        publishedWorstLoss = io.f64(publishedWorstLoss);
        publishedInitial = io.f64(publishedInitial);
        publishedDownMove = io.f64(publishedDownMove);
        publishedUpMove = io.f64(publishedUpMove);
        sizing.exchangeState(io);

    }
}
