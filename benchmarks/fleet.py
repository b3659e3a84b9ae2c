"""Fleet sizing on the bundled scenarios: time, nights simulated, candidates, and an independent check.

    python benchmarks/fleet.py [--scenarios NAME,NAME] [--out benchmarks/results/fleet.txt] [--write DIR]

For each scenario: the search (``whatif.fleet.size_fleet``, target 95%, standby 0..1, planning margins
``whatif.fleet.BUFFERS``) with its wall time, the nights it simulated and the fleets it evaluated; then 1,000 fresh
nights (seeds the search never used) of the recommended fleet and of the next cheaper candidate that has a plan,
with Wilson 95% intervals: the recommended one's interval should reach the target and the cheaper one's not, or the
two are within noise. When none meets, 1,000 fresh nights of the closest say why its nights fail: the share of
nights with a late worker of an enterprise's own vehicle (``pickup: own``, which no booked coach carries) and with a
late coach passenger.

A scenario may be given a diagnostic edit of its enterprises table, ``NAME+ENTERPRISE.column=value`` (e.g.
``dingxi_qingdao_2025+E0026.own_seats=30``), to see what the search does once a cause outside the fleet is removed.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import numpy as np

import scenarios
from sim import simulate
from whatif.fleet import BUFFERS, FLEET_UNCERTAINTY, MEETS, night_ok, size_fleet, standby_options
from whatif.risk import failing_workers
from whatif.sequential import wilson

FRESH_NIGHTS = 1000


def fresh_run(result, ev):
    """FRESH_NIGHTS new nights (seed 10**6 + search seed) of ``ev``'s plan, on the scenario's own deadline."""
    sc = result.scenario.with_overrides({f"fleet.{t}.count": dict(ev.candidate.counts).get(t, 0)
                                         for t in result.scenario.fleet})
    return simulate(sc, ev.plan, FRESH_NIGHTS, seed=10**6 + result.seed,
                    options={**FLEET_UNCERTAINTY, "log": "lean", **standby_options(ev.candidate.standby)})


def fresh(result, ev) -> tuple[float, float, float]:
    """p_on_time of ``ev``'s plan over FRESH_NIGHTS new nights and its interval."""
    ok = night_ok(fresh_run(result, ev))
    low, high = wilson(int(ok.sum()), len(ok))
    return float(ok.mean()), low, high


def why(result, ev) -> str:
    """Over FRESH_NIGHTS new nights of ``ev``: its share of good nights, and what the failing nights have late."""
    run = fresh_run(result, ev)
    ok = night_ok(run)
    bad = failing_workers(run)
    own = bad["vehicle"].astype(str).str.startswith("own:")
    n = len(ok)
    by_own = bad[own].groupby("enterprise_id")["replication"].nunique().sort_values(ascending=False)
    own_txt = ", ".join(f"{e} in {k / n:.1%}" for e, k in by_own.items()) or "none"
    coach_nights = bad[~own]["replication"].nunique()
    return (f"fresh {n:,} nights of the closest: {ok.mean():.1%} good; nights with a late worker of an own vehicle: "
            f"{bad[own]['replication'].nunique() / n:.1%} ({own_txt}); with a late coach passenger: "
            f"{coach_nights / n:.1%} (so {1 - coach_nights / n:.1%} of nights had every coach passenger on time)")


def load(spec: str):
    """A bundled scenario, optionally with edits of its enterprises table: ``NAME+E0026.own_seats=30+...``."""
    import dataclasses

    name, *edits = spec.split("+")
    sc = scenarios.load(name)
    if edits:
        ent = sc.enterprises.copy()
        for edit in edits:
            where, value = edit.split("=")
            row, column = where.split(".")
            try:
                ent.loc[row, column] = float(value)
            except ValueError:
                ent.loc[row, column] = value
        sc = dataclasses.replace(sc, enterprises=ent)
    return sc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", default="dingxi_qingdao_2023,dingxi_qingdao_2025",
                        help="comma-separated; NAME+E0026.own_seats=30 edits a scenario's enterprises")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--write", type=Path, default=None,
                        help="also write each search's fleet.csv, fleet.png, recommendation.txt (and plan) here")
    args = parser.parse_args()
    lines = [f"# fleet sizing, target 95% with confidence 95%, standby 0..1, planning margins "
             f"{', '.join(map(str, BUFFERS))} min; load average {os.getloadavg()[0]:.1f}",
             "", "| scenario | s | fleets | nights | recommended | cost | p (search) | fresh 1,000 nights | "
             "next cheaper | its fresh 1,000 nights | verdict |",
             "|---|---:|---:|---:|---|---:|---:|---:|---|---:|---|"]
    for name in args.scenarios.split(","):
        sc = load(name)
        start = time.perf_counter()
        result = size_fleet(sc, 0.95, standby=1, seed=1)
        seconds = time.perf_counter() - start
        if args.write:
            result.write(args.write / name.replace("+", "_").replace("=", "_"), lang="en")
        rec = result.recommended
        if rec is None:
            best = result.closest()
            margins = sorted({ev.candidate.buffer for ev in result.evaluations})
            lines.append(f"| {name} | {seconds:.0f} | {len(result.evaluations)} | {result.nights} | none meets "
                         f"(margins tried: {', '.join(map(str, margins))} min); "
                         f"closest {best.candidate.label(sc, 'en') if best else '-'} | | "
                         f"{f'{best.p_on_time:.1%}' if best else ''} | {why(result, best) if best else ''} | | | |")
            print(lines[-1], flush=True)
            continue
        p, low, high = fresh(result, rec)
        cheaper = [ev for ev in result.evaluations if ev.cost < rec.cost and ev.plan is not None]
        nxt = max(cheaper, key=lambda e: e.cost) if cheaper else None
        if nxt is not None:
            q, qlow, qhigh = fresh(result, nxt)
            cheap_txt = f"{nxt.candidate.label(sc, 'en')} ({nxt.cost:,.0f})"
            cheap_fresh = f"{q:.1%} ({qlow:.1%}-{qhigh:.1%})"
            verdict = "confirmed" if high >= 0.95 and qhigh < 0.95 else "within noise"
        else:
            nearest = result.next_cheaper()
            cheap_txt = f"{nearest.candidate.label(sc, 'en')}: no plan" if nearest else "-"
            cheap_fresh = "-"
            verdict = "confirmed" if high >= 0.95 else "not confirmed"
        lines.append(f"| {name} | {seconds:.0f} | {len(result.evaluations)} | {result.nights} | "
                     f"{rec.candidate.label(sc, 'en')} | {rec.cost:,.0f} | {rec.p_on_time:.1%} | "
                     f"{p:.1%} ({low:.1%}-{high:.1%}) | {cheap_txt} | {cheap_fresh} | {verdict} |")
        assert rec.verdict == MEETS
        print(lines[-1], flush=True)
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    np.seterr(all="ignore")


if __name__ == "__main__":
    main()
