"""Fleet sizing on the bundled scenarios: time, nights simulated, candidates, and an independent check.

    python benchmarks/fleet.py [--scenarios NAME,NAME] [--out benchmarks/results/fleet.txt]

For each scenario: the search (``whatif.fleet.size_fleet``, target 95%, standby 0..1) with its wall time, the nights
it simulated and the fleets it evaluated; then 1,000 fresh nights (seeds the search never used) of the recommended
fleet and of the next cheaper candidate that has a plan, with Wilson 95% intervals: the recommended one's interval
should reach the target and the cheaper one's not, or the two are within noise.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import numpy as np

import scenarios
from sim import simulate
from whatif.fleet import FLEET_UNCERTAINTY, MEETS, night_ok, size_fleet, standby_options
from whatif.sequential import wilson

FRESH_NIGHTS = 1000


def fresh(result, ev) -> tuple[float, float, float]:
    """p_on_time of ``ev``'s plan over FRESH_NIGHTS new nights (seed 10**6 + scenario seed) and its interval."""
    sc = result.scenario.with_overrides({f"fleet.{t}.count": dict(ev.candidate.counts).get(t, 0)
                                         for t in result.scenario.fleet})
    run = simulate(sc, ev.plan, FRESH_NIGHTS, seed=10**6 + result.seed,
                   options={**FLEET_UNCERTAINTY, "log": "lean", **standby_options(ev.candidate.standby)})
    ok = night_ok(run)
    low, high = wilson(int(ok.sum()), len(ok))
    return float(ok.mean()), low, high


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenarios", default="dingxi_qingdao_2023,dingxi_qingdao_2025")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    lines = [f"# fleet sizing, target 95% with confidence 95%, standby 0..1; load average {os.getloadavg()[0]:.1f}",
             "", "| scenario | s | fleets | nights | recommended | cost | p (search) | fresh 1,000 nights | "
             "next cheaper | its fresh 1,000 nights | verdict |",
             "|---|---:|---:|---:|---|---:|---:|---:|---|---:|---|"]
    for name in args.scenarios.split(","):
        sc = scenarios.load(name)
        start = time.perf_counter()
        result = size_fleet(sc, 0.95, standby=1, seed=1)
        seconds = time.perf_counter() - start
        rec = result.recommended
        if rec is None:
            best = result.closest()
            lines.append(f"| {name} | {seconds:.0f} | {len(result.evaluations)} | {result.nights} | none meets; "
                         f"closest {best.candidate.label(sc, 'en') if best else '-'} | | | | | | |")
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
