"""Fewest physical coaches: stops are stops, trips chained onto coaches, the trade-off of km and ride minutes."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import scenarios
from planning.check import check_plan
from planning.placement import place
from planning.routing.fleet import Trip, solve_fleet
from planning.routing.scenario import manifest_for, route_placement
from planning.routing.tradeoff import tradeoff_chart, tradeoff_plans


@pytest.fixture(scope="module")
def placed_2023() -> tuple[scenarios.Scenario, object]:
    """The 2023 scenario and its placement."""
    sc = scenarios.load("dingxi_qingdao_2023")
    return sc, place(sc)


def test_huangdao_2023_needs_no_more_coaches_than_its_bound(placed_2023: tuple) -> None:
    """The 38-worker enterprise is one stop (not two halves counted twice against max_stops): the routing needs no
    more coaches than the lower bound (3 before every enterprise was reached, 4 now that all 127 are)."""
    sc, plan = placed_2023
    placed = plan.placed
    ents = sc.enterprises.index[sc.enterprises["district"] == "huangdao"]
    counts = placed[placed["enterprise_id"].isin(ents)].groupby("enterprise_id").size()
    assert counts.max() == 38
    res = route_placement(sc, counts, time_limit=300, seed=0, max_iterations=2000)
    assert res.coaches == res.coaches_lower_bound <= 4
    per_trip = res.routes.groupby(["coach_id", "trip"])["enterprise_id"]
    assert (per_trip.size() <= sc.policy.max_stops).all() and (per_trip.nunique() == per_trip.size()).all()


def test_second_trip_waits_for_a_short_first_trip() -> None:
    """Hall's condition: a second trip goes only after a first trip back in time (duration + its last drop within
    the window); here a then b, and c then d (exactly on time), so two coaches; one coach cannot."""
    trips = [
        Trip(("a",), "bus", 10.0, last=20.0, duration=40.0),
        Trip(("b",), "bus", 10.0, last=90.0, duration=200.0),
        Trip(("c",), "bus", 10.0, last=50.0, duration=100.0),
        Trip(("d",), "bus", 10.0, last=50.0, duration=100.0),
    ]
    choice = solve_fleet(trips, ["a", "b", "c", "d"], {"bus": 5}, 150.0, 30.0, None)
    assert choice is not None and len(choice.coaches) == 2
    for coach in choice.coaches:
        first, second = (trips[k] for k in coach)
        assert first.duration + second.last <= 150.0
    assert solve_fleet(trips, ["a", "b", "c", "d"], {"bus": 1}, 150.0, 30.0, None) is None
    tighter = solve_fleet(trips, ["a", "b", "c", "d"], {"bus": 5}, 140.0, 30.0, None)  # c then d is 10 min late
    assert tighter is not None and len(tighter.coaches) == 3
    open_routes = solve_fleet(trips, ["a", "b", "c", "d"], {"bus": 5}, None, 30.0, None)
    assert open_routes is not None and len(open_routes.coaches) == 4


def test_tradeoff_same_coaches_from_ride_minutes_to_km(placed_2023: tuple) -> None:
    """Plans from ride-only to km-only keep the coaches; the km-only plan drives fewer km and rides longer; every
    plan passes the checker; the chart draws in Chinese without missing glyphs."""
    sc, plan = placed_2023
    result = tradeoff_plans(sc, plan, weights=(0.0, 30.0, None), max_iterations=3000, time_limit=300)
    t = result.table
    assert len(t) == 3 and t["coaches"].nunique() == 1
    ride_only, km_only = t.iloc[0], t.iloc[-1]
    assert km_only["km"] < ride_only["km"] and km_only["ride_minutes"] > ride_only["ride_minutes"]
    assert all(check_plan(sc, p, strict=True) == [] for p in result.plans)
    assert t["max_ride_min"].max() <= sc.policy.max_ride_min
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = tradeoff_chart(result, "zh")
        fig.canvas.draw() if hasattr(fig.canvas, "draw") else None
        fig.savefig(__import__("io").BytesIO(), format="png")
    assert fig.axes[0].get_title().startswith("同样的车辆数")


def test_manifest_follows_fleet_routes(placed_2023: tuple) -> None:
    """The fleet master's rows give a manifest with every riding worker once."""
    sc, plan = placed_2023
    placed = plan.placed[plan.placed["enterprise_id"].isin(sc.coach_enterprises.index)]
    counts = placed.groupby("enterprise_id").size()
    laixi = sc.enterprises.index[sc.enterprises["district"].isin(["laixi", "pingdu"])]
    res = route_placement(sc, counts[counts.index.isin(laixi)], time_limit=300, max_iterations=800)
    man = manifest_for(res.routes, placed[placed["enterprise_id"].isin(laixi)])
    assert man["worker_id"].is_unique and len(man) == int(counts[counts.index.isin(laixi)].sum())
    assert isinstance(res.routes, pd.DataFrame) and res.ride_minutes > 0 and res.km > 0


