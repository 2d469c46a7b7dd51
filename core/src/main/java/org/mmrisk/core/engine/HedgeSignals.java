package org.mmrisk.core.engine;

import org.mmrisk.core.config.HedgeConfig;
import org.mmrisk.core.event.Side;
import org.mmrisk.core.output.HedgeSignal;

/**
 * Delta hedging: when an underlying's |delta| leaves its band, a signal on the configured hedge instrument for
 * the whole contracts that bring delta back to the target (zero or the band's edge), sized with the instrument's
 * delta per contract (linear: size × F/S coins; inverse: c/F coins). No second signal while one is outstanding:
 * the hedge's fills arrive as ordinary fills, and a new signal may follow once delta is back in the band or the
 * timeout (engine time) passed. Owned by the engine thread; allocation-free.
 */
final class HedgeSignals
{
    private final HedgeSignal signal = new HedgeSignal();

    /**
     * @return true when a signal is due for the underlying; it is in {@link #signal()}, without its sequence.
     */
    boolean decide(final UnderlyingRisk u, final HedgeConfig hedging, final long nowNs)
    {
        return decide(u.code(), u.delta(), u.hedgeInstrument(), u.hedge(), hedging, nowNs);
    }

    /**
     * @param deltaCoins the underlying's delta.
     * @param hedge      its hedge instrument, null while undefined.
     * @param status     its outstanding hedge, updated when a signal is due or delta is back in the band.
     * @return true when a signal is due; it is in {@link #signal()}, without its sequence.
     */
    boolean decide(final long underlying, final double deltaCoins, final InstrumentState hedge,
        final HedgeStatus status, final HedgeConfig hedging, final long nowNs)
    {
        final double delta = deltaCoins;
        if (!Double.isFinite(delta))
        {
            // no hedge can be sized on a delta nobody can read (and copySign would read a NaN's sign bit)
            return false;
        }
        if (Math.abs(delta) <= hedging.bandCoins())
        {
            status.outstandingUntilNs = Long.MIN_VALUE;
            return false;
        }
        if (nowNs < status.outstandingUntilNs || hedge == null || hedge.settled || !hedge.risk().priced ||
            hedge.risk().delta == 0)
        {
            return false;
        }
        final double target = hedging.toZero() ? 0 : Math.copySign(hedging.bandCoins(), delta);
        final double contracts = Math.rint((target - delta) / hedge.risk().delta);
        if (contracts == 0 || !Double.isFinite(contracts))
        {
            return false;
        }
        signal.timeNs = nowNs;
        signal.underlying = underlying;
        signal.hedgeInstrumentId = hedge.instrumentId();
        signal.side = contracts > 0 ? Side.BUY : Side.SELL;
        signal.quantity = Math.abs(contracts);
        signal.deltaBefore = delta;
        signal.deltaTarget = target;
        status.outstandingUntilNs = nowNs + hedging.timeoutNs();
        return true;
    }

    HedgeSignal signal()
    {
        return signal;
    }
}
