package org.mmrisk.core.engine;

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
     * @return true when a signal is due; it is in {@link #signal()}, without its sequence.
     */
    boolean decide(final UnderlyingRisk u, final HedgeConfig hedging, final long nowNs)
    {
        final double delta = u.delta;
        if (!Double.isFinite(delta))
        {
            // no hedge can be sized on a delta nobody can read (and copySign would read a NaN's sign bit)
            return false;
        }
        if (Math.abs(delta) <= hedging.bandCoins())
        {
            u.hedgeOutstandingUntilNs = Long.MIN_VALUE;
            return false;
        }
        final InstrumentState hedge = u.hedgeInstrument;
        if (nowNs < u.hedgeOutstandingUntilNs || hedge == null || hedge.settled || !hedge.risk().priced ||
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
        signal.underlying = u.code();
        signal.hedgeInstrumentId = hedge.instrumentId();
        signal.side = contracts > 0 ? Side.BUY : Side.SELL;
        signal.quantity = Math.abs(contracts);
        signal.deltaBefore = delta;
        signal.deltaTarget = target;
        u.hedgeOutstandingUntilNs = nowNs + hedging.timeoutNs();
        return true;
    }

    HedgeSignal signal()
    {
        return signal;
    }
}
