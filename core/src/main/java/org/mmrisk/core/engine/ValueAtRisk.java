package org.mmrisk.core.engine;

import org.mmrisk.core.config.EngineConfig;
import org.mmrisk.core.config.VarConfig;
import org.mmrisk.core.state.StateIo;
import org.mmrisk.core.var.IndexCovariance;
import org.mmrisk.core.var.QuadraticFormVar;

import java.util.List;

/**
 * The engine's value at risk (docs/var.md): each underlying on its own and the portfolio, delta-normal and
 * delta-gamma (Cornish–Fisher) from the underlyings' aggregated delta and gamma, their indices, and the horizon
 * covariance of the index log-returns — configured, else estimated on the sample grid ({@link IndexCovariance}),
 * else the fallback — plus an optional vega factor per underlying. The one writer of every {@link UnderlyingVar},
 * of the portfolio figures and of the estimator.
 * <p>
 * Cost: O(U³) in the underlyings U, nothing per position. Owned by the engine thread; allocation-free except when an
 * underlying first appears (its slot).
 */
public final class ValueAtRisk
{
    private final EngineConfig config;
    private final EngineContext ctx;
    private final VarConfig settings;
    private final IndexCovariance estimator;
    private final VarMatrix matrix = new VarMatrix();
    private QuadraticFormVar form = new QuadraticFormVar(4);
    /** Per slot: the configured vol (NaN: estimated) and the vol used; per slot pair: configured and used ρ. */
    private double[] configuredVol = new double[0];
    private double[] volOfVol = new double[0];
    private double[] volIndexRho = new double[0];
    private double[] configuredRho = new double[0];
    private double[] volUsed = new double[0];
    private double[] rhoUsed = new double[0];
    private int cachedSlots;
    private int stride;
    private boolean dirty;

    private double portfolioDeltaNormalUsd = Double.NaN;
    private double portfolioDeltaGammaUsd = Double.NaN;
    private double portfolioLiquidityCostUsd = Double.NaN;

    /**
     * @param ctx the engine's context, read for the venues whose parked fills make an underlying's risk unknown.
     */
    ValueAtRisk(final EngineConfig config, final EngineContext ctx)
    {
        this.config = config;
        this.ctx = ctx;
        this.settings = config.var();
        this.estimator = new IndexCovariance(settings.sampleIntervalNs(), settings.halfLifeNs(), 4);
    }

    /**
     * At a batch end after the exposure of {@code u} is up to date: recomputes its own VaR when VaR is on and the
     * batch revalued it or the estimator took a sample since.
     */
    void updateUnderlying(final UnderlyingRisk u, final boolean revalued, final long nowNs)
    {
        if (!settings.enabled())
        {
            return;
        }
        final UnderlyingVar v = u.valueAtRisk();
        if (revalued || v.computedAtSample != estimator.samples())
        {
            v.computedAtSample = estimator.samples();
            computeUnderlying(u, nowNs);
            dirty = true;
        }
    }

    /**
     * After every underlying's update: the portfolio's VaR, when any underlying's changed.
     */
    void updatePortfolio(final List<UnderlyingRisk> underlyings, final long nowNs)
    {
        if (dirty)
        {
            computePortfolio(underlyings, nowNs);
            dirty = false;
        }
    }

    /**
     * Last at a batch end: samples every index when the grid's next point has passed (VaR computed at later batch
     * ends uses it).
     */
    void sampleIfDue(final List<UnderlyingRisk> underlyings, final long nowNs)
    {
        if (!estimator.isDue(nowNs))
        {
            return;
        }
        for (int i = 0, n = underlyings.size(); i < n; i++)
        {
            final UnderlyingRisk u = underlyings.get(i);
            estimator.observe(slot(u), u.indexUsd());
        }
        estimator.commit(nowNs);
    }

    /**
     * Recomputes every figure now (reports: the replay state, whatever {@code engine.var.enabled} says).
     */
    public void computeAll(final List<UnderlyingRisk> underlyings, final long nowNs)
    {
        for (int i = 0, n = underlyings.size(); i < n; i++)
        {
            computeUnderlying(underlyings.get(i), nowNs);
        }
        computePortfolio(underlyings, nowNs);
    }

