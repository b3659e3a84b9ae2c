"""PlanMemo: what a sweep or a slider reuses is what a full re-plan would give (exact reuse), or a warm answer that
passes the checker; a change that moves the placement takes the full path; answers never depend on earlier moves."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

import scenarios
from planning import make_plan
from planning.check import check_plan
from planning.memo import PlanMemo, same, same_search, still_holds
from planning.options import PlanOptions
from planning.own import coach_riders
from planning.plan import Plan
from planning.routing.districts import departure, district_problem, route_groups
from planning.routing.solver import solve
from scenarios.scenario import Scenario

#: A short search: the reuse, not the search's quality, is under test.
OPTS = PlanOptions(seed=1, iterations=200, strict=False)


@pytest.fixture(scope="module")
def night() -> Scenario:
    """The bundled 2023 night: ten districts, a deadline that a delay of 30 minutes or more tightens."""
    return scenarios.load("dingxi_qingdao_2023")


def warm_memo(base: Scenario) -> tuple[PlanMemo, Plan]:
    """A warm memo holding ``base``'s plan, and that plan."""
    memo = PlanMemo(OPTS, warm=True)
    return memo, make_plan(base, OPTS, memo=memo)


def reused(memo: PlanMemo, sc: Scenario) -> tuple[Plan, dict[str, str]]:
    """The plan of ``sc`` made with ``memo``, and what it reused (placement and each district)."""
    mark = len(memo.history)
    plan = make_plan(sc, OPTS, memo=memo)
    return plan, dict(memo.since(mark))


def same_plan(a: Plan, b: Plan) -> bool:
    frames = ("placement", "routes", "manifest")
    return all(getattr(a, f).reset_index(drop=True).equals(getattr(b, f).reset_index(drop=True)) for f in frames)


def test_a_fleet_change_reuses_every_search_and_is_the_full_replan(night: Scenario) -> None:
    """Fleet counts are not in a district's problem: every search and the placement are reused, the fleet master
    chooses again, and the plan is the full re-plan's, frame for frame."""
    memo, _ = warm_memo(night)
    moved = night.with_overrides({"fleet.coach_53.count": 15})
    plan, used = reused(memo, moved)
    assert set(used.values()) == {"same"} and len(used) == 11  # the placement and ten districts
    assert same_plan(plan, make_plan(moved, OPTS))


def test_a_later_train_keeps_the_routes_that_hold_and_searches_the_rest(night: Scenario) -> None:
    """A 60-minute delay tightens the ride limit: districts whose base routes still arrive in time keep them, the
    others are searched again; the plan passes the checker, its routes all before the deadline."""
    memo, _ = warm_memo(night)
    moved = night.with_overrides({"train.delay_min": 60})
    plan, used = reused(memo, moved)
    assert used["placement"] == "same"
    districts = [how for what, how in used.items() if what != "placement"]
    assert "kept" in districts and "searched" in districts
    assert check_plan(moved, plan, strict=False) == []
    assert plan.routes["arrive_min"].max() <= moved.latest_arrival_min + 1e-9


def test_an_earlier_train_keeps_every_route_and_needs_no_more_coaches(night: Scenario) -> None:
    """From a base 60 minutes late, the train on time only loosens the limit: every district keeps its routes,
    no kept result claims optimality it no longer has, and the plan needs no more coaches than the base's."""
    late = night.with_overrides({"train.delay_min": 60})
    memo, base = warm_memo(late)
    plan, used = reused(memo, night)
    assert {how for what, how in used.items() if what != "placement"} <= {"kept", "same"}
    assert check_plan(night, plan, strict=False) == []
    assert plan.routes["coach_id"].nunique() <= base.routes["coach_id"].nunique()


