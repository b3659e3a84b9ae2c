"""Fleet sizing on the bundled scenarios: the recommendation, its cost, and an independent check on fresh nights.

    python benchmarks/fleet.py [--scenarios NAME,NAME] [--jobs 1] [--runs 1] [--fresh 2000]
                               [--out benchmarks/results/fleet.txt] [--write DIR]

For each scenario: the search as ``labor-transfer fleet NAME --target 0.95`` runs it (``whatif.fleet.size_fleet``
with its defaults: standby 0..1, planning margins ``whatif.fleet.BUFFERS``, seed 1), ``--runs`` times (the median
wall time is printed; the search is seeded, so every run must recommend the same fleet, which is checked), with the
nights it simulated and the candidates it evaluated. Then ``--fresh`` new nights (seed 10**6 + 1, which the search
never used; the search's night model: the scenario's own uncertainty, ``travel.bias`` included, a coach that does
not come, workers who miss the train, the booked standby) of

- the recommended plan: its share of nights on time should reach the target;
- the issue-23 reference fleet (what the cost must not exceed: 2023's recommendation before issue 23, and the 2025
  fleet the earlier search passed over), planned as the search plans a candidate: whether the reference is a
  fleet that meets at all under today's night model;
- the next cheaper candidate that has a plan,

each with its Wilson 95% interval and the two parts of the headline (nights with someone at a closed dormitory,
nights with someone in after ``policy.latest_arrival``). When none meets, the fresh nights of the closest say why
its nights fail: the share of nights with a late worker of an enterprise's own vehicle (``pickup: own``, which no
booked coach carries) and with a late coach passenger.

A scenario may be given a diagnostic edit of its enterprises table, ``NAME+ENTERPRISE.column=value`` (e.g.
``dingxi_qingdao_2025+E0026.own_seats=30``), to see what the search does once a cause outside the fleet is removed.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import time
from pathlib import Path

from report import emit

import scenarios
from planning import make_plan
from sim import simulate
from sim.risk import on_time
from whatif.fleet import (
    BUFFERS,
    FLEET_ITERATIONS,
    IDLE,
    MEETS,
    NO_PLAN,
    Evaluation,
    _plan_key,
    night_ok,
    size_fleet,
)
from whatif.fleet_candidates import Candidate, booked, largest_type, margin_note, with_margin
from whatif.risk import failing_workers

FRESH_NIGHTS = 2000
#: A cheaper candidate's fresh nights: this many first, all ``--fresh`` only when its 95% interval reaches the target.
FIRST_NIGHTS = 400
FRESH_SEED = 10**6
SEARCH_SEED = 1
TARGET = 0.95
#: Issue 23's reference fleets: (53-seat, 35-seat, standby, planning margin) and the cost the recommendation must
#: not exceed. 2023: the recommendation before issue 23; 2025: the fleet the earlier search passed over.
REFERENCE = {"dingxi_qingdao_2023": ((15, 6, 0, 0), 31_418), "dingxi_qingdao_2025": ((15, 6, 1, 30), 33_888)}


def fresh_run(sc, candidate: Candidate, plan, nights: int, jobs: int):
    """``nights`` new nights of ``plan`` on the booked fleet, the scenario's own deadline and night model (the one
    every command simulates), with the candidate's standby coaches booked."""
    plan = dataclasses.replace(plan, standby=(largest_type(sc),) * candidate.standby)
    return simulate(booked(sc, candidate), plan, nights, seed=FRESH_SEED + SEARCH_SEED,
                    options={"log": "lean", "n_jobs": jobs})


def fresh(sc, candidate: Candidate, plan, nights: int, jobs: int, first: int | None = None) -> str:
    """The headline over fresh nights with its interval and its two parts, as one cell. With ``first``: that many
    nights first, and all ``nights`` only when the interval of those reaches the target (else it is short)."""
    if first is not None and first < nights:
        ot = on_time(fresh_run(sc, candidate, plan, first, jobs).kpis)
        if ot.headline.interval[1] < TARGET:
            return f"{cell(ot, first)}: short of {TARGET:.0%}"
    ot = on_time(fresh_run(sc, candidate, plan, nights, jobs).kpis)
    low = ot.headline.interval[0]
    verdict = "meets" if low >= TARGET else "reaches" if ot.p >= TARGET else "short of"
    return f"{cell(ot, nights)}: {verdict} {TARGET:.0%}"


def cell(ot, nights: int) -> str:
    """``98.15% (97.5%-98.7%) of N; closed .., after deadline ..``."""
    low, high = ot.headline.interval
    parts = ot.parts
    return (f"{ot.p:.2%} ({low:.1%}-{high:.1%}) of {nights:,}; closed {parts['closed'].p:.1%}, after deadline "
            f"{parts['after_deadline'].p:.1%}")


