"""Fingerprints of the bundled season's first evenings as planned: what ``plan_season`` hands on.

``python -m tests.whatif.season_fingerprint`` records them into ``season_fingerprints.json`` beside this file; the
test compares today's season planner with the record (first made by the planner before issue 28's season work, so
the season's plumbing -- posts taken, evenings handed to processes, tables cached -- is held to the same bytes).
Re-record only when the plans are meant to change (the placement or route search engine; say so in the commit).
Each night: its placement, routes and manifest (columns, dtypes, index, every value), warnings, the solvers'
reports without their seconds, and the coaches its evening left it; then the season's table and posts left.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from pathlib import Path

from tests.scenarios.load_fingerprint import _digest, table_digest

RECORD = Path(__file__).with_name("season_fingerprints.json")
#: The bundled season's first arrivals (four evenings; A04 and A05 share one evening's coaches), at a short search.
SEASON, ARRIVALS, ITERATIONS = "qingdao_season_2023", 5, 400


def _info(info: object) -> str:
    """A solver's report without its seconds (the only clock reading a plan keeps)."""
    return "none" if info is None else repr(dataclasses.replace(info, seconds=0.0))  # type: ignore[type-var]


def fingerprints(n_jobs: int = 2) -> dict[str, dict[str, str]]:
    from planning.options import PlanOptions
    from planning.season import plan_season
    from scenarios.season import load_season

    season = load_season(SEASON).head(ARRIVALS)
    sp = plan_season(season, PlanOptions(iterations=ITERATIONS, seed=1), n_jobs=n_jobs)
    out = {}
    for night in sp.nights:
        plan = night.plan
        out[night.arrival.id] = {
            "placement": table_digest(plan.placement), "routes": table_digest(plan.routes),
            "manifest": table_digest(plan.manifest), "warnings": _digest(json.dumps([str(w) for w in plan.warnings])),
            "placement_info": _info(plan.placement_info), "routing_info": _info(plan.routing_info),
            "fleet": re.sub(r"\s+", " ", repr({t: ct.count for t, ct in night.scenario.fleet.items()})),
        }
    out["season"] = {"table": table_digest(sp.table()), "posts_left": table_digest(sp.posts_left)}
    return out


def main() -> None:
    RECORD.write_text(json.dumps(fingerprints(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"recorded {RECORD}", file=sys.stderr)


if __name__ == "__main__":
    main()