    private void computeUnderlying(final UnderlyingRisk u, final long nowNs)
    {
        final UnderlyingVar v = u.valueAtRisk();
        final int s = slot(u);
        if (!inScope(u) || isUnknown(u))
        {
            v.clear();
            return;
        }
        final double vol = vol(s);
        final int factors = 1 + (vegaLoading(u, vol, nowNs) != 0 ? 1 : 0);
        ensureForm(factors);
        form.reset(factors);
        final double h = settings.horizonYears();
        final double index = u.indexUsd();
        form.factor(0, u.delta(), u.gamma());
        form.covariance(0, 0, index * index * vol * vol * h);
        if (factors == 2)
        {
            final double nu = volOfVol[s];
            form.factor(1, vegaLoading(u, vol, nowNs), 0);
            form.covariance(1, 1, nu * nu * h);
            form.covariance(0, 1, index * vol * nu * volIndexRho[s] * h);
        }
        form.compute(settings.zScore());
        v.volUsed = vol;
        v.deltaNormalUsd = finiteOrNaN(form.deltaNormal());
        v.deltaGammaUsd = finiteOrNaN(form.deltaGamma());
    }

    private void computePortfolio(final List<UnderlyingRisk> underlyings, final long nowNs)
    {
        final int n = matrix.load(this, underlyings);
        if (n == 0 || anyUnknown(underlyings))
        {
            portfolioDeltaNormalUsd = Double.NaN;
            portfolioDeltaGammaUsd = Double.NaN;
            portfolioLiquidityCostUsd = Double.NaN;
            return;
        }
        matrix.repairCorrelations(this);
        int vegaFactors = 0;
        for (int i = 0; i < n; i++)
        {
            final UnderlyingRisk u = matrix.underlying(i);
            vegaFactors += vegaLoading(u, vol(slot(u)), nowNs) != 0 ? 1 : 0;
        }
        ensureForm(n + vegaFactors);
        form.reset(n + vegaFactors);
        matrix.fill(this, form, settings, nowNs);
        form.compute(settings.zScore());
        portfolioDeltaNormalUsd = finiteOrNaN(form.deltaNormal());
        portfolioDeltaGammaUsd = finiteOrNaN(form.deltaGamma());
        double cost = 0;
        for (int i = 0; i < n; i++)
        {
            cost += matrix.underlying(i).liquidity().costUsd();
        }
        portfolioLiquidityCostUsd = cost;
    }

    /**
     * @return USD per unit log-change of the ATM vol: vega (USD per vol point) × 100 × the ATM vol; 0 when the
     * underlying has no vega factor or no ATM vol.
     */
    double vegaLoading(final UnderlyingRisk u, final double indexVol, final long nowNs)
    {
        if (Double.isNaN(volOfVol[slot(u)]))
        {
            return 0;
        }
        final double atm = VarMatrix.atmVol(u.surface(), nowNs);
        final double loading = u.vega() * 100 * atm;
        return Double.isFinite(loading) ? loading : 0;
    }

    /**
     * A position the engine cannot price, or a fill parked on an instrument not yet defined, leaves the underlying's
     * delta and gamma short of the book: its VaR is unknown rather than understated, as its margin is.
     */
    boolean isUnknown(final UnderlyingRisk u)
    {
        return u.unpricedPositions() > 0 || ctx.isVenueParked(u);
    }

    /**
     * @return true when an underlying with an index has unknown risk: the portfolio's VaR is then unknown too.
     */
    private boolean anyUnknown(final List<UnderlyingRisk> underlyings)
    {
        for (int i = 0, count = underlyings.size(); i < count; i++)
        {
            final UnderlyingRisk u = underlyings.get(i);
            if (u.indexUsd() > 0 && isUnknown(u))
            {
                return true;
            }
        }
        return false;
    }

    static boolean inScope(final UnderlyingRisk u)
    {
        return u.indexUsd() > 0 && Double.isFinite(u.delta()) && Double.isFinite(u.gamma());
    }

    private void ensureForm(final int factors)
    {
        if (factors > form.capacity())
        {
            form = new QuadraticFormVar(Math.max(factors, 2 * form.capacity()));
        }
    }

    int slot(final UnderlyingRisk u)
    {
        final int s = estimator.slotOf(u.code());
        if (s >= cachedSlots)
        {
            cacheConfigured();
        }
        return s;
    }

    /**
     * The configured vols and correlations of every slot, looked up once when a slot appears (the maps box).
     */
    private void cacheConfigured()
    {
        final int slots = estimator.slots();
        // the matrices grow geometrically, and only when the slots outgrow them
        final int newStride = slots <= stride ? stride : Math.max(slots, 2 * stride);
        final double[] oldRhoUsed = rhoUsed;
        configuredVol = java.util.Arrays.copyOf(configuredVol, newStride);
        volOfVol = java.util.Arrays.copyOf(volOfVol, newStride);
        volIndexRho = java.util.Arrays.copyOf(volIndexRho, newStride);
        volUsed = java.util.Arrays.copyOf(volUsed, newStride);
        configuredRho = new double[newStride * newStride];
        rhoUsed = new double[newStride * newStride];
        for (int a = 0; a < slots; a++)
        {
            configuredVol[a] = settings.vol(estimator.code(a));
            volOfVol[a] = settings.volOfVol(estimator.code(a));
            volIndexRho[a] = settings.volIndexCorrelation(estimator.code(a));
            for (int b = 0; b < slots; b++)
            {
                configuredRho[a * newStride + b] = a == b ? 1 : settings.correlation(estimator.code(a),
                    estimator.code(b));
                if (a < cachedSlots && b < cachedSlots)
                {
                    rhoUsed[a * newStride + b] = oldRhoUsed[a * stride + b];
                }
            }
        }
        stride = newStride;
        cachedSlots = slots;
    }

