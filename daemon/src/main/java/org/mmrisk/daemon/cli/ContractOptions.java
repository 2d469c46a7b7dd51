package org.mmrisk.daemon.cli;

import org.mmrisk.core.event.Settlement;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The option contract shared by {@code risk price} and {@code risk iv} (a picocli mixin): forward, strike, time to
 * expiry, right, settlement and discount rate. Every number is checked by its converter, so a command that runs
 * has finite values with F, K and T positive.
 */
public final class ContractOptions
{
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--forward", required = true, paramLabel = "F", converter = NumberConverters.PositiveFinite.class,
        description = "forward of the expiry, USD per coin")
    double forwardUsd;

    @Option(names = "--strike", required = true, paramLabel = "K", converter = NumberConverters.PositiveFinite.class,
        description = "strike, USD per coin")
    double strikeUsd;

    @Option(names = "--years", required = true, paramLabel = "T", converter = NumberConverters.PositiveFinite.class,
        description = "time to expiry in years (ACT/365.25)")
    double years;

    @Option(names = "--type", required = true, paramLabel = "CALL|PUT", description = "CALL or PUT")
    OptionType type;

    @Option(names = "--settlement", paramLabel = "LINEAR|INVERSE", defaultValue = "LINEAR",
        description = "LINEAR (USD-settled, default) or INVERSE (coin-settled: the premium is in coins, r = 0)")
    Settlement settlement;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "0", converter = NumberConverters.Finite.class,
        description = "continuously compounded discount rate per year, as a fraction (default 0; LINEAR only)")
    double ratePerYear;

    public boolean isCall()
    {
        return type.isCall();
    }

    public boolean isInverse()
    {
        return settlement == Settlement.INVERSE;
    }

    /**
     * Refuses a non-zero {@code --rate} with {@code --settlement INVERSE}: coin-settled options are priced
     * undiscounted (the venues' convention), so a rate there would be silently ignored.
     *
     * @throws ParameterException a usage error naming {@code --rate}.
     */
    public void checkRateAllowed()
    {
        if (isInverse() && ratePerYear != 0.0)
        {
            throw new ParameterException(mixee.commandLine(),
                "Invalid value for option '--rate': must be 0 with --settlement INVERSE (coin-settled options are " +
                "priced with r = 0), was " + ratePerYear);
        }
    }
}
