"""The independent checker catches planted violations."""

from __future__ import annotations

from dataclasses import replace

import pytest

from planning.routing import RoutingProblem, RoutingResult, VehicleType, check_routes, solve

from .conftest import grid_problem


def result_for(problem: RoutingProblem, routes: list[list[tuple[int, float]]], types: list[str]) -> RoutingResult:
    """A result whose figures are recomputed honestly for ``routes`` (only the plan may be wrong)."""
    from planning.routing.evaluate import evaluate_route

    evs = [evaluate_route(problem, r, problem.vehicle_type(t)) for r, t in zip(routes, types, strict=True)]
    return RoutingResult(
        routes=routes,
        route_types=types,
        cost=sum(e.cost for e in evs),
        vehicles=len(routes),
        distance=sum(e.distance for e in evs),
        ride_minutes=sum(e.ride_minutes for e in evs),
        status="feasible",
        lower_bound=None,
        gap=None,
        runtime=0.0,
        objective=problem.objective,
    )


@pytest.fixture
def limited() -> RoutingProblem:
    """Five customers, two buses of 3 seats, at most 2 stops, 4.5 minutes of ride."""
    return grid_problem(
        [(0, 0), (1, 0), (2, 0), (0, 1), (0, 2), (1, 1)],
        [1, 1, 1, 1, 2],
        (VehicleType("bus", 3, count=2), VehicleType("van", 2, count=1)),
        max_stops=2,
        max_ride=4.5,
    )


def test_good_plan_passes(limited: RoutingProblem) -> None:
    """The solver's own plan passes."""
    res = solve(limited, time_limit=5)
    assert check_routes(limited, res) == []


def test_over_capacity(limited: RoutingProblem) -> None:
    """Four seats used in a three-seat bus."""
    res = result_for(limited, [[(1, 1), (2, 1)], [(3, 1), (4, 1)], [(5, 2)]], ["bus", "bus", "van"])
    assert check_routes(limited, res) == []
    bad = result_for(limited, [[(1, 1), (5, 2)], [(2, 1), (3, 1)], [(4, 1)]], ["bus", "bus", "van"])
    assert check_routes(limited, bad) == []
    bad = result_for(limited, [[(1, 1), (5, 2)], [(2, 1), (3, 1)], [(4, 1)]], ["van", "van", "bus"])
    errors = check_routes(limited, bad)
    assert any("capacity" in e for e in errors) and any("fleet" in e for e in errors)


def test_customer_missing_and_delivered_twice(limited: RoutingProblem) -> None:
    """A missing customer and a customer served twice are both reported."""
    res = result_for(limited, [[(1, 1), (2, 1)], [(3, 1), (1, 1)], [(5, 2)]], ["bus", "bus", "van"])
    errors = check_routes(limited, res)
    assert any("node 4: delivered 0" in e for e in errors)
    assert any("node 1: delivered 2" in e for e in errors)
    assert any("visited 2 times" in e for e in errors)


def test_too_many_stops_and_ride(limited: RoutingProblem) -> None:
    """Three stops break the stop limit; a long detour breaks the ride limit."""
    res = result_for(limited, [[(1, 1), (2, 1), (3, 1)], [(4, 1)], [(5, 2)]], ["bus", "bus", "van"])
    assert any("3 stops" in e for e in check_routes(limited, res))
    res = result_for(limited, [[(2, 1), (4, 1)], [(1, 1), (3, 1)], [(5, 2)]], ["bus", "bus", "van"])
    assert any("ride of" in e for e in check_routes(limited, res))


def test_fleet_count(limited: RoutingProblem) -> None:
    """Three buses when only two exist."""
    res = result_for(limited, [[(1, 1), (2, 1)], [(3, 1), (4, 1)], [(5, 2)]], ["bus", "bus", "bus"])
    assert any("fleet 2" in e for e in check_routes(limited, res))


def test_wrong_reported_cost(limited: RoutingProblem) -> None:
    """A reported cost that does not match the routes."""
    res = result_for(limited, [[(1, 1), (2, 1)], [(3, 1), (4, 1)], [(5, 2)]], ["bus", "bus", "van"])
    errors = check_routes(limited, replace(res, cost=res.cost - 1))
    assert any("reported cost" in e for e in errors)
