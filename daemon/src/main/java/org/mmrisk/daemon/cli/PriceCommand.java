package org.mmrisk.daemon.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mmrisk.core.pricing.Black76;
import org.mmrisk.core.pricing.InverseOptionGreeks;
import org.mmrisk.core.pricing.InverseOptions;
import org.mmrisk.core.pricing.OptionGreeks;
import org.mmrisk.daemon.json.PricingJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code risk price}: one option's Black-76 price and Greeks as one JSON object on stdout (keys and units in
 * {@link PricingJson}). LINEAR is priced in USD with discounting at {@code --rate}; INVERSE (coin-settled) at r = 0,
 * its {@code price} being the coin premium.
 */
@Command(name = "price", mixinStandardHelpOptions = true,
    description = "Price one option (Black-76 on the forward) and print its Greeks as one JSON object.")
public final class PriceCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    ContractOptions contract;

    /**
     * The largest {@code --vol} taken without {@code --allow-extreme}: 10 = 1,000% a year, beyond any traded coin's
     * implied vol, while a percentage typed by mistake (55 for 55%) is well above it.
     */
    public static final double MAX_VOL = 10.0;

    @Option(names = "--vol", required = true, paramLabel = "V", converter = NumberConverters.PositiveFinite.class,
        description = "Black volatility per square-root year, as a fraction (0.55 for 55%%), at most " + MAX_VOL +
            " without --allow-extreme")
    double volPerSqrtYear;

    @Option(names = "--allow-extreme", description = "price a --vol above " + MAX_VOL + " (1,000%%) too")
    boolean allowExtreme;

    @Override
    public Integer call()
    {
        contract.checkRateAllowed();
        checkVol();
        final PricingJson json = new PricingJson();
        final ObjectNode result;
        if (contract.isInverse())
        {
            final InverseOptionGreeks greeks = new InverseOptionGreeks();
            InverseOptions.greeks(contract.isCall(), contract.forwardUsd, contract.strikeUsd, contract.years,
                volPerSqrtYear, greeks);
            result = json.inverse(greeks);
        }
        else
        {
            final OptionGreeks greeks = new OptionGreeks();
            Black76.greeks(contract.isCall(), contract.forwardUsd, contract.strikeUsd, contract.years,
                volPerSqrtYear, contract.ratePerYear, greeks);
            result = json.linear(greeks);
        }
        spec.commandLine().getOut().println(result);
        return 0;
    }

    /**
     * @throws ParameterException a usage error naming {@code --vol} and its value, above {@link #MAX_VOL} without
     *                            {@code --allow-extreme}: almost always a percentage typed for a fraction.
     */
    private void checkVol()
    {
        if (volPerSqrtYear > MAX_VOL && !allowExtreme)
        {
            final List<String> typed = spec.findOption("--vol").originalStringValues();
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                "Invalid value for option '--vol': '%s' is %,.0f%% a year, above %s (%,.0f%%); volatilities are " +
                "fractions (0.55 for 55%%): for %s%% write %s, or give --allow-extreme to price it as it is",
                typed.isEmpty() ? text(volPerSqrtYear) : typed.get(typed.size() - 1), volPerSqrtYear * 100,
                text(MAX_VOL), MAX_VOL * 100, text(volPerSqrtYear), text(volPerSqrtYear / 100)));
        }
    }

    private static String text(final double value)
    {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
