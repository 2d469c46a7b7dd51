package org.mmrisk.daemon.metrics;

import org.mmrisk.core.engine.EngineCounter;
import org.mmrisk.core.engine.RejectReason;
import org.mmrisk.daemon.codec.DecodeError;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which Prometheus metric each counter of the daemon's counters file becomes, by its exact label: a table, so that
 * every name, type and unit is chosen here and documented in docs/metrics.md, not derived from label text. Names
 * follow Prometheus conventions: {@code mmrisk_} prefix, base units in the name (seconds, bytes), {@code _total} on
 * counters (the text format adds it: the names here are the family names without it). A counter of the file that
 * this table does not know (a newer daemon's) is still exposed, as {@code mmrisk_unmapped_counter}. Immutable.
 */
public final class CounterMetricTable
{
    /** A Prometheus counter (monotonic; a restarted daemon starts it again, which Prometheus reads as a reset). */
    public static final boolean COUNTER = true;
    public static final boolean GAUGE = false;

    /**
     * One counter's metric: the family name (without {@code _total}), whether a counter, its help, one label (or
     * none: {@code labelName} null) and the factor from the counter's unit to the metric's base unit.
     */
    public record Metric(String name, boolean counter, String help, String labelName, String labelValue, double scale)
    {
    }

    private final Map<String, Metric> byLabel = new HashMap<>();

    /**
     * @param inputNames the daemon's inputs ({@code inputs} of its config): each has its own counters.
     */
    public CounterMetricTable(final List<String> inputNames)
    {
        daemonCounters();
        for (final String input : inputNames)
        {
            put("input " + input + ": messages read", "mmrisk_input_messages_read", COUNTER,
                "Messages ingress read from an input queue.", "input", input, 1);
            put("input " + input + ": last index read", "mmrisk_input_last_read_index", GAUGE,
                "Chronicle index of the last message ingress read from an input queue (a position).", "input",
                input, 1);
        }
        for (final DecodeError error : DecodeError.values())
        {
            put("ingress: rejected " + error.name(), "mmrisk_ingress_rejects", COUNTER,
                "Input messages ingress could not decode, by reason.", "reason", error.name(), 1);
        }
        for (final RejectReason reason : RejectReason.values())
        {
            put("engine: rejected " + reason.name(), "mmrisk_engine_rejects", COUNTER,
                "Input events the engine rejected, by reason.", "reason", reason.name(), 1);
        }
        for (final EngineCounter counter : EngineCounter.values())
        {
            byLabel.put("engine: " + counter.key(), engine(counter));
        }
    }

    /**
     * @return the metric of the counter with this label, or null when the table does not know it.
     */
    public Metric metric(final String label)
    {
        return byLabel.get(label);
    }

    private void daemonCounters()
    {
        put("ingress: ring events published", "mmrisk_ring_events_published", COUNTER,
            "Events ingress published into the ring (timers included).");
        put("ingress: batches", "mmrisk_ingress_batches", COUNTER, "Ingress duty cycles that published events.");
        put("ingress: timers injected", "mmrisk_ingress_timers_injected", COUNTER, "Timer events ingress injected.");
        put("ingress: waits on a full ring", "mmrisk_ingress_ring_full_waits", COUNTER,
            "Times ingress found the ring full and waited for the engine.");
        put("ingress: inputs stopped at an unreadable record", "mmrisk_ingress_input_stalls", COUNTER,
            "Inputs ingress stopped at because a record stayed unreadable.");
        put("journal: entries written", "mmrisk_journal_entries_written", COUNTER,
            "Events the journaller wrote to the input journal.");
        put("journal: last sequence written", "mmrisk_journal_position", GAUGE,
            "Journal sequence of the last event written (the journal's position).");
        put("egress: messages written", "mmrisk_egress_messages_written", COUNTER,
            "Messages egress wrote to the output queue (heartbeats included).");
        put("egress: heartbeats", "mmrisk_egress_heartbeats", COUNTER, "Heartbeats egress wrote.");
        put("egress: last output sequence", "mmrisk_egress_position", GAUGE,
            "Output sequence of the last output written (egress's position).");
        put("engine: lag behind ingress (events)", "mmrisk_ring_lag_events", GAUGE,
            "Events published into the ring that the engine has not handled yet.");
        put("engine: time (ns since epoch)", "mmrisk_engine_time_seconds", GAUGE,
            "Engine time, seconds since the epoch: ingress's stamp of the duty cycle the engine last finished.",
            null, null, 1e-9);
        put("recovery: journal events replayed at start-up", "mmrisk_recovery_replayed_events", GAUGE,
            "Journal events replayed at start-up to recover the engine's state.");
        put("recovery: outputs written again (lost by the previous run)", "mmrisk_recovery_rewritten_outputs", GAUGE,
            "Outputs written at start-up that the previous run had not written.");
        put("checkpoint: states taken (engine thread)", "mmrisk_checkpoints_taken", COUNTER,
            "Engine states copied for a checkpoint (on the engine thread).");
        put("checkpoint: skipped, writer still busy", "mmrisk_checkpoints_skipped", COUNTER,
            "Checkpoints skipped because the writer was still writing the previous one.");
        put("checkpoint: files written", "mmrisk_checkpoints_written", COUNTER, "Checkpoint files written.");
        put("checkpoint: files failed", "mmrisk_checkpoints_failed", COUNTER, "Checkpoint files that failed.");
        put("checkpoint: longest engine stall (ns)", "mmrisk_checkpoint_max_stall_seconds", GAUGE,
            "Longest time the engine thread spent copying its state for a checkpoint.", null, null, 1e-9);
        put("checkpoint: bytes of the last state", "mmrisk_checkpoint_last_size_bytes", GAUGE,
            "Size of the last engine state taken for a checkpoint.");
        put("retention: queue files deleted", "mmrisk_retention_queue_files_deleted", COUNTER,
            "Queue cycle files retention deleted.");
    }

    private static Metric engine(final EngineCounter counter)
    {
        // a switch expression with no default: a new engine counter does not compile until it is mapped here
        return switch (counter)
        {
            case EVENTS -> counter("mmrisk_engine_events", "Input events the engine handled (timers included).");
            case BATCHES -> counter("mmrisk_engine_batches", "Batches the engine finished.");
            case INSTRUMENTS_DEFINED -> input("instrument");
            case TICKS -> input("tick");
            case FILLS -> input("fill");
            case POSITIONS -> input("position");
            case VOL_UPDATES -> input("vol");
            case CONTROLS -> input("control");
            case TIMERS -> input("timer");
            case FILLS_UNDEFINED_INSTRUMENT -> fill("undefined_instrument");
            case FILLS_UNPRICEABLE -> fill("unpriceable");
            case FILLS_DUPLICATE -> fill("duplicate");
            case FILLS_HELD -> fill("held");
            case FILLS_EXCHANGE_TIME_BACKWARDS -> fill("exchange_time_backwards");
            case FILL_IDS_FORGOTTEN -> counter("mmrisk_engine_fill_ids_forgotten",
                "Fill ids forgotten after the duplicate horizon.");
            case FILL_IDS_EVICTED_EARLY -> counter("mmrisk_engine_fill_ids_evicted_early",
                "Fill ids evicted before the duplicate horizon because the id table was full.");
            case SETTLEMENTS -> counter("mmrisk_engine_settlements", "Expiry settlements.");
            case FUNDING_EVENTS -> counter("mmrisk_engine_funding_events", "Perpetual funding payments booked.");
            case REJECTED -> counter("mmrisk_engine_rejected_events",
                "Input events the engine rejected, all reasons (by reason: mmrisk_engine_rejects_total).");
            case TIME_CLAMPED -> counter("mmrisk_engine_time_clamped", "Events whose time was clamped forward.");
            case REVALUATIONS -> counter("mmrisk_engine_revaluations", "Option revaluations.");
            case FULL_REVALUATIONS -> counter("mmrisk_engine_full_revaluations", "Full option revaluations.");
            case JUMP_REVALUATIONS -> counter("mmrisk_engine_jump_revaluations",
                "Full revaluations forced by an index jump.");
            case BUDGET_REVALUATIONS -> counter("mmrisk_engine_budget_revaluations",
                "Revaluations made by the per-batch revaluation budget.");
            case REANCHORS -> counter("mmrisk_engine_reanchors", "Taylor re-anchors.");
            case MAX_APPROX_ERROR_PPB -> new Metric("mmrisk_engine_max_approx_error_ratio", GAUGE,
                "Largest re-anchor error of the incremental delta relative to gross delta, for all time.", null, null,
                1e-9);
            case QUOTES_EMITTED -> counter("mmrisk_quotes_emitted", "Quote adjustments the engine emitted.");
            case QUOTES_RATE_CAPPED -> counter("mmrisk_quotes_rate_capped",
                "Quote adjustments held back by the rate cap.");
            case SKEW_PASSES_SKIPPED -> counter("mmrisk_engine_skew_passes_skipped",
                "Skew passes skipped (nothing changed).");
            case SKEW_CANDIDATES -> counter("mmrisk_engine_skew_candidates", "Instruments the skew passes looked at.");
            case HEDGES_EMITTED -> counter("mmrisk_hedges_emitted", "Hedge signals the engine emitted.");
            case SNAPSHOTS_EMITTED -> counter("mmrisk_snapshots_emitted", "Risk snapshots the engine emitted.");
            case ALERTS_EMITTED -> counter("mmrisk_alerts_emitted", "Alerts the engine emitted.");
            case ALERTS_DROPPED -> counter("mmrisk_alerts_dropped", "Alerts dropped because the alert queue was full.");
            case QUOTES_UNKNOWN_RISK -> counter("mmrisk_quotes_unknown_risk",
                "Quote adjustments sent as HALT because the instrument's risk is unknown.");
            case OUTPUTS_NON_FINITE -> counter("mmrisk_outputs_non_finite",
                "Outputs with a non-finite required field, halted or withheld.");
            case SCENARIO_REFRESHES -> counter("mmrisk_scenario_refreshes", "Margin and liquidation refreshes.");
        };
    }

    private static Metric counter(final String name, final String help)
    {
        return new Metric(name, COUNTER, help, null, null, 1);
    }

    private static Metric input(final String type)
    {
        return new Metric("mmrisk_engine_input_events", COUNTER, "Input events the engine handled, by type.", "type",
            type, 1);
    }

    private static Metric fill(final String outcome)
    {
        return new Metric("mmrisk_engine_fills_special", COUNTER,
            "Fills in one of the engine's special cases, by case (docs/counters-and-rejects.md).", "outcome", outcome,
            1);
    }

    private void put(final String label, final String name, final boolean counter, final String help)
    {
        put(label, name, counter, help, null, null, 1);
    }

    private void put(final String label, final String name, final boolean counter, final String help,
        final String labelName, final String labelValue, final double scale)
    {
        byLabel.put(label, new Metric(name, counter, help, labelName, labelValue, scale));
    }
}
