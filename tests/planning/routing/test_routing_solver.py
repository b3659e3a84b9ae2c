"""The heuristic on benchmark instances, split delivery, seeds and error messages."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from planning.routing import RoutingProblem, VehicleType, check_routes, read_vrp, solve

from .conftest import grid_problem


def test_a_n32_k5_heuristic_near_optimum(cvrplib_a: Path) -> None:
    """3000 iterations (a few seconds) land within 3% of the optimum 784 and pass the checker."""
    problem = read_vrp(cvrplib_a / "A-n32-k5.vrp")
    res = solve(problem, time_limit=60.0, seed=0, max_iterations=3000)
    assert check_routes(problem, res) == []
    assert res.cost <= 784 * 1.03
    assert res.status == "feasible" and res.vehicles >= res.vehicles_lower_bound == 5


def test_split_delivery_when_demand_exceeds_every_vehicle() -> None:
    """An enterprise with 130 workers and 50-seat coaches is served by three coaches."""
    problem = grid_problem(
        [(0, 0), (5, 0), (0, 3), (1, 1)],
        [130, 20, 10],
        (VehicleType("coach", 50),),
        split_delivery=True,
        objective="vehicles_then_ride",
    )
    res = solve(problem, time_limit=3)
    assert check_routes(problem, res) == []
    assert res.vehicles == 4 == res.vehicles_lower_bound
    assert sum(q for r in res.routes for n, q in r if n == 1) == 130


def test_split_refused_without_flag() -> None:
    """Without split delivery, a demand above every capacity is a clear error."""
    with pytest.raises(ValueError, match="above the largest capacity"):
        grid_problem([(0, 0), (1, 0)], [60], (VehicleType("coach", 50),))


def test_same_seed_same_result_with_iteration_budget() -> None:
    """With an iteration budget the search is reproducible to the route."""
    rng = np.random.default_rng(3)
    pts = [tuple(p) for p in rng.integers(0, 100, size=(31, 2)).tolist()]
    problem = grid_problem(pts, rng.integers(1, 10, size=30).tolist(), (VehicleType("v", 25),))
    a = solve(problem, time_limit=30, seed=7, exact=False, max_iterations=300)
    b = solve(problem, time_limit=30, seed=7, exact=False, max_iterations=300)
    assert a.routes == b.routes and a.cost == b.cost
    assert check_routes(problem, a) == []


def test_limits_respected_on_random_instance() -> None:
    """Stops, ride limit, fleet and two vehicle types on 25 customers."""
    rng = np.random.default_rng(5)
    pts = [tuple(p) for p in rng.integers(0, 30, size=(26, 2)).tolist()]
    problem = grid_problem(
        pts,
        rng.integers(1, 12, size=25).tolist(),
        (VehicleType("c53", 53, 900, 8, count=6), VehicleType("c35", 35, 700, 6, count=None)),
        max_stops=4,
        max_ride=60.0,
        service_fixed=2.0,
        service_per_unit=0.1,
        objective="cost",
    )
    res = solve(problem, time_limit=4)
    assert check_routes(problem, res) == []
    assert res.lower_bound is not None and res.lower_bound <= res.cost


def test_problem_validation_messages() -> None:
    """Bad inputs name the field and value."""
    with pytest.raises(ValueError, match="objective"):
        RoutingProblem(np.zeros(2), np.zeros((2, 2)), (VehicleType("v", 1),), objective="fast")
    with pytest.raises(ValueError, match="travel_time"):
        RoutingProblem(np.zeros(2), np.zeros((2, 2)), (VehicleType("v", 1),), max_ride=3.0)
    with pytest.raises(ValueError, match="capacity > 0"):
        VehicleType("v", 0)


def test_split_master_beats_whole_deliveries(tmp_path: Path) -> None:
    """Six customers of 0.6 Q each: splitting needs 4 vehicles, whole deliveries 6; the checker agrees."""
    from planning.routing import read_sdvrp

    f = tmp_path / "six.sd"
    f.write_text("6 10\n6 6 6 6 6 6\n0 0\n10 0\n11 0\n12 0\n10 1\n11 1\n12 1\n")
    problem = read_sdvrp(f)
    res = solve(problem, time_limit=4, exact=False)
    assert check_routes(problem, res) == []
    assert res.vehicles == 4
    assert all(float(q).is_integer() for r in res.routes for _, q in r)


def test_vehicle_bound_counts_stops() -> None:
    """Five customers with at most two stops per route need at least three vehicles."""
    problem = grid_problem(
        [(0, 0), (1, 0), (2, 0), (3, 0), (4, 0), (5, 0)], [1] * 5, (VehicleType("v", 10),), max_stops=2
    )
    res = solve(problem, time_limit=3)
    assert res.vehicles_lower_bound == 3 == res.vehicles


def test_no_customers_is_an_empty_optimal_plan() -> None:
    """Zero demand everywhere: no routes, proven optimal."""
    res = solve(RoutingProblem(np.zeros(3), np.ones((3, 3)), (VehicleType("v", 1),)))
    assert res.routes == [] and res.status == "optimal" and res.cost == 0


def test_customer_beyond_ride_limit_is_named() -> None:
    """A customer farther than the ride limit is named with the minutes over."""
    problem = RoutingProblem(
        np.array([0.0, 1, 1]),
        np.full((3, 3), 5.0),
        (VehicleType("v", 2),),
        travel_time=np.full((3, 3), 5.0),
        max_ride=4.0,
    )
    with pytest.raises(ValueError, match=r"node 1 is 5\.0 min from the depot, 1\.0 min over"):
        solve(problem)
