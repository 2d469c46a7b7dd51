package org.mmrisk.core.engine;

import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.config.ScenarioConfig;
import org.mmrisk.core.event.MarginCurrency;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.scenario.GridFigures;
import org.mmrisk.core.scenario.MarginFigures;
import org.mmrisk.core.scenario.MarginSizing;
import org.mmrisk.core.scenario.ScenarioBook;
import org.mmrisk.core.scenario.ScenarioContract;
import org.mmrisk.core.scenario.ScenarioPoints;
import org.mmrisk.core.scenario.ScenarioRisk;
import org.mmrisk.core.skew.SkewRule;
import org.mmrisk.core.state.StateIo;

/**
 * The sizing pass of one underlying after each margin refresh: each instrument's largest fill per side from the
 * margin headroom ({@link MarginSizing}), a few instruments per slice, and whether its last quote adjustment is to be
 * repeated with them. The sizes it writes into each {@link InstrumentScenario} are read by the skew. Written only by
 * itself, called by {@link UnderlyingScenarios}; owned by the engine thread.
 */
final class HeadroomSizing
{
    /** The cost of sizing one instrument, counted in valuations (two searches over the grid's points). */
    static final int COST = 128;
    /** The largest size quoted when the input bounds set none, contracts. */
    private static final double MAX_FILL_CAP = 1e9;

    private final EngineConfig config;
    private final ScenarioConfig settings;
    private final MarginSizing sizing;
    /** The next instrument to size; at or past the book's end when none is pending. */
    private int cursor = Integer.MAX_VALUE;

    HeadroomSizing(final EngineConfig config, final ScenarioPoints points)
    {
        this.config = config;
        this.settings = config.scenario();
        this.sizing = new MarginSizing(points, settings);
    }

    /**
     * A refresh was made (or the book shrank): the pass starts over the book.
     */
    void start()
    {
        cursor = 0;
    }

    /**
     * @return true while the sizing pass of the last refresh has instruments left.
     */
    boolean pending(final UnderlyingRisk u)
    {
        return cursor < u.instrumentCount();
    }

    /**
     * Sizes the next instrument of the pass: its largest fill per side from the margin headroom of the last refresh,
     * NaN while the margin or its array is unknown.
     *
     * @return the instrument when its sizes moved by more than {@code engine.margin.sizingChange} from those it was
     * last sent with, it is quoted (its last adjustment not a HALT) and the rate cap lets a repeat through; else null.
     */
    InstrumentState sizeNext(final UnderlyingRisk u, final long nowNs, final ScenarioBook book,
        final GridFigures gridFigures, final MarginFigures figures)
    {
        final InstrumentState state = u.instrument(cursor++);
        final InstrumentScenario part = state.scenario();
        if (!figures.known || !part.risk.isCentred() || Double.isNaN(figures.equity))
        {
            part.bidMaxQty = Double.NaN;
            part.askMaxQty = Double.NaN;
        }
        else
        {
            size(state, part.risk, book, gridFigures, figures.equity);
            part.bidMaxQty = sizing.maxFill(1, cap());
            part.askMaxQty = sizing.maxFill(-1, cap());
        }
        return isRepeatDue(state, part, nowNs) ? state : null;
    }

    private void size(final InstrumentState state, final ScenarioRisk risk, final ScenarioBook book,
        final GridFigures gridFigures, final double equity)
    {
        final MarginCurrency currency = book.currency();
        final double fair = state.market().fairMid(settings.maxSpreadForMid());
        final double edge = Double.isNaN(fair) ? 0 : MarginSizing.edgePerContract(risk, fair, currency);
        final ScenarioContract c = risk.contract();
        sizing.prepare(book, gridFigures, risk, state.scenario().refreshQuantity, equity, edge,
            balancePerFill(c, currency, fair));
    }

    /**
     * @return for a USD-margined inverse future or perpetual, the coins one contract bought at {@code price} (NaN: its
     * forward) adds to the balance, times the index: its P&L at a point is that × the move (the contract itself has
     * none in USD); 0 for any other contract.
     */
    static double balancePerFill(final ScenarioContract c, final MarginCurrency currency, final double price)
    {
        if (currency != MarginCurrency.USD || c.isOption() || !c.isCoinSettled())
        {
            return 0;
        }
        return c.size() / (Double.isNaN(price) ? c.forward() : price) * c.indexUsd();
    }

    private double cap()
    {
        final double bound = config.inputBounds().maxFillContracts();
        return bound > 0 ? bound : MAX_FILL_CAP;
    }

    /**
     * The rate cap holds for repeats too: sizes that still moved are repeated at a later pass.
     */
    private boolean isRepeatDue(final InstrumentState state, final InstrumentScenario part, final long nowNs)
    {
        final QuotingState sent = state.lastState();
        // a last adjustment the output check halted (a number not finite) is not repeated as if it had gone out, nor
        // one the rate cap holds a newer adjustment back from (that one carries the sizes when it goes out)
        if (sent == null || sent == QuotingState.HALT || !state.lastQuote.isFinite() || state.lastQuote.rateCapped() ||
            nowNs - state.lastQuote.quoteNs() < SkewRule.rateCapGapNs(config.maxQuotesPerSecond()))
        {
            return false;
        }
        final double change = settings.sizingChange();
        return UnderlyingScenarios.moved(state.lastQuote.bidMaxQty(), part.bidMaxQty, change) ||
            UnderlyingScenarios.moved(state.lastQuote.askMaxQty(), part.askMaxQty, change);
    }

    void exchangeState(final StateIo io)
    {
        cursor = io.i32(cursor);
    }
}