def test_a_change_of_the_placement_takes_the_full_path(night: Scenario) -> None:
    """Fewer posts at one enterprise change the placement: it is made again, every district's problem follows
    it, and the plan is the full re-plan's."""
    memo, base = warm_memo(night)
    busy = base.placed["enterprise_id"].value_counts().index[0]
    enterprises = night.enterprises.copy()
    jobs = [c for c in enterprises.columns if c.startswith("posts_")]
    enterprises.loc[busy, jobs] = 0
    moved = dataclasses.replace(night, enterprises=enterprises)
    plan, used = reused(memo, moved)
    assert used["placement"] == "made" and "kept" not in used.values()
    assert (plan.placed["enterprise_id"] != busy).all()
    assert same_plan(plan, make_plan(moved, OPTS))


def test_answers_do_not_depend_on_the_moves_before(night: Scenario) -> None:
    """A move answered after other moves is the same plan as the same move straight after the base."""
    memo, _ = warm_memo(night)
    for earlier in ({"train.delay_min": 90}, {"train.delay_min": 30, "fleet.coach_53.count": 12}):
        make_plan(night.with_overrides(earlier), OPTS, memo=memo)
    move = night.with_overrides({"train.delay_min": 60, "fleet.coach_53.count": 16})
    after = make_plan(move, OPTS, memo=memo)
    fresh, _ = warm_memo(night)
    assert same_plan(after, make_plan(move, OPTS, memo=fresh))


def test_the_search_reads_the_limits_only_as_the_ride_limit(night: Scenario) -> None:
    """Two problems with the same ride limit (no deadline, and a deadline above ``max_ride``) are searched alike:
    the ground for reusing a search when a delay leaves the ride limit where it was."""
    plan = make_plan(night, OPTS)
    riders = coach_riders(night, plan.placed).groupby("enterprise_id").size()
    group = route_groups(night, riders)["jimo"]
    problem = district_problem(night, group, departure(night), "jimo", strict=False)
    loose = dataclasses.replace(problem, deadline=None)
    later = dataclasses.replace(problem, deadline=problem.max_ride + 45.0)
    assert same_search(loose, later) and not same_search(loose, dataclasses.replace(problem, deadline=60.0))
    a, b = (solve(p, float("inf"), seed=3, max_iterations=150, keep_pool=True) for p in (loose, later))
    assert a.routes == b.routes and a.pool == b.pool and a.cost == b.cost


def test_routes_kept_under_a_looser_limit_are_no_longer_proven_optimal(night: Scenario) -> None:
    plan = make_plan(night, OPTS)
    riders = coach_riders(night, plan.placed).groupby("enterprise_id").size()
    group = route_groups(night, riders)["shinan"]
    tight = district_problem(night, group, departure(night), "shinan", strict=False)
    tight = dataclasses.replace(tight, deadline=tight.max_ride - 30.0)
    found = dataclasses.replace(solve(tight, float("inf"), seed=1, max_iterations=100), status="optimal")
    looser = still_holds(dataclasses.replace(tight, deadline=None), tight, found)
    assert looser is not None and looser.status == "feasible" and looser.routes == found.routes
    assert still_holds(dataclasses.replace(tight, deadline=tight.max_ride - 40.0), tight, found) is found
    assert still_holds(dataclasses.replace(tight, deadline=1.0), tight, found) is None


def test_a_memo_serves_only_its_options(night: Scenario) -> None:
    with pytest.raises(ValueError, match="PlanMemo"):
        make_plan(night, dataclasses.replace(OPTS, seed=2), memo=PlanMemo(OPTS))


def test_same_compares_frames_arrays_and_dataclasses() -> None:
    frame = pd.DataFrame({"a": [1, 2]}, index=["x", "y"])
    assert same((frame, {"k": [1.0]}), (frame.copy(), {"k": [1.0]}))
    assert not same(frame, frame.rename(index={"y": "z"}))
    assert not same({"k": 1}, {"k": 2}) and not same([1], (1,))
    assert same(OPTS, PlanOptions(seed=1, iterations=200, strict=False))
