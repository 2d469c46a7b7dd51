package org.mmrisk.core.engine;

import org.mmrisk.core.state.StateIo;

/**
 * Until when one underlying's last hedge signal is outstanding (no new one before, unless the delta came back inside
 * its band). Owned by the engine thread; written only by {@link HedgeSignals} (and restored here), which a test
 * enforces.
 */
public final class HedgeStatus
{
    long outstandingUntilNs = Long.MIN_VALUE;

    public long outstandingUntilNs()
    {
        return outstandingUntilNs;
    }

    void exchangeState(final StateIo io)
    {
        outstandingUntilNs = io.i64(outstandingUntilNs);
    }
}
