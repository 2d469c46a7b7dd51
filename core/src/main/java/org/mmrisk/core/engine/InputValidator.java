package org.mmrisk.core.engine;

import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.EventType;
import org.mmrisk.core.event.InstrumentKind;
import org.mmrisk.core.event.PutCall;
import org.mmrisk.core.event.RiskEvent;

/**
 * Checks the values of an input event before the engine lets it touch state: the same rules for the daemon and
 * for replay. Stateless apart from the time it is given; allocation-free.
 *
 * @see RejectReason
 */
final class InputValidator
{
    private InputValidator()
    {
    }

    static RejectReason validateInstrument(final RiskEvent e, final long nowNs)
    {
        if (e.kind == null || e.settlement == null || e.contractUnit == null || e.symbolLength == 0)
        {
            return RejectReason.MISSING_FIELD;
        }
        if (e.instrumentId <= 0 || !AsciiCode.isWellFormed(e.venue) || !AsciiCode.isWellFormed(e.underlying) ||
            !AsciiCode.isWellFormed(e.quoteCurrency) || !AsciiCode.isWellFormed(e.settleCurrency))
        {
            return RejectReason.INVALID_VALUE;
        }
        final RejectReason sizes = positiveFinite(e.contractSize, e.tickSize);
        if (sizes != null)
        {
            return sizes == RejectReason.NON_POSITIVE_PRICE ? RejectReason.INVALID_VALUE : sizes;
        }
        if (e.kind == InstrumentKind.FUTURE || e.kind == InstrumentKind.OPTION)
        {
            if (e.expiryNs == RiskEvent.NULL_TIME)
            {
                return RejectReason.MISSING_FIELD;
            }
            if (e.expiryNs <= nowNs)
            {
                return RejectReason.EXPIRED_INSTRUMENT;
            }
        }
        if (e.kind == InstrumentKind.OPTION)
        {
            if (Double.isNaN(e.strike) || e.putCall == null || e.putCall == PutCall.NONE)
            {
                return RejectReason.MISSING_FIELD;
            }
            return positiveFinite(e.strike, 1.0);
        }
        return null;
    }

    /**
     * Bid and ask are required; a side at zero means nothing is quoted on that side. Optional fields (mark, mark IV,
     * the venue's forward, the displayed sizes), when present, must be finite and positive.
     */
    static RejectReason validateTick(final RiskEvent e)
    {
        if (Double.isNaN(e.bid) || Double.isNaN(e.ask))
        {
            return RejectReason.MISSING_FIELD;
        }
        if (Double.isInfinite(e.bid) || Double.isInfinite(e.ask))
        {
            return RejectReason.NOT_FINITE;
        }
        if (e.bid < 0 || e.ask < 0 || (e.bid == 0 && e.ask == 0))
        {
            return RejectReason.NON_POSITIVE_PRICE;
        }
        if (e.bid > 0 && e.ask > 0 && e.bid > e.ask)
        {
            return RejectReason.CROSSED_MARKET;
        }
        final RejectReason optional = optionalPositive(e.mark);
        if (optional != null)
        {
            return optional;
        }
        final RejectReason iv = optionalPositive(e.markIv);
        if (iv != null)
        {
            return iv;
        }
        final RejectReason sizes = optionalSizes(e.bid, e.bidSize, e.ask, e.askSize);
        if (sizes != null)
        {
            return sizes;
        }
        if (Double.isInfinite(e.fundingRate))
        {
            return RejectReason.NOT_FINITE;
        }
        if (Math.abs(e.fundingRate) >= 1)
        {
            return RejectReason.INVALID_VALUE;
        }
        return optionalPositive(e.underlyingPrice);
    }

    static RejectReason validateFill(final RiskEvent e)
    {
        if (e.side == null || e.fillIdLength == 0 || e.exchangeTimeNs == RiskEvent.NULL_TIME ||
            Double.isNaN(e.quantity) || Double.isNaN(e.price))
        {
            return RejectReason.MISSING_FIELD;
        }
        if (!Double.isFinite(e.quantity) || !Double.isFinite(e.price) || !Double.isFinite(e.fee))
        {
            return RejectReason.NOT_FINITE;
        }
        if (e.quantity <= 0)
        {
            return RejectReason.NON_POSITIVE_QUANTITY;
        }
        if (e.price <= 0)
        {
            return RejectReason.NON_POSITIVE_PRICE;
        }
        if (!AsciiCode.isWellFormed(e.venue) || (e.fee != 0 && !AsciiCode.isWellFormed(e.feeCurrency)))
        {
            return RejectReason.INVALID_VALUE;
        }
        return null;
    }

