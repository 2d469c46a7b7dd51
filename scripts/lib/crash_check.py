#!/usr/bin/env python3
"""Checks of scripts/crash-test: the feed's own fill log, the journal, the replayed state and the output queue.

usage: crash_check.py FILL_LOG JOURNAL_JSONL OUTPUT_JSONL REPLAY_STATE DAEMON_STATE FEED_MESSAGES [FOREIGN_FILLS]
FOREIGN_FILLS (default 0): fill messages journaled that are not in the feed's log (written by another gateway, such as
scripts/fault-test's absurd inputs) and that the engine must have rejected: the fills it applied are the feed's alone.
Prints one line per check and exits 1 when any fails.
"""
import collections
import json
import sys


def main():
    fill_log, journal_jsonl, output_jsonl, replay_state, daemon_state, feed_messages = sys.argv[1:7]
    foreign_fills = int(sys.argv[7]) if len(sys.argv) > 7 else 0
    failures = []

    def check(ok, line):
        print(("  ok   " if ok else "  FAIL ") + line)
        if not ok:
            failures.append(line)

    with open(replay_state) as f:
        state = json.load(f)
    with open(daemon_state) as f:
        live = json.load(f)
    replayed = {k: v for k, v in state.items() if k not in ("quotes", "alerts", "hedges", "rejects")}
    replayed["counters"] = {k: v for k, v in state["counters"].items()
                            if k not in ("linesRead", "linesRejectedAtParse")}
    differing = sorted(k for k in set(replayed) | set(live) if replayed.get(k) != live.get(k))
    check(not differing,
          "final daemon state equals one uninterrupted replay of its journal (positions, P&L, greeks, counters)"
          + (f"; differ: {differing}" if differing else ""))

    written = collections.Counter()
    net_by_instrument = collections.defaultdict(float)
    with open(fill_log) as f:
        for line in f:
            venue, fill_id, instrument, signed = line.split()
            key = (venue, fill_id)
            if key not in written:
                net_by_instrument[int(instrument)] += float(signed)
            written[key] += 1

    journaled = collections.Counter()
    inputs = 0
    with open(journal_jsonl) as f:
        for line in f:
            event = json.loads(line)
            if event["type"] == "timer":
                continue
            inputs += 1
            if event["type"] == "fill":
                journaled[(event["venue"], event["fillId"])] += 1

    lost = sum(max(0, n - journaled[k]) for k, n in written.items())
    extra = sum(max(0, n - written[k]) for k, n in journaled.items())
    check(inputs == int(feed_messages),
          f"journal holds {inputs:,} input messages, the feed wrote {int(feed_messages):,}")
    check(lost == 0 and extra == foreign_fills,
          f"fill messages: feed wrote {sum(written.values()):,}, journal holds {sum(journaled.values()):,}: "
          f"{lost} lost, {extra - foreign_fills} journaled twice" +
          (f", {foreign_fills} from another writer" if foreign_fills else ""))

    counters = state["counters"]
    distinct = len(written)
    resent = sum(written.values()) - distinct
    check(counters["fills"] == distinct and counters["fillsDuplicate"] == resent and counters["fillsHeld"] == 0,
          f"engine applied {counters['fills']:,} fills (feed: {distinct:,} distinct) and rejected "
          f"{counters['fillsDuplicate']:,} as DUPLICATE_FILL (feed: {resent:,} re-sent)")
    positions = {p["instrumentId"]: p["quantity"] for p in state["positions"]}
    mismatched = [i for i in set(net_by_instrument) | set(positions)
                  if abs(net_by_instrument.get(i, 0.0) - positions.get(i, 0.0)) > 1e-6]
    check(not mismatched,
          f"net quantity per instrument from the feed's distinct fills equals the replayed positions "
          f"({len(net_by_instrument)} instruments" + (f"; differ: {sorted(mismatched)[:10]})" if mismatched else ")"))

    sequences = []
    with open(output_jsonl) as f:
        for line in f:
            out = json.loads(line)
            if out["type"] != "heartbeat":
                sequences.append(out["sequence"])
    gaps = sum(1 for a, b in zip(sequences, sequences[1:]) if b > a + 1)
    repeats = sum(1 for a, b in zip(sequences, sequences[1:]) if b <= a)
    check(bool(sequences) and sequences[0] == 0 and gaps == 0 and repeats == 0,
          f"output queue: {len(sequences):,} outputs, sequence 0..{sequences[-1] if sequences else -1}: "
          f"{gaps} gaps, {repeats} repeats")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
