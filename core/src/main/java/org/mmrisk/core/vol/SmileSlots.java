package org.mmrisk.core.vol;

import org.mmrisk.core.state.StateIo;

/**
 * One side of the surface's double buffer: expiries in ascending order with their smiles, in pre-allocated
 * parallel arrays. Owned by its {@link VolSurface}; engine thread only.
 */
final class SmileSlots
{
    final long[] expiryNs;
    /**
     * Engine time at which each smile was accepted: its total variance is the one of that moment, scaled since then
     * with the time left to expiry so that its implied vols hold (see {@link VolSurface}).
     */
    final long[] fitNs;
    /** The index at each smile's fit (NaN when there was none): where sticky strike reads its strikes from. */
    final double[] fitIndexUsd;
    final SviSmile[] smiles;
    int count;

    SmileSlots(final int capacity)
    {
        expiryNs = new long[capacity];
        fitNs = new long[capacity];
        fitIndexUsd = new double[capacity];
        smiles = new SviSmile[capacity];
        for (int i = 0; i < capacity; i++)
        {
            smiles[i] = new SviSmile();
        }
    }

    /**
     * Stamps smiles {@code 0..count-1} as fitted now, at this index: a whole surface is fitted at once.
     */
    void stampFit(final long nowNs, final double indexUsd)
    {
        for (int i = 0; i < count; i++)
        {
            fitNs[i] = nowNs;
            fitIndexUsd[i] = indexUsd;
        }
    }

    /**
     * @return the factor that carries smile {@code index}'s fitted total variance to {@code nowNs} with its implied
     * vols held: (time to expiry now) / (time to expiry at the fit), in (0, 1] for any time before expiry.
     */
    double heldScale(final int index, final long nowNs)
    {
        final long expiry = expiryNs[index];
        return (double)(expiry - nowNs) / (double)(expiry - fitNs[index]);
    }

    int capacity()
    {
        return expiryNs.length;
    }

    /**
     * @return the first index whose expiry is ≥ {@code targetNs}, or {@link #count} when there is none.
     */
    int lowerBound(final long targetNs)
    {
        int low = 0;
        int high = count;
        while (low < high)
        {
            final int mid = (low + high) >>> 1;
            if (expiryNs[mid] < targetNs)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }
        return low;
    }

    /**
     * @return the first index whose expiry is strictly after {@code nowNs}: the first smile still alive.
     */
    int firstAfter(final long nowNs)
    {
        return nowNs == Long.MAX_VALUE ? count : lowerBound(nowNs + 1);
    }

    /**
     * Opens a slot at {@code index}, shifting later ones up; the caller checked capacity and fills the slot.
     * Smile objects rotate rather than being copied, so nothing is allocated.
     */
    SviSmile insertAt(final int index, final long newExpiryNs, final long newFitNs, final double newFitIndexUsd)
    {
        final SviSmile spare = smiles[count];
        for (int i = count; i > index; i--)
        {
            expiryNs[i] = expiryNs[i - 1];
            fitNs[i] = fitNs[i - 1];
            fitIndexUsd[i] = fitIndexUsd[i - 1];
            smiles[i] = smiles[i - 1];
        }
        expiryNs[index] = newExpiryNs;
        fitNs[index] = newFitNs;
        fitIndexUsd[index] = newFitIndexUsd;
        smiles[index] = spare;
        count++;
        return spare;
    }

    /**
     * Copies the smiles of {@code source} that expire after {@code nowNs}: expired ones are dropped here, so
     * every accepted update also frees their capacity.
     */
    void copyLiveFrom(final SmileSlots source, final long nowNs)
    {
        int to = 0;
        for (int from = source.firstAfter(nowNs); from < source.count; from++)
        {
            expiryNs[to] = source.expiryNs[from];
            fitNs[to] = source.fitNs[from];
            fitIndexUsd[to] = source.fitIndexUsd[from];
            smiles[to].copyFrom(source.smiles[from]);
            to++;
        }
        count = to;
    }

    void exchangeState(final StateIo io)
    {
        count = io.count(count, capacity(), "smiles");
        io.i64s(expiryNs, count);
        io.i64s(fitNs, count);
        io.f64s(fitIndexUsd, count);
        for (int i = 0; i < count; i++)
        {
            smiles[i].exchangeState(io);
        }
    }
}