def test_bounds_know_stops_signs_and_lonely_stops() -> None:
    """Trips bound: 10 one-worker stops with 4 stops a trip need 3 trips (seats alone say 1); a stop too far to share
    a trip within the ride limit needs its own; the km bound is a tree with a station leg per trip, plus the drives
    back on closed routes (a line here: best 3 closed trips drive 8 + 16 + 20 km, open ones 4 + 8 + 10)."""
    import numpy as np

    from planning.routing import RoutingProblem, VehicleType
    from planning.routing.bounds import coaches_bound, km_bound, trips_bound

    xs = [0.0, *range(1, 11)]
    d = np.abs(np.subtract.outer(xs, xs))
    p = RoutingProblem(np.array([0.0] + [1.0] * 10), d, (VehicleType("bus", 50),), travel_time=d, max_stops=4)
    assert trips_bound(p) == 3 and km_bound(p, 1) == 10.0 + 1.0  # one trip: the line, and the drive back from 1
    assert km_bound(p) == 12.0 + 6.0  # three station legs cost 1 + 2 more; the three shortest drives back 1 + 2 + 3
    open_p = RoutingProblem(p.demand, d, p.vehicle_types, travel_time=d, max_stops=4, open_routes=True)
    assert km_bound(open_p) == 12.0 <= 4 + 8 + 10
    far = RoutingProblem(np.array([0.0, 1.0, 1.0]), np.array([[0, 9, 9], [9, 0, 18], [9, 18, 0]], dtype=float),
                         (VehicleType("bus", 50),), travel_time=np.array([[0, 9, 9], [9, 0, 18], [9, 18, 0]], float),
                         max_ride=20.0)
    assert trips_bound(far) == 2
    assert coaches_bound([p, far], None) == 5
    assert coaches_bound([p, far], 60.0) <= 5


def test_the_km_bound_is_below_the_best_plan_found_by_exhaustion() -> None:
    """On 40 random six-stop districts (one worker a stop, 2-3 seats, open and closed), the bound never exceeds the
    fewest km over every partition into trips and every order of each trip."""
    import itertools

    import numpy as np

    from planning.routing import RoutingProblem, VehicleType
    from planning.routing.bounds import km_bound
    from tests.planning.routing.test_routing_exact import partitions

    rng = np.random.default_rng(7)
    gaps = []
    for case in range(40):
        xy = rng.uniform(0, 10, size=(7, 2))
        xy[0] = rng.uniform(-20, 0, size=2)  # the station away from the district, as in Qingdao
        d = np.sqrt(((xy[:, None] - xy[None]) ** 2).sum(-1))
        seats, open_routes = int(rng.integers(2, 4)), bool(case % 2)
        p = RoutingProblem(np.array([0.0] + [1.0] * 6), d, (VehicleType("bus", seats),), travel_time=d,
                           open_routes=open_routes)

        def trip_km(block: list[int], d: np.ndarray = d, open_routes: bool = open_routes) -> float:
            best = np.inf
            for order in itertools.permutations(block):
                path = [0, *order] if open_routes else [0, *order, 0]
                best = min(best, sum(d[a, b] for a, b in itertools.pairwise(path)))
            return best

        best = min(sum(trip_km(b) for b in part) for part in partitions(list(range(1, 7)))
                   if all(len(b) <= seats for b in part))
        bound = km_bound(p)
        assert bound <= best + 1e-9
        gaps.append(1 - bound / best)
    assert np.mean(gaps) < 0.12  # and it is not a trivial one: measured 7% on average (a plain spanning tree: 47%)
