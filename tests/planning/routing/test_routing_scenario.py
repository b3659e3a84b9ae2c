"""The scenario adapter: routes and manifest for a placement, unservable input explained."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from planning.baseline import baseline_placement
from planning.check import check_plan
from planning.plan import Plan
from planning.routing.districts import departure
from planning.routing.result import RoutingResult
from planning.routing.scenario import manifest_for, plan_routes, route_placement
from planning.routing.schedule import schedule_trips
from scenarios import ScenarioError
from scenarios.scenario import Scenario


def with_seats(sc: Scenario, seats: int) -> Scenario:
    """The scenario with its one minibus type resized."""
    ((tid, ct),) = sc.fleet.items()
    return dataclasses.replace(sc, fleet={tid: dataclasses.replace(ct, seats=seats)})


def test_tiny_plan_passes_the_plan_checker(tiny: Scenario) -> None:
    """The routed baseline placement of the tiny scenario passes check_plan, proven optimal."""
    placement = baseline_placement(tiny)
    routes, manifest, info = plan_routes(tiny, placement, time_limit=5)
    plan = Plan(placement=placement, routes=routes, manifest=manifest)
    assert check_plan(tiny, plan) == []
    assert info.status == "optimal"
    assert routes["arrive_min"].max() <= tiny.latest_arrival_min
    assert len(manifest) == int(routes["workers"].sum())


def test_enterprise_beyond_ride_limit_is_explained(tiny: Scenario) -> None:
    """A ride limit shorter than the drive names the enterprise and the minutes over."""
    sc = dataclasses.replace(tiny, policy=dataclasses.replace(tiny.policy, max_ride_min=30.0))
    with pytest.raises(ScenarioError, match=r"enterprise T3 \(jimo\) is 45 min from the station, 15 min over"):
        route_placement(sc, pd.Series({"T1": 2, "T3": 1}))


def test_too_few_coaches_is_explained(tiny: Scenario) -> None:
    """Three trips for one 3-seat minibus cannot all arrive within an hour of the departure."""
    sc = with_seats(tiny, 3)
    latest = sc.clock(departure(sc) + 60)
    sc = dataclasses.replace(sc, policy=dataclasses.replace(sc.policy, latest_arrival=latest))
    counts = pd.Series({"T1": 4, "T2": 3, "T3": 1})
    with pytest.raises(ScenarioError, match="too few coaches"):
        route_placement(sc, counts, time_limit=2)
    loose = route_placement(sc, counts, time_limit=2, strict=False)
    assert loose.warnings and f"after {latest}" in loose.warnings[0]
    assert int(loose.routes["workers"].sum()) == 8 and loose.routes["trip"].max() == 3


def test_split_when_enterprise_has_more_workers_than_seats(tiny: Scenario) -> None:
    """Twenty workers for T2 with 12-seat minibuses go in two trips; each trip within its seats."""
    res = route_placement(tiny, pd.Series({"T2": 20}), time_limit=2, strict=False)
    per_trip = res.routes.groupby(["coach_id", "trip"])["workers"].sum()
    assert per_trip.max() <= 12 and per_trip.sum() == 20 and len(per_trip) == 2
    assert res.coaches_lower_bound == 2


def test_manifest_boards_last_stop_first() -> None:
    """Workers of the last stop board first; each worker once."""
    routes = pd.DataFrame(
        {
            "coach_id": ["C01", "C01"],
            "trip": [1, 1],
            "stop_order": [1, 2],
            "enterprise_id": ["A", "B"],
            "workers": [1, 2],
        }
    )
    placement = pd.DataFrame({"enterprise_id": ["A", "B", "B"]}, index=["w1", "w2", "w3"])
    man = manifest_for(routes, placement)
    assert man["worker_id"].tolist() == ["w2", "w3", "w1"]
    assert man["boarding_order"].tolist() == [1, 2, 3]


def test_same_seed_same_routes_with_iteration_budget(tiny: Scenario) -> None:
    """With max_iterations the adapter gives the same routes twice (for sweeps)."""
    counts = pd.Series({"T1": 9, "T2": 7, "T3": 5})
    a = route_placement(tiny, counts, time_limit=30, seed=3, max_iterations=200, strict=False)
    b = route_placement(tiny, counts, time_limit=30, seed=3, max_iterations=200, strict=False)
    pd.testing.assert_frame_equal(a.routes, b.routes)


@pytest.mark.parametrize("small", ["T1", "T3"])
def test_each_trip_gets_the_smallest_coach_that_seats_it(tiny: Scenario, small: str) -> None:
    """One minibus and one coach, a district each: the 8-worker trip takes the minibus, the 35-worker trip the coach.

    Each district's solver sees the whole fleet and may type the small trip as the coach; the schedule must still
    keep the coach for the trip that only it can seat.
    """
    ((tid, ct),) = tiny.fleet.items()
    sc = dataclasses.replace(tiny, fleet={tid: ct, "big": dataclasses.replace(ct, seats=40, count=1)})
    groups = {"a": pd.Series({small: 8}), "b": pd.Series({"T2": 35})}
    typed_big = {
        name: RoutingResult([[(1, float(n.iloc[0]))]], ["big"], 1.0, 1, 1.0, 1.0, "optimal", 1.0, 0.0, 0.0)
        for name, n in groups.items()
    }
    routes = schedule_trips(sc, groups, typed_big, departure(sc), True).routes
    trips = routes.groupby(["coach_id", "trip"]).agg(type=("coach_type", "first"), workers=("workers", "sum"))
    assert sorted(zip(trips["workers"], trips["type"], strict=True)) == [(8, tid), (35, "big")]


def test_open_routes_make_no_second_trips(tiny: Scenario) -> None:
    """One 3-seat minibus for 8 workers: open routes cannot serve them (and say so); closed routes come back."""
    sc = with_seats(tiny, 3)
    counts = pd.Series({"T1": 4, "T2": 3, "T3": 1})
    assert sc.policy.routes == "open"
    with pytest.raises(ScenarioError, match=r"routes are open.*policy.routes: closed"):
        route_placement(sc, counts, time_limit=2)
    late = dataclasses.replace(sc.policy, routes="closed", latest_arrival="05:00")
    res = route_placement(dataclasses.replace(sc, policy=late), counts, time_limit=2)
    assert res.coaches == 1 and res.routes["trip"].max() == 3 and not res.warnings