    static RejectReason validatePosition(final RiskEvent e)
    {
        if (Double.isNaN(e.quantity))
        {
            return RejectReason.MISSING_FIELD;
        }
        if (!Double.isFinite(e.quantity))
        {
            return RejectReason.NOT_FINITE;
        }
        if (e.quantity != 0)
        {
            return positiveFinite(e.price, 1.0);
        }
        return null;
    }

    /**
     * The event's own fields: a code for the underlying, a smile in a {@code vol} event, finite parameters. Whether
     * the smiles make a valid surface, an expiry after engine time and a surface with a smile in it included, is the
     * surface's check ({@code VolSurface}), reported like every smile check: INVALID_SMILE with its detail and an
     * alert.
     */
    static RejectReason validateSmiles(final RiskEvent e)
    {
        if (!AsciiCode.isWellFormed(e.underlying))
        {
            return RejectReason.INVALID_VALUE;
        }
        if (e.type == EventType.VOL && e.smileCount == 0)
        {
            return RejectReason.MISSING_FIELD;
        }
        for (int i = 0; i < e.smileCount; i++)
        {
            if (!Double.isFinite(e.sviA[i]) || !Double.isFinite(e.sviB[i]) || !Double.isFinite(e.sviRho[i]) ||
                !Double.isFinite(e.sviM[i]) || !Double.isFinite(e.sviSigma[i]))
            {
                return RejectReason.NOT_FINITE;
            }
        }
        return null;
    }

    static RejectReason validateControl(final RiskEvent e)
    {
        if (e.command == null)
        {
            return RejectReason.MISSING_FIELD;
        }
        if (e.underlying != AsciiCode.NONE && !AsciiCode.isWellFormed(e.underlying))
        {
            return RejectReason.INVALID_CONTROL;
        }
        switch (e.command)
        {
            case SET_LIMIT:
                return e.limitNameLength == 0 || !Double.isFinite(e.value) ? RejectReason.INVALID_CONTROL : null;
            case CLEAR_LIMIT:
                return e.limitNameLength == 0 ? RejectReason.INVALID_CONTROL : null;
            case SET_EQUITY:
                return Double.isFinite(e.value) && e.underlying != AsciiCode.NONE ? null : RejectReason.INVALID_CONTROL;
            default:
                return null;
        }
    }

    private static RejectReason positiveFinite(final double a, final double b)
    {
        if (Double.isNaN(a) || Double.isNaN(b))
        {
            return RejectReason.MISSING_FIELD;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b))
        {
            return RejectReason.NOT_FINITE;
        }
        return a > 0 && b > 0 ? null : RejectReason.NON_POSITIVE_PRICE;
    }

    /**
     * Displayed sizes, when present, are contracts greater than zero: a size of zero or less is
     * {@link RejectReason#NON_POSITIVE_PRICE} (the reason every non-positive quantity of a tick takes), an infinite
     * one {@link RejectReason#NOT_FINITE}.
     */
    private static RejectReason optionalSizes(final double bid, final double bidSize, final double ask,
        final double askSize)
    {
        final RejectReason bidReason = optionalSize(bid, bidSize);
        return bidReason != null ? bidReason : optionalSize(ask, askSize);
    }

    /**
     * A side quoted at 0 is empty: venues send its size as 0, which says nothing and must not cost the tick its other
     * side and marks.
     */
    private static RejectReason optionalSize(final double price, final double size)
    {
        return price == 0 && size == 0 ? null : optionalPositive(size);
    }

    private static RejectReason optionalPositive(final double value)
    {
        if (Double.isNaN(value))
        {
            return null;
        }
        if (Double.isInfinite(value))
        {
            return RejectReason.NOT_FINITE;
        }
        return value > 0 ? null : RejectReason.NON_POSITIVE_PRICE;
    }
}
