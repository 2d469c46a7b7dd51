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
import picocli.CommandLine.Spec;

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

    @Option(names = "--vol", required = true, paramLabel = "V", converter = NumberConverters.PositiveFinite.class,
        description = "Black volatility per square-root year, as a fraction (0.55 for 55%%)")
    double volPerSqrtYear;

    @Override
    public Integer call()
    {
        contract.checkRateAllowed();
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
}
