"""Into the transfer: matched seekers from the night's counties become its roster, and the plan places each of them
at the enterprise they were matched to."""

from __future__ import annotations

from pathlib import Path

import scenarios
from planning import make_plan
from planning.match import match_fair
from planning.options import PlanOptions
from scenarios.fair import generate_fair
from whatif.fair_roster import roster_scenario


def test_matched_seekers_become_a_night_roster_placed_at_their_employers(tmp_path: Path) -> None:
    result = match_fair(generate_fair(600, 180, 3, seed=4))
    night = scenarios.load(roster_scenario(result, tmp_path / "night", max_workers=40))
    workers = night.workers
    assert 0 < len(workers) <= 40
    assert set(workers["county"]) <= {"anding", "tongwei", "longxi", "weiyuan", "lintao", "zhang", "min"}
    matched = dict(zip(result.market.seeker_ids, result.post_of, strict=True))
    posts = result.sc.posts.reset_index(drop=True)
    for ident, employer in zip(workers.index, workers["returning_employer"], strict=True):
        assert posts["enterprise"].iloc[matched[ident]] == employer
    plan = make_plan(night, PlanOptions(iterations=200, seed=1, time_limit=60.0))
    placed = plan.placement["enterprise_id"].reindex(workers.index)
    assert (placed == workers["returning_employer"]).all()