def cheaper_rows(name: str, result, nights: int, jobs: int, first: int, known: dict | None = None) -> list[str]:
    """Every candidate the search considered that costs less than its recommendation, cheapest first, with the
    search's verdict and its plan's fresh nights (one run per distinct plan and standby, the search's best first,
    each row printed as it is known): whether any of them meets the target on nights the search never saw."""
    sc, rec = result.scenario, result.recommended
    cheaper = sorted((ev for ev in result.evaluations if ev.cost < rec.cost),
                     key=lambda e: (e.cost, e.candidate.coaches, e.candidate.buffer))
    runs: dict[tuple[str, int], Evaluation] = {}
    for ev in cheaper:
        if ev.verdict != NO_PLAN:
            runs.setdefault((_plan_key(ev.plan), ev.candidate.standby), ev)
    found = dict(known or {})
    todo = [(k, e) for k, e in runs.items() if k not in found]
    for key, ev in sorted(todo, key=lambda kv: -(kv[1].p_on_time if kv[1].nights else 0.0)):
        found[key] = fresh(sc, ev.candidate, ev.plan, nights, jobs, first=first)
        print(f"# fresh nights of {ev.candidate.label(sc, 'en')}: {found[key]}", flush=True)
    out = []
    for ev in cheaper:
        if ev.verdict == NO_PLAN:
            search_txt, fresh_txt = f"no plan: {ev.reason('en')}", "-"
        else:
            fresh_txt = found[(_plan_key(ev.plan), ev.candidate.standby)]
            if ev.verdict == IDLE:
                drives = Candidate(ev.drives).label(sc, "en", margin=False)
                search_txt = f"coaches idle: its plan drives {drives} (not simulated)"
            else:
                low, high = ev.interval()
                search_txt = f"{ev.verdict}: {ev.p_on_time:.1%} of {ev.nights} (bounds {low:.1%}-{high:.1%})"
        out.append(f"| {name} | {ev.candidate.label(sc, 'en')} | {ev.cost:,.0f} | {search_txt} | {fresh_txt} |")
    if not out:
        out.append(f"| {name} | (none: the recommendation is the cheapest candidate considered) | | | |")
    return out


def why(sc, ev: Evaluation, nights: int, jobs: int) -> str:
    """Over fresh nights of ``ev``: its share of good nights, and what the failing nights have late."""
    run = fresh_run(sc, ev.candidate, ev.plan, nights, jobs)
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


def reference_plan(result, candidate: Candidate):
    """The reference fleet's plan: the search's own when it evaluated that candidate, else planned as it would."""
    for ev in result.evaluations:
        if ev.candidate.counts == candidate.counts and ev.candidate.buffer == candidate.buffer:
            return ev.plan, ev.cost if ev.candidate.standby == candidate.standby else None
    sc = result.scenario
    try:
        plan = make_plan(with_margin(booked(sc, candidate), candidate.buffer), seed=SEARCH_SEED,
                         max_iterations=FLEET_ITERATIONS, time_limit=None)
    except scenarios.ScenarioError:
        return None, None
    if candidate.buffer:
        plan = dataclasses.replace(plan, warnings=(*plan.warnings, margin_note(sc, candidate.buffer)),
                                   margin_min=float(candidate.buffer))
    return plan, None


def load(spec: str):
    """A bundled scenario, optionally with edits of its enterprises table: ``NAME+E0026.own_seats=30+...``."""
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


def search(sc, runs: int, jobs: int):
    """The search ``runs`` times: its result and the median wall time; every run must recommend the same."""
    seconds, results = [], []
    for _ in range(runs):
        start = time.perf_counter()
        results.append(size_fleet(sc, TARGET, seed=SEARCH_SEED, n_jobs=jobs,
                                  backend="serial" if jobs == 1 else "local"))
        seconds.append(time.perf_counter() - start)
    picks = {(r.recommended.candidate, r.recommended.cost) if r.recommended else None for r in results}
    assert len(picks) == 1, f"the same seed recommended different fleets: {picks}"
    return results[0], statistics.median(seconds)


