package org.mmrisk.core.pricing;

/**
 * A reusable result of {@link ImpliedVol#solve}: a status and, when it is {@link ImpliedVolStatus#OK}, the Black
 * volatility per √year as a fraction. Read {@code status} before {@code vol}. A plain mutable holder, owned by the
 * thread that passes it in.
 */
public final class ImpliedVolResult
{
    public ImpliedVolStatus status = ImpliedVolStatus.INVALID_INPUT;
    public double vol = Double.NaN;

    public boolean isOk()
    {
        return status == ImpliedVolStatus.OK;
    }

    ImpliedVolStatus set(final ImpliedVolStatus status, final double vol)
    {
        this.status = status;
        this.vol = vol;
        return status;
    }
}
