package org.mmrisk.core.engine;

import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.event.ContractUnit;
import org.mmrisk.core.exposure.ContractRisk;
import org.mmrisk.core.instrument.Instrument;
import org.mmrisk.core.scenario.ScenarioContract;
import org.mmrisk.core.time.YearFraction;

/**
 * Puts an instrument's scenario contract at the current market: the index now, its forward moved with the index
 * from its last exact revaluation (basis held, as between revaluations), the implied vol it is priced with and its
 * time to expiry now. Stateless; owned by the engine thread (or a report's thread).
 */
final class ScenarioCentre
{
    private ScenarioCentre()
    {
    }

    /**
     * @return false when the instrument is not priced (no centre: its position is unknown risk).
     */
    static boolean centre(final InstrumentState state, final double indexUsd, final long nowNs,
        final EngineConfig config, final ScenarioContract out)
    {
        final ContractRisk risk = state.risk();
        if (!risk.priced || !(indexUsd > 0) || !(risk.anchorIndexUsd > 0))
        {
            return false;
        }
        final Instrument instrument = state.instrument();
        final double forward = risk.forward * indexUsd / risk.anchorIndexUsd;
        switch (instrument.kind())
        {
            case OPTION:
                final double years = YearFraction.years(nowNs, instrument.expiryNs());
                final double pricingYears = years > 0 ? Math.max(years, config.optionTimeFloorYears()) : 0;
                out.option(instrument.isInverse(), instrument.isCall(), instrument.strike(), instrument.contractSize(),
                    indexUsd, forward, risk.iv, pricingYears, Math.max(years, 0) * YearFraction.DAYS_PER_YEAR,
                    config.scenario());
                return Double.isFinite(risk.iv) && forward > 0;
            case FUTURE:
            case PERPETUAL:
                out.future(instrument.isInverse(), instrument.contractSize(), indexUsd, forward);
                return forward > 0;
            default:
                // spot and index: coins held; a USD-sized contract holds its USD's worth of coins at the index
                final double coins = instrument.contractUnit() == ContractUnit.USD ?
                    instrument.contractSize() / indexUsd : instrument.contractSize();
                out.spot(coins, indexUsd);
                return true;
        }
    }
}