    /**
     * @return the annual vol of a slot's index: configured, else estimated once it has minSamples returns, else
     * {@code engine.indexVolatility}.
     */
    double vol(final int s)
    {
        double vol = configuredVol[s];
        if (Double.isNaN(vol))
        {
            vol = estimator.count(s, s) >= settings.minSamples() ? Math.sqrt(estimator.covarianceRate(s, s)) :
                config.indexVolatility();
        }
        volUsed[s] = vol;
        return vol;
    }

    /**
     * @return the correlation of two slots' index returns before any repair: configured, else estimated once the pair
     * has minSamples returns, else {@code engine.var.defaultCorrelation}.
     */
    double rawCorrelation(final int a, final int b)
    {
        if (a == b)
        {
            return 1;
        }
        final double configured = configuredRho[a * stride + b];
        if (!Double.isNaN(configured))
        {
            return configured;
        }
        if (estimator.count(a, b) >= settings.minSamples())
        {
            final double rho = estimator.covarianceRate(a, b) /
                Math.sqrt(estimator.covarianceRate(a, a) * estimator.covarianceRate(b, b));
            if (Double.isFinite(rho))
            {
                return Math.max(-1, Math.min(1, rho));
            }
        }
        return settings.defaultCorrelation();
    }

    /**
     * @return the annual vol of the log ATM vol of a slot (NaN: no vega factor).
     */
    double volOfVol(final int s)
    {
        return volOfVol[s];
    }

    double volIndexCorrelation(final int s)
    {
        return volIndexRho[s];
    }

    /**
     * @return the annual vol of the underlying's index the last figures used.
     */
    public double volUsed(final UnderlyingRisk u)
    {
        return volUsed[slot(u)];
    }

    boolean isConfiguredCorrelation(final int a, final int b)
    {
        return !Double.isNaN(configuredRho[a * stride + b]);
    }

    void correlationUsed(final int a, final int b, final double rho)
    {
        rhoUsed[a * stride + b] = rho;
        rhoUsed[b * stride + a] = rho;
    }

    /**
     * @return the correlation the last portfolio figure used between two underlyings (after any repair).
     */
    public double correlationUsed(final UnderlyingRisk a, final UnderlyingRisk b)
    {
        return rhoUsed[slot(a) * stride + slot(b)];
    }

    public double portfolioDeltaNormalUsd()
    {
        return portfolioDeltaNormalUsd;
    }

    public double portfolioDeltaGammaUsd()
    {
        return portfolioDeltaGammaUsd;
    }

    /**
     * @return Σ of the in-scope underlyings' unwinding costs, USD.
     */
    public double portfolioLiquidityCostUsd()
    {
        return portfolioLiquidityCostUsd;
    }

    public double portfolioLiquidityAdjustedUsd()
    {
        return portfolioDeltaGammaUsd + portfolioLiquidityCostUsd;
    }

    /**
     * @return the estimator (tests, reports).
     */
    public IndexCovariance estimator()
    {
        return estimator;
    }

    private static double finiteOrNaN(final double value)
    {
        return Double.isFinite(value) ? value : Double.NaN;
    }

    void exchangeState(final StateIo io, final List<UnderlyingRisk> underlyings)
    {
        estimator.exchangeState(io);
        if (io.isReading())
        {
            cacheConfigured();
        }
        for (int i = 0, n = underlyings.size(); i < n; i++)
        {
            underlyings.get(i).valueAtRisk().exchangeState(io);
        }
        portfolioDeltaNormalUsd = io.f64(portfolioDeltaNormalUsd);
        portfolioDeltaGammaUsd = io.f64(portfolioDeltaGammaUsd);
        portfolioLiquidityCostUsd = io.f64(portfolioLiquidityCostUsd);
        dirty = io.bool(dirty);
        final int slots = estimator.slots();
        for (int a = 0; a < slots; a++)
        {
            volUsed[a] = io.f64(volUsed[a]);
            for (int b = 0; b < slots; b++)
            {
                rhoUsed[a * stride + b] = io.f64(rhoUsed[a * stride + b]);
            }
        }
    }
}
