package org.mmrisk.daemon.feed;

import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.QuotingState;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.output.Alert;
import org.mmrisk.core.output.HedgeSignal;
import org.mmrisk.core.output.QuoteAdjustment;
import org.mmrisk.core.output.RiskOutput;
import org.mmrisk.core.output.RiskSnapshot;

import java.io.PrintStream;

/**
 * The desk's quotes as the simulated venue sees them: the latest quote adjustment of each instrument, read from the
 * daemon's output queue. A fill takes the side the skew leans towards (a lowered quote is lifted, so the desk sells)
 * and never a side the desk does not quote. Instruments with no adjustment yet are quoted both sides with no lean.
 * Quoting-state changes of an underlying are written to the log with the latest alert that explains them. Owned by
 * the feed's thread.
 */
public final class DeskQuotes implements RiskOutput
{
    private static final class Lean
    {
        double shift;
        boolean bids = true;
        boolean offers = true;
    }

    private final Int2ObjectHashMap<Lean> leans = new Int2ObjectHashMap<>();
    private final Long2ObjectHashMap<QuotingState> states = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<String> lastAlerts = new Long2ObjectHashMap<>();
    private final PrintStream log;

    /**
     * @param log where quoting-state changes are explained, or null.
     */
    public DeskQuotes(final PrintStream log)
    {
        this.log = log;
    }

    /**
     * @return the side of the desk the instrument's skew favours (BUY when its quotes were raised), or null when
     * they do not lean or are not known.
     */
    public Side favouredSide(final int instrumentId)
    {
        final Lean lean = leans.get(instrumentId);
        if (lean == null || lean.shift == 0 || Double.isNaN(lean.shift))
        {
            return null;
        }
        return lean.shift > 0 ? Side.BUY : Side.SELL;
    }

    /**
     * @return whether the desk shows a quote on which it would trade on {@code side}.
     */
    public boolean quotes(final int instrumentId, final Side side)
    {
        final Lean lean = leans.get(instrumentId);
        return lean == null || (side == Side.BUY ? lean.bids : lean.offers);
    }

    @Override
    public void onQuoteAdjustment(final QuoteAdjustment adjustment)
    {
        final Lean lean = leans.computeIfAbsent(adjustment.instrumentId, id -> new Lean());
        lean.shift = adjustment.shift;
        final boolean halted = adjustment.state == QuotingState.HALT;
        lean.bids = !halted && !(adjustment.bidSizeMult <= 0);
        lean.offers = !halted && !(adjustment.askSizeMult <= 0);
        final QuotingState before = states.put(adjustment.underlying, adjustment.state);
        if (log != null && adjustment.state != null && before != adjustment.state &&
            (before != null || adjustment.state != QuotingState.NORMAL))
        {
            final String alert = lastAlerts.get(adjustment.underlying);
            log.printf("risk feed: the daemon moved %s quoting %s -> %s%s%s%n", AsciiCode.toString(adjustment.underlying),
                before == null ? QuotingState.NORMAL : before, adjustment.state,
                alert == null ? "" : " after " + alert,
                adjustment.state == QuotingState.HALT ? "; the venue fills none of its orders there until it resumes" :
                adjustment.state == QuotingState.REDUCE_ONLY ? "; only fills that reduce its exposure" : "");
        }
    }

    @Override
    public void onAlert(final Alert alert)
    {
        lastAlerts.put(alert.underlying, String.format("alert %s (value %.4g, threshold %.4g)", alert.code,
            alert.value, alert.threshold));
    }

    @Override
    public void onRiskSnapshot(final RiskSnapshot snapshot)
    {
    }

    @Override
    public void onHedgeSignal(final HedgeSignal signal)
    {
    }
}
