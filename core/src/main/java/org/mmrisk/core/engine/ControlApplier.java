package org.mmrisk.core.engine;

import org.mmrisk.core.event.AsciiCode;
import org.mmrisk.core.event.ControlCommand;
import org.mmrisk.core.event.RiskEvent;
import org.mmrisk.core.limits.LimitKind;
import org.mmrisk.core.limits.PortfolioLimitKind;
import org.mmrisk.core.output.AlertCode;
import org.mmrisk.core.quoting.QuotingGuard;

/**
 * Operator commands from the control queue, in journal order: halt, resume, setting and clearing limits and the
 * coin balance. Each is validated (its value within {@code engine.inputBounds.maxControlValue}) and echoed as an
 * alert (the audit trail). Owned by the engine thread.
 */
final class ControlApplier
{
    /** The currency code of a SET_EQUITY in USD. */
    static final long USD = AsciiCode.pack("USD");

    private final EngineContext ctx;
    private final QuotingGuard guard;
    private final BoundsCheck bounds;

    ControlApplier(final EngineContext ctx, final QuotingGuard guard)
    {
        this.ctx = ctx;
        this.guard = guard;
        this.bounds = new BoundsCheck(ctx);
    }

    /**
     * Validates, applies and echoes one command; a rejected one is alerted with its reason and changes nothing. The
     * alert carries the command, its arguments, its source and its correlation id (the audit trail).
     */
    RejectReason onControl(final RiskEvent event)
    {
        final RejectReason reason = check(event);
        if (reason != null)
        {
            ctx.raiseControl(AlertCode.CONTROL_REJECTED, event, reason);
            return reason;
        }
        final boolean limitCommand = isLimitCommand(event.command);
        final PortfolioLimitKind portfolioLimit = limitCommand ?
            PortfolioLimitKind.fromKey(event.limitName, event.limitNameLength) : null;
        final boolean portfolioWide = portfolioLimit != null && event.underlying == AsciiCode.NONE;
        final LimitKind limit = limitCommand ? LimitKind.fromKey(event.limitName, event.limitNameLength) : null;
        // a cleared limit is NaN: the ladder reads it as no limit, as an unconfigured one
        final double limitValue = event.command == ControlCommand.CLEAR_LIMIT ? Double.NaN : event.value;
        switch (event.command)
        {
            case HALT:
                setOperatorHalt(event.underlying, true);
                break;
            case RESUME:
                setOperatorHalt(event.underlying, false);
                break;
            case SET_LIMIT:
            case CLEAR_LIMIT:
                if (portfolioWide)
                {
                    ctx.portfolio.setLimit(portfolioLimit, limitValue);
                    ctx.touchAll();
                }
                else
                {
                    setLimit(event.underlying, limit, limitValue);
                }
                break;
            case SET_EQUITY:
                if (event.currency == USD)
                {
                    setUsdBalance(event.underlying, event.value);
                }
                else
                {
                    setCoinBalance(event.underlying, event.value);
                }
                break;
            default:
                break;
        }
        ctx.counters.increment(EngineCounter.CONTROLS);
        ctx.raiseControl(AlertCode.CONTROL_APPLIED, event, null);
        return null;
    }

    /**
     * @return why the command cannot be applied, or null. An underlying is known once an instrument of it was
     * defined or when the configuration names it: a command for any other (a typo) would otherwise create it.
     */
    private RejectReason check(final RiskEvent event)
    {
        final RejectReason reason = InputValidator.validateControl(event);
        if (reason != null)
        {
            return reason;
        }
        if (event.underlying != AsciiCode.NONE && ctx.underlyingOrNull(event.underlying) == null &&
            !ctx.config.namesUnderlying(event.underlying))
        {
            return RejectReason.UNKNOWN_UNDERLYING;
        }
        if (event.command == ControlCommand.SET_EQUITY && event.currency != AsciiCode.NONE &&
            event.currency != USD && event.currency != event.underlying)
        {
            return RejectReason.INVALID_CONTROL;
        }
        if (isLimitCommand(event.command))
        {
            final boolean known = LimitKind.fromKey(event.limitName, event.limitNameLength) != null ||
                event.underlying == AsciiCode.NONE &&
                PortfolioLimitKind.fromKey(event.limitName, event.limitNameLength) != null;
            if (!known || event.command == ControlCommand.SET_LIMIT && !(event.value > 0))
            {
                return RejectReason.INVALID_CONTROL;
            }
        }
        return bounds.control(event);
    }

    private static boolean isLimitCommand(final ControlCommand command)
    {
        return command == ControlCommand.SET_LIMIT || command == ControlCommand.CLEAR_LIMIT;
    }

    /**
     * The account's USD balance, as the venue reports it (the engine then adds the USD cash flows of later fills).
     */
    private void setUsdBalance(final long code, final double usd)
    {
        final UnderlyingRisk underlying = ctx.underlying(code);
        underlying.usdAccount().setEquity(usd);
        underlying.marks().markDirty();
    }

    /**
     * The account's coin balance, as the venue reports it (the engine then adds the cash flows of later fills).
     */
    private void setCoinBalance(final long code, final double coins)
    {
        final UnderlyingRisk underlying = ctx.underlying(code);
        underlying.sums().beginTrade();
        underlying.account().setEquity(coins);
        underlying.sums().recordTrade();
        underlying.marks().markDirty();
    }

    /**
     * HALT pulls every quote of the underlying (or of all) until RESUME; RESUME also acknowledges unknown risk, so
     * quoting resumes on the positions the engine can price. Limits and stale data keep their own rungs. A configured
     * underlying not seen yet is created, so the command holds when its instruments arrive.
     */
    private void setOperatorHalt(final long code, final boolean halt)
    {
        if (code != AsciiCode.NONE)
        {
            ctx.underlying(code);
        }
        for (int i = 0, n = ctx.underlyings.size(); i < n; i++)
        {
            final UnderlyingRisk underlying = ctx.underlyings.get(i);
            if (code == AsciiCode.NONE || underlying.code() == code)
            {
                guard.setOperatorHalt(underlying, halt);
                underlying.marks().markDirty();
            }
        }
    }

    private void setLimit(final long code, final LimitKind limit, final double value)
    {
        if (code != AsciiCode.NONE)
        {
            ctx.underlying(code);
        }
        for (int i = 0, n = ctx.underlyings.size(); i < n; i++)
        {
            final UnderlyingRisk underlying = ctx.underlyings.get(i);
            if (code == AsciiCode.NONE || underlying.code() == code)
            {
                guard.setLimit(underlying, limit, value);
                underlying.marks().markDirty();
            }
        }
    }
}