def row(name: str, runs: int, jobs: int, nights: int, write: Path | None = None,
        first: int = FIRST_NIGHTS) -> tuple[str, list[str]]:
    """The table's row of one scenario and the rows of every cheaper candidate (and, with ``write``, the search's
    files under ``write / name``)."""
    sc = load(name)
    result, seconds = search(sc, runs, jobs)
    if write:
        result.write(write / name.replace("+", "_").replace("=", "_"), lang="en")
    rec = result.recommended
    (n53, n35, standby, buffer), ref_cost = REFERENCE.get(name.split("+")[0], ((0, 0, 0, 0), None))
    ref_txt = ref_fresh = "-"
    if ref_cost:
        ref = Candidate((("coach_53", n53), ("coach_35", n35)), standby, buffer)
        plan, cost = reference_plan(result, ref)
        cost_txt = f"{cost:,.0f}" if cost is not None else f"{ref_cost:,}"
        ref_txt = f"{ref.label(sc, 'en')} ({cost_txt})"
        ref_fresh = fresh(sc, ref, plan, nights, jobs) if plan is not None else "no plan"
    head = f"| {name} | {seconds:.0f} | {len(result.evaluations)} | {result.nights} | "
    if rec is None:
        best = result.closest()
        margins = sorted({ev.candidate.buffer for ev in result.evaluations})
        return (head + f"none meets (margins tried: {', '.join(map(str, margins))} min); closest "
                f"{best.candidate.label(sc, 'en') if best else '-'} | | | "
                f"{f'{best.p_on_time:.1%}' if best else ''} | {why(sc, best, nights, jobs) if best else ''} | "
                f"{ref_txt} | {ref_fresh} | | |"), []
    assert rec.verdict == MEETS
    rec_fresh = fresh(sc, rec.candidate, rec.plan, nights, jobs)
    print(f"# {name}: recommended {rec.candidate.label(sc, 'en')}, {rec.cost:,.0f} CNY; fresh nights {rec_fresh}",
          flush=True)
    cheaper = [ev for ev in result.evaluations if ev.cost < rec.cost and ev.nights]
    nxt = max(cheaper, key=lambda e: e.cost) if cheaper else None
    if nxt is not None:
        cheap_txt = f"{nxt.candidate.label(sc, 'en')} ({nxt.cost:,.0f}; search {nxt.p_on_time:.1%}, {nxt.verdict})"
        cheap_fresh = fresh(sc, nxt.candidate, nxt.plan, nights, jobs, first=first)
        known = {(_plan_key(nxt.plan), nxt.candidate.standby): cheap_fresh}
        print(f"# fresh nights of {nxt.candidate.label(sc, 'en')}: {cheap_fresh}", flush=True)
    else:
        known = {}
        nearest = result.next_cheaper()
        cheap_txt, cheap_fresh = (f"{nearest.candidate.label(sc, 'en')}: no plan" if nearest else "-"), "-"
    limit = f"{rec.cost - ref_cost:+,.0f} against {ref_cost:,}" if ref_cost else "-"
    low, high = rec.interval()
    return (head + f"{rec.candidate.label(sc, 'en')} | {rec.cost:,.0f} | {limit} | {rec.p_on_time:.1%} of "
            f"{rec.nights} (bounds {low:.1%}-{high:.1%}) | {rec_fresh} | {ref_txt} | {ref_fresh} | {cheap_txt} | "
            f"{cheap_fresh} |"), cheaper_rows(name, result, nights, jobs, first, known)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", default="dingxi_qingdao_2023,dingxi_qingdao_2025",
                        help="comma-separated; NAME+E0026.own_seats=30 edits a scenario's enterprises")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes of the simulation (default 1)")
    parser.add_argument("--runs", type=int, default=1, help="searches per scenario; the median time is shown")
    parser.add_argument("--fresh", type=int, default=FRESH_NIGHTS, help=f"fresh nights (default {FRESH_NIGHTS})")
    parser.add_argument("--first", type=int, default=FIRST_NIGHTS,
                        help=f"a cheaper candidate's first fresh nights (default {FIRST_NIGHTS})")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--write", type=Path, default=None,
                        help="also write each search's fleet.csv, fleet.png, recommendation.txt (and plan) here")
    args = parser.parse_args()
    lines = [f"# python benchmarks/fleet.py {' '.join(sys.argv[1:])}",
             f"# fleet sizing as `labor-transfer fleet NAME --target 0.95` (seed {SEARCH_SEED}): confidence 95%, "
             f"standby 0..1, planning margins {', '.join(map(str, BUFFERS))} min; s = median wall time of "
             f"{args.runs} run(s), --jobs {args.jobs}; load average {os.getloadavg()[0]:.1f} at start",
             f"# fresh: {args.fresh:,} nights (seed {FRESH_SEED + SEARCH_SEED}, never used by the search) with the "
             "search's night model; a night is on time when nobody reaches a closed dormitory and nobody checks in "
             "after policy.latest_arrival (sim.risk); Wilson 95% intervals; 'meets' when the interval's lower end "
             f"reaches {TARGET:.0%}, 'reaches' when only the share does; a cheaper candidate gets {args.first} "
             f"fresh nights first and all {args.fresh:,} only when their interval reaches {TARGET:.0%}",
             "# p (search): the search's share of good nights, with the bounds its verdict used (whatif.sequential: "
             "the lower one-sided at the look's level, the upper at 99%)",
             "", "| scenario | s | candidates | nights | recommended | cost (CNY) | against the reference | "
             "p (search) | fresh nights | reference fleet | its fresh nights | next cheaper | its fresh nights |",
             "|---|---:|---:|---:|---|---:|---:|---:|---|---|---|---|---|"]
    cheaper = ["", "Every candidate the search considered that costs less than its recommendation (a fleet, standby "
               "and margin; cost with the plan's km, or the booking alone without a plan), and its plan's fresh "
               "nights:", "", "| scenario | candidate | cost (CNY) | the search | fresh nights |",
               "|---|---|---:|---|---|"]
    for name in args.scenarios.split(","):
        line, rows = row(name, args.runs, args.jobs, args.fresh, args.write, args.first)
        lines.append(line)
        cheaper += rows
        print(line, *rows, sep="\n", flush=True)
    lines += cheaper
    lines.append(f"\n# load average {os.getloadavg()[0]:.1f} at the end")
    emit(lines, args.out)


if __name__ == "__main__":
    main()
