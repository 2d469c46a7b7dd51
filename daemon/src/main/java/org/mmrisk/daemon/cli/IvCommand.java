package org.mmrisk.daemon.cli;

import org.mmrisk.core.pricing.Black76;
import org.mmrisk.core.pricing.ImpliedVol;
import org.mmrisk.core.pricing.ImpliedVolResult;
import org.mmrisk.daemon.json.PricingJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code risk iv}: the Black-76 volatility that reproduces an option price, as {@code {"iv": …}}, or
 * {@code {"iv": null, "reason": …}} when none does (see {@link PricingJson#impliedVol}). With INVERSE the price is a
 * coin premium, solved as the USD price P·F at r = 0. Under the price function's near-expiry cut-off, where
 * {@code risk price} prints the intrinsic value, no volatility is implied: the reason is INTRINSIC_ONLY, with the
 * cut-off and that intrinsic value. A price that has no volatility is an answer, not an error: the exit code is 0.
 */
@Command(name = "iv", mixinStandardHelpOptions = true,
    description = "Implied Black-76 volatility of an option price, as one JSON object.")
public final class IvCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    ContractOptions contract;

    @Option(names = "--price", required = true, paramLabel = "P", converter = NumberConverters.Finite.class,
        description = "option price: USD (LINEAR, discounted at --rate) or coins per coin of notional (INVERSE)")
    double price;

    @Override
    public Integer call()
    {
        contract.checkRateAllowed();
        final double priceUsd = contract.isInverse() ? price * contract.forwardUsd : price;
        final ImpliedVolResult result = new ImpliedVolResult();
        ImpliedVol.solve(priceUsd, contract.forwardUsd, contract.strikeUsd, contract.years, contract.isCall(),
            contract.ratePerYear, result);
        // vol 0 is under the cut-off at any T: the discounted intrinsic value, what `risk price` prints there
        final double intrinsicUsd = Black76.price(contract.isCall(), contract.forwardUsd, contract.strikeUsd,
            contract.years, 0.0, contract.ratePerYear);
        final double intrinsic = contract.isInverse() ? intrinsicUsd / contract.forwardUsd : intrinsicUsd;
        spec.commandLine().getOut().println(new PricingJson().impliedVol(result, contract.years, intrinsic));
        return 0;
    }
}
