"""check_plan catches every planted violation and passes sound plans."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planning.check import check_plan
from planning.plan import Plan
from planning.timing import retime
from scenarios.model import CoachType
from tests.planning.conftest import one_coach_routes, variant


def _with_placement(plan: Plan, placement: pd.DataFrame) -> Plan:
    return dataclasses.replace(plan, placement=placement)


def _move(plan: Plan, worker: str, enterprise: str, district: str, job: str = "general") -> Plan:
    p = plan.placement.copy()
    p.loc[worker, ["enterprise_id", "district", "job", "reason"]] = [enterprise, district, job, ""]
    return _with_placement(plan, p)


def test_sound_plans_pass(tiny, tiny_plan, tiny_routed) -> None:
    assert check_plan(tiny, tiny_plan) == []
    assert check_plan(tiny, tiny_routed) == []


def test_worker_placed_twice(tiny, tiny_plan) -> None:
    p = pd.concat([tiny_plan.placement, tiny_plan.placement.loc[["W3"]]])
    assert check_plan(tiny, _with_placement(tiny_plan, p)) == ["worker W3 has 2 placement rows (placed more than once)"]


def test_missing_and_unknown_workers(tiny, tiny_plan) -> None:
    p = tiny_plan.placement.drop(index="W8").rename(index={"W7": "W99"})
    found = check_plan(tiny, _with_placement(tiny_plan, p))
    assert "placement row W99 is not a worker of the scenario" in found
    assert "worker W8 has no placement row" in found


def test_enterprise_over_its_posts(tiny, tiny_plan) -> None:
    plan = tiny_plan
    for w in ("W3", "W6", "W8"):  # T3 has 2 general posts
        plan = _move(plan, w, "T3", "jimo")
    assert any(m.startswith("enterprise T3 is over its posts for general:") for m in check_plan(tiny, plan))


def test_returning_worker_not_with_employer_though_it_had_room(tiny, tiny_plan) -> None:
    # W5 goes back to T2; move them to T3 and free T2's general post.
    plan = _move(tiny_plan, "W5", "", "", "")
    p = plan.placement.copy()
    p.loc["W5", "reason"] = "moved by hand"
    found = check_plan(tiny, _with_placement(plan, p))
    assert found == ["returning worker W5 is not with employer T2 though it had room (1 general posts free)"]


def test_job_outside_skills_and_job_without_posts(tiny, tiny_plan) -> None:
    w_general_only = "W3"
    plan = _move(tiny_plan, w_general_only, "T1", "chengyang", "operator")
    assert any("holds a operator post at T1 but can do general" in m for m in check_plan(tiny, plan))
    plan = _move(tiny_plan, "W4", "T3", "jimo", "operator")  # T3 has no operator posts
    assert any("which has no operator posts" in m for m in check_plan(tiny, plan))


def test_unknown_enterprise_and_wrong_district(tiny, tiny_plan) -> None:
    assert any("unknown enterprise T9" in m for m in check_plan(tiny, _move(tiny_plan, "W3", "T9", "jimo")))
    plan = _move(tiny_plan, "W3", "T1", "jimo")
    assert any("listed in district 'jimo' but T1 is in chengyang" in m for m in check_plan(tiny, plan))


def test_beds_and_quotas(tiny, tiny_plan) -> None:
    women_at = tiny_plan.placed.loc[tiny.workers.loc[tiny_plan.placed.index, "gender"] == "F", "enterprise_id"]
    e = women_at.iloc[0]
    capped = variant(tiny, enterprise_changes={e: {"max_female": 0}})
    assert any(m.startswith(f"enterprise {e} is over its beds for women") for m in check_plan(capped, tiny_plan))
    quota = variant(tiny, district_quotas={"jimo": 1})
    assert any(m.startswith("district jimo is over its quota") for m in check_plan(quota, tiny_plan))


def test_unplaced_without_reason(tiny, tiny_plan) -> None:
    plan = _move(tiny_plan, "W6", "", "", "")
    assert "worker W6 is unplaced without a reason" in check_plan(tiny, plan)


def test_worker_missing_from_or_twice_in_the_manifest(tiny, tiny_routed) -> None:
    man = tiny_routed.manifest
    missing = tiny_routed.with_routes(tiny_routed.routes, man[man["worker_id"] != "W2"], None)
    found = check_plan(tiny, missing)
    assert "worker W2 (to T1) is on no coach" in found
    twice = pd.concat([man, man[man["worker_id"] == "W2"].assign(boarding_order=99)])
    assert "worker W2 is on 2 coach trips" in check_plan(tiny, tiny_routed.with_routes(tiny_routed.routes, twice, None))


def test_worker_on_a_coach_that_does_not_stop_at_their_enterprise(tiny, tiny_routed) -> None:
    routes = tiny_routed.routes
    dropped = routes[routes["enterprise_id"] != "T3"]
    found = check_plan(tiny, tiny_routed.with_routes(dropped, tiny_routed.manifest, None))
    assert any("does not stop at T3" in m for m in found)
    assert any("drops 0 workers at T3 by its route but 2 by its manifest" in m for m in found)


def test_coach_over_its_seats(tiny, tiny_routed) -> None:
    small = dataclasses.replace(tiny, fleet={"minibus_12": CoachType(seats=6, count=1)})
    assert "coach C1 trip 1 carries 8 workers on 6 seats (minibus_12)" in check_plan(small, tiny_routed)


def test_fleet_count_exceeded_and_unknown_type(tiny, tiny_routed) -> None:
    routes = tiny_routed.routes.copy()
    man = tiny_routed.manifest.copy()
    routes.loc[routes["enterprise_id"] == "T3", "coach_id"] = "C2"
    man.loc[man["enterprise_id"] == "T3", "coach_id"] = "C2"
    routes = retime(tiny, routes.assign(stop_order=routes.groupby(["coach_id", "trip"]).cumcount() + 1))
    found = check_plan(tiny, tiny_routed.with_routes(routes, man, None))
    assert found == ["2 coaches of type minibus_12 are used but the fleet has 1"]
    routes["coach_type"] = "coach_99"
    assert "coach type coach_99 is not in the fleet" in check_plan(tiny, tiny_routed.with_routes(routes, man, None))


def test_own_pickup_enterprise_on_a_coach(tiny, tiny_plan) -> None:
    own = variant(tiny, enterprise_changes={"T3": {"pickup": "own", "own_seats": 5}})
    routed = one_coach_routes(own, tiny_plan)
    found = check_plan(own, routed)
    assert any(m.startswith("2 workers of T3 are on coaches while its own vehicle has room") for m in found)


def test_an_own_vehicle_takes_what_it_brings_in_time_and_coaches_the_rest(tiny, tiny_plan) -> None:
    """T3's one-seat van (at the station at 23:30, 45 min away, 2 workers) is there once before tiny's 01:00 deadline
    (at about 00:15; its second trip would come at about 01:48): one worker goes by coach."""
    import dataclasses

    from planning import make_plan
    from planning.own import own_vehicle_capacity

    ent = tiny.enterprises.copy()
    ent.loc["T3", ["pickup", "own_seats", "own_arrival", "own_arrival_min"]] = ["own", 1, "23:30", 23 * 60 + 30.0]
    own = dataclasses.replace(tiny, enterprises=ent)
    assert own_vehicle_capacity(own) == {"T3": 1}
    plan = make_plan(own, seed=0, max_iterations=300)
    assert int((plan.manifest["enterprise_id"] == "T3").sum()) == 1
    everyone_by_van = plan.with_routes(plan.routes[plan.routes["enterprise_id"] != "T3"],
                                       plan.manifest[plan.manifest["enterprise_id"] != "T3"], None)
    assert "T3's own vehicle is left 2 workers; it brings 1 before the dormitory closes" in check_plan(
        own, everyone_by_van)


def test_own_pickup_workers_need_no_coach(tiny, tiny_plan) -> None:
    own = variant(tiny, enterprise_changes={"T3": {"pickup": "own", "own_seats": 5}})
    routed = one_coach_routes(own, tiny_plan)
    routes = routed.routes[routed.routes["enterprise_id"] != "T3"]
    man = routed.manifest[routed.manifest["enterprise_id"] != "T3"]
    assert check_plan(own, routed.with_routes(routes, man, None)) == []


def test_manifest_enterprise_differs_from_placement(tiny, tiny_routed) -> None:
    man = tiny_routed.manifest.copy()
    man.loc[man["worker_id"] == "W3", "enterprise_id"] = "T2"
    found = check_plan(tiny, tiny_routed.with_routes(tiny_routed.routes, man, None))
    assert any(m.startswith("worker W3 rides coach C1 to T2 but is placed at") for m in found)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(worker=st.sampled_from([f"W{k}" for k in range(1, 9)]), target=st.sampled_from(["T1", "T2", "T3"]),
       extra=st.integers(1, 3))
def test_any_crowding_beyond_posts_is_caught(tiny, tiny_plan, worker: str, target: str, extra: int) -> None:
    """Add copies of a worker at an enterprise until it is over its general posts: the checker must say so."""
    p = tiny_plan.placement.drop(index=worker)
    district = tiny.enterprises.at[target, "district"]
    room = int(tiny.enterprises.at[target, "posts_general"]) - int(
        ((p["enterprise_id"] == target) & (p["job"] == "general")).sum())
    clones = pd.DataFrame({"enterprise_id": target, "district": district, "job": "general", "reason": ""},
                          index=[worker] * (room + extra))
    p2 = pd.concat([p, clones])
    found = check_plan(tiny, _with_placement(tiny_plan, p2))
    assert any(m.startswith(f"enterprise {target} is over its posts for general") for m in found)
    if room + extra > 1:
        assert any(m.startswith(f"worker {worker} has {room + extra} placement rows") for m in found)


@pytest.mark.parametrize("column", ["enterprise_id", "job", "reason"])
def test_plan_type_requires_the_placement_columns(tiny_plan, column: str) -> None:
    with pytest.raises(ValueError, match=column):
        Plan(placement=tiny_plan.placement.drop(columns=column))
