"""Fresh nights of one candidate fleet, planned as the fleet search plans it: does it meet the target?

    python benchmarks/fleet_fresh.py NAME N53 N35 STANDBY MARGIN [--nights 2000] [--first 400] [--jobs 1]

The candidate (``N53`` 53-seat and ``N35`` 35-seat coaches, ``STANDBY`` booked standbys, planned with ``MARGIN``
minutes before the deadline) is planned as ``whatif.fleet`` plans a candidate (seed 1, its routing iterations) and
simulated on the fresh nights of ``benchmarks/fleet.py`` (seed 10**6 + 1, the scenario's night model): ``--first``
nights first, all ``--nights`` only when their interval reaches 95%. For checking, one at a time, whether a fleet
cheaper than the search's recommendation meets the target on nights the search never saw.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fleet import FIRST_NIGHTS, FRESH_NIGHTS, fresh, reference_plan

import scenarios
from whatif.fleet_candidates import Candidate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name")
    for arg in ("n53", "n35", "standby", "margin"):
        parser.add_argument(arg, type=int)
    parser.add_argument("--nights", type=int, default=FRESH_NIGHTS)
    parser.add_argument("--first", type=int, default=FIRST_NIGHTS)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    sc = scenarios.load(args.name)
    counts = tuple((t, n) for t, n in (("coach_53", args.n53), ("coach_35", args.n35)) if n > 0)
    candidate = Candidate(counts, args.standby, args.margin)
    plan, _ = reference_plan(SimpleResult(sc), candidate)
    label = candidate.label(sc, "en")
    if plan is None:
        print(f"{args.name} | {label} | no plan")
        return
    print(f"{args.name} | {label} | {fresh(sc, candidate, plan, args.nights, args.jobs, first=args.first)}",
          flush=True)


class SimpleResult:
    """What ``reference_plan`` reads of a search's result: no candidate evaluated, the scenario."""

    def __init__(self, sc) -> None:
        self.scenario = sc
        self.evaluations = []


if __name__ == "__main__":
    main()
